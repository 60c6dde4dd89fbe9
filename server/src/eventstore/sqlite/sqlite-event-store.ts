// The embedded event store: the port on one SQLite file in WAL mode, with group commit for
// writes, paged reads and catch-up subscriptions that never hold the event loop for long.
// One process owns the file: subscriptions learn of commits from this process only.
//
//   const store = openSqliteEventStore({ file: `${dataDir}/accord.sqlite` });
//   await store.appendToStream('document-42', [event], { expectedRevision: 'no_stream' });
import Database from 'better-sqlite3';
import { StoreUnavailable, StreamDeleted, WrongExpectedVersion } from '../errors.js';
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
import {
  checkFilter,
  checkMetadata,
  firstVisibleRevision,
  positiveInteger,
} from '../read-rules.js';
import { CatchUpSubscription } from './catch-up-subscription.js';
import { encodeEvents, type EncodedEvent } from '../append/encode-events.js';
import { checkExpectedRevision } from '../append/expected-revision.js';
import { GroupCommit, type GroupCommitInfo } from './group-commit.js';
import { Queries } from './queries.js';
import { allPages, readAll, readStream, streamPages, type ReadContext } from './reads.js';
import type { BatchReadOptions } from '../batch-reads.js';
import { readAllBatches } from './bulk-read.js';
import { openDatabase, walFileFor, type SynchronousMode } from './schema.js';
import { WalSync } from './wal-sync.js';

export type { GroupCommitInfo } from './group-commit.js';
export type { SynchronousMode } from './schema.js';

export interface SqliteEventStoreOptions {
  /** Path of the database file (its directory is created when missing), or ':memory:'. */
  file: string;
  /**
   * Durability of an acknowledged append. Default `'FULL'`: every commit is fsynced, so an
   * append that resolved survives a process crash, an OS crash and a power loss; group commit
   * makes that one fsync per batch. `'NORMAL'` survives a process crash only (see schema.ts).
   */
  synchronous?: SynchronousMode;
  /** Rows per read query; reads yield to the event loop between pages. Default 500. */
  pageSize?: number;
  /** Most writes committed in one transaction. Default 500. */
  maxBatchSize?: number;
  /** Told about every group commit (metrics). */
  onGroupCommit?: (info: GroupCommitInfo) => void;
  /** Clock for `created` and for `maxAge`; tests move it. Default: the system clock. */
  now?: () => Date;
}

export interface SqliteEventStore extends EventStore {
  readonly kind: 'sqlite';
  /** The file passed at open. */
  readonly file: string;
  /** The durability in force, read back from SQLite (for logs and the health endpoint). */
  readonly synchronous: SynchronousMode;
}

/** Opens (creating when missing) the store; throws StoreUnavailable when the file cannot be used. */
export function openSqliteEventStore(options: SqliteEventStoreOptions): SqliteEventStore {
  positiveInteger('pageSize', options.pageSize ?? DEFAULT_PAGE_SIZE);
  positiveInteger('maxBatchSize', options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE);
  let db: Database.Database;
  try {
    db = openDatabase(options.file, options.synchronous ?? 'FULL');
  } catch (cause) {
    throw new StoreUnavailable(`Cannot open the SQLite event store at ${options.file}`, { cause });
  }
  return new SqliteStore(db, options);
}

const DEFAULT_PAGE_SIZE = 500;
const DEFAULT_MAX_BATCH_SIZE = 500;
const NO_IDS = { idsFrom: () => [], revisionOf: () => undefined };

class SqliteStore implements SqliteEventStore {
  readonly kind = 'sqlite' as const;
  readonly file: string;
  readonly synchronous: SynchronousMode;
  private readonly queries: Queries;
  private readonly writer: GroupCommit;
  private readonly ctx: ReadContext;
  private readonly now: () => Date;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  /** Fsyncs the WAL off the event loop for FULL durability on a file; see wal-sync.ts. */
  private readonly walSync: WalSync | undefined;
  /** What the batch being committed changed, to wake only the subscriptions it concerns. */
  private changed = noChanges();
  private closed = false;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly db: Database.Database,
    options: SqliteEventStoreOptions,
  ) {
    this.file = options.file;
    const walFile = walFileFor(options.file, options.synchronous ?? 'FULL');
    this.walSync = walFile ? new WalSync(db, walFile) : undefined;
    // SQLite reports 1 for NORMAL and 2 for FULL (0, OFF, when WalSync does the fsync).
    this.synchronous = Number(db.pragma('synchronous', { simple: true })) === 1 ? 'NORMAL' : 'FULL';
    this.now = options.now ?? (() => new Date());
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    this.queries = new Queries(db);
    this.ctx = {
      queries: this.queries,
      pageSize,
      scanWindow: BigInt(pageSize) * 20n,
      now: this.now,
      guard: (query) => this.guard(query),
    };
    this.writer = new GroupCommit(db, {
      maxBatchSize: options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE,
      ...(this.walSync ? { durable: this.walSync.barrier.bind(this.walSync) } : {}),
      onCommit: (info) => {
        if (this.changed.streams.size > 0) {
          const changed = this.changed;
          this.changed = noChanges();
          for (const subscription of this.subscriptions) subscription.notifyCommit(changed);
        }
        options.onGroupCommit?.(info);
      },
    });
  }

  async appendToStream(
    stream: string,
    events: EventToAppend[],
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<AppendResult> {
    // Everything before submit runs synchronously at the call, so close() can still flush it.
    this.assertOpen();
    const encoded = encodeEvents(stream, events);
    const expected = options.expectedRevision ?? 'any';
    if (encoded.length === 0) return this.writer.submit(() => this.checkOnly(stream, expected));
    return this.writer.submit(() => this.appendNow(stream, encoded, expected));
  }

  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return readStream(this.ctx, stream, options);
  }

  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return readAll(this.ctx, options);
  }

  /** $all in pages of many events, for a rebuild of the read models (bulk-read.ts). */
  readAllBatches(options: BatchReadOptions): AsyncIterable<RecordedEvent[]> {
    return readAllBatches(this.ctx, options);
  }

  subscribeToStream(
    stream: string,
    handlers: SubscriptionHandlers,
    options: SubscribeToStreamOptions = {},
  ): Subscription {
    const from = options.from ?? 'start';
    // 'end' is resolved now, synchronously, so nothing written after this call is missed.
    const cursor =
      from === 'start'
        ? -1n
        : from === 'end'
          ? this.guard(() => this.queries.stream(stream).lastRevision)
          : from;
    return this.track(streamPages(this.ctx, stream), cursor, handlers);
  }

  subscribeToAll(
    handlers: SubscriptionHandlers,
    options: SubscribeToAllOptions = {},
  ): Subscription {
    const from = options.from ?? 'start';
    const pages = allPages(this.ctx, checkFilter(options.filter));
    const cursor =
      from === 'start' ? 0n : from === 'end' ? this.guard(() => this.queries.lastPosition()) : from;
    return this.track(pages, cursor, handlers);
  }

  getStreamMetadata(stream: string): Promise<StreamMetadata> {
    return settle(() => {
      const info = this.guard(() => this.queries.stream(stream));
      if (info.tombstoned) throw new StreamDeleted(stream);
      return info.metadata;
    });
  }

  async setStreamMetadata(stream: string, metadata: StreamMetadata): Promise<void> {
    this.assertOpen();
    const checked = checkMetadata(metadata);
    await this.writer.submit(() => {
      if (this.queries.stream(stream).tombstoned) throw new StreamDeleted(stream);
      this.queries.setMetadata(stream, checked);
      // maxCount and truncateBefore change what a stream subscription may still deliver.
      this.changed.streams.add(stream);
    });
  }

  async scavengeStream(stream: string): Promise<number> {
    this.assertOpen();
    return this.writer.submit(() => {
      const info = this.queries.stream(stream);
      if (!info.known || info.tombstoned) return 0;
      return this.queries.removeBefore(stream, firstVisibleRevision(info));
    });
  }

  async deleteStream(
    stream: string,
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<void> {
    this.assertOpen();
    await this.writer.submit(() => {
      const info = this.queries.stream(stream);
      checkExpectedRevision(stream, info, options.expectedRevision ?? 'any', [], NO_IDS);
      // Deleting a stream that never existed succeeds and leaves nothing behind, as in ESDB.
      if (info.known) this.queries.softDelete(stream, info.lastRevision);
    });
  }

  async tombstoneStream(
    stream: string,
    options: { expectedRevision?: ExpectedRevision } = {},
  ): Promise<void> {
    this.assertOpen();
    await this.writer.submit(() => {
      const info = this.queries.stream(stream);
      checkExpectedRevision(stream, info, options.expectedRevision ?? 'any', [], NO_IDS);
      this.queries.tombstone(stream);
      // Wakes the stream's subscriptions, which then stop with StreamDeleted.
      this.changed.streams.add(stream);
    });
  }

  ping(): Promise<void> {
    return settle(() => {
      this.guard(() => this.queries.lastPosition());
    });
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    this.closed = true;
    // Appends already accepted are committed, not dropped, and their writers told.
    this.writer.flush();
    await this.writer.settled();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.walSync?.close();
    this.db.close();
  }

  /**
   * Runs inside the group commit's transaction (see group-commit.ts: it may run twice, and
   * whatever it throws after writing is undone by a savepoint on the second run).
   */
  private appendNow(
    stream: string,
    events: EncodedEvent[],
    expected: ExpectedRevision,
  ): AppendResult {
    const info = this.queries.stream(stream);
    const ids = events.map((event) => event.id);
    const stored = {
      idsFrom: (from: bigint, count: number) => this.queries.idsFrom(stream, from, count),
      revisionOf: (id: string) => this.queries.revisionOf(stream, id),
    };
    // With 'any' and 'stream_exists' the check looks the first id up, to spot a retry. The
    // UNIQUE (stream, event_id) index answers that anyway when the first event is inserted, so
    // the lookup is only made once the insert says the id is already there (nothing of this
    // append is written then: a failed statement leaves no row).
    const lookUpLater = expected === 'any' || expected === 'stream_exists';
    const check = checkExpectedRevision(
      stream,
      info,
      expected,
      ids,
      lookUpLater ? { idsFrom: stored.idsFrom, revisionOf: () => undefined } : stored,
    );
    if (check.outcome === 'idempotent') return this.original(stream, check.lastRevision);
    const created = this.now().toISOString();
    let revision = info.lastRevision;
    let position = 0n;
    for (const [i, event] of events.entries()) {
      revision += 1n;
      try {
        position = this.queries.insertEvent(stream, revision, event, created);
      } catch (error) {
        if (!(error instanceof Database.SqliteError) || !error.message.includes('event_id')) {
          throw error;
        }
        if (i === 0 && lookUpLater) {
          const retry = checkExpectedRevision(stream, info, expected, ids, stored);
          if (retry.outcome === 'idempotent') return this.original(stream, retry.lastRevision);
        }
        // An id already in the stream, at another place: the append overlaps an earlier one.
        const actual = info.lastRevision < 0n ? 'no_stream' : info.lastRevision;
        throw new WrongExpectedVersion(stream, expected, actual);
      }
    }
    this.queries.setLastRevision(stream, revision, info.known);
    this.changed.streams.add(stream);
    for (const event of events) this.changed.types.add(event.type);
    return { nextExpectedRevision: revision, position };
  }

  /** The answer the append that a retry repeats was given. */
  private original(stream: string, lastRevision: bigint): AppendResult {
    return {
      nextExpectedRevision: lastRevision,
      position: this.queries.positionAt(stream, lastRevision),
    };
  }

  /**
   * An empty append writes nothing and only checks the expectation, as EventStoreDB does.
   * There is no written event, so the position is -1n (as in the EventStoreDB adapter).
   */
  private checkOnly(stream: string, expected: ExpectedRevision): AppendResult {
    const info = this.queries.stream(stream);
    checkExpectedRevision(stream, info, expected, [], NO_IDS);
    return { nextExpectedRevision: info.lastRevision, position: -1n };
  }

  private track(
    pages: ReturnType<typeof allPages>,
    cursor: bigint,
    handlers: SubscriptionHandlers,
  ): Subscription {
    this.assertOpen();
    const subscription = new CatchUpSubscription(pages, cursor, handlers, (stopped) =>
      this.subscriptions.delete(stopped),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  private guard<T>(query: () => T): T {
    this.assertOpen();
    try {
      return query();
    } catch (error) {
      if (error instanceof Database.SqliteError) {
        throw new StoreUnavailable('The SQLite event store could not be read', { cause: error });
      }
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailable('The SQLite event store is closed');
  }
}

function noChanges(): { streams: Set<string>; types: Set<string> } {
  return { streams: new Set(), types: new Set() };
}

/** Runs a synchronous query as a promise, so failures reject instead of throwing at the call. */
function settle<T>(query: () => T): Promise<T> {
  return new Promise((resolve) => resolve(query()));
}
