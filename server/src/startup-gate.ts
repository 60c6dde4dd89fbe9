/**
 * The HTTP server, listening from the first moments of a start so that clients reconnecting to
 * a restarting node are accepted and wait rather than being refused and backing off. Until the
 * node is ready, /healthz answers 503 `starting` (it claims nothing it cannot serve), and every
 * other request and upgrade is held; once the node is ready, the held ones are handled in the
 * order they came, as if they had just arrived.
 *
 *   const gate = await openStartupGate({ port, host, logger });   // listening, holding
 *   …load modules, open the store, build the app…
 *   gate.open({ request: app, upgrade: routeUpgrade });         // serving, held ones replayed
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from './observability/logger.js';

export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void;

// What helmet would add to these answers, before helmet (or express) is loaded: they carry no
// page, so no content policy, but nothing may sniff, frame or cache them either.
const EARLY_HEADERS = {
  'retry-after': '1',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;

/** How many requests and upgrades may wait for the start to finish; more are refused (503). */
const MAX_HELD = 10_000;

export interface StartupGate {
  readonly httpServer: http.Server;
  /** Where it was asked to listen. */
  readonly address: { port: number; host: string };
  /** The port it listens on (the configured one, or the one the system gave for port 0). */
  readonly port: number;
  /** Starts serving with these handlers, and hands them what was held meanwhile. */
  open(handlers: { request: RequestHandler; upgrade: UpgradeHandler }): void;
  /** The start failed: drops what was held and stops listening. */
  abort(): Promise<void>;
}

export async function openStartupGate(options: {
  port: number;
  host: string;
  /** None when the launcher opens it, before the logger's code is loaded. */
  logger?: Logger;
}): Promise<StartupGate> {
  let handlers: { request: RequestHandler; upgrade: UpgradeHandler } | undefined;
  let held: (() => void)[] = [];
  const httpServer = http.createServer((req, res) => {
    if (handlers) return handlers.request(req, res);
    if (req.url === '/healthz' || req.url?.startsWith('/healthz?')) {
      res.writeHead(503, { ...EARLY_HEADERS, 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'starting' }));
      return;
    }
    if (held.length >= MAX_HELD) {
      res.writeHead(503, EARLY_HEADERS).end();
      return;
    }
    held.push(() => httpServer.emit('request', req, res));
  });
  httpServer.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (handlers) return handlers.upgrade(req, socket, head);
    if (held.length >= MAX_HELD) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n\r\n');
      return;
    }
    // A client that gives up while it waits leaves a closed socket: nothing to replay then.
    socket.on('error', () => socket.destroy());
    held.push(() => {
      if (!socket.destroyed) httpServer.emit('upgrade', req, socket, head);
    });
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  options.logger?.debug({ port }, 'accepting connections; they wait until the start is done');
  return {
    httpServer,
    address: { port: options.port, host: options.host },
    port,
    open(ready) {
      handlers = ready;
      const waiting = held;
      held = [];
      // Emitted again rather than handed over directly: socket.io, attached meanwhile, takes
      // its own paths from the server's listeners, as it does for a request arriving now.
      for (const replay of waiting) replay();
    },
    async abort() {
      held = [];
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}
