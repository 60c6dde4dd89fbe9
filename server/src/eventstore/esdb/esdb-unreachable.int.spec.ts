// The real client against a port where nothing listens: every kind of call must fail with
// StoreUnavailable (the client throws raw gRPC UNAVAILABLE errors on some of these paths).
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailable } from '../errors.js';
import { collect } from '../port.js';
import type { EventStore } from '../port.js';
import { openEsdbEventStore } from './esdb-event-store.js';

/** A local port that was free a moment ago, so connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

describe('EventStoreDB adapter with the server unreachable', () => {
  let store: EventStore;

  beforeAll(async () => {
    const port = await closedPort();
    store = openEsdbEventStore({
      connectionString: `esdb://127.0.0.1:${port}?tls=false`,
      deadlineMs: 3_000,
    });
  });

  afterAll(async () => {
    await store.close();
  });

  it('ping() throws StoreUnavailable', async () => {
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailable);
  });

  it('appendToStream() throws StoreUnavailable', async () => {
    await expect(
      store.appendToStream('unreachable-1', [{ type: 'T', data: {} }]),
    ).rejects.toBeInstanceOf(StoreUnavailable);
  });

  it('reads throw StoreUnavailable', async () => {
    await expect(collect(store.readStream('unreachable-1'))).rejects.toBeInstanceOf(
      StoreUnavailable,
    );
    await expect(collect(store.readAll({ maxCount: 1 }))).rejects.toBeInstanceOf(StoreUnavailable);
  });

  it('metadata and deletes throw StoreUnavailable', async () => {
    await expect(store.getStreamMetadata('unreachable-1')).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.setStreamMetadata('unreachable-1', { maxCount: 1 })).rejects.toBeInstanceOf(
      StoreUnavailable,
    );
    await expect(store.deleteStream('unreachable-1')).rejects.toBeInstanceOf(StoreUnavailable);
  });

  it('a subscription is dropped with StoreUnavailable', async () => {
    const errors: Error[] = [];
    const subscription = store.subscribeToStream('unreachable-1', {
      onEvent: () => undefined,
      onError: (error) => void errors.push(error),
    });

    await expect(subscription.caughtUp).rejects.toBeInstanceOf(StoreUnavailable);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(StoreUnavailable);
    await subscription.close();
  });
});
