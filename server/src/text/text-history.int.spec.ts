// Loading a text from its log: snapshot plus tail, across a restart, as of a revision, and
// with a snapshot split into parts.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { docTextSnapshotStream, docTextStream } from '@accord/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectProvider,
  readTextLog,
  startCollabServer,
  waitFor,
} from '../collab/test-support/collab-harness.js';
import { collect } from '../eventstore/port.js';
import { openSqliteEventStore } from '../eventstore/sqlite/sqlite-event-store.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { findParagraph, insertParagraphs, listParagraphs, textSegments } from './doc-structure.js';
import {
  loadDocState,
  readLatestSnapshot,
  snapshotEvents,
  textUpdatedEvent,
} from './text-history.js';

describe('text history', () => {
  let temp: { dir: string; remove(): Promise<void> };

  beforeEach(async () => {
    temp = await makeTempDir();
  });
  afterEach(async () => {
    await temp.remove();
  });

  it('reloads the same text from snapshot plus tail after a restart', async () => {
    const first = await startCollabServer(temp.dir, {
      snapshotEvery: { updates: 5, bytes: 1024 * 1024 },
    });
    const documentId = randomUUID();
    const paragraphId = randomUUID();
    await first.gateway.createDocumentText(
      documentId,
      [{ id: paragraphId, kind: 'operative', text: 'Decides' }],
      { userId: 'u-chair', stakeholderId: 's-chair' },
    );
    const alice = connectProvider(first, documentId, 'alice');
    await waitFor(() => listParagraphs(alice.doc).length === 1, 'synced');
    for (let i = 0; i < 23; i++) {
      const segment = textSegments(findParagraph(alice.doc, paragraphId)!.element)[0]!;
      segment.insert(segment.length, ` w${i}`);
      // Separate messages, so the server sees (and stores) separate updates.
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const before = listParagraphs(alice.doc);
    await waitFor(
      async () => (await first.gateway.readParagraphs(documentId))[0]!.text === before[0]!.text,
      'server caught up',
    );
    alice.destroy();
    await first.close(); // stores everything applied

    const store = openSqliteEventStore({ file: first.file });
    try {
      const snapshots = await collect(store.readStream(docTextSnapshotStream(documentId)));
      expect(snapshots.length).toBeGreaterThan(0);
      const log = await readTextLog(store, documentId);
      const state = await loadDocState(store, documentId);
      expect(state.snapshotRevision).toBeDefined();
      expect(state.revision).toBe(log.at(-1)!.revision);
      expect(state.updatesSinceSnapshot).toBeLessThan(log.length);
      expect(listParagraphs(state.doc)).toEqual(before);

      // As of revision 0: only the initial text.
      const initial = await loadDocState(store, documentId, { asOfRevision: 0n });
      expect(listParagraphs(initial.doc)).toEqual([
        { id: paragraphId, kind: 'operative', text: 'Decides' },
      ]);
    } finally {
      await store.close();
    }

    const second = await startCollabServer(temp.dir);
    try {
      expect(await second.gateway.readParagraphs(documentId)).toEqual(before);
      const bob = connectProvider(second, documentId, 'bob');
      await waitFor(
        () => listParagraphs(bob.doc)[0]?.text === before[0]!.text,
        'reloaded text served',
      );
      bob.destroy();
    } finally {
      await second.close();
    }
  });

  it('reassembles a snapshot split into parts and skips an interrupted one', async () => {
    const store = openSqliteEventStore({ file: path.join(temp.dir, 'accord.sqlite') });
    try {
      const documentId = randomUUID();
      const doc = new Y.Doc();
      doc.transact(() =>
        insertParagraphs(doc, 0, [{ id: 'p', kind: 'operative', text: 'Affirms '.repeat(2000) }]),
      );
      const update = Y.encodeStateAsUpdate(doc);
      await store.appendToStream(docTextStream(documentId), [
        textUpdatedEvent(update, { userId: 'u', stakeholderId: 's' }, new Date().toISOString()),
      ]);

      const complete = snapshotEvents(Y.encodeStateAsUpdate(doc), 0n, 4096);
      expect(complete.length).toBeGreaterThan(2);
      for (const event of complete)
        await store.appendToStream(docTextSnapshotStream(documentId), [event]);
      // A later snapshot whose last parts never arrived (a crash mid-way).
      const interrupted = snapshotEvents(Y.encodeStateAsUpdate(doc), 0n, 4096);
      await store.appendToStream(docTextSnapshotStream(documentId), [interrupted[0]!]);

      const snapshot = await readLatestSnapshot(store, documentId);
      expect(snapshot?.upToRevision).toBe(0n);
      expect(Buffer.from(snapshot!.state).equals(Buffer.from(Y.encodeStateAsUpdate(doc)))).toBe(
        true,
      );
      const state = await loadDocState(store, documentId);
      expect(listParagraphs(state.doc)).toEqual(listParagraphs(doc));
      expect(state.updatesSinceSnapshot).toBe(0);
    } finally {
      await store.close();
    }
  });
});
