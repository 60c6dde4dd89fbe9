// Writes a document's text log the way the collaboration gateway does — one `TextUpdated` event
// per transaction, attributed, with snapshots every N updates — so tests can build a known
// history with chosen times and stakeholders, without sockets.
//
//   const log = new TextLog(store, documentId, { snapshotEvery: 25 });
//   await log.edit({ userId, stakeholderId }, at(1), (doc) => insertParagraphs(doc, 0, [p]));
import * as Y from 'yjs';
import type { Attribution } from '../../collab/collab-hooks.js';
import {
  docTextSnapshotStream,
  docTextStream,
  snapshotEvents,
  textUpdatedEvent,
} from '../../collab/text-history.js';
import { MAX_APPEND_SIZE, type EventStore } from '../../eventstore/port.js';

export class TextLog {
  readonly doc = new Y.Doc();
  revision: bigint | undefined;
  /** Global position of each revision's event. */
  readonly positions: bigint[] = [];
  private sinceSnapshot = 0;

  constructor(
    private readonly store: EventStore,
    private readonly documentId: string,
    private readonly options: { snapshotEvery?: number } = {},
  ) {}

  /** One transaction, stored as one event; resolves with its revision. */
  async edit(attribution: Attribution, occurredAt: string, change: (doc: Y.Doc) => void) {
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    this.doc.on('update', collect);
    try {
      this.doc.transact(() => change(this.doc));
    } finally {
      this.doc.off('update', collect);
    }
    const update = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const result = await this.store.appendToStream(docTextStream(this.documentId), [
      textUpdatedEvent(update, attribution, occurredAt),
    ]);
    this.revision = result.nextExpectedRevision;
    this.positions.push(result.position);
    const every = this.options.snapshotEvery;
    if (every !== undefined && ++this.sinceSnapshot >= every) {
      this.sinceSnapshot = 0;
      await this.store.appendToStream(
        docTextSnapshotStream(this.documentId),
        snapshotEvents(Y.encodeStateAsUpdate(this.doc), this.revision, MAX_APPEND_SIZE / 2),
      );
    }
    return this.revision;
  }
}
