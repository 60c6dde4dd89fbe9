/**
 * The composition root: builds every part of a running Accord from its configuration and
 * hands back one object that can be closed. main.ts and the integration tests both use it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { instrumentEventStore } from './eventstore/instrumented-event-store.js';
import { openEventStore } from './eventstore/open-event-store.js';
import type { EventStore } from './eventstore/port.js';
import { createHttpApp, installErrorHandling } from './http/app.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { version } from './version.js';

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  store: EventStore;
  metrics: Metrics;
  logger: Logger;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Use this store instead of opening one from the configuration (tests). */
  store?: EventStore;
  logger?: Logger;
}

export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics();
  const store = instrumentEventStore(options.store ?? openEventStore(config), metrics);
  await store.ping();

  const app = createHttpApp({ store, metrics, logger, version, startedAt: new Date() });
  installErrorHandling(app, logger);

  const httpServer = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url, store: store.kind }, 'Accord is listening');

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      logger.info('shutting down');
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await store.close();
      logger.info('shut down cleanly');
    })());

  return { url, httpServer, store, metrics, logger, close };
}
