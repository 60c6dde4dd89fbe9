#!/usr/bin/env node
/**
 * Starts Accord: `node server/dist/main.js`. Stops cleanly on SIGTERM/SIGINT so the event
 * store flushes its last group commit before the process exits.
 */
import { ConfigError, loadConfig } from './config.js';
import { startServer } from './server.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  const stop = (signal: NodeJS.Signals): void => {
    server.logger.info({ signal }, 'signal received');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Accord failed to start:', error);
  process.exit(1);
});
