// Finding the snapshot to start from as of a past revision: the nearest complete one at or before
// it, reached in a few reads rather than by walking back over every later snapshot.
import { randomUUID } from 'node:crypto';
import { docTextSnapshotStream } from '@accord/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventStore, EventToAppend, ReadStreamOptions } from '../eventstore/port.js';
import {
  openSqliteEventStore,
  type SqliteEventStore,
} from '../eventstore/sqlite/sqlite-event-store.js';
import { readLatestSnapshot, snapshotEvents } from './text-history.js';

/** A store that counts the events its stream reads return. */
function counting(store: EventStore): { store: EventStore; eventsRead: () => number } {
  let read = 0;
  const wrapped = Object.create(store) as EventStore;
  wrapped.readStream = (stream: string, options?: ReadStreamOptions) => {
    const inner = store.readStream(stream, options);
    return {
      async *[Symbol.asyncIterator]() {
        for await (const event of inner) {
          read += 1;
          yield event;
        }
      },
    };
  };
  return { store: wrapped, eventsRead: () => read };
}

/** A recognisable state for the snapshot covering `upTo`, `size` bytes long. */
const stateFor = (upTo: bigint, size: number) => Buffer.alloc(size, Number(upTo % 251n));

describe('snapshot lookup as of a revision', () => {
  let store: SqliteEventStore;
  const documentId = randomUUID();
  /** upToRevision of each complete snapshot, in the order they were taken. */
  const complete: bigint[] = [];

  beforeEach(async () => {
    store = openSqliteEventStore({ file: ':memory:' });
    complete.length = 0;
    const append = (event: EventToAppend) =>
      store.appendToStream(docTextSnapshotStream(documentId), [event]);
    // 120 snapshots 50 updates apart; every fifth is split into three parts, and the one
    // covering 2049 lost its last part (a crash while it was being written).
    for (let k = 0; k < 120; k++) {
      const upTo = BigInt(k * 50 + 49);
      const parts = k % 5 === 0 ? 3 : 1;
      const events = snapshotEvents(stateFor(upTo, 300), upTo, parts === 3 ? 100 : 1000);
      expect(events).toHaveLength(parts);
      if (upTo === 2049n) {
        for (const event of events.slice(0, -1)) await append(event);
        continue;
      }
      for (const event of events) await append(event);
      complete.push(upTo);
    }
  });

  afterEach(() => store.close());

  /** What a walk over every snapshot would pick. */
  const nearest = (asOf: bigint) => complete.filter((upTo) => upTo <= asOf).at(-1);

  it('picks the nearest complete snapshot at or before the revision', async () => {
    for (const asOf of [0n, 48n, 49n, 50n, 99n, 1234n, 2049n, 2075n, 2100n, 5998n, 5999n, 9000n]) {
      const snapshot = await readLatestSnapshot(store, documentId, asOf);
      const expected = nearest(asOf);
      expect(snapshot?.upToRevision, `as of ${asOf}`).toBe(expected);
      if (expected !== undefined) {
        expect(Buffer.from(snapshot!.state).equals(stateFor(expected, 300))).toBe(true);
      }
    }
    // Without a revision: the newest.
    expect((await readLatestSnapshot(store, documentId))?.upToRevision).toBe(5999n);
  });

  it('reads a few snapshot events, not every one after the revision', async () => {
    const { store: observed, eventsRead } = counting(store);
    const snapshot = await readLatestSnapshot(observed, documentId, 777n);
    expect(snapshot?.upToRevision).toBe(749n);
    // 167 snapshot events in all, about 150 of them after revision 777.
    expect(eventsRead()).toBeLessThanOrEqual(12);
  });
});
