// The adapter's own logic against an in-memory stand-in for the client: what it sends, how it
// reads answers back, and how failures come out. The real server is the contract suite's job.
import {
  AccessDeniedError,
  StreamDeletedError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { AppendResult, EventData } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import {
  AppendTooLarge,
  StoreUnavailable,
  StreamDeleted,
  WrongExpectedVersion,
} from '../errors.js';
import { collect, MAX_APPEND_SIZE } from '../port.js';
import type { RecordedEvent } from '../port.js';
import { createEsdbEventStore } from './esdb-event-store.js';
import { FakeEsdbClient, storedEvent } from './test-support/fake-esdb-client.js';

const ID = '0b5a4a1c-7c0e-4d3e-9d38-6d8f7f3f2a11';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function setup(options: { maxConcurrentAppends?: number; deadlineMs?: number } = {}) {
  const fake = new FakeEsdbClient();
  const store = createEsdbEventStore(fake.client, { deadlineMs: 1_000, ...options });
  return { fake, store };
}

describe('appendToStream', () => {
  it('sends the events with their ids and the expected revision, and returns revision and commit position', async () => {
    const { fake, store } = setup();

    const result = await store.appendToStream(
      'document-1',
      [
        { id: ID, type: 'DocumentCreated', data: { title: 'Draft' }, metadata: { userId: 'u' } },
        { type: 'YjsUpdate', data: new Uint8Array([1, 2]) },
      ],
      { expectedRevision: 'no_stream' },
    );

    expect(result).toEqual({ nextExpectedRevision: 1n, position: 200n });
    const [stream, events, options] = fake.callsOf('appendToStream')[0] as [
      string,
      EventData[],
      object,
    ];
    expect(stream).toBe('document-1');
    expect(options).toMatchObject({ expectedRevision: 'no_stream', deadline: 1_000 });
    expect(events[0]).toMatchObject({ id: ID, contentType: 'application/json' });
    expect(events[0]!.metadata).toEqual({ userId: 'u' });
    expect(events[1]).toMatchObject({ contentType: 'application/octet-stream' });
  });

  it.each([
    ['any', 'any'],
    ['stream_exists', 'stream_exists'],
    [4n, 4n],
    [undefined, 'any'],
  ] as const)('passes expected revision %s as %s', async (expected, sent) => {
    const { fake, store } = setup();

    await store.appendToStream('s-1', [{ type: 'T', data: {} }], { expectedRevision: expected });

    expect(fake.callsOf('appendToStream')[0]![2]).toMatchObject({ expectedRevision: sent });
  });

  it('refuses an append over MAX_APPEND_SIZE without sending it', async () => {
    const { fake, store } = setup();
    const data = new Uint8Array(MAX_APPEND_SIZE - 10);

    const error = await store
      .appendToStream('doctext-1', [{ type: 'Big', data, metadata: { padding: 'x'.repeat(20) } }])
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(AppendTooLarge);
    expect(error).toMatchObject({ stream: 'doctext-1', limit: MAX_APPEND_SIZE });
    expect((error as AppendTooLarge).size).toBeGreaterThan(MAX_APPEND_SIZE);
    expect(fake.callsOf('appendToStream')).toHaveLength(0);
  });

  it('maps a conflict, keeping the expected revision the caller passed', async () => {
    const { fake, store } = setup();
    fake.appendAnswer = () =>
      Promise.reject(
        new WrongExpectedVersionError(undefined, {
          streamName: 'document-1',
          expected: 2n,
          current: 5n,
        }),
      );

    const error = await store
      .appendToStream('document-1', [{ type: 'T', data: {} }], { expectedRevision: 2n })
      .catch((e: unknown) => e);

    expect(error).toEqual(new WrongExpectedVersion('document-1', 2n, 5n));
  });

  it('maps the raw gRPC error of an unreachable server to StoreUnavailable', async () => {
    const { fake, store } = setup();
    const raw = Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
      code: 14,
      details: 'No connection established',
    });
    fake.appendAnswer = () => Promise.reject(raw);

    const error = await store
      .appendToStream('s', [{ type: 'T', data: {} }])
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StoreUnavailable);
    expect((error as StoreUnavailable).cause).toBe(raw);
  });

  it('gives up locally when the server does not answer', async () => {
    const { fake, store } = setup({ deadlineMs: 10 });
    fake.appendAnswer = () => new Promise<never>(() => undefined);

    const error = await store
      .appendToStream('s', [{ type: 'T', data: {} }])
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(StoreUnavailable);
  });

  it('finds the position when the server gives none (idempotent retry)', async () => {
    const { fake, store } = setup();
    const first = await store.appendToStream('document-1', [{ id: ID, type: 'T', data: {} }]);
    await store.appendToStream('other-1', [{ type: 'T', data: {} }]);
    fake.appendAnswer = () =>
      Promise.resolve<AppendResult>({
        success: true,
        nextExpectedRevision: 0n,
        position: undefined,
      });

    const retry = await store.appendToStream('document-1', [{ id: ID, type: 'T', data: {} }]);

    // The fake's stream reads carry only the sentinel, like older servers: the original is
    // found near the end of $all.
    expect(retry).toEqual(first);
  });

  it('falls back to the end of $all when the original cannot be found', async () => {
    const { fake, store } = setup();
    await store.appendToStream('other-1', [
      { type: 'T', data: {} },
      { type: 'T', data: {} },
    ]);
    fake.appendAnswer = () =>
      Promise.resolve<AppendResult>({
        success: true,
        nextExpectedRevision: 0n,
        position: undefined,
      });

    const retry = await store.appendToStream('document-1', [{ id: ID, type: 'T', data: {} }]);

    expect(retry.position).toBe(200n);
  });

  it('keeps at most maxConcurrentAppends writes in flight', async () => {
    const { fake, store } = setup({ maxConcurrentAppends: 2 });
    let inFlight = 0;
    let most = 0;
    fake.appendAnswer = async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await sleep(5);
      inFlight -= 1;
      return { success: true, nextExpectedRevision: 0n, position: { commit: 1n, prepare: 1n } };
    };

    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        store.appendToStream(`s-${i}`, [{ type: 'T', data: {} }]),
      ),
    );

    expect(most).toBe(2);
    expect(fake.callsOf('appendToStream')).toHaveLength(6);
  });

  it('checks the expectation of an empty append without writing', async () => {
    const { fake, store } = setup();
    await store.appendToStream('document-1', [{ type: 'T', data: {} }]);

    await expect(
      store.appendToStream('document-1', [], { expectedRevision: 'no_stream' }),
    ).rejects.toEqual(new WrongExpectedVersion('document-1', 'no_stream', 0n));
    await expect(
      store.appendToStream('missing-1', [], { expectedRevision: 'no_stream' }),
    ).resolves.toMatchObject({ nextExpectedRevision: -1n });
    expect(fake.callsOf('appendToStream')).toHaveLength(1);
  });
});

describe('readStream', () => {
  it('reads a missing stream as empty', async () => {
    const { store } = setup();

    expect(await collect(store.readStream('missing-1'))).toEqual([]);
  });

  it('leaves the position undefined when the server sends its sentinel', async () => {
    const { store } = setup();
    await store.appendToStream('document-1', [
      { type: 'A', data: { a: 1 } },
      { type: 'B', data: {} },
    ]);

    const events = await collect(store.readStream('document-1'));

    expect(events.map((e) => [e.type, e.revision, e.position])).toEqual([
      ['A', 0n, undefined],
      ['B', 1n, undefined],
    ]);
  });

  it('reads backwards from the end by default, with a count', async () => {
    const { fake, store } = setup();
    await store.appendToStream(
      'document-1',
      [1, 2, 3].map(() => ({ type: 'T', data: {} })),
    );

    const events = await collect(
      store.readStream('document-1', { direction: 'backwards', maxCount: 2 }),
    );

    expect(events.map((e) => e.revision)).toEqual([2n, 1n]);
    expect(fake.callsOf('readStream').at(-1)![1]).toMatchObject({
      direction: 'backwards',
      fromRevision: 'end',
      maxCount: 2,
    });
  });

  it('asks for nothing when maxCount is 0', async () => {
    const { fake, store } = setup();

    expect(await collect(store.readStream('document-1', { maxCount: 0 }))).toEqual([]);
    expect(fake.callsOf('readStream')).toHaveLength(0);
  });

  it('throws StreamDeleted for a tombstoned stream', async () => {
    const { fake, store } = setup();
    fake.failingStreams.set('document-1', StreamDeletedError.fromStreamName('document-1'));

    await expect(collect(store.readStream('document-1'))).rejects.toEqual(
      new StreamDeleted('document-1'),
    );
  });
});

describe('readAll', () => {
  function withHistory() {
    const context = setup();
    context.fake.all.push(
      storedEvent('$stats-127.0.0.1:2113', 0n, 100n, '$statsCollected'),
      storedEvent('document-1', 0n, 200n, 'DocumentCreated'),
      storedEvent('$$document-1', 0n, 300n, '$metadata'),
      storedEvent('amendment-1', 0n, 400n, 'AmendmentTabled'),
      storedEvent('document-1', 1n, 500n, 'ParagraphBracketed'),
      storedEvent('$ce-document', 0n, 600n, '$>'),
    );
    return context;
  }
  const summary = (events: RecordedEvent[]) => events.map((e) => `${e.streamId}@${e.position}`);

  it('returns every event but system events, with its commit position', async () => {
    const { store } = withHistory();

    expect(summary(await collect(store.readAll()))).toEqual([
      'document-1@200',
      'amendment-1@400',
      'document-1@500',
    ]);
  });

  it('applies the filter and counts only what it returns', async () => {
    const { store } = withHistory();

    const byStream = await collect(
      store.readAll({ filter: { on: 'streamName', prefixes: ['document-'] }, maxCount: 1 }),
    );
    const byType = await collect(
      store.readAll({ filter: { on: 'eventType', prefixes: ['Amend'] } }),
    );

    expect(summary(byStream)).toEqual(['document-1@200']);
    expect(summary(byType)).toEqual(['amendment-1@400']);
  });

  it('starts at a position inclusively in both directions', async () => {
    const { store } = withHistory();

    const forwards = await collect(store.readAll({ fromPosition: 400n }));
    const backwards = await collect(store.readAll({ fromPosition: 400n, direction: 'backwards' }));

    expect(summary(forwards)).toEqual(['amendment-1@400', 'document-1@500']);
    expect(summary(backwards)).toEqual(['amendment-1@400', 'document-1@200']);
  });

  it('reads backwards from the end by default', async () => {
    const { store } = withHistory();

    const events = await collect(store.readAll({ direction: 'backwards', maxCount: 2 }));

    expect(summary(events)).toEqual(['document-1@500', 'amendment-1@400']);
  });

  it('maps a failure of the read', async () => {
    const { fake, store } = setup();
    fake.allFailure = new UnavailableError();

    await expect(collect(store.readAll())).rejects.toBeInstanceOf(StoreUnavailable);
  });
});

describe('subscriptions', () => {
  it('subscribes to a stream after the given revision and skips system events', async () => {
    const { fake, store } = setup();
    const seen: string[] = [];
    const subscription = store.subscribeToStream(
      'document-1',
      { onEvent: (e) => void seen.push(`${e.type}@${e.revision}`) },
      { from: 3n },
    );

    const source = fake.streamSubscriptions[0]!;
    source.send(
      { confirmation: true },
      { item: storedEvent('document-1', 4n, 900n, 'Edited') },
      { item: storedEvent('document-1', 5n, 950n, '$streamDeleted') },
      { caughtUp: true },
    );
    await subscription.caughtUp;

    expect(fake.callsOf('subscribeToStream')[0]![1]).toMatchObject({ fromRevision: 3n });
    expect(seen).toEqual(['Edited@4']);
    await subscription.close();
    expect(source.unsubscribed).toBe(true);
  });

  it('catches up without the CaughtUp message once the last event at the start is delivered', async () => {
    const { fake, store } = setup();
    await store.appendToStream(
      'document-1',
      [1, 2].map(() => ({ type: 'T', data: {} })),
    );
    const seen: bigint[] = [];
    const subscription = store.subscribeToStream('document-1', {
      onEvent: (e) => void seen.push(e.revision),
    });

    const source = fake.streamSubscriptions[0]!;
    source.send({ confirmation: true }, { item: fake.all[0]! }, { item: fake.all[1]! });
    await subscription.caughtUp;

    expect(seen).toEqual([0n, 1n]);
    await subscription.close();
  });

  it('subscribes to $all with the server-side filter and its positions', async () => {
    const { fake, store } = setup();
    const seen: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(
      { onEvent: (e) => void seen.push(e) },
      { from: 100n, filter: { on: 'streamName', prefixes: ['document-'] } },
    );

    const source = fake.allSubscriptions[0]!;
    source.send(
      { confirmation: true },
      { item: storedEvent('document-1', 0n, 200n) },
      { caughtUp: true },
    );
    await subscription.caughtUp;

    expect(fake.callsOf('subscribeToAll')[0]![0]).toMatchObject({
      fromPosition: { commit: 100n, prepare: 100n },
      filter: { filterOn: 'streamName', prefixes: ['document-'] },
    });
    expect(seen.map((e) => e.position)).toEqual([200n]);
    await subscription.close();
  });

  it('reports a dropped subscription through onError with the mapped error', async () => {
    const { fake, store } = setup();
    const errors: Error[] = [];
    const subscription = store.subscribeToAll({
      onEvent: () => undefined,
      onError: (e) => void errors.push(e),
    });

    fake.allSubscriptions[0]!.destroy(new UnavailableError());

    await expect(subscription.caughtUp).rejects.toBeInstanceOf(StoreUnavailable);
    expect(errors[0]).toBeInstanceOf(StoreUnavailable);
  });
});

describe('stream metadata', () => {
  it('writes the limits and reads them back', async () => {
    const { fake, store } = setup();

    await store.setStreamMetadata('document-1', { maxCount: 5, truncateBefore: 3n });

    expect(fake.callsOf('setStreamMetadata')[0]![1]).toEqual({ maxCount: 5, truncateBefore: 3 });
    expect(await store.getStreamMetadata('document-1')).toEqual({
      maxCount: 5,
      truncateBefore: 3n,
    });
  });

  it('reads a stream without metadata as no limits', async () => {
    const { store } = setup();

    expect(await store.getStreamMetadata('document-1')).toEqual({});
  });
});

describe('deleting', () => {
  it('soft-deletes and tombstones with the expected revision', async () => {
    const { fake, store } = setup();

    await store.deleteStream('document-1', { expectedRevision: 4n });
    await store.tombstoneStream('document-2');

    expect(fake.callsOf('deleteStream')[0]).toEqual([
      'document-1',
      { expectedRevision: 4n, deadline: 1_000 },
    ]);
    expect(fake.callsOf('tombstoneStream')[0]).toEqual([
      'document-2',
      { expectedRevision: 'any', deadline: 1_000 },
    ]);
  });

  it("turns 'stream_exists' into the stream's current revision", async () => {
    const { fake, store } = setup();
    await store.appendToStream(
      'document-1',
      [1, 2, 3].map(() => ({ type: 'T', data: {} })),
    );

    await store.deleteStream('document-1', { expectedRevision: 'stream_exists' });

    expect(fake.callsOf('deleteStream')[0]![1]).toMatchObject({ expectedRevision: 2n });
  });

  it("fails 'stream_exists' on a missing stream", async () => {
    const { fake, store } = setup();

    await expect(
      store.tombstoneStream('missing-1', { expectedRevision: 'stream_exists' }),
    ).rejects.toEqual(new WrongExpectedVersion('missing-1', 'stream_exists', 'no_stream'));
    expect(fake.callsOf('tombstoneStream')).toHaveLength(0);
  });
});

describe('ping and close', () => {
  it('pings with a read of $all', async () => {
    const { fake, store } = setup();

    await store.ping();

    expect(fake.callsOf('readAll')[0]![0]).toMatchObject({ direction: 'backwards', maxCount: 1 });
  });

  it('reports every ping failure as StoreUnavailable', async () => {
    const { fake, store } = setup();
    fake.allFailure = new UnavailableError();
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailable);

    const denied = new AccessDeniedError();
    fake.allFailure = denied;
    const error = await store.ping().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect((error as StoreUnavailable).cause).toBe(denied);
  });

  it('close() stops subscriptions, disposes the client and refuses further calls', async () => {
    const { fake, store } = setup();
    const subscription = store.subscribeToStream('document-1', { onEvent: () => undefined });

    await store.close();
    await store.close();

    expect(fake.disposed).toBe(true);
    expect(fake.streamSubscriptions[0]!.unsubscribed).toBe(true);
    await expect(store.appendToStream('s', [{ type: 'T', data: {} }])).rejects.toBeInstanceOf(
      StoreUnavailable,
    );
    await expect(collect(store.readStream('s'))).rejects.toBeInstanceOf(StoreUnavailable);
    expect(() => store.subscribeToAll({ onEvent: () => undefined })).toThrow(StoreUnavailable);
    await subscription.close();
  });
});
