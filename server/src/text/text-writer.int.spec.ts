// Batching, splitting, failure and snapshots of the log writer, on a real SQLite store.
import { docTextSnapshotStream, docTextStream } from '@accord/shared';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { interceptStore } from '../collab/test-support/collab-harness.js';
import { WrongExpectedVersion } from '../eventstore/errors.js';
import { collect, type EventStore } from '../eventstore/port.js';
import {
  openSqliteEventStore,
  type SqliteEventStore,
} from '../eventstore/sqlite/sqlite-event-store.js';
import { loadDocState } from './text-history.js';
import { TextWriter, type StoredUpdate, type TextWriterOptions } from './text-writer.js';

const attribution = { userId: 'u-alice', stakeholderId: 's-france' };
const documentId = '0b0c1d7e-4a4b-4c3e-9f0e-1a2b3c4d5e6f';

describe('text writer', () => {
  let store: SqliteEventStore;
  let appends: Array<{ stream: string; count: number }>;
  let counting: EventStore;

  beforeEach(() => {
    store = openSqliteEventStore({ file: ':memory:' });
    appends = [];
    counting = interceptStore(store, {
      appendToStream: (stream, events, options) => {
        appends.push({ stream, count: events.length });
        return store.appendToStream(stream, events, options);
      },
    });
  });
  afterEach(async () => {
    await store.close();
  });

  /** A doc whose updates go to a writer, as the gateway wires them. */
  function setup(overrides: Partial<TextWriterOptions> = {}) {
    const doc = new Y.Doc();
    const stored: StoredUpdate[] = [];
    const onFailed = vi.fn();
    const writer = new TextWriter({
      store: counting,
      documentId,
      revision: undefined,
      snapshotEvery: { updates: 1000, bytes: 1024 * 1024 * 1024 },
      updatesSinceSnapshot: 0,
      bytesSinceSnapshot: 0,
      encodeState: () => Y.encodeStateAsUpdate(doc),
      onStored: (updates) => stored.push(...updates),
      onFailed,
      logger: pino({ level: 'silent' }),
      ...overrides,
    });
    doc.on('update', (update: Uint8Array) =>
      writer.enqueue({ update, attribution, origin: null, occurredAt: new Date().toISOString() }),
    );
    return { doc, writer, stored, onFailed };
  }

  it('gathers the updates of one event-loop turn into one append, in order', async () => {
    const { doc, writer, stored } = setup();
    for (let i = 0; i < 50; i++) doc.getText('t').insert(i, 'x');
    expect(await writer.whenStored()).toBe(49n);
    expect(appends).toEqual([{ stream: docTextStream(documentId), count: 50 }]);
    expect(stored.map((u) => u.revision)).toEqual(Array.from({ length: 50 }, (_, i) => BigInt(i)));
    const state = await loadDocState(store, documentId);
    expect(state.doc.getText('t').toJSON()).toBe('x'.repeat(50));
  });

  it('splits a batch larger than one append allows', async () => {
    const { doc, writer } = setup();
    for (let i = 0; i < 3; i++) doc.getText('t').insert(0, 'y'.repeat(400 * 1024));
    expect(await writer.whenStored()).toBe(2n);
    expect(appends.map((a) => a.count)).toEqual([2, 1]);
  });

  it('on a failed append rejects waiters, reports once and accepts nothing more', async () => {
    const { doc, writer, stored, onFailed } = setup({ revision: 5n }); // the stream does not exist
    doc.getText('t').insert(0, 'lost');
    await expect(writer.whenStored()).rejects.toBeInstanceOf(WrongExpectedVersion);
    doc.getText('t').insert(0, 'ignored');
    await expect(writer.whenStored()).rejects.toBeInstanceOf(WrongExpectedVersion);
    expect(onFailed).toHaveBeenCalledTimes(1);
    expect(stored).toEqual([]);
    expect(await collect(store.readStream(docTextStream(documentId)))).toEqual([]);
  });

  it('takes a snapshot of exactly what is stored once the policy is reached', async () => {
    const { doc, writer } = setup({ snapshotEvery: { updates: 3, bytes: 1024 * 1024 } });
    for (let i = 0; i < 3; i++) doc.getText('t').insert(0, `${i}`);
    await writer.whenStored();
    await writer.drain();
    const snapshots = await collect(store.readStream(docTextSnapshotStream(documentId)));
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]!.metadata).toEqual({ upToRevision: '2' });
    const fromSnapshot = new Y.Doc();
    Y.applyUpdate(fromSnapshot, snapshots[0]!.data as Uint8Array);
    expect(fromSnapshot.getText('t').toJSON()).toBe('210');
  });
});
