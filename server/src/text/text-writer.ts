/**
 * Writes one loaded document's Yjs updates to its `doctext-` stream, batched, and takes its
 * snapshots.
 *
 * DURABILITY RULE. An update reaches other clients only after the append that contains it has
 * succeeded: `onStored` (which broadcasts) runs after the append, and sync step 2 answers wait
 * for `whenStored()`. If an append fails, nothing after it is written, every waiter is
 * rejected and `onFailed` runs once; the gateway then closes every connection of the document
 * with 4500 and unloads it, so clients resync from the log, and the y-websocket client
 * re-sends whatever the log lacks (its sync step 2 answers the server's state vector). The
 * in-memory document therefore never runs ahead of the log for anyone but the author of a
 * not-yet-stored change, and never silently diverges from it.
 *
 *   const writer = new TextWriter({ store, documentId, revision, ... });
 *   writer.enqueue(update, attribution, origin);  // from the doc's 'update' event
 *   await writer.whenStored();                    // everything enqueued so far is in the log
 */
import { docTextStream } from '@accord/shared';
import type { Logger } from 'pino';
import { MAX_APPEND_SIZE, type EventStore, type EventToAppend } from '../eventstore/port.js';
import {
  eventSize,
  snapshotEvents,
  textUpdatedEvent,
  type Attribution,
  type SnapshotEncoding,
} from './text-history.js';
import { appendSnapshot, keepNewestSnapshots } from './snapshot-store.js';

/**
 * When to take snapshots and how many to keep; see "Snapshots" in README.md. Storage stays
 * linear: the snapshots a reader can see weigh at most `keep` times the document, and the
 * spacing rule keeps every snapshot ever written under `1 / minBytesRatio` times the log.
 */
export interface SnapshotPolicy {
  /** Take a snapshot after this many stored updates… */
  updates: number;
  /** …or after this many stored update bytes, whichever comes first… */
  bytes: number;
  /**
   * …but only once the update bytes since the last snapshot reach this fraction of that
   * snapshot's size, so a large document edited in small steps is not copied every few
   * hundred keystrokes. Default DEFAULT_SNAPSHOT_MIN_BYTES_RATIO; 0 turns the rule off.
   */
  minBytesRatio?: number;
  /**
   * Snapshots kept readable; older ones are truncated from the stream (stream metadata
   * `truncateBefore`). Default DEFAULT_SNAPSHOTS_KEPT; 0 keeps every one.
   */
  keep?: number;
}

export const DEFAULT_SNAPSHOT_MIN_BYTES_RATIO = 0.25;
export const DEFAULT_SNAPSHOTS_KEPT = 0;

/** What has been stored since the last snapshot, for `snapshotDue`. */
export interface SinceSnapshot {
  updates: number;
  bytes: number;
  /** Size of the last snapshot (0 without one). */
  lastSnapshotBytes: number;
}

/** Whether the policy wants a snapshot now; the one rule the writer and `TextLog` share. */
export function snapshotDue(policy: SnapshotPolicy, since: SinceSnapshot): boolean {
  if (since.updates < policy.updates && since.bytes < policy.bytes) return false;
  const ratio = policy.minBytesRatio ?? DEFAULT_SNAPSHOT_MIN_BYTES_RATIO;
  return since.bytes >= ratio * since.lastSnapshotBytes;
}

export interface StoredUpdate {
  update: Uint8Array;
  attribution: Attribution;
  /** The transaction origin: the connection that sent it, or a server change. */
  origin: unknown;
  occurredAt: string;
  /** Set once stored. */
  revision?: bigint;
}

export interface TextWriterOptions {
  store: EventStore;
  documentId: string;
  /** The stream's last revision when the document was loaded. */
  revision: bigint | undefined;
  snapshotEvery: SnapshotPolicy;
  updatesSinceSnapshot: number;
  bytesSinceSnapshot: number;
  /** Size of the snapshot the document was loaded from (0 or omitted: none). */
  lastSnapshotBytes?: number;
  /** The document's full state; called only when every enqueued update is stored. */
  encodeState: () => Uint8Array;
  /** How `encodeState` encodes it (default 'v1', `Y.encodeStateAsUpdate`). */
  stateEncoding?: SnapshotEncoding;
  /** Called after each successful append, in order. */
  onStored: (updates: readonly StoredUpdate[]) => void;
  /** Called once, when an append fails; the writer accepts nothing afterwards. */
  onFailed: (error: unknown) => void;
  logger: Logger;
}

interface Waiter {
  resolve: (revision: bigint | undefined) => void;
  reject: (error: unknown) => void;
}

type Entry = { kind: 'update'; update: StoredUpdate } | { kind: 'waiter'; waiter: Waiter };

interface Batch {
  updates: StoredUpdate[];
  events: EventToAppend[];
  size: number;
  waiters: Waiter[];
}

export class TextWriter {
  private pending: Entry[] = [];
  private inFlight: Entry[] = [];
  private running = false;
  private failure: { error: Error } | undefined;
  private revision: bigint | undefined;
  private updatesSinceSnapshot: number;
  private bytesSinceSnapshot: number;
  private lastSnapshotBytes: number;
  /** Stream revision of the first event of each snapshot this writer appended, oldest first. */
  private readonly snapshotStarts: bigint[] = [];
  private snapshotting: Promise<void> | undefined;
  private runLoop: Promise<void> | undefined;

  constructor(private readonly options: TextWriterOptions) {
    this.revision = options.revision;
    this.updatesSinceSnapshot = options.updatesSinceSnapshot;
    this.bytesSinceSnapshot = options.bytesSinceSnapshot;
    this.lastSnapshotBytes = options.lastSnapshotBytes ?? 0;
  }

  /** The revision of the last event this writer stored (or found at load). */
  get lastRevision(): bigint | undefined {
    return this.revision;
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  enqueue(update: StoredUpdate): void {
    if (this.failure) return;
    this.pending.push({ kind: 'update', update });
    this.schedule();
  }

  /**
   * Resolves (with the stream's last revision) once everything enqueued before the call is
   * stored; rejects if the writer failed first.
   */
  whenStored(): Promise<bigint | undefined> {
    if (this.failure) return Promise.reject(this.failure.error);
    if (!this.running && this.pending.length === 0) return Promise.resolve(this.revision);
    return new Promise((resolve, reject) => {
      this.pending.push({ kind: 'waiter', waiter: { resolve, reject } });
      this.schedule();
    });
  }

  /** Waits for pending updates and any snapshot being written; for unloading and shutdown. */
  async drain(): Promise<void> {
    await this.whenStored().catch(() => undefined);
    await this.runLoop;
    await this.snapshotting;
  }

  private schedule(): void {
    if (this.running) return;
    this.running = true;
    // setImmediate gathers every update of this event-loop turn (all messages already read from
    // the sockets) into one append.
    this.runLoop = new Promise((resolve) => setImmediate(() => resolve(this.run())));
  }

  private async run(): Promise<void> {
    try {
      while (this.pending.length > 0 && !this.failure) {
        this.inFlight = this.pending;
        this.pending = [];
        for (const batch of toBatches(this.inFlight)) await this.write(batch);
        this.inFlight = [];
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.running = false;
    }
    if (!this.failure && this.pending.length === 0) this.maybeSnapshot();
  }

  private async write(batch: Batch): Promise<void> {
    if (batch.events.length > 0) {
      const { nextExpectedRevision } = await this.options.store.appendToStream(
        docTextStream(this.options.documentId),
        batch.events,
        { expectedRevision: this.revision ?? 'no_stream' },
      );
      const first = nextExpectedRevision - BigInt(batch.events.length) + 1n;
      batch.updates.forEach((update, i) => (update.revision = first + BigInt(i)));
      this.revision = nextExpectedRevision;
      this.updatesSinceSnapshot += batch.updates.length;
      this.bytesSinceSnapshot += batch.updates.reduce((sum, u) => sum + u.update.byteLength, 0);
      try {
        this.options.onStored(batch.updates);
      } catch (error) {
        // The updates are stored: a failing listener must not be mistaken for a failed append.
        this.options.logger.error(
          { err: error, documentId: this.options.documentId },
          'onStored failed',
        );
      }
    }
    for (const waiter of batch.waiters) waiter.resolve(this.revision);
  }

  private fail(error: unknown): void {
    if (this.failure) return;
    this.failure = { error: error instanceof Error ? error : new Error(String(error)) };
    const entries = [...this.inFlight, ...this.pending];
    this.inFlight = [];
    this.pending = [];
    for (const entry of entries) if (entry.kind === 'waiter') entry.waiter.reject(error);
    this.options.onFailed(error);
  }

  // Runs synchronously right after the last append with nothing pending, so the encoded state
  // is exactly what the log holds up to `revision`.
  private maybeSnapshot(): void {
    const policy = this.options.snapshotEvery;
    if (this.snapshotting || this.revision === undefined) return;
    const since = {
      updates: this.updatesSinceSnapshot,
      bytes: this.bytesSinceSnapshot,
      lastSnapshotBytes: this.lastSnapshotBytes,
    };
    if (!snapshotDue(policy, since)) return;
    const upTo = this.revision;
    const state = this.options.encodeState();
    const events = snapshotEvents(
      state,
      upTo,
      MAX_APPEND_SIZE - SNAPSHOT_HEADROOM,
      this.options.stateEncoding,
    );
    this.updatesSinceSnapshot = 0;
    this.bytesSinceSnapshot = 0;
    this.lastSnapshotBytes = state.byteLength;
    this.snapshotting = (async () => {
      const { store, documentId } = this.options;
      try {
        // A snapshot only saves replay time, so its failure is logged and the log stays whole.
        const start = await appendSnapshot(store, documentId, events);
        if (start !== undefined) this.snapshotStarts.push(start);
        await keepNewestSnapshots(
          store,
          documentId,
          this.snapshotStarts,
          policy.keep ?? DEFAULT_SNAPSHOTS_KEPT,
        );
      } catch (error) {
        this.options.logger.warn(
          { err: error, documentId: this.options.documentId },
          'snapshot failed',
        );
      } finally {
        this.snapshotting = undefined;
      }
    })();
  }
}

// Room for the metadata of a snapshot part (its ids and counters).
const SNAPSHOT_HEADROOM = 1024;

/**
 * Splits entries into appends under MAX_APPEND_SIZE, keeping order. A waiter stays with the
 * batch of the updates before it, so it resolves as soon as they are stored.
 */
function toBatches(entries: readonly Entry[]): Batch[] {
  const batches: Batch[] = [];
  let current: Batch = { updates: [], events: [], size: 0, waiters: [] };
  for (const entry of entries) {
    if (entry.kind === 'waiter') {
      current.waiters.push(entry.waiter);
      continue;
    }
    const { update, attribution, occurredAt } = entry.update;
    const event = textUpdatedEvent(update, attribution, occurredAt);
    const size = eventSize(event);
    if (current.events.length > 0 && current.size + size > MAX_APPEND_SIZE) {
      batches.push(current);
      current = { updates: [], events: [], size: 0, waiters: [] };
    }
    current.updates.push(entry.update);
    current.events.push(event);
    current.size += size;
  }
  batches.push(current);
  return batches;
}
