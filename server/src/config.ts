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
  };
}
