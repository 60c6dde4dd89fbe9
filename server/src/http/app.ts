/**
 * The express application: security headers, operational endpoints, the API (added by feature
 * modules), and one error handler that turns every failure into problem+json.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express, type Request } from 'express';
import helmet from 'helmet';
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
  /** ACCORD_METRICS_TOKEN: /metrics wants it as a bearer token; without one, loopback only. */
  metricsToken?: string | undefined;
  /** Whether notifications go out by e-mail (an SMTP server is configured): shown by /healthz. */
  email?: 'on' | 'off';
}

/**
 * The Content-Security-Policy the app and every API answer carry. The built app has no inline
 * script, so scripts come from this origin only. Inline `style` attributes are allowed (the
 * editor and React set positions and colours on elements; an attribute cannot run script nor
 * hold a selector), `<style>` elements are not. `connect-src 'self'` covers the same-origin
 * ws:/wss: of socket.io and the collaboration socket (CSP Level 3). No upgrade-insecure-requests:
 * Accord may be served over plain HTTP on a conference network.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    styleSrcAttr: ["'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Loopback addresses, IPv4, IPv6 and IPv4-mapped. */
const isLoopback = (address: string | undefined) =>
  address !== undefined && /^(127\.|::1$|::ffff:127\.)/.test(address);

/** Whether a request may read /metrics: the bearer token when one is set, else loopback. */
function mayReadMetrics(req: Request, token: string | undefined): boolean {
  if (token === undefined) return isLoopback(req.ip);
  const given = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
  // Compare digests so the comparison takes the same time whatever the length.
  return timingSafeEqual(sha256(given), sha256(token));
}

export function createHttpApp(deps: HttpAppDeps): Express {
  const { store, metrics, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      referrerPolicy: { policy: 'no-referrer' },
      frameguard: { action: 'deny' },
    }),
  );
  app.use(observeRequests(logger, metrics));

  app.get('/healthz', async (_req, res) => {
    const body = {
      status: 'ok' as 'ok' | 'unavailable',
      version: deps.version,
      store: store.kind,
      startedAt: deps.startedAt.toISOString(),
      ...(deps.email ? { email: deps.email } : {}),
    };
    try {
      await store.ping();
      res.json(body);
    } catch (error) {
      logger.warn({ err: error }, 'health check: event store unavailable');
      res.status(503).json({ ...body, status: 'unavailable' });
    }
  });

  app.get('/metrics', async (req, res, next) => {
    if (!mayReadMetrics(req, deps.metricsToken)) {
      const problem =
        deps.metricsToken === undefined
          ? HttpProblem.of(
              403,
              'metrics-loopback-only',
              'Metrics are served to this machine only',
              'Set ACCORD_METRICS_TOKEN to scrape /metrics from elsewhere with a bearer token.',
            )
          : HttpProblem.of(
              401,
              'metrics-token-required',
              'Metrics need the metrics token',
              'Send Authorization: Bearer <ACCORD_METRICS_TOKEN>.',
            );
      if (deps.metricsToken !== undefined) res.set('WWW-Authenticate', 'Bearer realm="metrics"');
      next(problem);
      return;
    }
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
