// Rebuilds the read models from nothing: drops every projection's tables and the checkpoint,
// then replays the whole log into them. The projector applies the history a page of events per
// transaction, each committed with its checkpoint, so an interrupted rebuild leaves a consistent
// prefix that the server simply continues from.
import type { EventStore } from '../eventstore/port.js';
import type { Logger } from '../observability/logger.js';
import type { Projection } from './projection.js';
import { Projector } from './projector.js';
import { createProjections, readModelFilter } from './projections/index.js';
import type { ReadModelDb } from './read-model-db.js';

export interface RebuildOptions {
  store: EventStore;
  /** The read-model database; nothing else may be projecting into it meanwhile. */
  db: ReadModelDb;
  logger: Logger;
  /** Told now and then how far the replay is: the last position applied and the log's head. */
  onProgress?: (position: bigint, head: bigint) => void;
  /** How often `onProgress` is called, in ms. Default 200. */
  progressIntervalMs?: number;
}

export interface RebuildResult {
  /** Events the projections were given (those of the streams the read models read). */
  events: number;
  /** The last position applied; undefined for an empty log. */
  position: bigint | undefined;
  /** The log's head when the rebuild started. */
  head: bigint;
  seconds: number;
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
  const projector = new Projector({
    store,
    db,
    projections: [...createProjections(), counter],
    filter: readModelFilter,
    logger,
  });
  projector.reset();
  const report = () => onProgress?.(projector.checkpoint ?? 0n, head);
  const timer = setInterval(report, options.progressIntervalMs ?? 200);
  try {
    await projector.start();
  } finally {
    clearInterval(timer);
    await projector.stop();
  }
  // Events filtered out (the text's updates) never arrive, so the last one applied may sit
  // below the head; the replay has still covered the whole log.
  onProgress?.(head, head);
  return {
    events,
    position: projector.checkpoint,
    head,
    seconds: (performance.now() - started) / 1000,
  };
}
