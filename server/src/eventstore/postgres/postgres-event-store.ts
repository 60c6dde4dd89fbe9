// The event store port on PostgreSQL, for several Accord processes sharing one database.
// Appends are group-committed (append-batch.ts): each locks its stream's row, where optimistic
// concurrency and idempotency are checked, and global positions are drawn under one advisory
// lock held until commit, so positions become visible in order and $all readers never skip an
// event (README.md explains why).
//
//   const store = openPostgresEventStore({ connectionString: 'postgresql://accord@db/accord' });
//   await store.appendToStream('document-42', [event], { expectedRevision: 'no_stream' });
import pg from 'pg';
import { StoreUnavailable, StreamDeleted } from '../errors.js';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamMetadata,
  SubscribeToAllOptions,
  SubscribeToStreamOptions,
  Subscription,
  SubscriptionHandlers,
} from '../port.js';
import { encodeEvents } from '../append/encode-events.js';
import { checkExpectedRevision, type StoredIds } from '../append/expected-revision.js';
import {
  checkFilter,
  checkMetadata,
  firstVisibleRevision,
  positiveInteger,
} from '../read-rules.js';
import { AppendBatcher, lockStream } from './append-batch.js';
import { PostgresCatchUpSubscription } from './catch-up-subscription.js';
import { CommitListener } from './commit-listener.js';
import { toStoreError } from './pg-errors.js';
import {
  allPages,
  lastPosition,
  readAll,
  readStream,
  streamInfo,
  streamPages,
  type PageSource,
  type Queryable,
  type ReadContext,
} from './reads.js';
import { COMMIT_CHANNEL, migrate } from './schema.js';

export interface PostgresEventStoreOptions {
  /** `postgresql://user:password@host:5432/database` (any form node-pg accepts). */
  connectionString: string;
  /** Connections in the pool (one more is used to LISTEN). Default 10. */
  poolSize?: number;
  /** Most appends written in one transaction (group commit). Default 200. */
  maxBatchSize?: number;
  /** Rows per read query. Default 500. */
  pageSize?: number;
  /** Longest a live subscription waits before reading again without a notification. Default 1 s. */
  pollIntervalMs?: number;
  /** Clock for `created` and for `maxAge`; tests move it. Default: the system clock. */
  now?: () => Date;
}

export interface PostgresEventStore extends EventStore {
  readonly kind: 'postgresql';
}

/** Opens the store; the schema is created (or checked) by the first operation. */
export function openPostgresEventStore(options: PostgresEventStoreOptions): PostgresEventStore {
  return new PostgresStore(options);
}

const DEFAULT_POOL_SIZE = 10;
const DEFAULT_PAGE_SIZE = 500;
const DEFAULT_MAX_BATCH = 200;
const DEFAULT_POLL_INTERVAL_MS = 1_000;
const CONNECT_TIMEOUT_MS = 10_000;

class PostgresStore implements PostgresEventStore {
  readonly kind = 'postgresql' as const;
  private readonly pool: pg.Pool;
  private readonly listener: CommitListener;
  private readonly batcher: AppendBatcher;
  private readonly ctx: ReadContext;
  private readonly now: () => Date;
  private readonly pollIntervalMs: number;
  private readonly subscriptions = new Set<PostgresCatchUpSubscription>();
  /** Operations under way; close() lets them finish. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private ready: Promise<void> | undefined;
  private closed = false;
  private closing: Promise<void> | undefined;

  constructor(options: PostgresEventStoreOptions) {
    const pageSize = positiveInteger('pageSize', options.pageSize ?? DEFAULT_PAGE_SIZE);
    const config: pg.PoolConfig = {
      connectionString: options.connectionString,
      max: positiveInteger('poolSize', options.poolSize ?? DEFAULT_POOL_SIZE),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      application_name: 'accord',
    };
    this.pool = new pg.Pool(config);
    // An idle connection the server dropped: the pool discards it; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.listener = new CommitListener(config, () => this.notifySubscriptions());
    this.now = options.now ?? (() => new Date());
    this.pollIntervalMs = positiveInteger(
      'pollIntervalMs',
      options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    );
    this.ctx = { pageSize, now: this.now, run: (work) => this.run(work) };
    this.batcher = new AppendBatcher(
      async (work) => {
        await this.transaction(async (db) => ({ commit: true, value: await work(db) }));
      },
      {
        maxBatchSize: positiveInteger('maxBatchSize', options.maxBatchSize ?? DEFAULT_MAX_BATCH),
        now: this.now,
        onCommit: () => this.notifySubscriptions(),
      },
    );
  }

  appendToStream(
    stream: string,
    events: EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    return this.operation(async () => {
      const encoded = encodeEvents(stream, events);
      const expected = options.expectedRevision ?? 'any';
      return this.batcher.submit({ stream, events: encoded, expected });
    });
  }

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return readStream(this.ctx, stream, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return readAll(this.ctx, options);
  }

  subscribeToStream(
    stream: string,
    handlers: SubscriptionHandlers,
    options: SubscribeToStreamOptions = {},
  ): Subscription {
    const from = options.from ?? 'start';
    const start =
      from === 'start'
        ? -1n
        : from === 'end'
          ? () => this.run(async (db) => (await streamInfo(db, stream)).lastRevision)
          : from;
    return this.track(streamPages(this.ctx, stream), start, handlers);
  }

  subscribeToAll(
    handlers: SubscriptionHandlers,
    options: SubscribeToAllOptions = {},
  ): Subscription {
    const from = options.from ?? 'start';
    const pages = allPages(this.ctx, checkFilter(options.filter));
    const start = from === 'start' ? 0n : from === 'end' ? () => this.run(lastPosition) : from;
    return this.track(pages, start, handlers);
  }

  getStreamMetadata(stream: string): Promise<StreamMetadata> {
    return this.operation(async () => {
      const info = await this.run((db) => streamInfo(db, stream));
      if (info.tombstoned) throw new StreamDeleted(stream);
      return info.metadata;
    });
  }

  setStreamMetadata(stream: string, metadata: StreamMetadata): Promise<void> {
    return this.operation(async () => {
      const checked = checkMetadata(metadata);
      await this.transaction(async (db) => {
        const { info } = await lockStream(db, stream);
        if (info.tombstoned) throw new StreamDeleted(stream);
        await db.query(
          `UPDATE accord_streams SET max_count = $2, max_age = $3, truncate_before = $4
           WHERE stream = $1`,
          [
            stream,
            checked.maxCount ?? null,
            checked.maxAge ?? null,
            checked.truncateBefore?.toString() ?? null,
          ],
        );
        // maxCount and truncateBefore change what a stream subscription may still deliver.
        await notifyCommit(db);
        return { commit: true, value: undefined };
      });
      this.notifySubscriptions();
    });
  }

  deleteStream(
    stream: string,
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<void> {
    return this.operation(async () => {
      await this.transaction(async (db) => {
        const { info, created } = await lockStream(db, stream);
        checkExpectedRevision(stream, info, options.expectedRevision ?? 'any', [], NO_IDS);
        // Deleting a stream that never existed succeeds and leaves nothing behind, as in ESDB.
        if (created) return { commit: false, value: undefined };
        await db.query('UPDATE accord_streams SET deleted_before = $2 WHERE stream = $1', [
          stream,
          (info.lastRevision + 1n).toString(),
        ]);
        return { commit: true, value: undefined };
      });
    });
  }

  scavengeStream(stream: string): Promise<number> {
    return this.operation(async () => {
      const { value } = await this.transaction(async (db) => {
        // Locked as a metadata change locks it, so what is removed is what the metadata hides.
        const { info, created } = await lockStream(db, stream);
        if (created || info.tombstoned) return { commit: false, value: 0 };
        const removed = await db.query<{ count: number }>(
          `WITH removed AS (
             DELETE FROM accord_events WHERE stream = $1 AND revision < $2 RETURNING 1
           )
           SELECT count(*)::int AS count FROM removed`,
          [stream, firstVisibleRevision(info).toString()],
        );
        return { commit: true, value: removed.rows[0]?.count ?? 0 };
      });
      return value;
    });
  }

  tombstoneStream(
    stream: string,
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<void> {
    return this.operation(async () => {
      await this.transaction(async (db) => {
        const { info } = await lockStream(db, stream);
        checkExpectedRevision(stream, info, options.expectedRevision ?? 'any', [], NO_IDS);
        // The events stay in $all, as in EventStoreDB until a scavenge.
        await db.query(
          `UPDATE accord_streams SET tombstoned = true, max_count = NULL, max_age = NULL,
             truncate_before = NULL
           WHERE stream = $1`,
          [stream],
        );
        // Wakes the stream's subscriptions, which then stop with StreamDeleted.
        await notifyCommit(db);
        return { commit: true, value: undefined };
      });
      this.notifySubscriptions();
    });
  }

  ping(): Promise<void> {
    return this.operation(() =>
      this.run(async (db) => {
        await db.query('SELECT 1');
      }),
    );
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.closed = true;
    // Appends already accepted are committed (or fail on their own), not dropped.
    await Promise.allSettled([...this.inFlight]);
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.listener.stop();
    await this.pool.end().catch(() => undefined);
  }

  /**
   * One transaction on one pooled connection. `work` says whether to commit; everything it
   * does not mean to keep (a stream row created only to lock it, say) is rolled back.
   */
  private transaction<T>(
    work: (db: Queryable) => Promise<{ commit: boolean; value: T }>,
  ): Promise<{ commit: boolean; value: T }> {
    return this.exec(async () => {
      const client = await this.pool.connect();
      let broken = false;
      // A connection the server drops while checked out emits 'error' besides failing its
      // query; the pool listens only to idle ones, and an unheard 'error' ends the process.
      const onError = () => {
        broken = true;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query(result.commit ? 'COMMIT' : 'ROLLBACK');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      } finally {
        // A connection whose rollback failed is in an unknown state: the pool drops it.
        client.off('error', onError);
        client.release(broken);
      }
    });
  }

  /** Fails once closed; otherwise as `exec`. */
  private async run<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    this.assertOpen();
    return this.exec(work);
  }

  /**
   * Waits for the schema, runs `work` against the pool, maps failures to the port's errors.
   * No open check: work accepted before close() must still be able to finish.
   */
  private async exec<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    try {
      await this.schemaReady();
      return await work(this.pool);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** Creates or checks the schema once; after a failure the next operation tries again. */
  private schemaReady(): Promise<void> {
    this.ready ??= migrate(this.pool).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  /** Registers an operation so close() waits for it; rejects at once when already closed. */
  private operation<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) {
      return Promise.reject(new StoreUnavailable('The PostgreSQL event store is closed'));
    }
    const promise = work();
    this.inFlight.add(promise);
    const forget = () => this.inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  private track(
    source: PageSource,
    from: bigint | (() => Promise<bigint>),
    handlers: SubscriptionHandlers,
  ): Subscription {
    this.assertOpen();
    const subscription = new PostgresCatchUpSubscription(source, handlers, {
      from,
      listening: this.listener.listening(),
      pollIntervalMs: this.pollIntervalMs,
      onStop: (stopped) => this.subscriptions.delete(stopped),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  private notifySubscriptions(): void {
    for (const subscription of this.subscriptions) subscription.notifyCommit();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailable('The PostgreSQL event store is closed');
  }
}

const NO_IDS: StoredIds = { idsFrom: () => [], revisionOf: () => undefined };

async function notifyCommit(db: Queryable): Promise<void> {
  await db.query(`SELECT pg_notify('${COMMIT_CHANNEL}', '')`);
}
