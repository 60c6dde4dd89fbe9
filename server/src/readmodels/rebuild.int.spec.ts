import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, type EventStore } from '../eventstore/port.js';
import { openSqliteEventStore } from '../eventstore/sqlite/sqlite-event-store.js';
import { createLogger } from '../observability/logger.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { createProjections, readModelFilter } from './projections/index.js';
import { createReadModels } from './read-models.js';
import { openReadModelDb, readModelFile } from './read-model-db.js';
import { headPosition, rebuildReadModels } from './rebuild.js';
import {
  seedNegotiation,
  snapshotQueries,
  type Scenario,
} from './test-support/negotiation-scenario.js';

const logger = createLogger('silent');

describe('rebuildReadModels', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let store: EventStore;
  let scenario: Scenario;

  beforeAll(async () => {
    temp = await makeTempDir();
    store = openSqliteEventStore({ file: `${temp.dir}/events.sqlite`, synchronous: 'NORMAL' });
    // Written before any read model runs: the first start projects the whole log.
    scenario = await seedNegotiation(store);
    await store.appendToStream(`doctext-${scenario.documentId}`, [
      { type: 'TextUpdated', data: new Uint8Array([1]) },
    ]);
  });

  afterAll(async () => {
    await store.close();
    await temp.remove();
  });

  it('replays the log into identical query results, dropping whatever was there', async () => {
    const first = createReadModels({ store, dataDir: temp.dir, logger });
    await first.start();
    const expected = snapshotQueries(first.queries, scenario);
    const checkpoint = first.projector.checkpoint;
    // A row no event accounts for: a rebuild must not keep it.
    first.db
      .prepare(
        `INSERT INTO activity (position, negotiation_id, at, kind, event_type, entry)
         VALUES (999999, ?, '2026-01-01T00:00:00.000Z', 'bogus', 'Bogus', '{"type":"Bogus"}')`,
      )
      .run(scenario.negotiationId);
    await first.stop();

    const db = openReadModelDb(readModelFile(temp.dir));
    const progress: [bigint, bigint][] = [];
    const result = await rebuildReadModels({
      store,
      db,
      logger,
      onProgress: (position, head) => progress.push([position, head]),
      progressIntervalMs: 1,
    });
    db.close();

    const projected = await collect(store.readAll({ filter: readModelFilter }));
    const head = await headPosition(store);
    expect(result).toMatchObject({ events: projected.length, position: checkpoint, head });
    expect(result.seconds).toBeGreaterThan(0);
    expect(head).toBeGreaterThan(checkpoint!); // the text's update is past the last projected event
    expect(progress.at(-1)).toEqual([head, head]);

    const second = createReadModels({ store, dataDir: temp.dir, logger });
    await second.start();
    expect(second.projector.checkpoint).toBe(checkpoint);
    expect(snapshotQueries(second.queries, scenario)).toEqual(expected);
    await second.stop();
  });

  it('times each projection when asked, building the same read models', async () => {
    const db = openReadModelDb(':memory:');
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    const result = await rebuildReadModels({ store, db, logger, timeProjections: true });
    const timed = Object.keys(result.timings!.projections);
    expect(timed).toEqual(['decode', ...createProjections().map((p) => p.name)]);
    expect(result.timings!.readAndCommit).toBeGreaterThanOrEqual(0);
    // The page cache is back to what it was once the rebuild is over.
    expect(db.pragma('cache_size', { simple: true })).toBe(cacheSize);
    db.close();
  });

  it('reports the head of an empty log as 0', async () => {
    const empty = openSqliteEventStore({ file: ':memory:' });
    expect(await headPosition(empty)).toBe(0n);
    const db = openReadModelDb(':memory:');
    const result = await rebuildReadModels({ store: empty, db, logger });
    expect(result).toMatchObject({ events: 0, position: undefined, head: 0n });
    db.close();
    await empty.close();
  });
});
