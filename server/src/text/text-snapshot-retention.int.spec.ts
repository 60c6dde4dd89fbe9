// The snapshot policy keeps storage linear: few snapshots stay readable, snapshots of a large
// document are spaced by its size, and loading (now or as of any revision) still equals a full
// replay of the log, also before the oldest kept snapshot.
import { randomUUID } from 'node:crypto';
import { docTextSnapshotStream, docTextStream } from '@accord/shared';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { interceptStore } from '../collab/test-support/collab-harness.js';
import { collect, type EventStore } from '../eventstore/port.js';
import {
  openSqliteEventStore,
  type SqliteEventStore,
} from '../eventstore/sqlite/sqlite-event-store.js';
import { loadDocState, REPLAY_ORIGIN } from './text-history.js';
import { TextWriter, type SnapshotPolicy } from './text-writer.js';

const attribution = { userId: 'u-alice', stakeholderId: 's-france' };
const documentId = '5a1e2d3c-4b5a-4c6d-8e7f-0a1b2c3d4e5f';

describe('snapshot retention and spacing', () => {
  let store: SqliteEventStore;
  /** Snapshot bytes appended, per snapshot stream. */
  let written: Map<string, number>;
  let counting: EventStore;

  beforeEach(() => {
    store = openSqliteEventStore({ file: ':memory:' });
    written = new Map();
    counting = interceptStore(store, {
      appendToStream: (stream, events, options) => {
        for (const event of events) {
          if (event.data instanceof Uint8Array && stream.startsWith('doctextsnapshot-')) {
            written.set(stream, (written.get(stream) ?? 0) + event.data.byteLength);
          }
        }
        return store.appendToStream(stream, events, options);
      },
    });
  });
  afterEach(async () => {
    await store.close();
  });

  /**
   * Appends `rounds` updates of `chunk` characters, one append each, and returns the text after
   * each revision.
   */
  async function grow(policy: SnapshotPolicy, rounds: number, chunk: number, id = documentId) {
    const doc = new Y.Doc();
    const writer = new TextWriter({
      store: counting,
      documentId: id,
      revision: undefined,
      snapshotEvery: policy,
      updatesSinceSnapshot: 0,
      bytesSinceSnapshot: 0,
      encodeState: () => Y.encodeStateAsUpdate(doc),
      onStored: () => undefined,
      onFailed: (error) => {
        throw error;
      },
      logger: pino({ level: 'silent' }),
    });
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REPLAY_ORIGIN) return;
      writer.enqueue({ update, attribution, origin, occurredAt: new Date().toISOString() });
    });
    const textAt = new Map<bigint, string>();
    for (let i = 0; i < rounds; i++) {
      const text = doc.getText('t');
      // Mostly appends, now and then an edit in the middle, so the state is not one run.
      if (i % 7 === 3) text.delete(Math.floor(text.length / 2), 1);
      else text.insert(text.length, String(i % 10).repeat(chunk));
      const revision = await writer.whenStored();
      textAt.set(revision!, text.toJSON());
      await writer.drain();
    }
    return { doc, textAt };
  }

  async function visibleSnapshots() {
    return collect(store.readStream(docTextSnapshotStream(documentId)));
  }

  /** What the store still holds of a snapshot stream, hidden or not. */
  async function storedSnapshots(id: string) {
    const stream = docTextSnapshotStream(id);
    const all = await collect(store.readAll({ filter: { on: 'streamName', prefixes: [stream] } }));
    return all.filter((event) => event.streamId === stream);
  }

  it('keeps only the newest snapshots readable, and loads equal a full replay', async () => {
    const keep = 3;
    const { doc, textAt } = await grow(
      { updates: 10, bytes: 1024 * 1024 * 1024, minBytesRatio: 0, keep },
      200,
      20,
    );
    const snapshots = await visibleSnapshots();
    expect(snapshots).toHaveLength(keep);
    expect(snapshots.map((s) => s.metadata.upToRevision)).toEqual(['179', '189', '199']);
    // The older ones are gone from the store, not only hidden: $all returns them no more.
    expect(await storedSnapshots(documentId)).toHaveLength(keep);

    expect((await loadDocState(store, documentId)).doc.getText('t').toJSON()).toBe(
      doc.getText('t').toJSON(),
    );
    // Before the oldest kept snapshot (a full replay), at it, between and after kept ones.
    for (const asOf of [0n, 9n, 10n, 55n, 178n, 179n, 180n, 192n, 199n]) {
      const state = await loadDocState(store, documentId, { asOfRevision: asOf });
      expect(state.doc.getText('t').toJSON(), `as of ${asOf}`).toBe(textAt.get(asOf));
      expect(state.revision).toBe(asOf);
      if (asOf < 179n) expect(state.snapshotRevision, `as of ${asOf}`).toBeUndefined();
    }
    // The log itself is never truncated.
    expect(await collect(store.readStream(docTextStream(documentId)))).toHaveLength(200);
  });

  it('writes snapshot bytes linear in the document, where one every N updates is quadratic', async () => {
    const chunk = 200;
    const every = { updates: 20, bytes: 1024 * 1024 * 1024 };
    const bytesOf = (events: Array<{ data: unknown }>) =>
      events.reduce((sum, event) => sum + (event.data as Uint8Array).byteLength, 0);
    const runs = [];
    for (const rounds of [750, 1500]) {
      const id = randomUUID();
      const baseline = randomUUID();
      const { doc } = await grow({ ...every, keep: 3 }, rounds, chunk, id);
      // The same history under the former policy: a snapshot every 20 updates, all kept.
      await grow({ ...every, minBytesRatio: 0, keep: 0 }, rounds, chunk, baseline);
      const run = {
        rounds,
        finalState: Y.encodeStateAsUpdate(doc).byteLength,
        logBytes: bytesOf(await collect(store.readStream(docTextStream(id)))),
        written: written.get(docTextSnapshotStream(id))!,
        readable: bytesOf(await collect(store.readStream(docTextSnapshotStream(id)))),
        stored: bytesOf(await storedSnapshots(id)),
        formerPolicy: written.get(docTextSnapshotStream(baseline))!,
      };
      // Every snapshot of S bytes follows at least S/4 bytes of updates: at most 4× the log,
      // plus the last one; and at most `keep` of them are readable.
      expect(run.written).toBeLessThanOrEqual(4 * run.logBytes + run.finalState);
      expect(run.readable).toBeLessThanOrEqual(3 * run.finalState);
      expect(run.stored).toBe(run.readable);
      expect(run.written).toBeLessThan(run.formerPolicy / 4);
      const loaded = await loadDocState(store, id);
      expect(loaded.doc.getText('t').toJSON()).toBe(doc.getText('t').toJSON());
      runs.push(run);
    }
    const [half, full] = runs as [(typeof runs)[0], (typeof runs)[0]];
    // Twice the document: about twice the snapshot bytes (the former policy: four times).
    expect(full.written / half.written).toBeLessThan(3);
    expect(full.formerPolicy / half.formerPolicy).toBeGreaterThan(3);
    console.info(JSON.stringify(runs));
  });
});
