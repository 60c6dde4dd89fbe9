/**
 * The express application: operational endpoints, the API (added by feature modules), and
 * one error handler that turns every failure into problem+json.
 */
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { EventStore } from '../eventstore/port.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { observeRequests } from './observe-requests.js';
import { HttpProblem, sendProblem, toProblem } from './problem.js';

export interface HttpAppDeps {
  store: EventStore;
  metrics: Metrics;
  logger: Logger;
  version: string;
  startedAt: Date;
}

export function createHttpApp(deps: HttpAppDeps): Express {
  const { store, metrics, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(observeRequests(logger, metrics));

  app.get('/healthz', async (_req, res) => {
    const body = {
      status: 'ok' as 'ok' | 'unavailable',
      version: deps.version,
      store: store.kind,
      startedAt: deps.startedAt.toISOString(),
    };
    try {
      await store.ping();
      res.json(body);
    } catch (error) {
      logger.warn({ err: error }, 'health check: event store unavailable');
      res.status(503).json({ ...body, status: 'unavailable' });
    }
  });

  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  return app;
}

/** Must be installed after every route: unknown routes and errors become problem+json. */
export function installErrorHandling(app: Express, logger: Logger): void {
  app.use((req, _res, next) => {
    next(HttpProblem.of(404, 'not-found', 'Not found', `No route for ${req.method} ${req.path}`));
  });
  const handler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    const problem = toProblem(error);
    if (problem.status >= 500) logger.error({ err: error, url: req.originalUrl }, 'request failed');
    if (res.headersSent) {
      res.end();
      return;
    }
    sendProblem(res, { ...problem, instance: req.originalUrl });
  };
  app.use(handler);
}
