/**
 * Writes a document's text log as the collaboration gateway does — one attributed `TextUpdated`
 * event per transaction, a snapshot every N updates — for generated histories: benchmarks, tests,
 * imports of a known sequence of edits. Edits can be batched into one append, as the gateway
 * batches the updates of one event-loop turn.
 *
 *   const log = new TextLog(store, documentId, { snapshotEvery: 500 });
 *   await log.edit({ userId, stakeholderId }, occurredAt, (doc) => insertParagraphs(doc, 0, [p]));
 *   log.queue(by, at, (doc) => replaceParagraphText(doc, id, 0, 0, 'Also ')); await log.flush();
 */
import { docTextSnapshotStream, docTextStream } from '@accord/shared';
import * as Y from 'yjs';
import { MAX_APPEND_SIZE, type EventStore, type EventToAppend } from '../eventstore/port.js';
import { snapshotEvents, textUpdatedEvent, type Attribution } from './text-history.js';

export class TextLog {
  readonly doc = new Y.Doc();
  /** The stream's last revision once flushed; undefined before anything was written. */
  revision: bigint | undefined;
  /** Global position of the last event of each flush: one per revision when edits are not batched. */
  readonly positions: bigint[] = [];
  private pending: EventToAppend[] = [];
  private sinceSnapshot = 0;

  constructor(
    private readonly store: EventStore,
    private readonly documentId: string,
    private readonly options: { snapshotEvery?: number } = {},
  ) {}

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
    this.sinceSnapshot += events.length;
    const every = this.options.snapshotEvery;
    if (every !== undefined && this.sinceSnapshot >= every) {
      this.sinceSnapshot = 0;
      // Parts one append each, as the gateway writes them: together they may exceed an append.
      const parts = snapshotEvents(
        Y.encodeStateAsUpdate(this.doc),
        this.revision,
        MAX_APPEND_SIZE / 2,
      );
      for (const part of parts)
        await this.store.appendToStream(docTextSnapshotStream(this.documentId), [part]);
    }
    return this.revision;
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
