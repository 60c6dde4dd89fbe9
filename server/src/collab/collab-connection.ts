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
import type { CollabAuthRequest, CollabUser } from './collab-hooks.js';
import { createTokenBucket, type RateLimit, type TokenBucket } from './rate-limit.js';

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

export class CollabConnection implements AwarenessPeer {
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

  constructor(
    readonly socket: WebSocket,
    /** The upgrade request's headers and URL, kept so `refreshAccess` can ask the hook again. */
    readonly authRequest: CollabAuthRequest,
    access: ConnectionAccess,
    private readonly limits: ConnectionLimits,
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
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CollabCloseCode.TryAgainLater, CollabCloseReason.SlowConsumer);
      return;
    }
    this.socket.send(message, { binary: true });
  }

  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.socket.close(code, truncateUtf8(reason, 123));
  }

  /** Drops the TCP connection without a closing handshake (dead peers). */
  terminate(): void {
    this.closing = true;
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
