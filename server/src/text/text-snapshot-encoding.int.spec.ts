// Snapshots in Yjs's v2 encoding load like the v1 snapshots written before them: a document
// whose snapshot stream holds old (untagged, v1) and new (v2, possibly split) snapshots loads
// the same text now and as of every revision, and an unknown encoding is never applied.
import { randomUUID } from 'node:crypto';
import { docTextSnapshotStream, docTextStream } from '@accord/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  openSqliteEventStore,
  type SqliteEventStore,
} from '../eventstore/sqlite/sqlite-event-store.js';
import { insertParagraphs, listParagraphs, replaceParagraphText } from './doc-structure.js';
import { appendSnapshot } from './snapshot-store.js';
import {
  encodeDocState,
  loadDocState,
  readLatestSnapshot,
  snapshotEvents,
  textUpdatedEvent,
} from './text-history.js';

const by = { userId: 'u-chair', stakeholderId: 's-chair' };

describe('snapshot encodings', () => {
  let store: SqliteEventStore;
  let documentId: string;
  let doc: Y.Doc;
  /** The paragraphs' JSON after each revision. */
  let textAt: string[];
  const paragraphId = randomUUID();

  /** One edit, appended as one `TextUpdated` event. */
  async function edit(change: (doc: Y.Doc) => void) {
    const updates: Uint8Array[] = [];
    const collect = (update: Uint8Array) => updates.push(update);
    doc.on('update', collect);
    doc.transact(() => change(doc));
    doc.off('update', collect);
    await store.appendToStream(docTextStream(documentId), [
      textUpdatedEvent(Y.mergeUpdates(updates), by, new Date().toISOString()),
    ]);
    textAt.push(JSON.stringify(listParagraphs(doc)));
  }

  beforeEach(async () => {
    store = openSqliteEventStore({ file: ':memory:' });
    documentId = randomUUID();
    doc = new Y.Doc();
    textAt = [];
    await edit((d) => insertParagraphs(d, 0, [{ id: paragraphId, kind: 'operative', text: '' }]));
    const snapshot = (upTo: bigint, encoding: 'v1' | 'v2', maxPartBytes: number) =>
      snapshotEvents(encodeDocState(doc, encoding), upTo, maxPartBytes, encoding);
    for (let i = 1; i < 40; i++) {
      await edit((d) => replaceParagraphText(d, paragraphId, 0, i % 4 === 0 ? 2 : 0, `w${i} `));
      // An old (untagged) v1 snapshot at 9, a v2 one at 19, a v2 one split in parts at 29.
      if (i === 9) await appendSnapshot(store, documentId, snapshot(9n, 'v1', 1 << 20));
      if (i === 19) await appendSnapshot(store, documentId, snapshot(19n, 'v2', 1 << 20));
      if (i === 29) {
        const parts = snapshot(29n, 'v2', 64);
        expect(parts.length).toBeGreaterThan(1);
        await appendSnapshot(store, documentId, parts);
      }
    }
  });

  afterEach(() => store.close());

  it('tags only v2 snapshots, so those written before the field read as v1', async () => {
    const events = [];
    for await (const event of store.readStream(docTextSnapshotStream(documentId)))
      events.push(event);
    expect(events[0]!.metadata.encoding).toBeUndefined();
    expect(events.slice(1).every((event) => event.metadata.encoding === 'v2')).toBe(true);
    expect((await readLatestSnapshot(store, documentId, 9n))?.encoding).toBe('v1');
    expect((await readLatestSnapshot(store, documentId, 19n))?.encoding).toBe('v2');
    expect((await readLatestSnapshot(store, documentId))?.upToRevision).toBe(29n);
  });

  it('loads the same text from either encoding, now and as of every revision', async () => {
    for (let revision = 0; revision < textAt.length; revision++) {
      const { doc: loaded, snapshotRevision } = await loadDocState(store, documentId, {
        asOfRevision: BigInt(revision),
      });
      expect(JSON.stringify(listParagraphs(loaded)), `as of ${revision}`).toBe(textAt[revision]);
      const expected = revision >= 29 ? 29n : revision >= 19 ? 19n : revision >= 9 ? 9n : undefined;
      expect(snapshotRevision, `as of ${revision}`).toBe(expected);
      loaded.destroy();
    }
    const now = await loadDocState(store, documentId);
    expect(JSON.stringify(listParagraphs(now.doc))).toBe(textAt.at(-1));
  });

  it('skips a snapshot in an encoding it does not know', async () => {
    const [event] = snapshotEvents(encodeDocState(doc, 'v2'), 39n, 1 << 20, 'v2');
    await appendSnapshot(store, documentId, [
      { ...event!, metadata: { ...event!.metadata, encoding: 'v3' } },
    ]);
    expect((await readLatestSnapshot(store, documentId))?.upToRevision).toBe(29n);
    const now = await loadDocState(store, documentId);
    expect(JSON.stringify(listParagraphs(now.doc))).toBe(textAt.at(-1));
  });
});
