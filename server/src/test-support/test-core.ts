// An application core on a fresh SQLite data directory, quiet and without fsync waits: for the
// specs that seed the demo and read what the core builds, without an HTTP server.
import { loadConfig } from '../config.js';
import { createCore, type AccordCore } from '../core.js';
import { createLogger } from '../observability/logger.js';

export function createTestCore(dataDir: string): Promise<AccordCore> {
  const config = loadConfig({
    ACCORD_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ACCORD_SQLITE_SYNCHRONOUS: 'NORMAL',
  });
  return createCore(config, createLogger('silent'));
}
