/**
 * Test harness for the collaboration gateway: a real HTTP server on port 0 whose `upgrade`
 * goes to the gateway, a real SQLite store, a test double of the auth hook (cookie
 * `test-user=<name>` → a fixed user), y-websocket providers and raw websocket clients.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { docTextStream } from '@accord/shared';
import { pino } from 'pino';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { EventStore, RecordedEvent } from '../../eventstore/port.js';
import { collect } from '../../eventstore/port.js';
import { openSqliteEventStore } from '../../eventstore/sqlite/sqlite-event-store.js';
import {
  createCollabGateway,
  type CollabGateway,
  type CollabGatewayOptions,
} from '../collab-gateway.js';
import type { CollabAuthResult, CollabHooks, CollabUser } from '../collab-hooks.js';

export const users = {
  alice: {
    userId: 'u-alice',
    displayName: 'Alice',
    stakeholderId: 's-france',
    stakeholderName: 'France',
    color: '#1f77b4',
  },
  bob: {
    userId: 'u-bob',
    displayName: 'Bob',
    stakeholderId: 's-brazil',
    stakeholderName: 'Brazil',
    color: '#ff7f0e',
  },
  carol: {
    userId: 'u-carol',
    displayName: 'Carol',
    stakeholderId: 's-kenya',
    stakeholderName: 'Kenya',
    color: '#2ca02c',
  },
  chair: {
    userId: 'u-chair',
    displayName: 'Chair',
    stakeholderId: 's-chair',
    stakeholderName: 'Chair',
    color: '#d62728',
  },
  olga: {
    userId: 'u-olga',
    displayName: 'Olga',
    stakeholderId: 's-observer',
    stakeholderName: 'Observer Org',
    color: '#9467bd',
  },
  mallory: {
    userId: 'u-mallory',
    displayName: 'Mallory',
    stakeholderId: 's-other',
    stakeholderName: 'Other',
    color: '#8c564b',
  },
} satisfies Record<string, CollabUser>;

export type UserName = keyof typeof users;

/**
 * The auth hook's test double. Delegates (alice, bob, carol) write unless the document is
 * formal; the chair always writes; olga observes; mallory is forbidden. `overrides` lets a test
 * change one user's answer (for refreshAccess).
 */
export class TestAuth implements CollabHooks {
  readonly formalDocuments = new Set<string>();
  readonly overrides = new Map<UserName, CollabAuthResult>();
  calls = 0;

  authenticate(
    req: { headers: http.IncomingHttpHeaders },
    documentId: string,
  ): Promise<CollabAuthResult> {
    this.calls += 1;
    const name = /(?:^|;\s*)test-user=([a-z]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (!name || !(name in users)) return Promise.resolve({ ok: false, status: 401 });
    const userName = name as UserName;
    const override = this.overrides.get(userName);
    if (override) return Promise.resolve(override);
    const user = users[userName];
    switch (userName) {
      case 'mallory':
        return Promise.resolve({ ok: false, status: 403 });
      case 'olga':
        return Promise.resolve({ ok: true, user, canWrite: false, readOnlyReason: 'observer' });
      case 'chair':
        return Promise.resolve({ ok: true, user, canWrite: true });
      case 'alice':
      case 'bob':
      case 'carol': {
        const formal = this.formalDocuments.has(documentId);
        return Promise.resolve(
          formal
            ? { ok: true, user, canWrite: false, readOnlyReason: 'formal mode' }
            : { ok: true, user, canWrite: true },
        );
      }
    }
  }
}

export interface CollabTestServer {
  url: string;
  wsUrl: string;
  gateway: CollabGateway;
  store: EventStore;
  auth: TestAuth;
  file: string;
  /** Closes the gateway, the HTTP server and the store (in that order). */
  close(): Promise<void>;
}

export type GatewayOverrides = Partial<Omit<CollabGatewayOptions, 'store' | 'hooks' | 'logger'>>;

export async function startCollabServer(
  dir: string,
  options: GatewayOverrides & {
    auth?: TestAuth;
    wrapStore?: (store: EventStore) => EventStore;
  } = {},
): Promise<CollabTestServer> {
  const file = path.join(dir, 'accord.sqlite');
  const sqlite = openSqliteEventStore({ file, synchronous: 'NORMAL' });
  const store = options.wrapStore ? options.wrapStore(sqlite) : sqlite;
  const auth = options.auth ?? new TestAuth();
  const { auth: _auth, wrapStore: _wrap, ...overrides } = options;
  const gateway = createCollabGateway({
    store,
    hooks: auth,
    logger: pino({ level: process.env.COLLAB_TEST_LOG ?? 'silent' }),
    idleUnloadMs: 60_000,
    ...overrides,
  });
  const httpServer = http.createServer((_req, res) => res.writeHead(404).end());
  httpServer.on('upgrade', (req, socket, head) => {
    if (!gateway.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    gateway,
    store,
    auth,
    file,
    close: async () => {
      await gateway.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await sqlite.close();
    },
  };
}

/** A `ws` WebSocket that sends the test cookie (browsers send the session cookie the same way). */
export function cookieWebSocket(
  cookie: string | undefined,
): new (address: string, protocols?: string | string[]) => WebSocket {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  };
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the provider saw, in order. */
  closes: Array<{ code: number; reason: string }>;
  destroy(): void;
}

export function connectProvider(
  server: Pick<CollabTestServer, 'wsUrl'>,
  documentId: string,
  user: UserName,
): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, documentId, doc, {
    // y-websocket types the polyfill as the DOM WebSocket; ws's class is its Node equivalent.
    WebSocketPolyfill: cookieWebSocket(
      `test-user=${user}`,
    ) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closes: Array<{ code: number; reason: string }> = [];
  // y-websocket types the event as the DOM CloseEvent, which Node's type library lacks.
  provider.on('connection-close', (event: { code: number; reason: string } | null) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export interface RawClient {
  socket: WebSocket;
  messages: Uint8Array[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
}

/** A bare websocket, for sending what no well-behaved provider would. */
export function connectRaw(
  server: Pick<CollabTestServer, 'wsUrl'>,
  documentId: string,
  user: UserName | undefined,
  options: { autoPong?: boolean } = {},
): RawClient {
  const socket = new WebSocket(`${server.wsUrl}/${documentId}`, {
    headers: user ? { cookie: `test-user=${user}` } : {},
    autoPong: options.autoPong ?? true,
  });
  const messages: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => messages.push(new Uint8Array(data)));
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  // Attach a no-op catch so a refused handshake does not surface as an unhandled rejection.
  opened.catch(() => undefined);
  return { socket, messages, opened, closed };
}

/** The HTTP status a refused upgrade answered with. */
export function upgradeStatus(
  server: Pick<CollabTestServer, 'wsUrl'>,
  documentPath: string,
  cookie?: string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(
      `${server.wsUrl}/${documentPath}`,
      cookie ? { headers: { cookie } } : {},
    );
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      socket.terminate();
    });
    socket.on('open', () => {
      socket.terminate();
      reject(new Error('The upgrade was accepted'));
    });
    socket.on('error', () => undefined);
  });
}

/** Polls until `condition` holds; no timing is asserted, the timeout only ends a hung test. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function readTextLog(store: EventStore, documentId: string): Promise<RecordedEvent[]> {
  return collect(store.readStream(docTextStream(documentId)));
}

/** The store with some methods replaced (fault injection, counting); the rest pass through. */
export function interceptStore(store: EventStore, overrides: Partial<EventStore>): EventStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof EventStore];
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
