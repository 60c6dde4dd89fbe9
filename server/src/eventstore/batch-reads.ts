// $all handed over a page at a time, for a rebuild of the read models: one await per few
// thousand events instead of one per event. A store may read such pages natively (the SQLite
// adapter does, sqlite/bulk-read.ts); `batchesOf` gathers any other store's `readAll` into them.
import type { EventFilter, EventStore, RecordedEvent } from './port.js';

export interface BatchReadOptions {
  /** Exclusive: events after this position (default: from the start). */
  after?: bigint;
  filter?: EventFilter;
  /** Events per page (the last may be shorter). */
  batchSize: number;
}

/** A store that can hand over $all in pages. */
export interface BatchReads {
  readAllBatches(options: BatchReadOptions): AsyncIterable<RecordedEvent[]>;
}

export const hasBatchReads = (store: EventStore): store is EventStore & BatchReads =>
  typeof (store as Partial<BatchReads>).readAllBatches === 'function';

/** Any store's `readAll`, gathered into pages of `batchSize`. */
export async function* batchesOf(
  store: EventStore,
  options: BatchReadOptions,
): AsyncGenerator<RecordedEvent[], void, undefined> {
  if (hasBatchReads(store)) {
    yield* store.readAllBatches(options);
    return;
  }
  let batch: RecordedEvent[] = [];
  for await (const event of store.readAll({
    fromPosition: options.after === undefined ? 'start' : options.after + 1n,
    ...(options.filter ? { filter: options.filter } : {}),
  })) {
    batch.push(event);
    if (batch.length >= options.batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
