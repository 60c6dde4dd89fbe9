/**
 * The event store contract: the one suite every adapter runs (SQLite always, EventStoreDB when a
 * connection string is set). It speaks to the port only and never assumes the store is private
 * or empty: each case writes streams with random names, and every `$all` check starts from a
 * checkpoint it wrote itself and filters by its own prefix.
 *
 *   describeEventStoreContract('SQLite', () => Promise.resolve(openSqliteEventStore({ file })));
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AppendTooLarge,
  StoreUnavailable,
  StreamDeleted,
  WrongExpectedVersion,
} from '../errors.js';
import {
  MAX_APPEND_SIZE,
  collect,
  type EventFilter,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
  type SubscriptionHandlers,
} from '../port.js';

export interface EventStoreContractOptions {
  /** Start of every stream name the suite writes, so runs on a shared store never collide. */
  uniqueStreamPrefix?: string;
  /** Events written while a `$all` subscription catches up. Default 3,000. */
  catchUpEvents?: number;
  /** How long to wait for a subscription to see what it must see. Default 20 s. */
  waitTimeoutMs?: number;
  /** The adapter offers `scavengeStream` (EventStoreDB scavenges the whole database instead). */
  scavengesStreams?: boolean;
}

type NewEvent = EventToAppend & { id: string };

/**
 * Declares the contract cases for one adapter. `open` is called in beforeAll of the suite and
 * once more by the lifecycle cases (which close their store); every store it returns must share
 * the same data.
 */
export function describeEventStoreContract(
  name: string,
  open: () => Promise<EventStore>,
  options: EventStoreContractOptions = {},
): void {
  const base = `${options.uniqueStreamPrefix ?? 'contract'}_${randomUUID().slice(0, 8)}`;
  const catchUpEvents = options.catchUpEvents ?? 3_000;
  const waitMs = options.waitTimeoutMs ?? 20_000;
  /** Per-case timeout for cases that wait on subscriptions. */
  const slowCase = waitMs + 10_000;

  /** A stream name nobody else uses. */
  const newStream = (label = 'stream') => `${base}_${label}-${randomUUID()}`;
  /** A stream-name (or event-type) prefix nobody else uses; names under it are `${prefix}${x}`. */
  const newPrefix = (label: string) => `${base}_${label}_${randomUUID().slice(0, 8)}-`;

  describe(name, () => {
    let store: EventStore;

    beforeAll(async () => {
      store = await open();
    });

    afterAll(async () => {
      await store?.close();
    });

    /** Writes a marker event outside every test prefix; `$all` checks start from its position. */
    const checkpoint = async (): Promise<bigint> =>
      (await store.appendToStream(`${base}_marker-${randomUUID()}`, newEvents(1))).position;

    const byPrefix = (prefix: string): EventFilter => ({ on: 'streamName', prefixes: [prefix] });

    const readStreamIds = async (stream: string) =>
      (await collect(store.readStream(stream))).map((event) => event.id);

    const readAllUnder = (prefix: string, from: bigint) =>
      collect(store.readAll({ fromPosition: from, filter: byPrefix(prefix) }));

    describe('appending and reading back', () => {
      it('appends to a new stream and reads the events back in order', async () => {
        const stream = newStream();
        const events = newEvents(3);
        const result = await store.appendToStream(stream, events, {
          expectedRevision: 'no_stream',
        });
        expect(result.nextExpectedRevision).toBe(2n);
        const read = await collect(store.readStream(stream));
        expect(read.map(summary)).toEqual(
          events.map((event, i) => ({
            streamId: stream,
            revision: BigInt(i),
            id: event.id,
            type: event.type,
            data: event.data,
            isJson: true,
            metadata: {},
          })),
        );
        for (const event of read) {
          expect(event.created).toBeInstanceOf(Date);
          expect(Number.isNaN(event.created.getTime())).toBe(false);
        }
      });

      it('returns the global position of the last event written', async () => {
        const stream = newStream();
        const events = newEvents(3);
        const result = await store.appendToStream(stream, events);
        const [atPosition] = await collect(
          store.readAll({ fromPosition: result.position, maxCount: 1 }),
        );
        expect(atPosition?.id).toBe(events[2]?.id);
        expect(atPosition?.position).toBe(result.position);
      });

      it('gives an event without an id a UUID', async () => {
        const stream = newStream();
        await store.appendToStream(stream, [{ type: 'NoIdGiven', data: {} }]);
        const [event] = await collect(store.readStream(stream));
        expect(event?.id).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
        );
      });

      it('reads a missing stream as empty, forwards and backwards', async () => {
        const stream = newStream('missing');
        expect(await collect(store.readStream(stream))).toEqual([]);
        expect(await collect(store.readStream(stream, { direction: 'backwards' }))).toEqual([]);
      });

      it('round-trips JSON data of every shape, and metadata', async () => {
        const stream = newStream();
        const shapes: NewEvent[] = [
          event('Nested', { text: 'é 漢字 🙂', list: [1, 2.5, null, true, { deep: ['x'] }] }),
          event('Array', [1, 'two', { three: 3 }]),
          event('Text', 'just a string'),
          event('Number', 42.5),
          event('Boolean', false),
          { ...event('WithMetadata', {}), metadata: { correlationId: 'c-1', nested: { a: [1] } } },
        ];
        await store.appendToStream(stream, shapes);
        const read = await collect(store.readStream(stream));
        expect(read.map((e) => [e.type, e.data, e.isJson, e.metadata])).toEqual(
          shapes.map((e) => [e.type, e.data, true, e.metadata ?? {}]),
        );
      });

      it('round-trips binary data as bytes, on stream and $all reads', async () => {
        const stream = newStream();
        const bytes = new Uint8Array(600);
        for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) % 256;
        const appended = await store.appendToStream(stream, [event('Binary', bytes)]);
        const [fromStream] = await collect(store.readStream(stream));
        const [fromAll] = await collect(
          store.readAll({ fromPosition: appended.position, maxCount: 1 }),
        );
        for (const read of [fromStream, fromAll]) {
          expect(read?.isJson).toBe(false);
          expect(read?.data).toBeInstanceOf(Uint8Array);
          expect(Array.from(read?.data as Uint8Array)).toEqual(Array.from(bytes));
        }
      });
    });

    describe('expected revision', () => {
      type Outcome = { next: bigint } | { actual: bigint | 'no_stream' };
      const cases: Array<[string, number, ExpectedRevision, Outcome]> = [
        ['a missing stream', 0, 'any', { next: 1n }],
        ['a missing stream', 0, 'no_stream', { next: 1n }],
        ['a missing stream', 0, 'stream_exists', { actual: 'no_stream' }],
        ['a missing stream', 0, 0n, { actual: 'no_stream' }],
        ['a missing stream', 0, 3n, { actual: 'no_stream' }],
        ['a stream at revision 2', 3, 'any', { next: 4n }],
        ['a stream at revision 2', 3, 'no_stream', { actual: 2n }],
        ['a stream at revision 2', 3, 'stream_exists', { next: 4n }],
        ['a stream at revision 2', 3, 2n, { next: 4n }],
        ['a stream at revision 2', 3, 1n, { actual: 2n }],
        ['a stream at revision 2', 3, 0n, { actual: 2n }],
        ['a stream at revision 2', 3, 3n, { actual: 2n }],
        ['a stream at revision 2', 3, 10n, { actual: 2n }],
      ];
      for (const [state, existing, expected, outcome] of cases) {
        const verdict =
          'next' in outcome
            ? `appends (next expected ${outcome.next})`
            : `is a WrongExpectedVersion (actual ${String(outcome.actual)})`;
        it(`${String(expected)} on ${state} ${verdict}`, async () => {
          const stream = newStream();
          if (existing > 0) await store.appendToStream(stream, newEvents(existing));
          const attempt = store.appendToStream(stream, newEvents(2), {
            expectedRevision: expected,
          });
          if ('next' in outcome) {
            expect((await attempt).nextExpectedRevision).toBe(outcome.next);
            expect(await readStreamIds(stream)).toHaveLength(existing + 2);
          } else {
            await expectWrongExpectedVersion(attempt, stream, expected, outcome.actual);
            expect(await readStreamIds(stream)).toHaveLength(existing);
          }
        });
      }
    });

    describe('concurrency and atomicity', () => {
      it('20 parallel appends expecting no_stream: exactly one wins', async () => {
        const stream = newStream();
        const attempts = Array.from({ length: 20 }, () => newEvents(2));
        const results = await Promise.allSettled(
          attempts.map((events) =>
            store.appendToStream(stream, events, { expectedRevision: 'no_stream' }),
          ),
        );
        const winners = results.flatMap((result, i) => (result.status === 'fulfilled' ? [i] : []));
        expect(winners).toHaveLength(1);
        for (const result of results) {
          if (result.status === 'rejected') {
            expect(result.reason).toBeInstanceOf(WrongExpectedVersion);
            expect(result.reason).toMatchObject({ expected: 'no_stream', actual: 1n });
          }
        }
        expect(await readStreamIds(stream)).toEqual(attempts[winners[0]!]!.map((e) => e.id));
      });

      it('20 parallel appends expecting the same revision: exactly one wins', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(1));
        const attempts = Array.from({ length: 20 }, () => newEvents(1));
        const results = await Promise.allSettled(
          attempts.map((events) => store.appendToStream(stream, events, { expectedRevision: 0n })),
        );
        const winners = results.flatMap((result, i) => (result.status === 'fulfilled' ? [i] : []));
        expect(winners).toHaveLength(1);
        const losers = results.filter((result) => result.status === 'rejected');
        for (const loser of losers) {
          expect(loser.reason).toBeInstanceOf(WrongExpectedVersion);
          expect(loser.reason).toMatchObject({ expected: 0n, actual: 1n });
        }
        const ids = await readStreamIds(stream);
        expect(ids).toHaveLength(2);
        expect(ids[1]).toBe(attempts[winners[0]!]![0]!.id);
      });

      it('parallel appends expecting any all land, each at its own revisions', async () => {
        const stream = newStream();
        const attempts = Array.from({ length: 20 }, () => newEvents(2));
        const results = await Promise.all(
          attempts.map((events) => store.appendToStream(stream, events)),
        );
        const read = await collect(store.readStream(stream));
        expect(read.map((e) => e.revision)).toEqual(
          Array.from({ length: 40 }, (_, i) => BigInt(i)),
        );
        attempts.forEach((events, i) => {
          const last = results[i]!.nextExpectedRevision;
          // Each append's events are contiguous and end at the revision it reported.
          expect(read.slice(Number(last) - 1, Number(last) + 1).map((e) => e.id)).toEqual(
            events.map((e) => e.id),
          );
        });
      });

      it('an append that fails writes none of its events', async () => {
        const stream = newStream();
        const first = newEvents(2);
        await store.appendToStream(stream, first);
        const from = await checkpoint();
        await expectWrongExpectedVersion(
          store.appendToStream(stream, newEvents(3), { expectedRevision: 5n }),
          stream,
          5n,
          1n,
        );
        expect(await readStreamIds(stream)).toEqual(first.map((e) => e.id));
        expect(await readAllUnder(stream, from)).toEqual([]);
      });

      it('a failing append beside successful ones fails alone', async () => {
        const [a, b, c] = [newStream(), newStream(), newStream()];
        await store.appendToStream(b, newEvents(1));
        const [ok1, failed, ok2] = await Promise.allSettled([
          store.appendToStream(a, newEvents(2), { expectedRevision: 'no_stream' }),
          store.appendToStream(b, newEvents(3), { expectedRevision: 'no_stream' }),
          store.appendToStream(c, newEvents(1), { expectedRevision: 'any' }),
        ]);
        expect(ok1?.status).toBe('fulfilled');
        expect(ok2?.status).toBe('fulfilled');
        expect(failed?.status).toBe('rejected');
        expect(await readStreamIds(a)).toHaveLength(2);
        expect(await readStreamIds(b)).toHaveLength(1);
        expect(await readStreamIds(c)).toHaveLength(1);
      });
    });

    describe('idempotent retries', () => {
      it('a retry with the same ids expecting no_stream appends once and answers the same', async () => {
        const stream = newStream();
        const events = newEvents(2);
        const first = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        const retry = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        expect(retry).toEqual(first);
        expect(await readStreamIds(stream)).toEqual(events.map((e) => e.id));
      });

      it('a retry with the same ids and revision is a no-op even after the stream moved on', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(1));
        const events = newEvents(2);
        const first = await store.appendToStream(stream, events, { expectedRevision: 0n });
        const later = newEvents(1);
        await store.appendToStream(stream, later);
        const retry = await store.appendToStream(stream, events, { expectedRevision: 0n });
        expect(retry).toEqual(first);
        const ids = await readStreamIds(stream);
        expect(ids.slice(1)).toEqual([...events, ...later].map((e) => e.id));
      });

      it('a retry with the same ids expecting any appends once and answers the same', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(1));
        const events = newEvents(3);
        const first = await store.appendToStream(stream, events);
        const retry = await store.appendToStream(stream, events);
        expect(retry).toEqual(first);
        expect(await readStreamIds(stream)).toHaveLength(4);
      });

      it('a retry carrying more events than the original is a WrongExpectedVersion', async () => {
        const stream = newStream();
        const events = newEvents(2);
        await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
        await expectWrongExpectedVersion(
          store.appendToStream(stream, [...events, ...newEvents(1)], {
            expectedRevision: 'no_stream',
          }),
          stream,
          'no_stream',
          1n,
        );
        expect(await readStreamIds(stream)).toEqual(events.map((e) => e.id));
      });

      it('an append expecting any whose first id is stored but not the rest is refused', async () => {
        const stream = newStream();
        const events = newEvents(2);
        await store.appendToStream(stream, events);
        await expectWrongExpectedVersion(
          store.appendToStream(stream, [events[0]!, ...newEvents(1)]),
          stream,
          'any',
          1n,
        );
        expect(await readStreamIds(stream)).toEqual(events.map((e) => e.id));
      });
    });

    describe('reading a stream', () => {
      const stream = newStream('ten');
      const revisions = async (read: AsyncIterable<RecordedEvent>) =>
        (await collect(read)).map((e) => Number(e.revision));

      beforeAll(async () => {
        await store.appendToStream(stream, newEvents(6), { expectedRevision: 'no_stream' });
        await store.appendToStream(stream, newEvents(4), { expectedRevision: 5n });
      });

      it('reads forwards from a revision, inclusive', async () => {
        expect(await revisions(store.readStream(stream, { fromRevision: 3n }))).toEqual([
          3, 4, 5, 6, 7, 8, 9,
        ]);
      });

      it('reads forwards with maxCount', async () => {
        expect(
          await revisions(store.readStream(stream, { fromRevision: 2n, maxCount: 3 })),
        ).toEqual([2, 3, 4]);
        expect(await revisions(store.readStream(stream, { maxCount: 2 }))).toEqual([0, 1]);
      });

      it('reads backwards from the end', async () => {
        expect(await revisions(store.readStream(stream, { direction: 'backwards' }))).toEqual([
          9, 8, 7, 6, 5, 4, 3, 2, 1, 0,
        ]);
        expect(
          await revisions(store.readStream(stream, { direction: 'backwards', maxCount: 3 })),
        ).toEqual([9, 8, 7]);
      });

      it('reads backwards from a revision, inclusive', async () => {
        expect(
          await revisions(
            store.readStream(stream, { direction: 'backwards', fromRevision: 4n, maxCount: 2 }),
          ),
        ).toEqual([4, 3]);
      });

      it('reads nothing forwards from past the end', async () => {
        expect(await revisions(store.readStream(stream, { fromRevision: 10n }))).toEqual([]);
        expect(await revisions(store.readStream(stream, { fromRevision: 'end' }))).toEqual([]);
      });

      it('gives stream events a position only as an increasing bigint', async () => {
        const positions = (await collect(store.readStream(stream))).map((e) => e.position);
        const known = positions.filter((p): p is bigint => p !== undefined);
        if (known.length > 0) {
          expect(known).toHaveLength(positions.length);
          expectStrictlyIncreasing(known);
        }
      });
    });

    describe('$all', () => {
      it('orders events as their streams do, with strictly increasing positions', async () => {
        const prefix = newPrefix('order');
        const from = await checkpoint();
        const [a, b, c] = [`${prefix}a`, `${prefix}b`, `${prefix}c`];
        const written: NewEvent[] = [];
        for (const [stream, count] of [
          [a, 2],
          [b, 1],
          [a, 1],
          [c, 3],
          [b, 2],
          [a, 1],
        ] as const) {
          const events = newEvents(count);
          await store.appendToStream(stream, events);
          written.push(...events);
        }
        const all = await readAllUnder(prefix, from);
        expect(all.map((e) => e.id)).toEqual(written.map((e) => e.id));
        expectStrictlyIncreasing(all.map((e) => e.position!));
        for (const stream of [a, b, c]) {
          const fromStream = await readStreamIds(stream);
          expect(all.filter((e) => e.streamId === stream).map((e) => e.id)).toEqual(fromStream);
        }
      });

      it('reads forwards and backwards from a position, inclusive, with maxCount', async () => {
        const prefix = newPrefix('window');
        const from = await checkpoint();
        for (let i = 0; i < 5; i++) await store.appendToStream(`${prefix}${i}`, newEvents(1));
        const all = await readAllUnder(prefix, from);
        expect(all).toHaveLength(5);
        const ids = all.map((e) => e.id);
        const third = all[2]!.position!;
        const forwards = await collect(
          store.readAll({ fromPosition: third, maxCount: 2, filter: byPrefix(prefix) }),
        );
        expect(forwards.map((e) => e.id)).toEqual(ids.slice(2, 4));
        const backwards = await collect(
          store.readAll({
            fromPosition: third,
            direction: 'backwards',
            maxCount: 3,
            filter: byPrefix(prefix),
          }),
        );
        expect(backwards.map((e) => e.id)).toEqual(ids.slice(0, 3).reverse());
      });

      it('reads backwards from the end, newest first', async () => {
        const prefix = newPrefix('newest');
        const events = newEvents(4);
        for (const e of events) await store.appendToStream(`${prefix}x`, [e]);
        const read = await collect(
          store.readAll({ direction: 'backwards', maxCount: 2, filter: byPrefix(prefix) }),
        );
        expect(read.map((e) => e.id)).toEqual([events[3]!.id, events[2]!.id]);
      });

      it('filters by stream name prefixes', async () => {
        const [p1, p2, p3] = [newPrefix('f1'), newPrefix('f2'), newPrefix('f3')];
        const from = await checkpoint();
        const wanted: string[] = [];
        for (const prefix of [p1, p2, p3, p1, p3]) {
          const events = newEvents(2);
          await store.appendToStream(`${prefix}${randomUUID()}`, events);
          if (prefix !== p2) wanted.push(...events.map((e) => e.id));
        }
        const read = await collect(
          store.readAll({ fromPosition: from, filter: { on: 'streamName', prefixes: [p1, p3] } }),
        );
        expect(read.map((e) => e.id)).toEqual(wanted);
      });

      it('filters by event type prefix', async () => {
        const types = newPrefix('Type');
        const stream = newStream();
        const from = await checkpoint();
        await store.appendToStream(stream, [
          event(`${types}Opened`, 1),
          event(`${types}Closed`, 2),
          event('SomethingElse', 3),
          event(`${types}Opened`, 4),
        ]);
        const read = await collect(
          store.readAll({
            fromPosition: from,
            filter: { on: 'eventType', prefixes: [`${types}Opened`] },
          }),
        );
        expect(read.map((e) => e.data)).toEqual([1, 4]);
      });

      it('never returns system events', async () => {
        const prefix = newPrefix('nosystem');
        const from = await checkpoint();
        const stream = `${prefix}x`;
        await store.appendToStream(stream, newEvents(2));
        await store.setStreamMetadata(stream, { maxCount: 10 });
        await store.deleteStream(stream);
        await store.appendToStream(stream, newEvents(1));
        const read = await collect(store.readAll({ fromPosition: from }));
        expect(read.filter((e) => e.type.startsWith('$') || e.streamId.startsWith('$'))).toEqual(
          [],
        );
        expect(read.filter((e) => e.streamId === stream)).toHaveLength(3);
      });
    });

    describe('subscriptions to a stream', () => {
      it(
        'delivers history, then live events, and catches up once',
        async () => {
          const stream = newStream();
          await store.appendToStream(stream, newEvents(3));
          const rec = record();
          const sub = store.subscribeToStream(stream, rec.handlers, { from: 'start' });
          try {
            await sub.caughtUp;
            expect(rec.revisions()).toEqual([0, 1, 2]);
            await store.appendToStream(stream, newEvents(2));
            await waitFor(() => rec.events.length >= 5, 'five events', waitMs);
            expect(rec.revisions()).toEqual([0, 1, 2, 3, 4]);
            expect(rec.caughtUpCalls).toBe(1);
            expect(rec.errors).toEqual([]);
          } finally {
            await sub.close();
          }
        },
        slowCase,
      );

      it(
        'starts after the given revision (exclusive)',
        async () => {
          const stream = newStream();
          await store.appendToStream(stream, newEvents(4));
          const rec = record();
          const sub = store.subscribeToStream(stream, rec.handlers, { from: 1n });
          try {
            await sub.caughtUp;
            expect(rec.revisions()).toEqual([2, 3]);
          } finally {
            await sub.close();
          }
        },
        slowCase,
      );

      it(
        'from the end delivers only what is written after subscribing',
        async () => {
          const stream = newStream();
          await store.appendToStream(stream, newEvents(2));
          const rec = record();
          const sub = store.subscribeToStream(stream, rec.handlers, { from: 'end' });
          try {
            await sub.caughtUp;
            const live = newEvents(1);
            await store.appendToStream(stream, live);
            await waitFor(() => rec.events.length >= 1, 'the live event', waitMs);
            expect(rec.events.map((e) => e.id)).toEqual([live[0]!.id]);
          } finally {
            await sub.close();
          }
        },
        slowCase,
      );

      it(
        'on a missing stream, catches up at once and then delivers its first event',
        async () => {
          const stream = newStream('later');
          const rec = record();
          const sub = store.subscribeToStream(stream, rec.handlers);
          try {
            await sub.caughtUp;
            expect(rec.events).toEqual([]);
            await store.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
            await waitFor(() => rec.events.length >= 1, 'the first event', waitMs);
            expect(rec.revisions()).toEqual([0]);
          } finally {
            await sub.close();
          }
        },
        slowCase,
      );

      it(
        'loses and repeats nothing when writes arrive during catch-up',
        async () => {
          const stream = newStream('busy');
          for (let i = 0; i < 10; i++) await store.appendToStream(stream, newEvents(100));
          const rec = record();
          const sub = store.subscribeToStream(stream, rec.handlers);
          try {
            for (let i = 0; i < 20; i++) await store.appendToStream(stream, newEvents(50));
            await waitFor(() => rec.events.length >= 2_000, '2,000 events', waitMs);
            expect(rec.revisions()).toEqual(Array.from({ length: 2_000 }, (_, i) => i));
            expect(rec.caughtUpCalls).toBe(1);
          } finally {
            await sub.close();
          }
        },
        slowCase,
      );

      it(
        'resumes from a checkpoint with exactly the rest',
        async () => {
          const stream = newStream();
          await store.appendToStream(stream, newEvents(5));
          const first = record();
          const sub1 = store.subscribeToStream(stream, first.handlers);
          await sub1.caughtUp;
          await sub1.close();
          const last = first.events.at(-1)!.revision;
          const rest = newEvents(4);
          await store.appendToStream(stream, rest);
          const second = record();
          const sub2 = store.subscribeToStream(stream, second.handlers, { from: last });
          try {
            await sub2.caughtUp;
            expect(second.events.map((e) => e.id)).toEqual(rest.map((e) => e.id));
          } finally {
            await sub2.close();
          }
        },
        slowCase,
      );
    });

    describe('subscriptions to $all', () => {
      it(
        'delivers history then live events matching a filter, starting after `from`',
        async () => {
          const prefix = newPrefix('sub');
          const from = await checkpoint();
          const history = newEvents(3);
          await store.appendToStream(`${prefix}a`, history);
          const rec = record();
          const sub = store.subscribeToAll(rec.handlers, { from, filter: byPrefix(prefix) });
          try {
            await sub.caughtUp;
            expect(rec.ids()).toEqual(history.map((e) => e.id));
            const live = newEvents(2);
            await store.appendToStream(`${prefix}b`, live);
            await waitFor(() => rec.events.length >= 5, 'five events', waitMs);
            expect(rec.ids()).toEqual([...history, ...live].map((e) => e.id));
            expectStrictlyIncreasing(rec.events.map((e) => e.position!));
            expect(rec.caughtUpCalls).toBe(1);
          } finally {
            await sub.close();
          }
          // `from` is exclusive: starting at the first event's position skips that event.
          const after = record();
          const sub2 = store.subscribeToAll(after.handlers, {
            from: rec.events[0]!.position!,
            filter: byPrefix(prefix),
          });
          try {
            await sub2.caughtUp;
            expect(after.ids()).toEqual(rec.ids().slice(1));
          } finally {
            await sub2.close();
          }
        },
        slowCase,
      );

      it(
        `loses and repeats nothing when ${catchUpEvents} events are written during catch-up`,
        async () => {
          const prefix = newPrefix('load');
          const from = await checkpoint();
          const writers = 10;
          for (let w = 0; w < writers; w++)
            await store.appendToStream(`${prefix}${w}`, newEvents(100));
          const history = writers * 100;
          const rec = record();
          const sub = store.subscribeToAll(rec.handlers, { from, filter: byPrefix(prefix) });
          try {
            const perWriter = Math.ceil(catchUpEvents / writers / 10);
            await Promise.all(
              Array.from({ length: writers }, async (_, w) => {
                for (let i = 0; i < perWriter; i++) {
                  await store.appendToStream(`${prefix}${w}`, newEvents(10));
                }
              }),
            );
            const total = history + writers * perWriter * 10;
            await waitFor(() => rec.events.length >= total, `${total} events`, waitMs);
            await sub.caughtUp;
            const ids = rec.ids();
            expect(new Set(ids).size).toBe(ids.length);
            expect(ids).toHaveLength(total);
            expectStrictlyIncreasing(rec.events.map((e) => e.position!));
            expect(ids).toEqual((await readAllUnder(prefix, from)).map((e) => e.id));
            for (let w = 0; w < writers; w++) {
              const revisions = rec.events
                .filter((e) => e.streamId === `${prefix}${w}`)
                .map((e) => Number(e.revision));
              expect(revisions).toEqual(Array.from({ length: total / writers }, (_, i) => i));
            }
            expect(rec.caughtUpCalls).toBe(1);
          } finally {
            await sub.close();
          }
        },
        slowCase * 2,
      );

      it(
        'filters by event type',
        async () => {
          const types = newPrefix('SubType');
          const from = await checkpoint();
          const stream = newStream();
          await store.appendToStream(stream, [event(`${types}Kept`, 1), event('Dropped', 2)]);
          const rec = record();
          const sub = store.subscribeToAll(rec.handlers, {
            from,
            filter: { on: 'eventType', prefixes: [types] },
          });
          try {
            await sub.caughtUp;
            await store.appendToStream(stream, [event('Dropped', 3), event(`${types}Kept`, 4)]);
            await waitFor(() => rec.events.length >= 2, 'two events', waitMs);
            expect(rec.events.map((e) => e.data)).toEqual([1, 4]);
          } finally {
            await sub.close();
          }
        },
        slowCase,
      );

      it(
        'resumes from a checkpoint position with exactly the rest',
        async () => {
          const prefix = newPrefix('resume');
          const from = await checkpoint();
          await store.appendToStream(`${prefix}a`, newEvents(5));
          const first = record();
          const sub1 = store.subscribeToAll(first.handlers, { from, filter: byPrefix(prefix) });
          await sub1.caughtUp;
          await sub1.close();
          expect(first.events).toHaveLength(5);
          const rest = [...newEvents(2), ...newEvents(2)];
          await store.appendToStream(`${prefix}a`, rest.slice(0, 2));
          await store.appendToStream(`${prefix}b`, rest.slice(2));
          const second = record();
          const sub2 = store.subscribeToAll(second.handlers, {
            from: first.events.at(-1)!.position!,
            filter: byPrefix(prefix),
          });
          try {
            await sub2.caughtUp;
            expect(second.ids()).toEqual(rest.map((e) => e.id));
          } finally {
            await sub2.close();
          }
        },
        slowCase,
      );

      it(
        'without a filter, delivers our events among others and no system events',
        async () => {
          const prefix = newPrefix('unfiltered');
          const from = await checkpoint();
          const rec = record();
          const sub = store.subscribeToAll(rec.handlers, { from });
          try {
            const ours = newEvents(3);
            await store.appendToStream(`${prefix}x`, ours);
            await store.setStreamMetadata(`${prefix}x`, { maxCount: 100 });
            await waitFor(
              () => rec.events.filter((e) => e.streamId.startsWith(prefix)).length >= 3,
              'our three events',
              waitMs,
            );
            const mine = rec.events.filter((e) => e.streamId.startsWith(prefix));
            expect(mine.map((e) => e.id)).toEqual(ours.map((e) => e.id));
            expect(rec.events.filter((e) => e.type.startsWith('$'))).toEqual([]);
          } finally {
            await sub.close();
          }
        },
        slowCase,
      );

      it(
        'a slow subscriber loses nothing and is never called concurrently',
        async () => {
          const prefix = newPrefix('slow');
          const from = await checkpoint();
          await store.appendToStream(`${prefix}a`, newEvents(5));
          let inFlight = 0;
          let maxInFlight = 0;
          const rec = record(async () => {
            inFlight += 1;
            maxInFlight = Math.max(maxInFlight, inFlight);
            await sleep(2);
            inFlight -= 1;
          });
          const sub = store.subscribeToAll(rec.handlers, { from, filter: byPrefix(prefix) });
          try {
            const written: string[] = [];
            for (let i = 0; i < 15; i++) {
              const events = newEvents(3);
              written.push(...events.map((e) => e.id));
              await store.appendToStream(`${prefix}${i % 2 === 0 ? 'a' : 'b'}`, events);
            }
            await waitFor(() => rec.events.length >= 50, 'fifty events', waitMs);
            expect(rec.ids().slice(5)).toEqual(written);
            expect(maxInFlight).toBe(1);
          } finally {
            await sub.close();
          }
        },
        slowCase,
      );

      it(
        'once close() has resolved, the handler is never called again',
        async () => {
          const prefix = newPrefix('close');
          const from = await checkpoint();
          await store.appendToStream(`${prefix}a`, newEvents(3));
          let release: () => void = () => undefined;
          const gate = new Promise<void>((resolve) => (release = resolve));
          const rec = record(() => gate);
          const sub = store.subscribeToAll(rec.handlers, { from, filter: byPrefix(prefix) });
          await waitFor(() => rec.events.length >= 1, 'the first delivery', waitMs);
          // The handler is still busy with the first event while close() is asked for.
          const closed = sub.close();
          release();
          await closed;
          const calls = rec.events.length;
          await store.appendToStream(`${prefix}a`, newEvents(2));
          await sleep(100);
          expect(rec.events.length).toBe(calls);
          expect(calls).toBe(1);
          expect(rec.errors).toEqual([]);
        },
        slowCase,
      );

      it(
        'a handler that throws stops the subscription and reports onError',
        async () => {
          const prefix = newPrefix('throws');
          const from = await checkpoint();
          await store.appendToStream(`${prefix}a`, newEvents(4));
          const boom = new Error('handler failed');
          const rec = record(() => {
            if (rec.events.length === 2) throw boom;
          });
          const sub = store.subscribeToAll(rec.handlers, { from, filter: byPrefix(prefix) });
          try {
            await waitFor(() => rec.errors.length >= 1, 'onError', waitMs);
            expect(rec.errors).toHaveLength(1);
            expect(rec.errors[0] === boom || rec.errors[0]?.cause === boom).toBe(true);
            await store.appendToStream(`${prefix}a`, newEvents(1));
            await sleep(100);
            expect(rec.events).toHaveLength(2);
          } finally {
            await sub.close();
          }
        },
        slowCase,
      );

      it(
        'a handler whose promise rejects stops the subscription and reports onError',
        async () => {
          const stream = newStream();
          await store.appendToStream(stream, newEvents(3));
          const rec = record(() => Promise.reject(new Error('async handler failed')));
          const sub = store.subscribeToStream(stream, rec.handlers);
          try {
            await waitFor(() => rec.errors.length >= 1, 'onError', waitMs);
            await sleep(50);
            expect(rec.events).toHaveLength(1);
            expect(rec.errors).toHaveLength(1);
          } finally {
            await sub.close();
          }
        },
        slowCase,
      );
    });

    describe('stream metadata', () => {
      const withFive = async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(5));
        return stream;
      };
      const revisionsOf = async (stream: string, backwards = false) =>
        (await collect(store.readStream(stream, backwards ? { direction: 'backwards' } : {}))).map(
          (e) => Number(e.revision),
        );

      it('a stream without metadata has none', async () => {
        expect(await store.getStreamMetadata(await withFive())).toEqual({});
      });

      it('maxCount keeps only the newest events visible', async () => {
        const stream = await withFive();
        await store.setStreamMetadata(stream, { maxCount: 2 });
        expect(await store.getStreamMetadata(stream)).toEqual({ maxCount: 2 });
        expect(await revisionsOf(stream)).toEqual([3, 4]);
        expect(await revisionsOf(stream, true)).toEqual([4, 3]);
      });

      it('truncateBefore hides the revisions before it', async () => {
        const stream = await withFive();
        await store.setStreamMetadata(stream, { truncateBefore: 3n });
        expect(await store.getStreamMetadata(stream)).toEqual({ truncateBefore: 3n });
        expect(await revisionsOf(stream)).toEqual([3, 4]);
      });

      it('maxAge is stored and read back, and fresh events stay visible', async () => {
        const stream = await withFive();
        await store.setStreamMetadata(stream, { maxAge: 86_400 });
        expect(await store.getStreamMetadata(stream)).toEqual({ maxAge: 86_400 });
        expect(await revisionsOf(stream)).toEqual([0, 1, 2, 3, 4]);
      });

      it('setting metadata replaces what was there', async () => {
        const stream = await withFive();
        await store.setStreamMetadata(stream, { maxCount: 2, truncateBefore: 1n });
        await store.setStreamMetadata(stream, { maxAge: 60 });
        expect(await store.getStreamMetadata(stream)).toEqual({ maxAge: 60 });
        expect(await revisionsOf(stream)).toEqual([0, 1, 2, 3, 4]);
      });
    });

    // Declared only for adapters that offer `scavengeStream`: EventStoreDB has no scavenge of
    // one stream (its own runs over the whole database), so it has no such cases, not skipped ones.
    if (options.scavengesStreams)
      describe('scavenging a stream', () => {
        const scavenge = (stream: string) => store.scavengeStream!(stream);
        const revisions = async (stream: string) =>
          (await collect(store.readStream(stream))).map((e) => Number(e.revision));
        const revisionsInAll = async (stream: string) =>
          (await collect(store.readAll({ filter: byPrefix(stream) }))).map((e) =>
            Number(e.revision),
          );

        it('removes for good what truncateBefore hides, from the stream and from $all', async () => {
          const stream = newStream();
          await store.appendToStream(stream, newEvents(5));
          await store.setStreamMetadata(stream, { truncateBefore: 3n });
          expect(await revisionsInAll(stream)).toEqual([0, 1, 2, 3, 4]);
          expect(await scavenge(stream)).toBe(3);
          expect(await revisionsInAll(stream)).toEqual([3, 4]);
          // Metadata set anew no longer brings them back.
          await store.setStreamMetadata(stream, {});
          expect(await revisions(stream)).toEqual([3, 4]);
          expect(await scavenge(stream)).toBe(0);
        });

        it('removes what maxCount hides, and a soft-deleted stream continues its revisions', async () => {
          const counted = newStream();
          await store.appendToStream(counted, newEvents(4));
          await store.setStreamMetadata(counted, { maxCount: 1 });
          expect(await scavenge(counted)).toBe(3);
          expect(await revisionsInAll(counted)).toEqual([3]);

          const deleted = newStream();
          await store.appendToStream(deleted, newEvents(2));
          await store.deleteStream(deleted);
          expect(await scavenge(deleted)).toBe(2);
          expect(await revisionsInAll(deleted)).toEqual([]);
          const again = await store.appendToStream(deleted, newEvents(1), {
            expectedRevision: 'no_stream',
          });
          expect(again.nextExpectedRevision).toBe(2n);
        });

        it('leaves a stream with nothing hidden, and a missing one, as they are', async () => {
          const stream = newStream();
          await store.appendToStream(stream, newEvents(3));
          expect(await scavenge(stream)).toBe(0);
          expect(await revisionsInAll(stream)).toEqual([0, 1, 2]);
          expect(await scavenge(newStream())).toBe(0);
        });
      });

    describe('deleting streams', () => {
      it('a soft-deleted stream reads as empty', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(3));
        await store.deleteStream(stream);
        expect(await collect(store.readStream(stream))).toEqual([]);
        expect(await collect(store.readStream(stream, { direction: 'backwards' }))).toEqual([]);
      });

      it('a soft-deleted stream is recreated by no_stream, its revisions continuing', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(3));
        await store.deleteStream(stream, { expectedRevision: 2n });
        const again = newEvents(1);
        const result = await store.appendToStream(stream, again, { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(3n);
        const read = await collect(store.readStream(stream));
        expect(read.map((e) => [e.id, e.revision])).toEqual([[again[0]!.id, 3n]]);
      });

      it('a soft-deleted stream appended to with any also continues its revisions', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(2));
        await store.deleteStream(stream);
        const result = await store.appendToStream(stream, newEvents(2));
        expect(result.nextExpectedRevision).toBe(3n);
        expect((await collect(store.readStream(stream))).map((e) => e.revision)).toEqual([2n, 3n]);
      });

      it('soft delete checks the expected revision', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(3));
        await expectWrongExpectedVersion(
          store.deleteStream(stream, { expectedRevision: 0n }),
          stream,
          0n,
          2n,
        );
        expect(await readStreamIds(stream)).toHaveLength(3);
      });

      it('a tombstoned stream can be neither read nor written', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(2));
        await store.tombstoneStream(stream, { expectedRevision: 1n });
        await expect(collect(store.readStream(stream))).rejects.toBeInstanceOf(StreamDeleted);
        for (const expectedRevision of ['any', 'no_stream', 1n] as const) {
          await expect(
            store.appendToStream(stream, newEvents(1), { expectedRevision }),
          ).rejects.toBeInstanceOf(StreamDeleted);
        }
      });

      it('tombstone checks the expected revision', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(2));
        await expectWrongExpectedVersion(
          store.tombstoneStream(stream, { expectedRevision: 'no_stream' }),
          stream,
          'no_stream',
          1n,
        );
        expect(await readStreamIds(stream)).toHaveLength(2);
      });
    });

    describe('append size limit', () => {
      it('refuses an append over MAX_APPEND_SIZE and writes nothing', async () => {
        const stream = newStream();
        const attempt = store.appendToStream(stream, [
          event('Huge', new Uint8Array(MAX_APPEND_SIZE + 1)),
        ]);
        await expect(attempt).rejects.toBeInstanceOf(AppendTooLarge);
        await expect(attempt).rejects.toMatchObject({ code: 'append_too_large' });
        expect(await readStreamIds(stream)).toEqual([]);
      });

      it('counts every event of one append together', async () => {
        const stream = newStream();
        await store.appendToStream(stream, newEvents(1));
        const parts = [1, 2, 3].map(() => event('Part', new Uint8Array(400 * 1024)));
        await expect(store.appendToStream(stream, parts)).rejects.toBeInstanceOf(AppendTooLarge);
        expect(await readStreamIds(stream)).toHaveLength(1);
      });

      it('accepts an append well under the limit', async () => {
        const stream = newStream();
        const bytes = new Uint8Array(256 * 1024).fill(7);
        await store.appendToStream(stream, [event('Big', bytes), event('Big', bytes)]);
        const read = await collect(store.readStream(stream));
        expect(read.map((e) => (e.data as Uint8Array).byteLength)).toEqual([
          256 * 1024,
          256 * 1024,
        ]);
      });
    });

    describe('lifecycle', () => {
      let own: EventStore;

      beforeAll(async () => {
        own = await open();
      });

      afterAll(async () => {
        await own?.close();
      });

      it('answers ping while open', async () => {
        await expect(own.ping()).resolves.toBeUndefined();
      });

      it('close() first commits the appends it has accepted', async () => {
        const stream = newStream();
        const events = newEvents(2);
        const pending = own.appendToStream(stream, events);
        await own.close();
        await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 1n });
        expect(await readStreamIds(stream)).toEqual(events.map((e) => e.id));
      });

      it('after close(), calls fail with StoreUnavailable', async () => {
        await own.close();
        const stream = newStream();
        await expect(own.appendToStream(stream, newEvents(1))).rejects.toBeInstanceOf(
          StoreUnavailable,
        );
        await expect(collect(own.readStream(stream))).rejects.toBeInstanceOf(StoreUnavailable);
        await expect(collect(own.readAll({ maxCount: 1 }))).rejects.toBeInstanceOf(
          StoreUnavailable,
        );
        await expect(own.getStreamMetadata(stream)).rejects.toBeInstanceOf(StoreUnavailable);
        await expect(own.ping()).rejects.toBeInstanceOf(StoreUnavailable);
      });
    });
  });
}

function event(type: string, data: EventToAppend['data']): NewEvent {
  return { id: randomUUID(), type, data };
}

function newEvents(count: number, type = 'ThingHappened'): NewEvent[] {
  return Array.from({ length: count }, (_, n) => event(type, { n }));
}

function summary(event: RecordedEvent) {
  const { streamId, revision, id, type, data, isJson, metadata } = event;
  return { streamId, revision, id, type, data, isJson, metadata };
}

async function expectWrongExpectedVersion(
  attempt: Promise<unknown>,
  stream: string,
  expected: ExpectedRevision,
  actual: bigint | 'no_stream',
): Promise<void> {
  const error = await attempt.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersion);
  expect(error).toMatchObject({ code: 'wrong_expected_version', stream, expected, actual });
}

function expectStrictlyIncreasing(values: bigint[]): void {
  values.forEach((value, i) => {
    if (i > 0) expect(value > values[i - 1]!, `${value} after ${values[i - 1]}`).toBe(true);
  });
}

interface Recorder {
  events: RecordedEvent[];
  errors: Error[];
  caughtUpCalls: number;
  handlers: SubscriptionHandlers;
  ids(): string[];
  revisions(): number[];
}

/** Records what a subscription delivers; `onEvent` runs after the event is recorded. */
function record(onEvent?: (event: RecordedEvent) => void | Promise<void>): Recorder {
  const recorder: Recorder = {
    events: [],
    errors: [],
    caughtUpCalls: 0,
    handlers: {
      onEvent: (event) => {
        recorder.events.push(event);
        return onEvent?.(event);
      },
      onCaughtUp: () => {
        recorder.caughtUpCalls += 1;
      },
      onError: (error) => {
        recorder.errors.push(error);
      },
    },
    ids: () => recorder.events.map((e) => e.id),
    revisions: () => recorder.events.map((e) => Number(e.revision)),
  };
  return recorder;
}

/** Polls until `condition` holds; the timeout is generous so machine speed never decides. */
async function waitFor(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
