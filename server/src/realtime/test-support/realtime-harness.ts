/**
 * Test harness for the socket.io gateway: a real HTTP server on port 0, the gateway's injected
 * lookups answered from a small in-memory directory, a plain EventEmitter in the projector's
 * place, and real socket.io clients that send the session cookie like a browser would.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientToServerEvents, Role, ServerToClientEvents } from '@accord/shared';
import { pino } from 'pino';
import { Counter, Gauge, Registry } from 'prom-client';
import { io as connect, type Socket } from 'socket.io-client';
import { sessionTokenOf, SESSION_COOKIE } from '../../accounts/session-cookie.js';
import type { ReadModelChange } from '../../readmodels/projection.js';
import {
  createSocketGateway,
  type RealtimeMembership,
  type RealtimeUser,
  type SocketGateway,
  type SocketGatewayOptions,
} from '../socket-gateway.js';

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Sessions, memberships and documents: what the gateway's lookups answer from. */
export class Directory {
  readonly sessions = new Map<string, RealtimeUser>();
  readonly members = new Map<string, RealtimeMembership>();
  readonly documents = new Map<string, string>();

  /** A user with a fresh session; returns its cookie token. */
  signIn(displayName: string): { user: RealtimeUser; token: string } {
    const user = { userId: randomUUID(), displayName };
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, user);
    return { user, token };
  }

  admit(negotiationId: string, userId: string, role: Role, stakeholderName?: string): void {
    this.members.set(`${negotiationId} ${userId}`, {
      stakeholderId: `s-${userId}`,
      role,
      ...(stakeholderName === undefined ? {} : { stakeholderName }),
    });
  }

  /** The delegations the user is a member of, in any negotiation. */
  stakeholdersOf(userId: string): string[] {
    return [...this.members]
      .filter(([key]) => key.endsWith(` ${userId}`))
      .map(([, membership]) => membership.stakeholderId);
  }

  expel(negotiationId: string, userId: string): void {
    this.members.delete(`${negotiationId} ${userId}`);
  }

  signOut(token: string): void {
    this.sessions.delete(token);
  }
}

export interface RealtimeTestServer {
  url: string;
  httpServer: http.Server;
  gateway: SocketGateway;
  changes: EventEmitter<{ changes: [ReadModelChange[]] }>;
  connections: Gauge<'kind'>;
  refusals: Counter<'reason'>;
  close(): Promise<void>;
}

export async function startRealtimeServer(
  directory: Directory,
  overrides: Partial<SocketGatewayOptions> = {},
): Promise<RealtimeTestServer> {
  const httpServer = http.createServer((_req, res) => res.writeHead(404).end());
  const changes = new EventEmitter<{ changes: [ReadModelChange[]] }>();
  const registry = new Registry();
  const connections = new Gauge({
    name: 'test_websocket_connections',
    help: 'test',
    labelNames: ['kind'],
    registers: [registry],
  });
  const refusals = new Counter({
    name: 'test_socketio_refused',
    help: 'test',
    labelNames: ['reason'],
    registers: [registry],
  });
  const gateway = createSocketGateway({
    httpServer,
    logger: pino({ level: 'silent' }),
    metrics: { websocketConnections: connections, socketioRefusals: refusals },
    authenticate: (req) => {
      const token = sessionTokenOf(req);
      return Promise.resolve(token === undefined ? undefined : directory.sessions.get(token));
    },
    membership: (negotiationId, userId) =>
      Promise.resolve(directory.members.get(`${negotiationId} ${userId}`)),
    documentNegotiation: (documentId) => Promise.resolve(directory.documents.get(documentId)),
    stakeholdersOf: (userId) => Promise.resolve(directory.stakeholdersOf(userId)),
    changes,
    ...overrides,
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    httpServer,
    gateway,
    changes,
    connections,
    refusals,
    async close() {
      await gateway.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}

export interface ClientOptions {
  token?: string;
  headers?: Record<string, string>;
  auth?: Record<string, string>;
  query?: Record<string, string>;
}

/** A socket.io client over the websocket transport, sending the session cookie if given. */
export function connectClient(server: RealtimeTestServer, options: ClientOptions = {}): TestClient {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.cookie = `${SESSION_COOKIE}=${options.token}`;
  return connect(server.url, {
    path: '/socket.io',
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
    ...(options.auth && { auth: options.auth }),
    ...(options.query && { query: options.query }),
  });
}

type AnswerTo<E extends keyof ClientToServerEvents> = Parameters<
  NonNullable<Parameters<ClientToServerEvents[E]>[1]>
>[0];

/** Sends a request and resolves with its acknowledgement; rejects after 5 s without one. */
export function request<E extends keyof ClientToServerEvents>(
  client: TestClient,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<AnswerTo<E>> {
  // socket.io-client types `timeout().emitWithAck` as `any`; the event map says what comes back.
  return (client as Socket).timeout(5_000).emitWithAck(event, payload) as Promise<AnswerTo<E>>;
}

/** Everything a client was sent, in order of arrival. */
export interface Received {
  changes: Parameters<ServerToClientEvents['change']>[0][];
  presence: Parameters<ServerToClientEvents['presence']>[0][];
  ended: Parameters<ServerToClientEvents['session:ended']>[0][];
}

export function record(client: TestClient): Received {
  const received: Received = { changes: [], presence: [], ended: [] };
  client.on('change', (change) => received.changes.push(change));
  client.on('presence', (update) => received.presence.push(update));
  client.on('session:ended', (ended) => received.ended.push(ended));
  return received;
}

export async function connected(client: TestClient): Promise<TestClient> {
  if (client.connected) return client;
  await new Promise<void>((resolve, reject) => {
    client.once('connect', resolve);
    client.once('connect_error', reject);
  });
  return client;
}

/** The error a refused connection reports. */
export function refusal(client: TestClient): Promise<Error & { data?: unknown }> {
  return new Promise((resolve, reject) => {
    client.once('connect', () => reject(new Error('connected, but should have been refused')));
    client.once('connect_error', resolve);
  });
}

export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let position = 0n;

/** A read-model change as a projection would report it, at the next log position. */
export function aChange(change: Partial<ReadModelChange> & Pick<ReadModelChange, 'kind'>) {
  return {
    eventType: 'AmendmentTabled',
    readAction: 'record.read',
    position: (position += 1n),
    ...change,
  } satisfies ReadModelChange;
}
