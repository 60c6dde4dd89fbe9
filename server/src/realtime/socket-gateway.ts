/**
 * The socket.io gateway: pushes read-model changes and presence to the members of negotiations
 * and documents, through rooms per role so that no socket is sent what its role may not read.
 * The handshake is authenticated from the session cookie; every client payload is validated.
 * Budgets are per person, across all their sockets (socket-budgets.ts): a user, and a
 * delegation, may hold only so many sockets, and a user's room requests are rate-limited.
 *
 *   const realtime = createSocketGateway({ httpServer, logger, metrics, authenticate,
 *     membership, documentNegotiation, changes: projector });
 *   realtime.checkUserSessions(userId); // right after a sign-out: closes that session's sockets
 *   await realtime.refreshMembership(negotiationId, userId); // after a role change or removal
 *
 * Create it once express is the server's `request` listener: engine.io wraps the listeners
 * present when it attaches. Upgrades for other paths are left to their owners
 * (`destroyUpgrade: false`), so the collaboration gateway may take its time authenticating.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import {
  can,
  documentRoomRequestSchema,
  negotiationRoomRequestSchema,
  REALTIME_PATH,
  roles,
  type ClientToServerEvents,
  type DocumentRoomRequest,
  type JoinAck,
  type LeaveAck,
  type NegotiationRoomRequest,
  type PresenceEntry,
  type RealtimeError,
  type RealtimeErrorCode,
  type RealtimeFailure,
  type Role,
  type ServerToClientEvents,
} from '@accord/shared';
import type { Logger } from 'pino';
import type { Counter, Gauge } from 'prom-client';
import { Server, type Socket } from 'socket.io';
import type { CountBudgetStore, RateBudgetStore } from '../limits/budget-stores.js';
import type { z } from 'zod';
import { isSameOrigin } from '../accounts/origin-check.js';
import { sessionTokenOf } from '../accounts/session-cookie.js';
import type { ReadModelChange } from '../readmodels/projection.js';
import { ClusterPresence, type PresenceShare } from './cluster-presence.js';
import { PresenceTracker } from './presence.js';
import { Recheck } from './recheck.js';
import { defaultSocketLimits, SocketBudgets, type SocketLimits } from './socket-budgets.js';
import { documentRoom, negotiationRoom, roomsFor, toChangeNotice, userRoom } from './rooms.js';

export interface RealtimeUser {
  userId: string;
  displayName: string;
}

/** What `authenticate` answers: the user, and when their session ends by itself. */
export interface RealtimeSession extends RealtimeUser {
  /** Milliseconds since the epoch; the socket is checked again at that moment and closed. */
  expiresAt?: number;
}

export interface RealtimeMembership {
  stakeholderId: string;
  stakeholderName?: string;
  role: Role;
}

/** The projector, or anything else that emits `'changes'` with read-model changes. */
export interface ChangeFeed {
  on(event: 'changes', listener: (changes: ReadModelChange[]) => void): unknown;
  off(event: 'changes', listener: (changes: ReadModelChange[]) => void): unknown;
}

export interface SocketGatewayOptions {
  httpServer: HttpServer;
  logger: Logger;
  metrics?: {
    websocketConnections: Gauge<'kind'>;
    /** Handshakes and requests refused by a per-person budget, by which budget. */
    socketioRefusals?: Counter<'reason'>;
  };
  /** The user behind the request's session cookie, or undefined when it has none or it ended. */
  authenticate(req: IncomingMessage): Promise<RealtimeSession | undefined>;
  membership(negotiationId: string, userId: string): Promise<RealtimeMembership | undefined>;
  /**
   * The delegations the user belongs to (stakeholder ids, any negotiation): each one's socket
   * cap applies at the handshake. Without it, only the user's own cap does.
   */
  stakeholdersOf?(userId: string): Promise<readonly string[]>;
  /** Per-person socket caps and request rate (ACCORD_SOCKETIO_*). Default `defaultSocketLimits`. */
  limits?: SocketLimits;
  /** The negotiation a document belongs to, or undefined when there is no such document. */
  documentNegotiation(documentId: string): Promise<string | undefined>;
  /**
   * The roles an unreleased segment excludes in the negotiation of a change (or of a
   * negotiation): they are pushed no changes but the schedule's, and see no presence.
   * Read synchronously from the read models. Without it, no role is excluded.
   */
  excludedRoles?(where: { negotiationId?: string; documentId?: string }): readonly Role[];
  changes: ChangeFeed;
  /** Largest message a client may send (engine.io `maxHttpBufferSize`). Default 100 KiB. */
  maxMessageBytes?: number;
  /** How often every socket's session is checked again, closing expired ones. Default 5 min; 0: never. */
  sessionCheckMs?: number;
  /** Requests one socket may have waiting; more are refused with 'invalid'. Default 32. */
  maxPendingRequests?: number;
  /**
   * engine.io's heartbeat: a ping every `intervalMs`, and a socket whose pong is not back within
   * `timeoutMs` is closed. It is also what closes a client that stops reading, before what is
   * queued for it can pile up. Default 25 s and 20 s (engine.io's).
   */
  heartbeat?: { intervalMs: number; timeoutMs: number };
  /** Where per-person budgets are kept: in memory by default, in Redis with several nodes. */
  budgetStores?: { rates: RateBudgetStore; counts: CountBudgetStore };
  /** With several nodes: routes broadcasts through Redis (cluster/cluster-node.ts). */
  attachAdapter?: (io: Server) => void;
  /**
   * With several nodes: how often each node tells the others who is online on it (also at every
   * change); a node not heard from for three times that is taken for dead. Default 5 s.
   */
  presenceShareMs?: number;
}

/** Kept to plain strings so that remote sockets (`fetchSockets` over the Redis adapter) carry it. */
export type RealtimeSocketData = RealtimeUser;
/** Between nodes (over the Redis adapter): each node's list of who is online on it. */
interface InterServerEvents {
  presence: (share: PresenceShare) => void;
}
export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  RealtimeSocketData
>;
type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  RealtimeSocketData
>;

export interface SocketGateway {
  io: RealtimeServer;
  /** Closes every socket and refuses new ones; the HTTP server is left to its owner. */
  close(): Promise<void>;
  /** Tells each of the user's sockets, on every node, that the session ended, and closes them. */
  disconnectUser(userId: string): void;
  /**
   * Checks the session of each of the user's sockets on this node again and closes (with
   * `session:ended`) those whose session ended, e.g. right after a sign-out; others stay.
   */
  checkUserSessions(userId: string): Promise<void>;
  /**
   * Reads the user's membership again and moves this node's sockets of that user: to the rooms
   * of a new role, or out of the negotiation and its documents (with `session:ended`). Rejects
   * when the membership cannot be read.
   */
  refreshMembership(negotiationId: string, userId: string): Promise<void>;
}

export function createSocketGateway(options: SocketGatewayOptions): SocketGateway {
  return new Gateway(options);
}

const KiB = 1024;
const SESSION_LOOKUP_ATTEMPTS = 5;
// setTimeout's largest delay; a later expiry is re-armed when this one fires.
const MAX_TIMER_MS = 2 ** 31 - 1;

// Looked up for an unknown document, so that answering it costs what a refusal costs.
const NO_NEGOTIATION = '00000000-0000-0000-0000-000000000000';

const failure = (code: RealtimeErrorCode, message: string): RealtimeFailure => ({
  ok: false,
  error: { code, message },
});

const connectError = (error: RealtimeError): Error & { data: RealtimeError } =>
  Object.assign(new Error(error.message), { data: error });

const membershipKey = (negotiationId: string, userId: string) => `${negotiationId} ${userId}`;

const presenceEntry = (user: RealtimeUser, membership: RealtimeMembership): PresenceEntry => {
  const entry: PresenceEntry = {
    userId: user.userId,
    displayName: user.displayName,
    stakeholderId: membership.stakeholderId,
    role: membership.role,
  };
  if (membership.stakeholderName !== undefined) entry.stakeholderName = membership.stakeholderName;
  return entry;
};

/** What the gateway touches of an engine.io connection (its websocket, when it has one). */
interface EngineConnection {
  once(event: 'close', listener: (reason: string) => void): unknown;
  transport: { socket?: { terminate?: () => void } };
}

/** A handshake between its start and its socket's connection; disconnectUser marks it. */
interface Handshake {
  endedUsers: Set<string>;
}

/** One socket's rooms and its queue: its requests are handled one at a time, in order. */
class Connection {
  readonly negotiations = new Map<string, RealtimeMembership>();
  readonly documents = new Map<string, { negotiationId: string; role: Role }>();
  pending = 0;
  expiryTimer: NodeJS.Timeout | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly socket: RealtimeSocket,
    readonly user: RealtimeUser,
  ) {}

  /** `work` must not reject. */
  enqueue(work: () => Promise<void>): void {
    this.pending++;
    this.queue = this.queue.then(work).finally(() => this.pending--);
  }

  moveTo(from: string | undefined, to: string | undefined): void {
    if (from === to) return;
    if (from !== undefined) void this.socket.leave(from);
    if (to !== undefined) void this.socket.join(to);
  }
}

class Gateway implements SocketGateway {
  readonly io: RealtimeServer;
  private readonly logger: Logger;
  private readonly presence = new PresenceTracker();
  /** The other nodes' presence; undefined on a single node. */
  private readonly clusterPresence: ClusterPresence | undefined;
  private readonly nodeName = randomUUID();
  private readonly presenceTimer: NodeJS.Timeout | undefined;
  private readonly connections = new Map<string, Set<Connection>>();
  private readonly memberships = new Recheck<string>();
  private readonly handshakes = new Set<Handshake>();
  private readonly handshakeOf = new WeakMap<RealtimeSocket, Handshake>();
  // Kept beside socket.data, which stays plain strings for remote sockets.
  private readonly expiryOf = new WeakMap<RealtimeSocket, number>();
  // The socket's places in the per-person caps, given back when it goes away.
  private readonly releaseOf = new WeakMap<RealtimeSocket, () => void>();
  private readonly budgets: SocketBudgets;
  private readonly maxPending: number;
  private readonly sessionTimer: NodeJS.Timeout | undefined;
  private checkingSessions = false;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: SocketGatewayOptions) {
    this.logger = options.logger.child({ component: 'socketio' });
    this.maxPending = options.maxPendingRequests ?? 32;
    this.budgets = new SocketBudgets(
      options.limits ?? defaultSocketLimits,
      options.budgetStores?.counts,
      options.budgetStores?.rates,
    );
    this.io = new Server(options.httpServer, {
      path: REALTIME_PATH,
      serveClient: false,
      transports: ['polling', 'websocket'],
      maxHttpBufferSize: options.maxMessageBytes ?? 100 * KiB,
      destroyUpgrade: false,
      pingInterval: options.heartbeat?.intervalMs ?? 25_000,
      pingTimeout: options.heartbeat?.timeoutMs ?? 20_000,
      allowRequest: (_req, answer) => answer(null, this.closing === undefined),
    });
    if (options.attachAdapter) {
      options.attachAdapter(this.io);
      const every = options.presenceShareMs ?? 5_000;
      const cluster = new ClusterPresence(every * 3);
      this.clusterPresence = cluster;
      this.io.on('presence', (share: PresenceShare) => {
        if (cluster.receive(share, this.presence.online(share.negotiationId), Date.now()))
          this.showPresence(share.negotiationId);
      });
      this.presenceTimer = setInterval(() => this.sharePresence(), every);
      this.presenceTimer.unref();
    }
    this.io.use((socket, next) => {
      this.admit(socket).then(next, (error: unknown) => {
        this.logger.error({ err: error }, 'authenticating a socket failed');
        next(connectError({ code: 'internal', message: 'Could not check the session' }));
      });
    });
    this.io.on('connection', (socket) => this.attach(socket));
    this.io.engine.on('connection', (conn: EngineConnection) => {
      conn.once('close', (reason: string) => {
        // A peer that missed its pong will not answer a websocket closing handshake either:
        // cut the TCP connection now rather than keep what was queued for it for ws's 30 s.
        if (reason === 'ping timeout') conn.transport.socket?.terminate?.();
      });
    });
    options.changes.on('changes', this.onChanges);
    const every = options.sessionCheckMs ?? 5 * 60_000;
    if (every > 0) {
      this.sessionTimer = setInterval(() => void this.checkSessions(), every);
      this.sessionTimer.unref();
    }
  }

  close(): Promise<void> {
    return (this.closing ??= (async () => {
      clearInterval(this.sessionTimer);
      clearInterval(this.presenceTimer);
      this.options.changes.off('changes', this.onChanges);
      // Not io.close(): that would also close the HTTP server, which belongs to the caller.
      this.io.local.disconnectSockets(true);
      this.io.engine.close();
      await this.io.of('/').adapter.close();
    })());
  }

  disconnectUser(userId: string): void {
    for (const handshake of this.handshakes) handshake.endedUsers.add(userId);
    this.io.to(userRoom(userId)).emit('session:ended', { reason: 'session-ended' });
    this.io.in(userRoom(userId)).disconnectSockets(true);
  }

  async refreshMembership(negotiationId: string, userId: string): Promise<void> {
    this.memberships.invalidate(membershipKey(negotiationId, userId));
    const membership = await this.lookupMembership(negotiationId, userId);
    let presenceChanged = false;
    for (const connection of this.connections.get(userId) ?? []) {
      if (!connection.socket.connected) continue;
      const outcome = this.applyMembership(connection, negotiationId, membership);
      presenceChanged ||= outcome.presenceChanged;
      if (outcome.lost) {
        connection.socket.emit('session:ended', { reason: 'membership-revoked', negotiationId });
      }
    }
    if (presenceChanged) this.broadcastPresence(negotiationId);
  }

  // --- handshake and connection -------------------------------------------------------------

  /** Resolves with nothing when the socket may connect, or with the error it is refused with. */
  private async admit(socket: RealtimeSocket): Promise<Error | undefined> {
    const req = socket.request;
    if (!isSameOrigin(req)) {
      return connectError({
        code: 'forbidden',
        message: 'Connections from another site are refused',
      });
    }
    const signIn = connectError({ code: 'unauthenticated', message: 'Sign in first' });
    // Only the cookie counts: tokens in the query string or the auth payload are never read.
    if (sessionTokenOf(req) === undefined) return signIn;
    const handshake: Handshake = { endedUsers: new Set() };
    this.handshakes.add(handshake);
    try {
      for (let attempt = 1; attempt <= SESSION_LOOKUP_ATTEMPTS; attempt++) {
        handshake.endedUsers.clear();
        const user = await this.options.authenticate(req);
        if (!user) return signIn;
        const stakeholders = (await this.options.stakeholdersOf?.(user.userId)) ?? [];
        if (handshake.endedUsers.has(user.userId)) continue;
        if (this.closing) return connectError({ code: 'internal', message: 'Shutting down' });
        // Counted before the socket joins any room; a refused socket never sees one.
        const refused = this.takeConnectionSlot(socket, user.userId, stakeholders);
        if (refused) return refused;
        socket.data = { userId: user.userId, displayName: user.displayName };
        if (user.expiresAt !== undefined) this.expiryOf.set(socket, user.expiresAt);
        this.handshakeOf.set(socket, handshake);
        return undefined;
      }
      return signIn;
    } finally {
      // socket.io connects the socket on the next tick; until then disconnectUser must still
      // reach it through the handshake, which `attach` reads.
      setImmediate(() => this.handshakes.delete(handshake));
    }
  }

  /**
   * Takes the socket's places in its user's and delegations' caps, or answers the error the
   * handshake is refused with. The places are given back when the socket disconnects, or when
   * its transport closes before socket.io connects it (then no 'disconnect' ever fires).
   */
  private takeConnectionSlot(
    socket: RealtimeSocket,
    userId: string,
    stakeholderIds: readonly string[],
  ): Error | undefined {
    const admitted = this.budgets.admit(userId, stakeholderIds);
    if (!admitted.ok) {
      const { limits } = this.budgets;
      this.options.metrics?.socketioRefusals?.inc({ reason: `${admitted.over}-connections` });
      this.logger.info({ userId, over: admitted.over }, 'too many socket.io connections');
      return connectError({
        code: 'too_many_connections',
        message:
          admitted.over === 'user'
            ? `You already have ${limits.maxConnectionsPerUser} live connections open; close a tab or window and reload`
            : `Your delegation already has ${limits.maxConnectionsPerStakeholder} live connections open; close a tab or window and reload`,
      });
    }
    this.releaseOf.set(socket, admitted.release);
    socket.conn.once('close', admitted.release);
    return undefined;
  }

  private attach(socket: RealtimeSocket): void {
    const user: RealtimeUser = { userId: socket.data.userId, displayName: socket.data.displayName };
    const connection = new Connection(socket, user);
    let sockets = this.connections.get(user.userId);
    if (!sockets) this.connections.set(user.userId, (sockets = new Set()));
    sockets.add(connection);
    this.options.metrics?.websocketConnections.inc({ kind: 'socketio' });
    socket.on('disconnect', () => this.detach(connection));
    void socket.join(userRoom(user.userId));

    socket.on('negotiation:join', (...args: unknown[]) =>
      this.handle(connection, args, negotiationRoomRequestSchema, (request) =>
        this.joinNegotiation(connection, request),
      ),
    );
    socket.on('negotiation:leave', (...args: unknown[]) =>
      this.handle(connection, args, negotiationRoomRequestSchema, (request) =>
        Promise.resolve(this.leaveNegotiation(connection, request)),
      ),
    );
    socket.on('document:join', (...args: unknown[]) =>
      this.handle(connection, args, documentRoomRequestSchema, (request) =>
        this.joinDocument(connection, request),
      ),
    );
    socket.on('document:leave', (...args: unknown[]) =>
      this.handle(connection, args, documentRoomRequestSchema, (request) =>
        Promise.resolve(this.leaveDocument(connection, request)),
      ),
    );

    if (this.handshakeOf.get(socket)?.endedUsers.has(user.userId)) this.endSession(socket);
    this.scheduleExpiry(connection);
  }

  /**
   * Checks the socket's session again when it is due to expire, so an expired session loses
   * its socket within moments instead of at the next periodic check.
   */
  private scheduleExpiry(connection: Connection): void {
    const { socket, user } = connection;
    const expiresAt = this.expiryOf.get(socket);
    clearTimeout(connection.expiryTimer);
    connection.expiryTimer = undefined;
    if (expiresAt === undefined || !socket.connected) return;
    const delay = Math.max(0, Math.min(expiresAt - Date.now(), MAX_TIMER_MS));
    connection.expiryTimer = setTimeout(() => {
      if (Date.now() < expiresAt) return this.scheduleExpiry(connection);
      this.options.authenticate(socket.request).then(
        (current) => {
          if (current?.userId !== user.userId) return this.endSession(socket);
          // Extended meanwhile (a refreshed session): wait for the new expiry.
          if (current.expiresAt !== undefined) this.expiryOf.set(socket, current.expiresAt);
          else this.expiryOf.delete(socket);
          this.scheduleExpiry(connection);
        },
        (error: unknown) => {
          // Fail closed: the client reconnects and is authenticated afresh.
          this.logger.warn({ err: error }, 'checking an expiring session failed; closed it');
          this.endSession(socket);
        },
      );
    }, delay);
    connection.expiryTimer.unref();
  }

  private detach(connection: Connection): void {
    this.options.metrics?.websocketConnections.dec({ kind: 'socketio' });
    this.releaseOf.get(connection.socket)?.();
    clearTimeout(connection.expiryTimer);
    const sockets = this.connections.get(connection.user.userId);
    sockets?.delete(connection);
    if (sockets?.size === 0) this.connections.delete(connection.user.userId);
    for (const negotiationId of connection.negotiations.keys()) {
      if (this.presence.remove(negotiationId, connection.user.userId, connection.socket.id)) {
        this.broadcastPresence(negotiationId);
      }
    }
    connection.negotiations.clear();
    connection.documents.clear();
  }

  private endSession(socket: RealtimeSocket): void {
    socket.emit('session:ended', { reason: 'session-ended' });
    socket.disconnect(true);
  }

  /**
   * Validates one client event's arguments (`payload` and an optional acknowledgement last) and
   * queues the work. Answers every failure through the acknowledgement; never throws.
   */
  private handle<Request, Answer>(
    connection: Connection,
    args: unknown[],
    schema: z.ZodType<Request>,
    work: (request: Request) => Promise<Answer>,
  ): void {
    const last = args.at(-1);
    const ack =
      typeof last === 'function' ? (last as (answer: Answer | RealtimeFailure) => void) : undefined;
    const payload = ack ? args.slice(0, -1) : args;
    // The cheapest check first: a user over their request budget, on any of their sockets, is
    // answered before their payload is even read.
    if (!this.budgets.takeRequest(connection.user.userId)) {
      this.options.metrics?.socketioRefusals?.inc({ reason: 'request-rate' });
      ack?.(failure('rate_limited', 'Too many requests; wait a moment and try again'));
      return;
    }
    const parsed = payload.length === 1 ? schema.safeParse(payload[0]) : undefined;
    if (!parsed?.success) {
      const detail = parsed?.error.issues
        .map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`)
        .join('; ');
      ack?.(failure('invalid', detail ?? 'Expected exactly one payload'));
      return;
    }
    if (connection.pending >= this.maxPending) {
      ack?.(failure('invalid', 'Too many requests waiting for an answer'));
      return;
    }
    connection.enqueue(async () => {
      let answer: Answer | RealtimeFailure;
      try {
        answer = await work(parsed.data);
      } catch (error) {
        this.logger.error({ err: error, userId: connection.user.userId }, 'socket request failed');
        answer = failure('internal', 'The request failed; try again');
      }
      try {
        ack?.(answer);
      } catch (error) {
        this.logger.warn({ err: error }, 'acknowledging a socket request failed');
      }
    });
  }

  // --- rooms ------------------------------------------------------------------------------------

  private async joinNegotiation(
    connection: Connection,
    { negotiationId }: NegotiationRoomRequest,
  ): Promise<JoinAck> {
    const membership = await this.lookupMembership(negotiationId, connection.user.userId);
    if (!connection.socket.connected) return failure('unauthenticated', 'The socket is closed');
    if (!membership || !can(membership.role, 'record.read')) {
      return failure('forbidden', 'You are not a member of this negotiation');
    }
    const previous = connection.negotiations.get(negotiationId);
    connection.moveTo(
      previous && negotiationRoom(negotiationId, previous.role),
      negotiationRoom(negotiationId, membership.role),
    );
    connection.negotiations.set(negotiationId, membership);
    const entry = presenceEntry(connection.user, membership);
    if (this.presence.add(negotiationId, connection.socket.id, entry)) {
      this.broadcastPresence(negotiationId);
    }
    return { ok: true, online: this.onlineFor(negotiationId, membership.role) };
  }

  private leaveNegotiation(
    connection: Connection,
    { negotiationId }: NegotiationRoomRequest,
  ): LeaveAck {
    const membership = connection.negotiations.get(negotiationId);
    if (membership) {
      connection.moveTo(negotiationRoom(negotiationId, membership.role), undefined);
      connection.negotiations.delete(negotiationId);
      if (this.presence.remove(negotiationId, connection.user.userId, connection.socket.id)) {
        this.broadcastPresence(negotiationId);
      }
    }
    return { ok: true };
  }

  private async joinDocument(
    connection: Connection,
    { documentId }: DocumentRoomRequest,
  ): Promise<JoinAck> {
    const negotiationId = await this.options.documentNegotiation(documentId);
    // An unknown document and one the user may not read get the same answer after the same
    // lookups, so joining cannot be used to learn which document ids exist.
    const membership = await this.lookupMembership(
      negotiationId ?? NO_NEGOTIATION,
      connection.user.userId,
    );
    if (!connection.socket.connected) return failure('unauthenticated', 'The socket is closed');
    if (negotiationId === undefined || !membership || !can(membership.role, 'document.read')) {
      return failure('not_found', 'There is no such document, or you may not read it');
    }
    const previous = connection.documents.get(documentId);
    connection.moveTo(
      previous && documentRoom(documentId, previous.role),
      documentRoom(documentId, membership.role),
    );
    connection.documents.set(documentId, { negotiationId, role: membership.role });
    return { ok: true, online: this.onlineFor(negotiationId, membership.role) };
  }

  private leaveDocument(connection: Connection, { documentId }: DocumentRoomRequest): LeaveAck {
    const joined = connection.documents.get(documentId);
    if (joined) {
      connection.moveTo(documentRoom(documentId, joined.role), undefined);
      connection.documents.delete(documentId);
    }
    return { ok: true };
  }

  /** Moves one socket to the rooms `membership` allows in the negotiation and its documents. */
  private applyMembership(
    connection: Connection,
    negotiationId: string,
    membership: RealtimeMembership | undefined,
  ): { lost: boolean; presenceChanged: boolean } {
    const { user, socket } = connection;
    let lost = false;
    let presenceChanged = false;
    const previous = connection.negotiations.get(negotiationId);
    if (previous) {
      const room = negotiationRoom(negotiationId, previous.role);
      if (membership && can(membership.role, 'record.read')) {
        connection.moveTo(room, negotiationRoom(negotiationId, membership.role));
        connection.negotiations.set(negotiationId, membership);
        const entry = presenceEntry(user, membership);
        presenceChanged = this.presence.update(negotiationId, entry);
      } else {
        connection.moveTo(room, undefined);
        connection.negotiations.delete(negotiationId);
        presenceChanged = this.presence.remove(negotiationId, user.userId, socket.id);
        lost = true;
      }
    }
    for (const [documentId, joined] of connection.documents) {
      if (joined.negotiationId !== negotiationId) continue;
      const room = documentRoom(documentId, joined.role);
      if (membership && can(membership.role, 'document.read')) {
        connection.moveTo(room, documentRoom(documentId, membership.role));
        joined.role = membership.role;
      } else {
        connection.moveTo(room, undefined);
        connection.documents.delete(documentId);
        lost = true;
      }
    }
    return { lost, presenceChanged };
  }

  private lookupMembership(
    negotiationId: string,
    userId: string,
  ): Promise<RealtimeMembership | undefined> {
    const key = membershipKey(negotiationId, userId);
    return this.memberships.run(
      () => this.options.membership(negotiationId, userId),
      () => key,
    );
  }

  /** This node's list changed: tell the other nodes, then this node's sockets. */
  private broadcastPresence(negotiationId: string): void {
    if (this.clusterPresence) {
      const online = this.presence.online(negotiationId);
      this.io.serverSideEmit('presence', { node: this.nodeName, negotiationId, online });
    }
    this.showPresence(negotiationId);
  }

  /**
   * Sends who is online to this node's sockets in the negotiation (each node sends to its own,
   * with the other nodes' users joined in).
   */
  private showPresence(negotiationId: string): void {
    const online = this.onlineEverywhere(negotiationId);
    const excluded = this.options.excludedRoles?.({ negotiationId }) ?? [];
    const rooms = roles
      .filter((role) => !excluded.includes(role))
      .map((role) => negotiationRoom(negotiationId, role));
    if (rooms.length > 0) this.io.local.to(rooms).emit('presence', { negotiationId, online });
  }

  /** Every few seconds: this node's lists again (so the others know it lives), and drop the dead. */
  private sharePresence(): void {
    for (const negotiationId of this.presence.negotiationIds()) {
      const online = this.presence.online(negotiationId);
      this.io.serverSideEmit('presence', { node: this.nodeName, negotiationId, online });
    }
    for (const negotiationId of this.clusterPresence?.expire(Date.now()) ?? [])
      this.showPresence(negotiationId);
  }

  private onlineEverywhere(negotiationId: string): PresenceEntry[] {
    const local = this.presence.online(negotiationId);
    return this.clusterPresence?.joined(negotiationId, local, Date.now()) ?? local;
  }

  /** Who is online, as a role may see it: nobody while a segment excludes that role. */
  private onlineFor(negotiationId: string, role: Role): PresenceEntry[] {
    const excluded = this.options.excludedRoles?.({ negotiationId }) ?? [];
    return excluded.includes(role) ? [] : this.onlineEverywhere(negotiationId);
  }

  // --- pushed changes and session checks --------------------------------------------------------

  private readonly onChanges = (changes: ReadModelChange[]): void => {
    for (const change of changes) {
      try {
        const rooms = roomsFor(change, this.options.excludedRoles?.(change) ?? []);
        // Every node projects every event, so each tells only its own sockets (`local`): through
        // the Redis adapter each socket would hear it once per node, and perhaps before its own
        // node's read models have it.
        if (rooms.length > 0) this.io.local.to(rooms).emit('change', toChangeNotice(change));
      } catch (error) {
        // The projector emits this; a failure here must not reach it.
        this.logger.error({ err: error, kind: change.kind }, 'pushing a change failed');
      }
    }
  };

  /** Closes sockets whose session expired since their handshake (the periodic check). */
  private async checkSessions(): Promise<void> {
    if (this.checkingSessions) return;
    this.checkingSessions = true;
    try {
      await this.recheck(() => true);
    } finally {
      this.checkingSessions = false;
    }
  }

  async checkUserSessions(userId: string): Promise<void> {
    await this.recheck((user) => user.userId === userId);
  }

  private async recheck(which: (user: { userId: string }) => boolean): Promise<void> {
    const connections = [...this.connections.values()].flatMap((set) => [...set]);
    for (const { socket, user } of connections) {
      if (this.closing) return;
      if (!socket.connected || !which(user)) continue;
      try {
        const current = await this.options.authenticate(socket.request);
        if (current?.userId !== user.userId) this.endSession(socket);
      } catch (error) {
        this.logger.warn({ err: error }, 'checking a socket session failed; kept it open');
      }
    }
  }
}
