/**
 * Configuration from the environment, validated once at start-up so a typo fails loudly
 * instead of silently falling back to a default.
 */
import { hostname } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { DOCUMENT_LIMITS, normaliseEmail } from '@accord/shared';
import {
  ClusterSettingsSchema,
  clusterSettingsOf,
  type ClusterSettings,
} from './cluster/cluster-settings.js';
import { DEMO_OPERATOR_EMAIL } from './demo/demo-negotiation.js';
import { DEFAULT_HOST, DEFAULT_PORT } from './listen-address.js';

const socketBudget = (fallback: number) =>
  z.coerce.number().int().min(1).max(1_000_000).default(fallback);

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  HOST: z.string().min(1).default(DEFAULT_HOST),
  ACCORD_DATA_DIR: z.string().min(1).default('./data'),
  EVENTSTORE_CONNECTION_STRING: z
    .string()
    .regex(/^(esdb|kurrentdb|kdb)(\+discover)?:\/\//, 'must start with esdb:// or kurrentdb://')
    .optional(),
  /** A PostgreSQL database for the event store, shared by several Accord processes. */
  ACCORD_POSTGRES_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** SQLite durability: NORMAL survives a process crash, FULL also survives power loss. */
  ACCORD_SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('FULL'),
  /** Seed the demo negotiation on first start with an empty store. */
  ACCORD_DEMO: z.enum(['true', 'false']).default('true'),
  /** Comma-separated e-mails of the people who may open negotiations (see `operatorsOf`). */
  ACCORD_OPERATORS: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((e) => e.trim())
        .filter((e) => e !== ''),
    )
    .pipe(z.array(z.email('each entry must be an e-mail address').max(254)))
    .optional(),
  /** REST writes (POST/PUT/PATCH/DELETE under /api) one user, or one address signed out, may make a minute. */
  ACCORD_REST_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(240),
  /** Reads of the public pages' endpoints (/api/public/…) one address may make a minute. */
  ACCORD_PUBLIC_READS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** socket.io sockets one user may hold on this node, across tabs (more: connect_error). */
  ACCORD_SOCKETIO_MAX_CONNECTIONS_PER_USER: socketBudget(20),
  /** socket.io sockets the members of one delegation may hold together on this node. */
  ACCORD_SOCKETIO_MAX_CONNECTIONS_PER_STAKEHOLDER: socketBudget(200),
  /** socket.io room requests per second of one user across their sockets (burst: four times). */
  ACCORD_SOCKETIO_REQUESTS_PER_SECOND: socketBudget(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Read by the launcher (main.ts) before this runs; checked here so a typo stops the start. */
  ACCORD_CODE_CACHE: z.enum(['on', 'off']).optional(),
  NODE_ENV: z.string().default('production'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  eventStoreConnectionString: string | undefined;
  /** ACCORD_POSTGRES_URL: when set, the event store is PostgreSQL. */
  postgresUrl: string | undefined;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  seedDemo: boolean;
  /** Normalised e-mails of the operators, the only people who may open a negotiation. */
  operators: readonly string[];
  /** The REST write budget of one user (or one address for public writes) per minute. */
  restWritesPerMinute: number;
  /** Reads of the public pages' endpoints one address may make per minute. */
  publicReadsPerMinute: number;
  /** Per-person budgets of the socket.io gateway (ACCORD_SOCKETIO_*). */
  socketio: {
    maxConnectionsPerUser: number;
    maxConnectionsPerStakeholder: number;
    userRequestRate: { perSecond: number; burst: number };
  };
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  production: boolean;
  /** Bytes, depths and workers for imports and exports (see ProcessingLimitsSchema). */
  limits: ProcessingLimits;
  /** When set, /metrics wants `Authorization: Bearer <token>`; unset, it answers loopback only. */
  metricsToken: string | undefined;
  /** Budgets of the live collaboration gateway (see CollabLimitsSchema). */
  collab: CollabLimits;
  /** E-mail notifications (see MailSettingsSchema); `smtpUrl` undefined: e-mail is off. */
  mail: MailSettings;
  /** Several nodes on one store and one Redis (ACCORD_REDIS_URL); undefined: a single node. */
  cluster: ClusterSettings | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings in the environment mean "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.EVENTSTORE_CONNECTION_STRING && c.ACCORD_POSTGRES_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  EVENTSTORE_CONNECTION_STRING and ACCORD_POSTGRES_URL both name an event store; set one',
    );
  }
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.ACCORD_DATA_DIR),
    eventStoreConnectionString: c.EVENTSTORE_CONNECTION_STRING,
    postgresUrl: c.ACCORD_POSTGRES_URL,
    sqliteSynchronous: c.ACCORD_SQLITE_SYNCHRONOUS,
    seedDemo: c.ACCORD_DEMO === 'true',
    operators: operatorsOf(c.ACCORD_OPERATORS, c.ACCORD_DEMO === 'true'),
    restWritesPerMinute: c.ACCORD_REST_WRITES_PER_MINUTE,
    publicReadsPerMinute: c.ACCORD_PUBLIC_READS_PER_MINUTE,
    socketio: {
      maxConnectionsPerUser: c.ACCORD_SOCKETIO_MAX_CONNECTIONS_PER_USER,
      maxConnectionsPerStakeholder: c.ACCORD_SOCKETIO_MAX_CONNECTIONS_PER_STAKEHOLDER,
      userRequestRate: {
        perSecond: c.ACCORD_SOCKETIO_REQUESTS_PER_SECOND,
        burst: c.ACCORD_SOCKETIO_REQUESTS_PER_SECOND * 4,
      },
    },
    logLevel: c.LOG_LEVEL,
    production: c.NODE_ENV === 'production',
    limits: processingLimits(env),
    metricsToken: metricsToken(env),
    collab: collabLimits(env),
    mail: mailSettings(env, c.PORT, c.HOST),
    cluster: clusterConfig(env, c.PORT, c.HOST),
  };
}

function clusterConfig(env: NodeJS.ProcessEnv, port: number, host: string) {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ClusterSettingsSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return clusterSettingsOf(parsed.data, port, host, hostname());
}

/** Where notifications are sent from and what their links point at. */
export const MailSettingsSchema = z.object({
  /** The SMTP server, e.g. `smtp://user:pw@mail.example.org:587`; unset, no e-mail is sent. */
  ACCORD_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  ACCORD_MAIL_FROM: z.string().min(3).max(320).default('Accord <accord@localhost>'),
  /** The address people open Accord at, for links in e-mails (default: this server's own). */
  ACCORD_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The hour (UTC) the daily digest goes out. */
  ACCORD_DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(7),
  /** How long before a deadline people are reminded of it. */
  ACCORD_DEADLINE_REMINDER_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 14)
    .default(24),
});

export interface MailSettings {
  smtpUrl: string | undefined;
  from: string;
  publicUrl: string;
  digestHourUtc: number;
  deadlineReminderMs: number;
}

export function mailSettings(env: NodeJS.ProcessEnv, port: number, host: string): MailSettings {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = MailSettingsSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const ownAddress = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    smtpUrl: c.ACCORD_SMTP_URL,
    from: c.ACCORD_MAIL_FROM,
    publicUrl: (c.ACCORD_PUBLIC_URL ?? ownAddress).replace(/\/+$/, ''),
    digestHourUtc: c.ACCORD_DIGEST_HOUR_UTC,
    deadlineReminderMs: c.ACCORD_DEADLINE_REMINDER_HOURS * 3_600_000,
  };
}

/**
 * Who may open a negotiation: the ACCORD_OPERATORS list when it is set. Unset, the demo's
 * secretariat is the operator while the demo is on (so the seeded demo can open more), and
 * nobody is otherwise: a server without operators only serves the negotiations it has.
 */
export function operatorsOf(listed: readonly string[] | undefined, demo: boolean): string[] {
  if (listed !== undefined) return [...new Set(listed.map(normaliseEmail))];
  return demo ? [normaliseEmail(DEMO_OPERATOR_EMAIL)] : [];
}

const MiB = 1024 * 1024;
const positiveInt = (fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/**
 * Limits on the work one upload or one export may cause, each from its own variable so an
 * operator can raise one without touching the others. The README lists them with their defaults.
 */
export const ProcessingLimitsSchema = z.object({
  /** The largest upload an import reads. */
  ACCORD_IMPORT_MAX_BYTES: positiveInt(10 * MiB, 1024 * MiB),
  /** The sum of a Word file's parts once unpacked. */
  ACCORD_IMPORT_MAX_UNPACKED_BYTES: positiveInt(64 * MiB, 4096 * MiB),
  /** Parts in a Word file's zip archive. */
  ACCORD_IMPORT_MAX_ZIP_ENTRIES: positiveInt(1000, 65535),
  /** How many times larger than its compressed size a large part may unpack. */
  ACCORD_IMPORT_MAX_ZIP_RATIO: positiveInt(200),
  /** Nesting of block quotes and lists in a Markdown draft. */
  ACCORD_IMPORT_MAX_MARKDOWN_DEPTH: positiveInt(32, 1000),
  /** Worker threads that parse imports and render exports (0 = in the calling thread). */
  ACCORD_WORKERS: z.coerce.number().int().min(0).max(64).default(1),
  /** Tasks that may wait for a worker before new ones are refused with 503. */
  ACCORD_WORKER_QUEUE: z.coerce.number().int().min(0).max(10_000).default(8),
  /** Milliseconds one import or export may run before it is stopped. */
  ACCORD_WORKER_TIMEOUT_MS: positiveInt(60_000),
  /** Old-generation heap of one worker, in MiB. */
  ACCORD_WORKER_MAX_HEAP_MB: positiveInt(512, 65536),
});

export interface ProcessingLimits {
  importMaxBytes: number;
  importMaxUnpackedBytes: number;
  importMaxZipEntries: number;
  importMaxZipRatio: number;
  importMaxMarkdownDepth: number;
  workers: number;
  workerQueue: number;
  workerTimeoutMs: number;
  workerMaxHeapMb: number;
}

/** The processing limits the environment sets; throws ConfigError naming a bad variable. */
export function processingLimits(env: NodeJS.ProcessEnv = process.env): ProcessingLimits {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = ProcessingLimitsSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    importMaxBytes: c.ACCORD_IMPORT_MAX_BYTES,
    importMaxUnpackedBytes: c.ACCORD_IMPORT_MAX_UNPACKED_BYTES,
    importMaxZipEntries: c.ACCORD_IMPORT_MAX_ZIP_ENTRIES,
    importMaxZipRatio: c.ACCORD_IMPORT_MAX_ZIP_RATIO,
    importMaxMarkdownDepth: c.ACCORD_IMPORT_MAX_MARKDOWN_DEPTH,
    workers: c.ACCORD_WORKERS,
    workerQueue: c.ACCORD_WORKER_QUEUE,
    workerTimeoutMs: c.ACCORD_WORKER_TIMEOUT_MS,
    workerMaxHeapMb: c.ACCORD_WORKER_MAX_HEAP_MB,
  };
}

const MetricsTokenSchema = z
  .string()
  .min(16, 'must be at least 16 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
  .optional();

function metricsToken(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.ACCORD_METRICS_TOKEN === '' ? undefined : env.ACCORD_METRICS_TOKEN;
  const parsed = MetricsTokenSchema.safeParse(value);
  if (!parsed.success)
    throw new ConfigError(
      `Invalid configuration:\n  ACCORD_METRICS_TOKEN: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  return parsed.data;
}

/**
 * Budgets of the collaboration websocket (server/src/collab/README.md lists them). Rates are
 * per second; bursts are four times the rate for updates and twice for awareness.
 */
export const CollabLimitsSchema = z.object({
  /** Stored size past which a document refuses client updates (close 4415). */
  ACCORD_COLLAB_MAX_DOCUMENT_BYTES: positiveInt(64 * MiB),
  /** Unsent bytes one connection may hold before it is closed (1013). */
  ACCORD_COLLAB_MAX_BUFFERED_BYTES: positiveInt(8 * MiB),
  /** Unsent bytes all connections together may hold before slow ones are closed (1013). */
  ACCORD_COLLAB_MAX_TOTAL_BUFFERED_BYTES: positiveInt(64 * MiB),
  /** Live connections per user on one node (upgrade refused with 429). */
  ACCORD_COLLAB_MAX_CONNECTIONS_PER_USER: positiveInt(20),
  /** Live connections per delegation on one node (upgrade refused with 429). */
  ACCORD_COLLAB_MAX_CONNECTIONS_PER_STAKEHOLDER: positiveInt(200),
  /** Document updates per second of one user across their connections (close 4429). */
  ACCORD_COLLAB_USER_UPDATES_PER_SECOND: positiveInt(150),
  /** Document updates per second of one delegation (close 4429). */
  ACCORD_COLLAB_STAKEHOLDER_UPDATES_PER_SECOND: positiveInt(400),
  /** Awareness updates per second of one user (excess dropped). */
  ACCORD_COLLAB_USER_AWARENESS_PER_SECOND: positiveInt(30),
  /** Awareness updates per second of one delegation (excess dropped). */
  ACCORD_COLLAB_STAKEHOLDER_AWARENESS_PER_SECOND: positiveInt(120),
  /** Characters one paragraph's text may reach through a client update (close 4415). */
  ACCORD_COLLAB_MAX_PARAGRAPH_CHARS: positiveInt(DOCUMENT_LIMITS.paragraphText),
  /** A text snapshot after this many updates… (server/src/text/README.md, "Snapshots") */
  ACCORD_TEXT_SNAPSHOT_EVERY_UPDATES: positiveInt(500),
  /** …or this many bytes of updates… */
  ACCORD_TEXT_SNAPSHOT_EVERY_BYTES: positiveInt(MiB),
  /**
   * …and this many newest snapshots stay readable, older ones truncated; 0 (the default) keeps
   * every one, so time travel anywhere starts from a near snapshot (server/src/text/README.md).
   */
  ACCORD_TEXT_SNAPSHOTS_KEPT: z.coerce.number().int().min(0).default(0),
});

interface Rate {
  perSecond: number;
  burst: number;
}

export interface CollabLimits {
  maxDocumentBytes: number;
  maxParagraphChars: number;
  snapshotEvery: { updates: number; bytes: number; keep: number };
  maxBufferedBytes: number;
  maxTotalBufferedBytes: number;
  personLimits: {
    maxConnectionsPerUser: number;
    maxConnectionsPerStakeholder: number;
    userUpdateRate: Rate;
    stakeholderUpdateRate: Rate;
    userAwarenessRate: Rate;
    stakeholderAwarenessRate: Rate;
  };
}

export function collabLimits(env: NodeJS.ProcessEnv = process.env): CollabLimits {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = CollabLimitsSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const rate = (perSecond: number, burstFactor: number): Rate => ({
    perSecond,
    burst: perSecond * burstFactor,
  });
  return {
    maxDocumentBytes: c.ACCORD_COLLAB_MAX_DOCUMENT_BYTES,
    maxParagraphChars: c.ACCORD_COLLAB_MAX_PARAGRAPH_CHARS,
    snapshotEvery: {
      updates: c.ACCORD_TEXT_SNAPSHOT_EVERY_UPDATES,
      bytes: c.ACCORD_TEXT_SNAPSHOT_EVERY_BYTES,
      keep: c.ACCORD_TEXT_SNAPSHOTS_KEPT,
    },
    maxBufferedBytes: c.ACCORD_COLLAB_MAX_BUFFERED_BYTES,
    maxTotalBufferedBytes: c.ACCORD_COLLAB_MAX_TOTAL_BUFFERED_BYTES,
    personLimits: {
      maxConnectionsPerUser: c.ACCORD_COLLAB_MAX_CONNECTIONS_PER_USER,
      maxConnectionsPerStakeholder: c.ACCORD_COLLAB_MAX_CONNECTIONS_PER_STAKEHOLDER,
      userUpdateRate: rate(c.ACCORD_COLLAB_USER_UPDATES_PER_SECOND, 4),
      stakeholderUpdateRate: rate(c.ACCORD_COLLAB_STAKEHOLDER_UPDATES_PER_SECOND, 4),
      userAwarenessRate: rate(c.ACCORD_COLLAB_USER_AWARENESS_PER_SECOND, 2),
      stakeholderAwarenessRate: rate(c.ACCORD_COLLAB_STAKEHOLDER_AWARENESS_PER_SECOND, 2),
    },
  };
}
