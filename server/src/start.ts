#!/usr/bin/env node
/**
 * Starts Accord (run by the launcher, `main.ts`, from the bundle or as it is). Stops cleanly on
 * SIGTERM/SIGINT so the event store flushes its last group commit before the process exits.
 *
 * It serves through the startup gate the launcher opened before loading this code (or opens one
 * itself): clients reconnecting to a restarting node are held until it is ready rather than
 * refused and left to back off, and /healthz answers 503 until then.
 */
import { ConfigError, loadConfig, type Config } from './config.js';
import { fromLauncher } from './launch/handoff.js';
import { createLogger, type Logger } from './observability/logger.js';
import { openStartupGate, type StartupGate } from './startup-gate.js';
import { StartupTimeline } from './startup-timeline.js';

async function main(): Promise<void> {
  // Started first: its `modules` step is Node's own start plus loading this module's imports.
  const timeline = new StartupTimeline(true);
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const gate = await listening(config, logger);
  timeline.mark('listen');
  const { startServer } = await import('./server.js');
  timeline.mark('serverModules');
  const server = await startServer(config, { timeline, logger, gate });
  saveCodeCache(server.logger);
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

/** The gate the launcher opened when it listens where the configuration says, else a new one. */
async function listening(config: Config, logger: Logger): Promise<StartupGate> {
  const early = fromLauncher().gate;
  if (early && early.address.port === config.port && early.address.host === config.host) {
    return early;
  }
  await early?.abort();
  return openStartupGate({ port: config.port, host: config.host, logger });
}

/** After a start compiled from source, keeps what it compiled for the next one (see launch/). */
function saveCodeCache(logger: Logger): void {
  const cache = fromLauncher().codeCache;
  if (!cache) return;
  if (cache.status === 'used') return logger.info('started from the code cache');
  cache.save().then(
    ({ file, bytes }) =>
      logger.info({ file, bytes, was: cache.status }, 'start-up code cache saved'),
    (error: unknown) => logger.warn({ err: error }, 'start-up code cache not saved'),
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Accord failed to start:', error);
  process.exit(1);
});
