/**
 * The composition root: builds every part of a running Accord from its configuration and
 * hands back one object that can be closed. main.ts and the integration tests both use it.
 *
 * One HTTP server carries the REST API (/api), socket.io (/socket.io) for live application
 * events, and the y-websocket collaboration endpoint (/collab/<documentId>).
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { mountApi } from './api/create-api.js';
import { createOperatorPolicy } from './application/negotiations/operator-policy.js';
import type { Config } from './config.js';
import { createCore, type AccordCore, type CoreOptions } from './core.js';
import { createHttpApp, installErrorHandling } from './http/app.js';
import { answerClientErrors } from './http/client-errors.js';
import { serveClient } from './http/static-client.js';
import { createLogger, type Logger } from './observability/logger.js';
import { sessionAuthenticator } from './realtime/session-auth.js';
import { createSocketGateway } from './realtime/socket-gateway.js';
import { mergeChangeFeeds } from './notifications/merged-feed.js';
import { excludedRoles } from './application/segments/segment-gate.js';
import { closeWorkerPool } from './workers/pool.js';
import { version } from './version.js';
import { StartupTimeline } from './startup-timeline.js';
import { openStartupGate, type StartupGate } from './startup-gate.js';
import type { EventStore } from './eventstore/port.js';

export interface RunningServer extends AccordCore {
  url: string;
  httpServer: http.Server;
}

/** `store`: use this store instead of opening one from the configuration (tests). */
export interface StartOptions extends CoreOptions {
  logger?: Logger;
  /** Already listening and holding early clients (main.ts opens it before loading this module). */
  gate?: StartupGate;
}

export async function startServer(
  config: Config,
  options: StartOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  // Listening from here on: clients that come while the node starts wait instead of being refused.
  const gate =
    options.gate ?? (await openStartupGate({ port: config.port, host: config.host, logger }));
  try {
    return await startBehindGate(config, options, logger, gate);
  } catch (error) {
    await gate.abort();
    throw error;
  }
}

async function startBehindGate(
  config: Config,
  options: StartOptions,
  logger: Logger,
  gate: StartupGate,
): Promise<RunningServer> {
  const timeline = options.timeline ?? new StartupTimeline();
  const core = await createCore(config, logger, { ...options, timeline });
  const { store, metrics, readModels, commands, accounts, collab, text, access } = core;
  const { queries } = readModels;
  // First start on an empty store: a demo negotiation to explore (ACCORD_DEMO=false turns it off).
  // The seeding modules are loaded only then, not on every start.
  if (config.seedDemo && (await isEmpty(store))) {
    const { seedDemoIfEmpty } = await import('./demo/seed-demo.js');
    await seedDemoIfEmpty(core, logger);
  }
  timeline.mark('demo');

  const app = createHttpApp({
    store,
    metrics,
    logger,
    version,
    startedAt: new Date(),
    metricsToken: config.metricsToken,
    email: core.notifications.mailer.configured ? 'on' : 'off',
  });
  const { httpServer } = gate;
  // Requests Node's parser refuses (headers too large, not HTTP) get problem+json too.
  answerClientErrors(httpServer, logger);
  const sockets = createSocketGateway({
    httpServer,
    logger: logger.child({ component: 'socket.io' }),
    metrics,
    authenticate: sessionAuthenticator({ accounts, queries }),
    membership: (negotiationId, userId) => {
      const membership = queries.getMembership(negotiationId, userId);
      if (!membership) return Promise.resolve(undefined);
      const stakeholder = queries
        .listStakeholders(negotiationId)
        .find((s) => s.stakeholderId === membership.stakeholderId);
      return Promise.resolve({
        ...membership,
        ...(stakeholder ? { stakeholderName: stakeholder.name } : {}),
      });
    },
    documentNegotiation: (documentId) =>
      Promise.resolve(queries.getDocument(documentId)?.negotiationId),
    excludedRoles: ({ negotiationId, documentId }) => {
      const id = negotiationId ?? (documentId && queries.getDocument(documentId)?.negotiationId);
      return id ? excludedRoles(queries.listSegments(id)) : [];
    },
    stakeholdersOf: (userId) =>
      Promise.resolve(queries.listNegotiationsForUser(userId).map((n) => n.stakeholderId)),
    limits: config.socketio,
    ...(core.cluster
      ? {
          budgetStores: core.cluster.budgets.socket,
          attachAdapter: (io) => core.cluster!.attachSocketIo(io),
        }
      : {}),
    changes: mergeChangeFeeds(readModels.projector, core.notifications.changes),
  });
  // socket.io rooms follow membership changes through the same path as the collaborative text.
  const detachSockets = access.attach({
    memberChanged: (negotiationId, userId) => sockets.refreshMembership(negotiationId, userId),
    signedOut: (userId) => sockets.checkUserSessions(userId),
  });
  mountApi(app, {
    commands,
    queries,
    accounts,
    text,
    access,
    store,
    services: core.services,
    notifications: core.notifications.service,
    operators: createOperatorPolicy(config.operators),
    restWritesPerMinute: config.restWritesPerMinute,
    publicReadsPerMinute: config.publicReadsPerMinute,
    ...(core.cluster ? { sharedLimits: core.cluster.httpLimits } : {}),
  });
  // Peers' text work on the documents this node owns (loaded, like the cluster, only in one).
  if (core.cluster) {
    const { internalTextRoutes } = await import('./http/internal-text-routes.js');
    app.use(internalTextRoutes({ ...core.cluster.internalText(), logger }));
  }
  if (!serveClient(app))
    logger.warn('client/dist not found: serving the API only (npm run build builds the app)');
  installErrorHandling(app, logger);
  timeline.mark('http');
  // Serving from now on, and what came during the start is handled. socket.io answers its own
  // path; the collaboration gateway takes /collab/…; nothing else upgrades.
  gate.open({
    request: app,
    upgrade: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      if (req.url?.startsWith('/socket.io/')) return;
      if (!collab.handleUpgrade(req, socket, head)) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      }
    },
  });
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${gate.port}`;
  timeline.mark('open');
  logger.info(
    {
      url,
      store: store.kind,
      startup: { ...timeline.steps, totalMs: timeline.totalMs, cpuMs: timeline.cpuMs },
    },
    'Accord is listening',
  );
  await core.cluster?.listeningAt(url);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      logger.info('shutting down');
      detachSockets();
      await sockets.close();
      await collab.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await core.close();
      await closeWorkerPool();
      logger.info('shut down cleanly');
    })());

  return { ...core, url, httpServer, close };
}

async function isEmpty(store: EventStore): Promise<boolean> {
  for await (const _ of store.readAll({ maxCount: 1 })) return false;
  return true;
}
