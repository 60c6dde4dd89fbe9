// Rebuilds the read models from nothing: drops every projection's tables and the checkpoint,
// then replays the whole log into them. The projector applies the history in large batches, one
// transaction each (nothing reads the database meanwhile, and every commit rewrites the pages it
// touched), each committed with its checkpoint, so an interrupted rebuild leaves a consistent
// prefix that the server simply continues from.
import type { EventStore } from '../eventstore/port.js';
import type { Logger } from '../observability/logger.js';
import type { Projection } from './projection.js';
import { Projector } from './projector.js';
import { createProjections, readModelFilter } from './projections/index.js';
import { contextOf } from './projections/projection-kit.js';
import type { ReadModelDb } from './read-model-db.js';

/** Events per transaction in a rebuild: big enough that commits cost little next to applying. */
const REBUILD_BATCH = 20_000;

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
}

/** Where a rebuild's time went, in ms of wall time. */
export interface RebuildTimings {
  /** In each projection's `apply`, by projection name. */
  projections: Record<string, number>;
  /** Everything else: reading and decoding the log, transactions and their commits. */
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
 * Wraps projections to add up the time spent in each one's `apply`. Decoding an event (parsing
 * it against its schema, once for all projections) is timed apart, ahead of them.
 */
function timed(projections: Projection[], spent: Record<string, number>): Projection[] {
  const decode: Projection = {
    name: 'decode',
    migrate: () => undefined,
    reset: () => undefined,
    apply: (_db, event) => void contextOf(event),
  };
  return [decode, ...projections].map((projection) => ({
    name: projection.name,
    migrate: (db) => projection.migrate(db),
    reset: (db) => projection.reset(db),
    apply(db, event) {
      const started = performance.now();
      try {
        return projection.apply(db, event);
      } finally {
        spent[projection.name] = (spent[projection.name] ?? 0) + performance.now() - started;
      }
    },
  }));
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
  let events = 0;
  // Rides along after the real projections to count what was replayed.
  const counter: Projection = {
    name: 'rebuild-counter',
    migrate: () => undefined,
    reset: () => undefined,
    apply: () => {
      events += 1;
    },
  };
  const spent: Record<string, number> = {};
  const projections = options.timeProjections
    ? timed(createProjections(), spent)
    : createProjections();
  const projector = new Projector({
    store,
    db,
    projections: [...projections, counter],
    filter: readModelFilter,
    logger,
    catchUpBatch: REBUILD_BATCH,
  });
  projector.reset();
  const report = () => onProgress?.(projector.checkpoint ?? 0n, head);
  const timer = setInterval(report, options.progressIntervalMs ?? 200);
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${-REBUILD_CACHE_KIB}`);
  try {
    await projector.start();
  } finally {
    clearInterval(timer);
    db.pragma(`cache_size = ${cacheSize}`);
    await projector.stop();
  }
  // Events filtered out (the text's updates) never arrive, so the last one applied may sit
  // below the head; the replay has still covered the whole log.
  onProgress?.(head, head);
  const seconds = (performance.now() - started) / 1000;
  const applying = Object.values(spent).reduce((sum, ms) => sum + ms, 0);
  return {
    events,
    position: projector.checkpoint,
    head,
    seconds,
    ...(options.timeProjections
      ? { timings: { projections: spent, readAndCommit: seconds * 1000 - applying } }
      : {}),
  };
}
