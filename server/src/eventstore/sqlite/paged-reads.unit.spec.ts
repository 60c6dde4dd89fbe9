// Paging: reads and subscriptions cross page boundaries without losing or repeating events,
// give the event loop a turn between pages, and apply the stream's metadata as they go.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailable, StreamDeleted } from '../errors.js';
import { collect, type EventFilter, type EventToAppend, type RecordedEvent } from '../port.js';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store.js';

const events = (count: number, type = 'Counted'): EventToAppend[] =>
  Array.from({ length: count }, (_, n) => ({ id: randomUUID(), type, data: { n } }));
const revisions = (read: RecordedEvent[]) => read.map((e) => Number(e.revision));

async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in 10 s');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('paged reads and subscriptions (page size 3)', () => {
  let store: SqliteEventStore;
  let clock: Date;

  beforeEach(() => {
    clock = new Date('2030-01-01T00:00:00.000Z');
    store = openSqliteEventStore({ file: ':memory:', pageSize: 3, now: () => clock });
  });

  afterEach(() => store.close());

  it('reads a stream across pages in both directions', async () => {
    await store.appendToStream('s', events(10));
    expect(revisions(await collect(store.readStream('s')))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(revisions(await collect(store.readStream('s', { direction: 'backwards' })))).toEqual([
      9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
    ]);
    expect(
      revisions(await collect(store.readStream('s', { fromRevision: 2n, maxCount: 7 }))),
    ).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('reads $all across pages in both directions, from a position inclusive', async () => {
    await store.appendToStream('a', events(4));
    await store.appendToStream('b', events(4));
    const all = await collect(store.readAll());
    expect(all.map((e) => e.position)).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n]);
    const backwards = await collect(store.readAll({ direction: 'backwards', fromPosition: 7n }));
    expect(backwards.map((e) => e.position)).toEqual([7n, 6n, 5n, 4n, 3n, 2n, 1n]);
    const window = await collect(store.readAll({ fromPosition: 3n, maxCount: 4 }));
    expect(window.map((e) => e.position)).toEqual([3n, 4n, 5n, 6n]);
  });

  it('finds rare matches of a filter far apart, reading and subscribing', async () => {
    // A page of 3 scans at most 60 positions: the matches sit well beyond one window.
    for (let i = 0; i < 3; i++) {
      await store.appendToStream('noise', events(150));
      await store.appendToStream(`rare-${i}`, events(1, 'Rare'));
    }
    const byStream: EventFilter = { on: 'streamName', prefixes: ['rare-'] };
    const byType: EventFilter = { on: 'eventType', prefixes: ['Rare'] };
    const read = await collect(store.readAll({ filter: byStream }));
    expect(read.map((e) => e.streamId)).toEqual(['rare-0', 'rare-1', 'rare-2']);
    const backwards = await collect(store.readAll({ filter: byType, direction: 'backwards' }));
    expect(backwards.map((e) => e.streamId)).toEqual(['rare-2', 'rare-1', 'rare-0']);
    const seen: string[] = [];
    const sub = store.subscribeToAll(
      { onEvent: (e) => void seen.push(e.streamId) },
      { filter: byType },
    );
    await sub.caughtUp;
    expect(seen).toEqual(['rare-0', 'rare-1', 'rare-2']);
    await sub.close();
  });

  it('reads by stream categories through the index, pages merged in position order', async () => {
    // Categories interleaved with noise and with each other, more of each than a page holds.
    for (let i = 0; i < 4; i++) {
      await store.appendToStream(`doc-${i}`, events(2));
      await store.appendToStream('noise', events(30));
      await store.appendToStream(`pos-${i}`, events(3));
      await store.appendToStream(`doc-x-${i}`, events(1));
    }
    const byCategory: EventFilter = { on: 'streamName', prefixes: ['doc-', 'pos-'] };
    // 'doc-x-' has a second '-': not a category, so this filter is read by scanning.
    const scanned: EventFilter = { on: 'streamName', prefixes: ['doc-x-', 'pos-'] };
    const scan = (await collect(store.readAll())).filter((e) => /^(doc|pos)-/.test(e.streamId));
    const read = await collect(store.readAll({ filter: byCategory }));
    expect(read.map((e) => e.position)).toEqual(scan.map((e) => e.position));
    const backwards = await collect(
      store.readAll({ filter: byCategory, direction: 'backwards', maxCount: 7 }),
    );
    expect(backwards.map((e) => e.position)).toEqual(
      scan
        .map((e) => e.position)
        .reverse()
        .slice(0, 7),
    );
    const seen: bigint[] = [];
    const sub = store.subscribeToAll(
      { onEvent: (e) => void seen.push(e.position!) },
      { filter: byCategory },
    );
    await sub.caughtUp;
    await store.appendToStream('pos-late', events(2));
    await until(() => seen.length === scan.length + 2);
    expect(seen.slice(0, scan.length)).toEqual(scan.map((e) => e.position));
    await sub.close();
    const mixed = await collect(store.readAll({ filter: scanned }));
    expect(mixed.map((e) => e.streamId)).toEqual(
      (await collect(store.readAll()))
        .filter((e) => e.streamId.startsWith('doc-x-') || e.streamId.startsWith('pos-'))
        .map((e) => e.streamId),
    );
  });

  it('lets other callbacks run between two pages of one read', async () => {
    await store.appendToStream('s', events(9));
    let otherRan = false;
    setImmediate(() => (otherRan = true));
    const ranBefore: boolean[] = [];
    for await (const _ of store.readStream('s')) ranBefore.push(otherRan);
    // The first page is read synchronously; the callback runs before the second page.
    expect(ranBefore).toEqual([false, false, false, true, true, true, true, true, true]);
  });

  it('hides events older than maxAge, by the store clock', async () => {
    await store.appendToStream('aging', events(2));
    clock = new Date(clock.getTime() + 60_000);
    await store.appendToStream('aging', events(1));
    await store.setStreamMetadata('aging', { maxAge: 30 });
    expect(revisions(await collect(store.readStream('aging')))).toEqual([2]);
    clock = new Date(clock.getTime() + 31_000);
    expect(await collect(store.readStream('aging'))).toEqual([]);
    // $all keeps everything: metadata limits stream reads only.
    expect(await collect(store.readAll())).toHaveLength(3);
  });

  it('combines metadata with soft deletes: the stricter bound wins', async () => {
    await store.appendToStream('mixed', events(4));
    await store.setStreamMetadata('mixed', { truncateBefore: 1n });
    await store.deleteStream('mixed');
    await store.appendToStream('mixed', events(4), { expectedRevision: 'no_stream' });
    expect(revisions(await collect(store.readStream('mixed')))).toEqual([4, 5, 6, 7]);
    await store.setStreamMetadata('mixed', { maxCount: 2 });
    expect(revisions(await collect(store.readStream('mixed')))).toEqual([6, 7]);
    expect(await store.getStreamMetadata('mixed')).toEqual({ maxCount: 2 });
  });

  it('deletes a missing stream as a no-op, and refuses metadata on a tombstone', async () => {
    await store.deleteStream('never-was');
    expect(await collect(store.readStream('never-was'))).toEqual([]);
    await store.appendToStream('gone', events(1));
    await store.tombstoneStream('gone');
    await expect(store.getStreamMetadata('gone')).rejects.toBeInstanceOf(StreamDeleted);
    await expect(store.setStreamMetadata('gone', { maxCount: 1 })).rejects.toBeInstanceOf(
      StreamDeleted,
    );
    await expect(store.tombstoneStream('gone')).rejects.toBeInstanceOf(StreamDeleted);
    await expect(store.deleteStream('gone')).rejects.toBeInstanceOf(StreamDeleted);
  });

  it('a stream subscription crosses pages, honours truncateBefore and stops on a tombstone', async () => {
    await store.appendToStream('live', events(8));
    await store.setStreamMetadata('live', { truncateBefore: 2n });
    const seen: number[] = [];
    const errors: Error[] = [];
    const sub = store.subscribeToStream('live', {
      onEvent: (e) => void seen.push(Number(e.revision)),
      onError: (error) => void errors.push(error),
    });
    await sub.caughtUp;
    expect(seen).toEqual([2, 3, 4, 5, 6, 7]);
    await store.tombstoneStream('live');
    await until(() => errors.length > 0);
    expect(errors[0]).toBeInstanceOf(StreamDeleted);
    await sub.close();
  });

  it('a subscription closed before catching up rejects caughtUp and delivers no more', async () => {
    await store.appendToStream('long', events(30));
    const seen: number[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sub = store.subscribeToAll({
      onEvent: (e) => {
        seen.push(Number(e.revision));
        return gate;
      },
    });
    await until(() => seen.length === 1);
    const closed = sub.close();
    release();
    await closed;
    await expect(sub.caughtUp).rejects.toThrow(/before it caught up/);
    expect(seen).toEqual([0]);
  });

  it('close() ends live subscriptions and then refuses new work with StoreUnavailable', async () => {
    await store.appendToStream('s', events(5));
    const seen: RecordedEvent[] = [];
    const sub = store.subscribeToAll({ onEvent: (e) => void seen.push(e) });
    await sub.caughtUp;
    const reading = store.readStream('s')[Symbol.asyncIterator]();
    await reading.next();
    await store.close();
    await sub.close();
    expect(seen).toHaveLength(5);
    expect(() => store.subscribeToAll({ onEvent: () => undefined })).toThrow(StoreUnavailable);
    expect(() =>
      store.subscribeToStream('s', { onEvent: () => undefined }, { from: 'end' }),
    ).toThrow(StoreUnavailable);
    await expect(store.deleteStream('s')).rejects.toBeInstanceOf(StoreUnavailable);
    // A read in progress still hands out the page it holds (3 events); its next page fails.
    await reading.next();
    await reading.next();
    await expect(reading.next()).rejects.toBeInstanceOf(StoreUnavailable);
  });
});
