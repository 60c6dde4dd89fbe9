/**
 * Configuration from the environment, validated once at start-up so a typo fails loudly
 * instead of silently falling back to a default.
 */
import path from 'node:path';
import { z } from 'zod';

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  ACCORD_DATA_DIR: z.string().min(1).default('./data'),
  EVENTSTORE_CONNECTION_STRING: z
    .string()
    .regex(/^(esdb|kurrentdb|kdb)(\+discover)?:\/\//, 'must start with esdb:// or kurrentdb://')
    .optional(),
  /** SQLite durability: NORMAL survives a process crash, FULL also survives power loss. */
  ACCORD_SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('FULL'),
  /** Seed the demo negotiation on first start with an empty store. */
  ACCORD_DEMO: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('production'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  eventStoreConnectionString: string | undefined;
  sqliteSynchronous: 'NORMAL' | 'FULL';
  seedDemo: boolean;
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  production: boolean;
  /** Bytes, depths and workers for imports and exports (see ProcessingLimitsSchema). */
  limits: ProcessingLimits;
  /** When set, /metrics wants `Authorization: Bearer <token>`; unset, it answers loopback only. */
  metricsToken: string | undefined;
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
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.ACCORD_DATA_DIR),
    eventStoreConnectionString: c.EVENTSTORE_CONNECTION_STRING,
    sqliteSynchronous: c.ACCORD_SQLITE_SYNCHRONOUS,
    seedDemo: c.ACCORD_DEMO === 'true',
    logLevel: c.LOG_LEVEL,
    production: c.NODE_ENV === 'production',
    limits: processingLimits(env),
    metricsToken: metricsToken(env),
  };
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
