/**
 * Writes a document's text log as the collaboration gateway does — one attributed `TextUpdated`
 * event per transaction, snapshots as a `SnapshotPolicy` says (or simply every N updates) — for
 * generated histories: benchmarks, tests, imports of a known sequence of edits. Edits can be
 * batched into one append, as the gateway batches the updates of one event-loop turn.
 *
 *   const log = new TextLog(store, documentId, { snapshotEvery: 500 });
 *   const asLive = new TextLog(store, documentId, { snapshotEvery: { updates: 500, bytes: MiB } });
 *   await log.edit({ userId, stakeholderId }, occurredAt, (doc) => insertParagraphs(doc, 0, [p]));
 *   log.queue(by, at, (doc) => replaceParagraphText(doc, id, 0, 0, 'Also ')); await log.flush();
 */
import { docTextStream } from '@accord/shared';
import * as Y from 'yjs';
import { MAX_APPEND_SIZE, type EventStore, type EventToAppend } from '../eventstore/port.js';
import { appendSnapshot, keepNewestSnapshots } from './snapshot-store.js';
import {
  encodeDocState,
  SNAPSHOT_ENCODING,
  snapshotEvents,
  textUpdatedEvent,
  type Attribution,
} from './text-history.js';
import { DEFAULT_SNAPSHOTS_KEPT, snapshotDue, type SnapshotPolicy } from './text-writer.js';

/** A number N: a snapshot every N updates, all kept (no spacing rule, no retention). */
function policyOf(every: number | SnapshotPolicy): SnapshotPolicy {
  return typeof every === 'number'
    ? { updates: every, bytes: Number.POSITIVE_INFINITY, minBytesRatio: 0, keep: 0 }
    : every;
}

export class TextLog {
  readonly doc = new Y.Doc();
  /** The stream's last revision once flushed; undefined before anything was written. */
  revision: bigint | undefined;
  /** Global position of the last event of each flush: one per revision when edits are not batched. */
  readonly positions: bigint[] = [];
  /** Snapshot bytes appended so far (every part, including those retention later hid). */
  snapshotBytesWritten = 0;
  private pending: EventToAppend[] = [];
  private readonly policy: SnapshotPolicy | undefined;
  private readonly since = { updates: 0, bytes: 0, lastSnapshotBytes: 0 };
  private readonly snapshotStarts: bigint[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly documentId: string,
    options: { snapshotEvery?: number | SnapshotPolicy } = {},
  ) {
    this.policy = options.snapshotEvery === undefined ? undefined : policyOf(options.snapshotEvery);
  }

  /** Applies one transaction to the doc and queues its update; written by `flush`. */
  queue(attribution: Attribution, occurredAt: string, change: (doc: Y.Doc) => void): void {
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    this.doc.on('update', collect);
    try {
      this.doc.transact(() => change(this.doc));
    } finally {
      this.doc.off('update', collect);
    }
    if (updates.length === 0) return;
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    this.pending.push(textUpdatedEvent(update, attribution, occurredAt));
  }

  /** Appends what was queued in one append, then a snapshot if one is due. */
  async flush(): Promise<bigint | undefined> {
    const events = this.pending;
    this.pending = [];
    if (events.length === 0) return this.revision;
    const { nextExpectedRevision, position } = await this.store.appendToStream(
      docTextStream(this.documentId),
      events,
    );
    this.positions.push(position);
    this.revision = nextExpectedRevision;
    this.since.updates += events.length;
    for (const event of events) this.since.bytes += (event.data as Uint8Array).byteLength;
    if (this.policy !== undefined && snapshotDue(this.policy, this.since)) {
      await this.snapshot(this.policy, this.revision);
    }
    return this.revision;
  }

  private async snapshot(policy: SnapshotPolicy, upTo: bigint): Promise<void> {
    const state = encodeDocState(this.doc, SNAPSHOT_ENCODING);
    Object.assign(this.since, { updates: 0, bytes: 0, lastSnapshotBytes: state.byteLength });
    this.snapshotBytesWritten += state.byteLength;
    const parts = snapshotEvents(state, upTo, MAX_APPEND_SIZE / 2, SNAPSHOT_ENCODING);
    const start = await appendSnapshot(this.store, this.documentId, parts);
    if (start !== undefined) this.snapshotStarts.push(start);
    const keep = policy.keep ?? DEFAULT_SNAPSHOTS_KEPT;
    await keepNewestSnapshots(this.store, this.documentId, this.snapshotStarts, keep);
  }

  /** One transaction, written at once; resolves with its revision. */
  async edit(
    attribution: Attribution,
    occurredAt: string,
    change: (doc: Y.Doc) => void,
  ): Promise<bigint | undefined> {
    this.queue(attribution, occurredAt, change);
    return this.flush();
  }
}
