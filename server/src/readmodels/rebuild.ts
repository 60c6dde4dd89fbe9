// Rebuilds the read models from nothing: drops every projection's tables and the checkpoint,
// then replays the whole log into them. The log is read in pages of a few thousand events,
// each event decoded once, and applied in transactions of many pages, each committed with its
// checkpoint (nothing reads the database meanwhile, and every commit rewrites the pages it
// touched), so an interrupted rebuild leaves a consistent prefix that the server simply
// continues from. Nobody listens to a rebuild's changes, so none are described. Positions keep
// each key's latest row in memory and write it once per transaction; the activity feed writes
// its lines without building the live layer's changes; the others apply as live.
// On the replay bench (20k record events) SQLite's own writes and commits are about half of
// the time: about 1.3 KB of rows and index entries per event. Fewer or narrower rows would
// change that; batching the same rows differently did not (measured).
import { batchesOf } from '../eventstore/batch-reads.js';
import type { EventStore, RecordedEvent } from '../eventstore/port.js';
import type { Logger } from '../observability/logger.js';
import type { BulkBuilder, Projection } from './projection.js';
import { Projector } from './projector.js';
import { createProjections, readModelFilter } from './projections/index.js';
import { contextOf } from './projections/projection-kit.js';
import type { ReadModelDb } from './read-model-db.js';

/** Events per transaction: big enough that commits cost little per event. */
const REBUILD_BATCH = 20_000;
/** Events per page read: a query costs little per event, and the page is soon garbage. */
const REBUILD_PAGE = 2_000;

export interface RebuildOptions {
  store: EventStore;
  /** The read-model database; nothing else may be projecting into it meanwhile. */
  db: ReadModelDb;
  logger: Logger;
  /** Told now and then how far the replay is: the last position applied and the log's head. */
  onProgress?: (position: bigint, head: bigint) => void;
  /** How often `onProgress` is called, in ms. Default 200. */
  progressIntervalMs?: number;
  /** Times each projection (for the bench): `RebuildResult.timings`. Costs a little. */
  timeProjections?: boolean;
  /** Events per transaction (default `REBUILD_BATCH`); tests pass small ones. */
  batchSize?: number;
  /** Events per page read from the log (default `REBUILD_PAGE`, at most `batchSize`). */
  pageSize?: number;
}

/** Where a rebuild's time went, in ms of wall time. */
export interface RebuildTimings {
  /** Applying events, by projection name, `decode` apart. */
  projections: Record<string, number>;
  /** Bulk builders writing what they kept at the end of each page, by projection name. */
  writes: Record<string, number>;
  /** Reading pages of the log (the query and turning rows into events). */
  read: number;
  /** The transactions' own cost beyond applying: mostly their commits. */
  commit: number;
  /** `read` + `commit` + whatever else is not applying (kept for older reports). */
  readAndCommit: number;
}

export interface RebuildResult {
  /** Events the projections were given (those of the streams the read models read). */
  events: number;
  /** The last position applied; undefined for an empty log. */
  position: bigint | undefined;
  /** The log's head when the rebuild started. */
  head: bigint;
  seconds: number;
  /** Set when asked with `timeProjections`. */
  timings?: RebuildTimings;
}

/** Page cache while rebuilding (KiB, as SQLite's negative cache_size): the indexes stay in memory. */
const REBUILD_CACHE_KIB = 65_536;
/**
 * WAL pages before SQLite checkpoints while rebuilding (1,000 otherwise). Every checkpoint
 * fsyncs, and a rebuild writes about 1 KB per event: one checkpoint at the end syncs it once.
 */
const REBUILD_WAL_PAGES = 65_536;

const addTo = (spent: Record<string, number>, name: string, started: number) => {
  spent[name] = (spent[name] ?? 0) + performance.now() - started;
};

interface Spent {
  projections: Record<string, number>;
  writes: Record<string, number>;
}

function timedBuilder(builder: BulkBuilder, name: string, spent: Spent) {
  return {
    apply(event: RecordedEvent) {
      const started = performance.now();
      try {
        builder.apply(event);
      } finally {
        addTo(spent.projections, name, started);
      }
    },
    flush() {
      const started = performance.now();
      try {
        builder.flush();
      } finally {
        addTo(spent.writes, name, started);
      }
    },
  };
}

/**
 * Wraps projections to add up the time spent in each one's `apply` (or bulk builder).
 * Decoding an event (parsing it against its schema, once for all projections) is timed apart,
 * ahead of them.
 */
function timed(projections: Projection[], spent: Spent): Projection[] {
  const decode: Projection = {
    name: 'decode',
    migrate: () => undefined,
    reset: () => undefined,
    apply: (_db, event) => void contextOf(event),
  };
  return [decode, ...projections].map((projection) => {
    const { name } = projection;
    return {
      name,
      migrate: (db) => projection.migrate(db),
      reset: (db) => projection.reset(db),
      apply(db, event) {
        const started = performance.now();
        try {
          return projection.apply(db, event);
        } finally {
          addTo(spent.projections, name, started);
        }
      },
      ...(projection.bulk
        ? { bulk: (db: ReadModelDb) => timedBuilder(projection.bulk!(db), name, spent) }
        : {}),
    };
  });
}

/** The head of the log: the position of its last event, 0 when empty. */
export async function headPosition(store: EventStore): Promise<bigint> {
  for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) {
    return event.position ?? 0n;
  }
  return 0n;
}

export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildResult> {
  const { store, db, logger, onProgress } = options;
  const started = performance.now();
  const head = await headPosition(store);
  const spent: Spent = { projections: {}, writes: {} };
  const projections = options.timeProjections
    ? timed(createProjections(), spent)
    : createProjections();
  const projector = new Projector({
    store,
    db,
    projections,
    filter: readModelFilter,
    logger,
  });
  projector.reset();
  const report = () => onProgress?.(projector.checkpoint ?? 0n, head);
  const timer = setInterval(report, options.progressIntervalMs ?? 200);
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${-REBUILD_CACHE_KIB}`);
  const walPages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`wal_autocheckpoint = ${REBUILD_WAL_PAGES}`);
  let events = 0;
  let reading = 0;
  let replaying = 0;
  const batchSize = options.batchSize ?? REBUILD_BATCH;
  const pageSize = options.pageSize ?? Math.min(REBUILD_PAGE, batchSize);
  const timedReplay = (replay: () => void) => {
    const started = performance.now();
    replay();
    replaying += performance.now() - started;
  };
  try {
    const pages = batchesOf(store, { filter: readModelFilter, batchSize: pageSize });
    let uncommitted = 0;
    for (let read = performance.now(); ; read = performance.now()) {
      const page = await pages.next();
      reading += performance.now() - read;
      if (page.done) break;
      timedReplay(() => projector.replayPage(page.value));
      events += page.value.length;
      uncommitted += page.value.length;
      if (uncommitted >= batchSize) {
        timedReplay(() => projector.commitReplay());
        uncommitted = 0;
      }
    }
    timedReplay(() => {
      projector.commitReplay();
      db.pragma('wal_checkpoint(TRUNCATE)');
    });
  } catch (error) {
    projector.abortReplay();
    throw error;
  } finally {
    clearInterval(timer);
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`wal_autocheckpoint = ${walPages}`);
    await projector.stop();
  }
  // Events filtered out (the text's updates) never arrive, so the last one applied may sit
  // below the head; the replay has still covered the whole log.
  onProgress?.(head, head);
  const seconds = (performance.now() - started) / 1000;
  const applying = [spent.projections, spent.writes]
    .flatMap((times) => Object.values(times))
    .reduce((sum, ms) => sum + ms, 0);
  return {
    events,
    position: projector.checkpoint,
    head,
    seconds,
    ...(options.timeProjections
      ? {
          timings: {
            ...spent,
            read: reading,
            commit: replaying - applying,
            readAndCommit: seconds * 1000 - applying,
          },
        }
      : {}),
  };
}
