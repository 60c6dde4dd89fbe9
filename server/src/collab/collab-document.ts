/**
 * One loaded document: its Y.Doc, its connections, its awareness and its log writer. Runs the
 * sync protocol per connection, enforces write permission, the text schema and its locks (see
 * schema-check.ts), and broadcasts an update only once it is stored (see text-writer.ts for the
 * durability rule).
 *
 *   const document = new CollabDocument({ documentId, state: await loadDocState(store, id), ... });
 *   document.attach(connection);
 *   await document.change(attribution, [(doc) => replaceParagraphText(doc, id, 0, 4, 'Urges')]);
 */
import { CollabCloseCode, CollabCloseReason } from '@accord/shared';
import type { Logger } from 'pino';
import type { RawData } from 'ws';
import * as Y from 'yjs';
import type { EventStore } from '../eventstore/port.js';
import {
  encodeDocState,
  REPLAY_ORIGIN,
  SNAPSHOT_ENCODING,
  type Attribution,
  type DocState,
} from '../text/text-history.js';
import { TextWriter, type SnapshotPolicy, type StoredUpdate } from '../text/text-writer.js';
import { AwarenessRelay, type AwarenessLimits } from './awareness-relay.js';
import type { CollabBudgets } from './budgets.js';
import { CollabConnection } from './collab-connection.js';
import {
  MalformedMessage,
  decodeClientMessage,
  peekMessageKind,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from './protocol.js';
import { overlongText } from './paragraph-length.js';
import { checkTextSchema, OPEN_TEXT, type SchemaRefusal, type TextRules } from './schema-check.js';
import { placeUpdate } from './struct-placement.js';
import { decodeYjsUpdate, wouldChange } from './update-inspection.js';

export interface CollabDocumentOptions {
  documentId: string;
  state: DocState;
  store: EventStore;
  logger: Logger;
  snapshotEvery: SnapshotPolicy;
  awareness: AwarenessLimits;
  /** Largest update one connection may send; one stored event must hold it. */
  maxUpdateBytes: number;
  /** Frame sizes judged before decoding (see FrameLimits). */
  frames: FrameLimits;
  /** Per-user and per-stakeholder rate budgets, shared by every document of the gateway. */
  budgets: CollabBudgets;
  /** Largest the document's stored state may grow through client updates; excess closes 4415. */
  maxDocumentBytes: number;
  /** Longest one paragraph's text may grow through client updates; excess closes 4415. */
  maxParagraphChars: number;
  /** The document's locked paragraphs when it loads; `setTextRules` replaces them. */
  textRules?: TextRules;
  /** A connection was closed for something it sent; `reason` is the machine part of the close reason. */
  onRefused?: (reason: string) => void;
  /** An awareness frame was dropped over a rate budget (the connection's, or its person's). */
  onAwarenessDropped?: (over: 'connection' | 'user' | 'stakeholder') => void;
  idleUnloadMs: number;
  /** No connection and no server operation for `idleUnloadMs`: the gateway may unload it. */
  onIdle: (document: CollabDocument) => void;
  /** The document failed (its log could not be written) and has closed itself. */
  onFailed: (document: CollabDocument) => void;
  onConnectionOpened: (connection: CollabConnection) => void;
  onConnectionClosed: (connection: CollabConnection) => void;
}

/**
 * What a frame may weigh, checked from its length before its payload is decoded, so a hostile
 * frame costs the server a comparison rather than seconds of decoding.
 */
export interface FrameLimits {
  /**
   * Sync step 2 or update from a read-only connection. Such a client only ever sends the empty
   * step 2 that follows syncing: no structs and the deletions it learnt from us, so it may be
   * this many bytes plus the size of our own delete set.
   */
  readOnlyUpdateBytes: number;
  /** A state vector may be this much longer than ours (a client knows no more peers than us, plus itself). */
  stateVectorSlackBytes: number;
  /** One awareness message (a few clients' JSON states). */
  maxAwarenessBytes: number;
}

// Recomputing the exact stored size (an encode of the whole document) runs at most this often.
const SIZE_RECOUNT_MS = 2000;

/** The origin of a server transaction; collects the updates it produced to report revisions. */
class ServerChange {
  readonly updates: StoredUpdate[] = [];
  constructor(readonly attribution: Attribution) {}
}

const SHUTDOWN_GRACE_MS = 1000;

/** Step-2 answers kept between two changes of the document: at most this many, and bytes. */
const SYNC_ANSWERS_KEPT = 8;
const SYNC_ANSWER_BYTES_KEPT = 8 * 1024 * 1024;

// Updates whose origin is neither a connection nor a server change should not exist; they are
// still stored (the log must hold every change) under this attribution, and logged.
const UNATTRIBUTED: Attribution = { userId: 'system', stakeholderId: 'system' };

export class CollabDocument {
  readonly documentId: string;
  readonly doc: Y.Doc;
  readonly connections = new Set<CollabConnection>();
  private readonly relay: AwarenessRelay;
  private readonly writer: TextWriter;
  private readonly logger: Logger;
  private holds = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private state: 'live' | 'closing' | 'closed' = 'live';
  /**
   * An upper bound of the encoded document: exact at load and at each recount, plus every
   * update since (an update adds at most its own length).
   */
  private storedBytes: number;
  private lastRecount = Number.NEGATIVE_INFINITY;
  private textRules: TextRules;
  // Derived from the document, cached until it changes.
  private cachedStateVectorBytes: number | undefined;
  private cachedDeleteSetBytes: number | undefined;
  /** Step-2 answers by the peer's state vector, valid until the document changes. */
  private readonly syncAnswers = new Map<string, Uint8Array>();
  private syncAnswerBytes = 0;

  constructor(private readonly options: CollabDocumentOptions) {
    this.documentId = options.documentId;
    this.doc = options.state.doc;
    this.storedBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
    this.textRules = options.textRules ?? OPEN_TEXT;
    this.logger = options.logger.child({ documentId: options.documentId });
    this.writer = new TextWriter({
      store: options.store,
      documentId: options.documentId,
      revision: options.state.revision,
      snapshotEvery: options.snapshotEvery,
      updatesSinceSnapshot: options.state.updatesSinceSnapshot,
      bytesSinceSnapshot: options.state.bytesSinceSnapshot,
      lastSnapshotBytes: options.state.snapshotBytes,
      // Snapshots in Yjs's v2 encoding: a third of the size, as fast to load; both are read.
      encodeState: () => encodeDocState(this.doc, SNAPSHOT_ENCODING),
      stateEncoding: SNAPSHOT_ENCODING,
      onStored: (updates) => this.broadcastStored(updates),
      onFailed: (error) => this.fail(error),
      logger: this.logger,
    });
    this.relay = new AwarenessRelay(this.doc, options.awareness, (message) => {
      // Sent back to its sender too: y-websocket's client treats 30 s without any message as
      // a dead connection, and its own awareness echo is what it hears when it is alone.
      for (const connection of this.connections) connection.send(message);
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) =>
      this.onDocUpdate(update, origin),
    );
    this.scheduleIdleCheck();
  }

  get closed(): boolean {
    return this.state === 'closed';
  }

  get revision(): bigint | undefined {
    return this.writer.lastRevision;
  }

  /** The locks every later client update is checked against (after a gavel or a reopening). */
  setTextRules(rules: TextRules): void {
    this.textRules = rules;
  }

  isIdle(): boolean {
    return this.connections.size === 0 && this.holds === 0;
  }

  /** Keeps the document loaded until the returned release is called. */
  hold(): () => void {
    this.holds += 1;
    this.cancelIdleCheck();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds -= 1;
      this.scheduleIdleCheck();
    };
  }

  attach(connection: CollabConnection): void {
    if (this.state !== 'live') {
      connection.close(CollabCloseCode.GoingAway, CollabCloseReason.ShuttingDown);
      return;
    }
    this.connections.add(connection);
    this.options.onConnectionOpened(connection);
    this.cancelIdleCheck();
    const { socket } = connection;
    socket.on('message', (data: RawData, isBinary: boolean) =>
      this.receive(connection, data, isBinary),
    );
    socket.on('pong', () => (connection.alive = true));
    socket.on('error', (error) =>
      this.logger.debug({ err: error, connection: connection.id }, 'socket error'),
    );
    socket.on('close', () => this.detach(connection));
    // As y-websocket's own server does: our state vector (so the client sends what we lack)
    // and who is already here.
    connection.send(encodeSyncStep1(this.doc));
    const states = this.relay.currentStatesMessage();
    if (states) connection.send(states);
  }

  /**
   * Runs each step as one transaction attributed to `attribution`, stored and broadcast like
   * any update. Steps run back to back, so nothing interleaves with them. Resolves with the
   * revision of the last event they produced (undefined when they changed nothing).
   */
  async change(
    attribution: Attribution,
    steps: ReadonlyArray<(doc: Y.Doc) => void>,
  ): Promise<{ revision: bigint | undefined }> {
    if (this.state !== 'live') throw new DocumentUnloaded(this.documentId);
    const release = this.hold();
    try {
      const origin = new ServerChange(attribution);
      // A step that throws has still committed what it changed before throwing (Yjs has no
      // rollback), so steps must validate before they mutate.
      for (const step of steps) this.doc.transact(() => step(this.doc), origin);
      await this.writer.whenStored();
      return { revision: origin.updates.at(-1)?.revision };
    } finally {
      release();
    }
  }

  /** Waits until everything applied so far is stored (or the writer failed). */
  drain(): Promise<void> {
    return this.writer.drain();
  }

  /** Stops handling messages, stores what was applied, then closes every connection. */
  async shutdown(code: number, reason: string): Promise<void> {
    if (this.state !== 'live') return;
    this.state = 'closing';
    await this.writer.drain();
    const sockets = [...this.connections].map((connection) => connection.socket);
    this.destroy(code, reason);
    // Everything is stored, so the node need not wait for each client to answer its close frame
    // (200 clients take ~25 ms to, and a restart is downtime for all of them). A socket whose
    // close frame has left is dropped now; one still holding a backlog for a slow client gets a
    // moment to deliver it, so that client too sees the code rather than a dropped connection.
    const backlogged = sockets.filter(
      (socket) => socket.readyState !== socket.CLOSED && socket.bufferedAmount > 0,
    );
    const closed = backlogged.map(
      (socket) => new Promise<void>((resolve) => socket.once('close', () => resolve())),
    );
    let timer: NodeJS.Timeout | undefined;
    if (closed.length > 0) {
      await Promise.race([
        Promise.all(closed),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS))),
      ]);
    }
    clearTimeout(timer);
    for (const socket of sockets) if (socket.readyState !== socket.CLOSED) socket.terminate();
  }

  /** Closes every connection and frees the document at once. */
  destroy(code: number, reason: string): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.cancelIdleCheck();
    for (const connection of this.connections) connection.close(code, reason);
    this.relay.destroy();
    this.doc.destroy();
  }

  private receive(connection: CollabConnection, data: RawData, isBinary: boolean): void {
    if (this.state !== 'live' || !connection.isOpen) return;
    try {
      if (!isBinary) throw new MalformedMessage('Text frames are not part of the protocol');
      const bytes = toBytes(data);
      // Cheap checks first: size for the frame's kind and role, and rate, before decoding.
      if (!this.admitFrame(connection, peekMessageKind(bytes), bytes.byteLength)) return;
      const message = decodeClientMessage(bytes);
      switch (message.type) {
        case 'sync-step1': {
          // Encoded now, sent once everything applied up to now is stored: the answer never
          // contains a change the log might still lose.
          const answer = this.syncAnswerFor(message.stateVector);
          this.writer.whenStored().then(
            () => connection.send(answer),
            () => undefined, // the document failed and closed the connection
          );
          return;
        }
        case 'sync-step2':
        case 'sync-update':
          this.receiveUpdate(connection, message.update);
          return;
        case 'awareness':
          // Rate was taken in admitFrame; only frames within it get here.
          this.relay.receive(connection, message.update);
          return;
        case 'query-awareness': {
          const states = this.relay.currentStatesMessage();
          if (states) connection.send(states);
          return;
        }
        default: {
          const unhandled: never = message;
          throw new MalformedMessage(`Unhandled message ${JSON.stringify(unhandled)}`);
        }
      }
    } catch (error) {
      // Thrown from a socket event, an error would take the whole process down: close instead.
      if (error instanceof MalformedMessage) {
        this.logger.info(
          { err: error, connection: connection.id, userId: connection.user.userId },
          'malformed message',
        );
        this.options.onRefused?.(CollabCloseReason.MalformedMessage);
        connection.close(CollabCloseCode.MalformedMessage, CollabCloseReason.MalformedMessage);
      } else {
        this.logger.error({ err: error, connection: connection.id }, 'handling a message failed');
        connection.close(CollabCloseCode.InternalError, CollabCloseReason.InternalError);
      }
    }
  }

  /**
   * Decides from a frame's kind and length alone whether it may be decoded at all, and takes
   * its rate tokens. Closes the connection (or drops an awareness frame) and answers false
   * when it may not.
   */
  private admitFrame(
    connection: CollabConnection,
    kind: ReturnType<typeof peekMessageKind>,
    bytes: number,
  ): boolean {
    const { frames } = this.options;
    switch (kind) {
      case 'sync-step1':
        if (bytes > this.stateVectorBytes() + frames.stateVectorSlackBytes) {
          this.refuse(connection, CollabCloseCode.FrameTooLarge, CollabCloseReason.FrameTooLarge);
          return false;
        }
        // Each answer may be the whole document: asking again and again costs the update budget.
        return this.takeUpdateTokens(connection);
      case 'sync-step2':
      case 'sync-update': {
        // Measured only for a frame past the base allowance, which an honest client rarely sends.
        if (
          !connection.canWrite &&
          bytes > frames.readOnlyUpdateBytes &&
          bytes > frames.readOnlyUpdateBytes + this.deleteSetBytes()
        ) {
          this.refuseWrite(connection);
          return false;
        }
        if (bytes > this.options.maxUpdateBytes) {
          this.refuse(connection, CollabCloseCode.UpdateTooLarge, CollabCloseReason.UpdateTooLarge);
          return false;
        }
        return this.takeUpdateTokens(connection);
      }
      case 'awareness':
        if (bytes > frames.maxAwarenessBytes) {
          this.refuse(connection, CollabCloseCode.FrameTooLarge, CollabCloseReason.FrameTooLarge);
          return false;
        }
        // Dropped, not closed: the next awareness update carries the latest state anyway.
        return this.takeAwarenessTokens(connection);
      case 'query-awareness':
        // Answered with everyone's state: a cheap request with a costly answer, so rate it.
        return this.takeAwarenessTokens(connection);
    }
  }

  /** One token per connection, user and delegation; a frame over any of them is dropped. */
  private takeAwarenessTokens(connection: CollabConnection): boolean {
    if (!connection.awarenessLimit.take()) {
      this.options.onAwarenessDropped?.('connection');
      return false;
    }
    const verdict = this.options.budgets.takeAwareness(connection.user);
    if (!verdict.ok) this.options.onAwarenessDropped?.(verdict.over);
    return verdict.ok;
  }

  /** One token per connection, user and delegation; closes with 4429 when one is out. */
  private takeUpdateTokens(connection: CollabConnection): boolean {
    if (!connection.updateLimit.take()) {
      this.refuse(connection, CollabCloseCode.RateLimited, CollabCloseReason.RateLimited);
      return false;
    }
    const verdict = this.options.budgets.takeUpdate(connection.user);
    if (!verdict.ok) {
      this.refuse(
        connection,
        CollabCloseCode.RateLimited,
        `${CollabCloseReason.RateLimited}: ${verdict.over}`,
      );
      return false;
    }
    return true;
  }

  private refuse(connection: CollabConnection, code: number, reason: string): void {
    this.logger.info(
      { connection: connection.id, userId: connection.user.userId, code, reason },
      'frame refused',
    );
    this.options.onRefused?.(reason.split(':', 1)[0]!);
    connection.close(code, reason);
  }

  private refuseWrite(connection: CollabConnection): void {
    this.logger.warn(
      { connection: connection.id, userId: connection.user.userId },
      'write refused',
    );
    this.options.onRefused?.(CollabCloseReason.WriteRefused);
    const detail = connection.readOnlyReason ? `: ${connection.readOnlyReason}` : '';
    connection.close(CollabCloseCode.Forbidden, `${CollabCloseReason.WriteRefused}${detail}`);
  }

  private receiveUpdate(connection: CollabConnection, update: Uint8Array): void {
    const decoded = decodeYjsUpdate(update);
    if (!connection.canWrite) {
      // y-websocket answers our sync step 1 with its step 2 even when it has nothing to add;
      // only an update that would change the text is a refused write.
      if (wouldChange(this.doc, decoded)) this.refuseWrite(connection);
      return;
    }
    if (this.wouldOverflow(update.byteLength)) {
      // An update that adds nothing (the empty step 2 after syncing) is harmless even when full.
      if (!wouldChange(this.doc, decoded)) return;
      this.refuse(connection, CollabCloseCode.DocumentTooLarge, CollabCloseReason.DocumentTooLarge);
      return;
    }
    // The checks below walk the decoded structs (the ones above compare lengths); both start
    // from where each struct would go.
    const placed = placeUpdate(this.doc, decoded);
    const refusal = checkTextSchema(this.doc, decoded, this.textRules, placed);
    if (refusal?.reason === 'pending') {
      this.askForMissing(connection, refusal.detail);
      return;
    }
    if (refusal) {
      this.refuseSchema(connection, refusal);
      return;
    }
    const overlong = overlongText(this.doc, decoded, this.options.maxParagraphChars, placed);
    if (overlong) {
      this.refuse(
        connection,
        CollabCloseCode.DocumentTooLarge,
        `${CollabCloseReason.ParagraphTooLong}: ${overlong.paragraphId ?? 'new'}`,
      );
      return;
    }
    // The doc's 'update' event (onDocUpdate) enqueues the novel part for storing.
    Y.applyUpdate(this.doc, update, connection);
  }

  /**
   * The update builds on structs we lack: an earlier update of the client's was lost with a
   * dropped connection, and it typed before the resync finished. Yjs would hold such structs
   * pending, where no check sees them when they finally integrate; instead nothing is applied
   * and the client is sent our state vector, which it answers (as y-websocket always does) with
   * everything we lack in one update, checked like any other.
   */
  private askForMissing(connection: CollabConnection, detail: string): void {
    this.logger.debug(
      { connection: connection.id, userId: connection.user.userId, detail },
      'update with missing dependencies: asking the client to resync',
    );
    connection.send(encodeSyncStep1(this.doc));
  }

  /** Closes with 4423 for a locked paragraph, 4422 for anything else outside the schema. */
  private refuseSchema(connection: CollabConnection, refusal: SchemaRefusal): void {
    this.logger.warn(
      { connection: connection.id, userId: connection.user.userId, refusal },
      'update outside the text schema or its locks refused',
    );
    if (refusal.reason === 'locked') {
      this.refuse(
        connection,
        CollabCloseCode.ParagraphLocked,
        `${CollabCloseReason.ParagraphLocked}: ${refusal.paragraphId ?? ''}`,
      );
      return;
    }
    this.refuse(
      connection,
      CollabCloseCode.SchemaViolation,
      `${CollabCloseReason.SchemaViolation}: ${refusal.detail}`,
    );
  }

  /** Whether adding `bytes` could take the stored document past its maximum. */
  private wouldOverflow(bytes: number): boolean {
    const max = this.options.maxDocumentBytes;
    if (this.storedBytes + bytes <= max) return false;
    // The bound only grows (deletions, updates already known); count exactly now and then.
    const now = performance.now();
    if (now - this.lastRecount >= SIZE_RECOUNT_MS) {
      this.lastRecount = now;
      this.storedBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
    }
    return this.storedBytes + bytes > max;
  }

  /**
   * Step 2 for a peer at `stateVector`. Peers joining together mostly share one state vector
   * (empty, or the document as it was when a restart dropped them all), so the answer is kept
   * until the document changes: a reconnect storm of 200 clients encodes it once, not 200 times.
   */
  private syncAnswerFor(stateVector: Uint8Array): Uint8Array {
    const key = Buffer.from(
      stateVector.buffer,
      stateVector.byteOffset,
      stateVector.byteLength,
    ).toString('latin1');
    const known = this.syncAnswers.get(key);
    if (known) return known;
    const answer = encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    // Bounded, since a peer chooses the state vector it sends.
    if (
      this.syncAnswers.size >= SYNC_ANSWERS_KEPT ||
      this.syncAnswerBytes + answer.byteLength > SYNC_ANSWER_BYTES_KEPT
    ) {
      this.forgetSyncAnswers();
    }
    if (answer.byteLength <= SYNC_ANSWER_BYTES_KEPT) {
      this.syncAnswers.set(key, answer);
      this.syncAnswerBytes += answer.byteLength;
    }
    return answer;
  }

  private forgetSyncAnswers(): void {
    this.syncAnswers.clear();
    this.syncAnswerBytes = 0;
  }

  private stateVectorBytes(): number {
    this.cachedStateVectorBytes ??= Y.encodeStateVector(this.doc).byteLength;
    return this.cachedStateVectorBytes;
  }

  /** Our own delete set, encoded as an update without structs (what an empty step 2 carries). */
  private deleteSetBytes(): number {
    this.cachedDeleteSetBytes ??= Y.encodeStateAsUpdate(
      this.doc,
      Y.encodeStateVector(this.doc),
    ).byteLength;
    return this.cachedDeleteSetBytes;
  }

  /** Stored bytes as the size cap sees them (an upper bound), for diagnostics and tests. */
  get storedSizeBound(): number {
    return this.storedBytes;
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    this.forgetSyncAnswers();
    this.cachedStateVectorBytes = undefined;
    this.cachedDeleteSetBytes = undefined;
    if (origin === REPLAY_ORIGIN) return;
    this.storedBytes += update.byteLength;
    const stored: StoredUpdate = {
      update,
      attribution: this.attributionOf(origin),
      origin,
      occurredAt:
        (origin instanceof ServerChange ? origin.attribution.occurredAt : undefined) ??
        new Date().toISOString(),
    };
    if (origin instanceof ServerChange) origin.updates.push(stored);
    this.writer.enqueue(stored);
  }

  private attributionOf(origin: unknown): Attribution {
    if (origin instanceof ServerChange) return origin.attribution;
    if (origin instanceof CollabConnection) {
      return { userId: origin.user.userId, stakeholderId: origin.user.stakeholderId };
    }
    this.logger.error('update with an unknown origin; stored as system');
    return UNATTRIBUTED;
  }

  /**
   * One message per connection per stored batch: the batch's updates merged (Yjs updates merge
   * and commute), without the connection's own. Under load the fan-out's socket writes, not the
   * appends, are what costs (one write per update per connection before).
   */
  private broadcastStored(updates: readonly StoredUpdate[]): void {
    const merged = (of: readonly StoredUpdate[]) =>
      encodeSyncUpdate(of.length === 1 ? of[0]!.update : Y.mergeUpdates(of.map((u) => u.update)));
    const toAll = merged(updates);
    const origins = new Set(updates.map((u) => u.origin));
    for (const connection of this.connections) {
      if (!origins.has(connection)) {
        connection.send(toAll);
        continue;
      }
      const others = updates.filter((u) => u.origin !== connection);
      if (others.length > 0) connection.send(merged(others));
    }
  }

  private fail(error: unknown): void {
    this.logger.error({ err: error }, 'storing text updates failed; unloading the document');
    this.destroy(CollabCloseCode.PersistenceFailed, CollabCloseReason.PersistenceFailed);
    this.options.onFailed(this);
  }

  private detach(connection: CollabConnection): void {
    if (!this.connections.delete(connection)) return;
    connection.dispose();
    this.options.onConnectionClosed(connection);
    if (this.state === 'closed') return;
    this.relay.removePeer(connection);
    this.scheduleIdleCheck();
  }

  private scheduleIdleCheck(): void {
    if (this.state !== 'live' || !this.isIdle() || this.idleTimer) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.isIdle()) this.options.onIdle(this);
    }, this.options.idleUnloadMs);
    this.idleTimer.unref();
  }

  private cancelIdleCheck(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}

export class DocumentUnloaded extends Error {
  constructor(readonly documentId: string) {
    super(`Document ${documentId} was unloaded while in use`);
    this.name = 'DocumentUnloaded';
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
