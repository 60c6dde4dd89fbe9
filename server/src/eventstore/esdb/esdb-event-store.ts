/**
 * The EventStoreDB / KurrentDB adapter of the event store port, on `@eventstore/db-client` 6.x.
 * Selected when EVENTSTORE_CONNECTION_STRING is set (see open-event-store.ts). Writes pass a
 * semaphore; reads and subscriptions live in esdb-reader.ts and esdb-subscriptions.ts.
 *
 *   const store = openEsdbEventStore({ connectionString: 'esdb://localhost:2113?tls=false' });
 *   await store.ping();
 */
import { EventStoreDBClient } from '@eventstore/db-client';
import { AppendTooLarge, StoreUnavailable, WrongExpectedVersion } from '../errors.js';
import { MAX_APPEND_SIZE } from '../port.js';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamMetadata,
  Subscription,
} from '../port.js';
import type { EsdbClient } from './esdb-client.js';
import {
  fromClientStreamMetadata,
  normalizeConnectionString,
  toClientDeleteExpectedRevision,
  toClientExpectedRevision,
  toClientStreamMetadata,
  toPortPosition,
} from './esdb-conversions.js';
import { toPortError } from './esdb-errors.js';
import { appendSize, toClientEvent } from './esdb-events.js';
import { createEsdbReader } from './esdb-reader.js';
import { subscribeToAll, subscribeToStream } from './esdb-subscriptions.js';
import type { SubscriptionContext } from './esdb-subscriptions.js';
import { withDeadline } from './deadline.js';
import { Semaphore, SemaphoreTimeout } from './semaphore.js';

export type { EsdbClient } from './esdb-client.js';

export interface EsdbEventStoreOptions {
  /** `esdb://`, `esdb+discover://` (or the same with `kurrentdb`/`kdb`) connection string. */
  connectionString: string;
  /** Writes (appends, metadata, deletes) in flight at once; more wait their turn. Default 32. */
  maxConcurrentAppends?: number;
  /** Deadline of every call, in milliseconds. Default 10 s. */
  deadlineMs?: number;
}

const DEFAULT_MAX_CONCURRENT_APPENDS = 32;
const DEFAULT_DEADLINE_MS = 10_000;
/** Past the server-side deadline, how long to wait for its answer before giving up locally. */
const MAX_LOCAL_DEADLINE_GRACE_MS = 2_000;

export function openEsdbEventStore(options: EsdbEventStoreOptions): EventStore {
  const client = EventStoreDBClient.connectionString(
    normalizeConnectionString(options.connectionString),
  );
  return createEsdbEventStore(client, options);
}

/** The adapter over any client, real or (in tests) a stand-in. */
export function createEsdbEventStore(
  client: EsdbClient,
  options: Omit<EsdbEventStoreOptions, 'connectionString'> = {},
): EventStore {
  const deadline = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const localDeadline = deadline + Math.min(deadline, MAX_LOCAL_DEADLINE_GRACE_MS);
  const writes = new Semaphore(options.maxConcurrentAppends ?? DEFAULT_MAX_CONCURRENT_APPENDS);
  const reader = createEsdbReader(client, deadline);
  const subscriptions: SubscriptionContext = {
    client,
    reader,
    deadlineMs: deadline,
    open: new Set<Subscription>(),
  };
  let closing: Promise<void> | undefined;

  function ensureOpen(): void {
    if (closing !== undefined) throw new StoreUnavailable('The EventStoreDB event store is closed');
  }

  /** Runs one write under the semaphore and a local deadline backing the server's. */
  async function write<T>(what: string, send: () => Promise<T>): Promise<T> {
    let release: () => void;
    try {
      release = await writes.acquire(deadline);
    } catch (error) {
      if (!(error instanceof SemaphoreTimeout)) throw error;
      throw new StoreUnavailable(`EventStoreDB ${what}: every write slot stayed busy`, {
        cause: error,
      });
    }
    try {
      return await withDeadline(send(), localDeadline, `EventStoreDB ${what}`);
    } finally {
      release();
    }
  }

  /** An empty append writes nothing; it only checks the expectation, as the server would. */
  async function checkExpectation(
    stream: string,
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const actual = await reader.lastRevision(stream);
    const met =
      expected === 'any' ||
      (expected === 'no_stream' && actual === 'no_stream') ||
      (expected === 'stream_exists' && actual !== 'no_stream') ||
      expected === actual;
    if (!met) throw new WrongExpectedVersion(stream, expected, actual);
    // -1: nothing was written, so there is no position of a last written event.
    return { nextExpectedRevision: actual === 'no_stream' ? -1n : actual, position: -1n };
  }

  async function appendToStream(
    stream: string,
    events: EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    ensureOpen();
    const expected = options.expectedRevision ?? 'any';
    const size = appendSize(events);
    if (size > MAX_APPEND_SIZE) throw new AppendTooLarge(stream, size, MAX_APPEND_SIZE);
    try {
      if (events.length === 0) return await checkExpectation(stream, expected);
      const clientEvents = events.map(toClientEvent);
      const result = await write(`append to ${stream}`, () =>
        client.appendToStream(stream, clientEvents, {
          expectedRevision: toClientExpectedRevision(expected),
          deadline,
        }),
      );
      const position =
        toPortPosition(result.position?.commit) ??
        (await reader.positionOfWrite(
          stream,
          result.nextExpectedRevision,
          clientEvents.at(-1)!.id,
        ));
      return { nextExpectedRevision: result.nextExpectedRevision, position };
    } catch (error) {
      throw toPortError(error, { stream, expected, appendSize: size });
    }
  }

  async function* readStream(
    stream: string,
    options?: ReadStreamOptions,
  ): AsyncGenerator<RecordedEvent> {
    ensureOpen();
    yield* reader.readStream(stream, options);
  }

  async function* readAll(options?: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    ensureOpen();
    yield* reader.readAll(options);
  }

  async function getStreamMetadata(stream: string): Promise<StreamMetadata> {
    ensureOpen();
    try {
      // The client reads the metastream with a streaming read, which ignores `deadline`.
      const result = await withDeadline(
        client.getStreamMetadata(stream, { deadline }),
        localDeadline,
        `EventStoreDB metadata read of ${stream}`,
      );
      return fromClientStreamMetadata(result.metadata);
    } catch (error) {
      throw toPortError(error, { stream });
    }
  }

  async function setStreamMetadata(stream: string, metadata: StreamMetadata): Promise<void> {
    ensureOpen();
    const clientMetadata = toClientStreamMetadata(metadata);
    try {
      await write(`metadata write of ${stream}`, () =>
        client.setStreamMetadata(stream, clientMetadata, { deadline }),
      );
    } catch (error) {
      throw toPortError(error, { stream });
    }
  }

  async function deleteWith(
    how: 'deleteStream' | 'tombstoneStream',
    stream: string,
    expected: ExpectedRevision,
  ): Promise<void> {
    ensureOpen();
    try {
      let exact: Exclude<ExpectedRevision, 'stream_exists'>;
      if (expected === 'stream_exists') {
        // The v6 client cannot send stream_exists on deletes: pin the current revision, so a
        // concurrent append still fails the delete as a conflict.
        const actual = await reader.lastRevision(stream);
        if (actual === 'no_stream') throw new WrongExpectedVersion(stream, expected, actual);
        exact = actual;
      } else {
        exact = expected;
      }
      await write(`${how === 'deleteStream' ? 'delete' : 'tombstone'} of ${stream}`, () =>
        client[how](stream, { expectedRevision: toClientDeleteExpectedRevision(exact), deadline }),
      );
    } catch (error) {
      throw toPortError(error, { stream, expected });
    }
  }

  async function ping(): Promise<void> {
    ensureOpen();
    try {
      await reader.endOfAll();
    } catch (error) {
      const mapped = toPortError(error);
      if (mapped instanceof StoreUnavailable) throw mapped;
      // Reachable but refusing (e.g. access denied) is still a store this node cannot use.
      const reason = error instanceof Error ? error.message : String(error);
      throw new StoreUnavailable(`EventStoreDB did not answer a ping: ${reason}`, { cause: error });
    }
  }

  function close(): Promise<void> {
    closing ??= (async () => {
      const open = [...subscriptions.open];
      await Promise.allSettled(open.map((subscription) => subscription.close()));
      // Let writes already sent get their answer; each is bounded by its own deadline.
      await withDeadline(writes.idle(), localDeadline, 'pending writes').catch(() => undefined);
      await client.dispose();
    })();
    return closing;
  }

  return {
    kind: 'eventstoredb',
    appendToStream,
    readStream,
    readAll,
    subscribeToStream: (stream, handlers, options) => {
      ensureOpen();
      return subscribeToStream(subscriptions, stream, handlers, options);
    },
    subscribeToAll: (handlers, options) => {
      ensureOpen();
      return subscribeToAll(subscriptions, handlers, options);
    },
    getStreamMetadata,
    setStreamMetadata,
    deleteStream: (stream, options = {}) =>
      deleteWith('deleteStream', stream, options.expectedRevision ?? 'any'),
    tombstoneStream: (stream, options = {}) =>
      deleteWith('tombstoneStream', stream, options.expectedRevision ?? 'any'),
    ping,
    close,
  };
}
