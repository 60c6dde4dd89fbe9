/**
 * One client's websocket on one document: who it is, whether it may write, its rate limits, and
 * sending with a bound on what the server buffers for it.
 *
 *   const connection = new CollabConnection(ws, authRequest, auth, limits);
 *   connection.send(encodeSyncUpdate(update)); // closes with 1013 if the client stopped reading
 */
import { CollabCloseCode, CollabCloseReason } from '@accord/shared';
import type { WebSocket } from 'ws';
import type { AwarenessPeer } from './awareness-relay.js';
import type { BufferBudget, BufferedConsumer } from './buffer-budget.js';
import type { CollabAuthRequest, CollabUser } from './collab-hooks.js';
import { createTokenBucket, type RateLimit, type TokenBucket } from '../limits/rate-limit.js';

export interface ConnectionLimits {
  /** Above this many unsent bytes the client is considered too slow and is closed. */
  maxBufferedBytes: number;
  /** Awareness updates; the excess is dropped (the next one carries the latest state anyway). */
  awarenessRate: RateLimit;
  /** Document updates; the excess closes the connection, since dropping one would diverge. */
  updateRate: RateLimit;
}

export interface ConnectionAccess {
  user: CollabUser;
  canWrite: boolean;
  readOnlyReason?: string;
}

let nextConnectionId = 1;

// How long a slow consumer has to read up to our close frame before its socket is dropped.
const SLOW_CONSUMER_GRACE_MS = 1000;

export class CollabConnection implements AwarenessPeer, BufferedConsumer {
  readonly id = nextConnectionId++;
  user: CollabUser;
  canWrite: boolean;
  readOnlyReason: string | undefined;
  readonly awarenessClients = new Set<number>();
  readonly awarenessLimit: TokenBucket;
  readonly updateLimit: TokenBucket;
  /** Cleared before each ping, set again by the pong: a connection still clear is dead. */
  alive = true;
  private closing = false;
  private expiryTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly socket: WebSocket,
    /** The upgrade request's headers and URL, kept so `refreshAccess` can ask the hook again. */
    readonly authRequest: CollabAuthRequest,
    access: ConnectionAccess,
    private readonly limits: ConnectionLimits,
    /** Shared by every connection of the gateway: the cap on all unsent bytes together. */
    private readonly buffers?: BufferBudget,
  ) {
    this.user = access.user;
    this.canWrite = access.canWrite;
    this.readOnlyReason = access.readOnlyReason;
    this.awarenessLimit = createTokenBucket(limits.awarenessRate);
    this.updateLimit = createTokenBucket(limits.updateRate);
  }

  /** Open and not being closed by us: only then are its messages handled. */
  get isOpen(): boolean {
    return !this.closing && this.socket.readyState === this.socket.OPEN;
  }

  setAccess(access: ConnectionAccess): void {
    this.user = access.user;
    this.canWrite = access.canWrite;
    this.readOnlyReason = access.readOnlyReason;
  }

  send(message: Uint8Array): void {
    if (!this.isOpen) return;
    // ws queues without limit; a client that stopped reading would make the server hold every
    // update for it. Past the limit it is closed and will resync when it reconnects.
    if (
      this.socket.bufferedAmount > this.limits.maxBufferedBytes ||
      this.buffers?.shouldShed(this)
    ) {
      this.close(CollabCloseCode.TryAgainLater, CollabCloseReason.SlowConsumer);
      // The close frame waits behind everything the client has not read, so the handshake may
      // never finish; ws would hold the backlog for its 30 s close timeout. Drop it sooner.
      const dropping = setTimeout(() => {
        if (this.socket.readyState !== this.socket.CLOSED) this.socket.terminate();
      }, SLOW_CONSUMER_GRACE_MS);
      dropping.unref();
      return;
    }
    this.socket.send(message, { binary: true });
  }

  get bufferedBytes(): number {
    return this.socket.bufferedAmount;
  }

  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    // What it still holds is freed with the socket; it no longer counts against the total.
    this.buffers?.forget(this);
    this.socket.close(code, truncateUtf8(reason, 123));
  }

  /** The timer that re-checks the session when it expires; replaces (and clears) the last one. */
  setExpiryTimer(timer: NodeJS.Timeout | undefined): void {
    clearTimeout(this.expiryTimer);
    this.expiryTimer = timer;
  }

  /** The socket closed (whoever closed it): stop counting what it held, drop its timer. */
  dispose(): void {
    this.buffers?.forget(this);
    this.setExpiryTimer(undefined);
  }

  /** Drops the TCP connection without a closing handshake (dead peers). */
  terminate(): void {
    this.closing = true;
    this.buffers?.forget(this);
    this.socket.terminate();
  }
}

/** A close reason may hold at most 123 bytes of UTF-8. */
function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let end = text.length;
  while (end > 0 && Buffer.byteLength(text.slice(0, end)) > maxBytes) end--;
  return text.slice(0, end);
}
