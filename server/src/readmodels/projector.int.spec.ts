// The projector catches up in batches, one transaction each, and then follows live events; a
// batch that fails leaves the read models at the last committed batch, and a restart goes on
// from there without applying anything twice.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventStore, RecordedEvent } from '../eventstore/port.js';
import { openSqliteEventStore } from '../eventstore/sqlite/sqlite-event-store.js';
import { createLogger } from '../observability/logger.js';
import type { Projection } from './projection.js';
import { Projector } from './projector.js';
import { openReadModelDb, type ReadModelDb } from './read-model-db.js';

const logger = createLogger('silent');

/** Records every event it is given, in a table, so the test can see what was committed. */
function seen(failAt?: number): Projection {
  return {
    name: 'seen',
    migrate: (db) =>
      db.exec('CREATE TABLE IF NOT EXISTS seen (position INTEGER PRIMARY KEY, n INTEGER NOT NULL)'),
    reset: (db) => db.exec('DROP TABLE IF EXISTS seen'),
    apply: (db, event: RecordedEvent) => {
      const n = (event.data as { n: number }).n;
      if (n === failAt) throw new Error(`projection broke at event ${n}`);
      db.prepare('INSERT INTO seen (position, n) VALUES (?, ?)').run(event.position!, n);
    },
  };
}

describe('Projector', () => {
  let store: EventStore;
  let db: ReadModelDb;

  beforeEach(async () => {
    store = openSqliteEventStore({ file: ':memory:' });
    db = openReadModelDb(':memory:');
    for (let n = 0; n < 1_200; n += 100) {
      await store.appendToStream(
        `counted-${n}`,
        Array.from({ length: 100 }, (_, i) => ({
          id: randomUUID(),
          type: 'Counted',
          data: { n: n + i },
        })),
      );
    }
  });

  afterEach(async () => {
    await store.close();
    db.close();
  });

  const numbers = () => db.prepare('SELECT n FROM seen ORDER BY position').pluck().all();
  const storedCheckpoint = () =>
    db.prepare("SELECT position FROM checkpoints WHERE projector = 'main'").pluck().get();

  it('catches up on the whole history, then applies new events as they come', async () => {
    const projector = new Projector({ store, db, projections: [seen()], logger });
    await projector.start();
    expect(numbers()).toEqual(Array.from({ length: 1_200 }, (_, n) => n));
    expect(projector.checkpoint).toBe(1_200n);

    const { position } = await store.appendToStream('counted-late', [
      { id: randomUUID(), type: 'Counted', data: { n: 1_200 } },
    ]);
    await projector.waitFor(position);
    expect(numbers()).toHaveLength(1_201);
    expect(storedCheckpoint()).toBe(String(position));
    await projector.stop();
  });

  it('keeps the batches committed before a failure and resumes after them', async () => {
    const broken = new Projector({ store, db, projections: [seen(777)], logger });
    await expect(broken.start()).rejects.toThrow('projection broke at event 777');
    await broken.stop();
    // Events 0–499 were one batch and committed; 500–999 failed together and left nothing.
    expect(numbers()).toEqual(Array.from({ length: 500 }, (_, n) => n));
    expect(storedCheckpoint()).toBe('500');

    const fixed = new Projector({ store, db, projections: [seen()], logger });
    await fixed.start();
    expect(numbers()).toEqual(Array.from({ length: 1_200 }, (_, n) => n));
    await fixed.stop();
  });
});
