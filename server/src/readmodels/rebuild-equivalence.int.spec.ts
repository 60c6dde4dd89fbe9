// A rebuild (big pages, bulk builders, no changes described) must leave exactly the rows that
// the live projector leaves, applying one event at a time as they are appended. Both are run
// over the demo negotiation plus positions restated and withdrawn back and forth, and every
// table a rebuild creates is compared row for row, with transactions small enough that such a
// restatement and its withdrawal fall on either side of a commit, and transactions of several
// pages.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaVersionOf, type AccordEvent } from '@accord/shared';
import type { AccordCore } from '../core.js';
import { seedDemo } from '../demo/seed-demo.js';
import { sqliteFile } from '../eventstore/open-event-store.js';
import type { EventStore } from '../eventstore/port.js';
import { openSqliteEventStore } from '../eventstore/sqlite/sqlite-event-store.js';
import { createLogger } from '../observability/logger.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { createTestCore } from '../test-support/test-core.js';
import { createReadModels } from './read-models.js';
import { openReadModelDb, type ReadModelDb } from './read-model-db.js';
import { rebuildReadModels } from './rebuild.js';

const logger = createLogger('silent');
const NOW = new Date('2026-05-14T10:30:00.000Z');
const SEED_ID = '0c5e8f31-6a2d-4b9e-8f10-7d3c2b1a9e44';

/** Tables a rebuild creates (FTS5 shadow tables excepted: their segments follow the commits). */
function projectedTables(db: ReadModelDb): string[] {
  const rows = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT GLOB '*_fts_*' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return rows;
}

/**
 * Every row of a table, as sorted JSON lines: row order and rowids are not part of the model.
 * Of the checkpoints, only the projector's: the reactors keep theirs in the same table.
 */
function rowsOf(db: ReadModelDb, table: string): string[] {
  const where = table === 'checkpoints' ? ` WHERE projector = 'main'` : '';
  return db
    .prepare(`SELECT * FROM "${table}"${where}`)
    .all()
    .map((row) =>
      JSON.stringify(row, (_key, value: unknown) =>
        typeof value === 'bigint' ? value.toString() : value,
      ),
    )
    .sort();
}

/** Positions stated, restated and withdrawn on one target, so pages cut through the sequence. */
async function restatePositions(store: EventStore, documentId: string, stakeholders: string[]) {
  const target = { kind: 'paragraph' as const, id: randomUUID() };
  const chair = randomUUID();
  let clock = NOW.getTime();
  const at = () => new Date((clock += 1_000)).toISOString();
  const append = (event: AccordEvent) =>
    store.appendToStream(`positions-${documentId}`, [
      {
        type: event.type,
        data: event.data,
        metadata: { occurredAt: at(), schemaVersion: schemaVersionOf(event.type), userId: chair },
      },
    ]);
  for (let round = 0; round < 12; round++) {
    for (const [i, stakeholderId] of stakeholders.entries()) {
      if ((round + i) % 3 === 2) {
        await append({
          type: 'PositionWithdrawn',
          data: { documentId, target, stakeholderId, withdrawnBy: chair, withdrawnAt: at() },
        });
      } else {
        await append({
          type: 'PositionStated',
          data: {
            documentId,
            target,
            stakeholderId,
            stance: round % 2 === 0 ? 'support' : 'reservation',
            statement: `Round ${round}`,
            statedBy: chair,
            statedAt: at(),
          },
        });
      }
    }
  }
}

describe('a rebuild against the live projector', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let core: AccordCore | undefined;
  let store: EventStore;
  let live: ReadModelDb;

  beforeAll(async () => {
    temp = await makeTempDir();
    core = await createTestCore(temp.dir);
    const seeded = await seedDemo(core, { now: NOW, seedId: SEED_ID });
    const stakeholders = core.readModels.db
      .prepare('SELECT stakeholder_id FROM stakeholders WHERE negotiation_id = ? LIMIT 5')
      .pluck()
      .all(seeded.negotiationId) as string[];
    await restatePositions(core.store, seeded.documentId, stakeholders);
    await core.close();
    core = undefined;
    // Whatever the live subscription had not applied yet, the per-event catch-up applies now.
    store = openSqliteEventStore({ file: sqliteFile(temp.dir), synchronous: 'NORMAL' });
    const readModels = createReadModels({ store, dataDir: temp.dir, logger });
    await readModels.start();
    await readModels.stop();
    live = openReadModelDb(`${temp.dir}/readmodels.sqlite`);
  }, 180_000);

  afterAll(async () => {
    live?.close();
    await core?.close();
    await store?.close();
    await temp?.remove();
  });

  it.each([
    { batchSize: 7, pageSize: 7 },
    { batchSize: 50, pageSize: 7 },
    { batchSize: 500, pageSize: 120 },
    { batchSize: 20_000, pageSize: 2_000 },
  ])('writes the same rows, $batchSize events a transaction, $pageSize a page', async (sizes) => {
    const rebuilt = openReadModelDb(':memory:');
    const result = await rebuildReadModels({ store, db: rebuilt, logger, ...sizes });
    expect(result.events).toBeGreaterThan(300);
    const tables = projectedTables(rebuilt);
    expect(tables).toEqual(expect.arrayContaining(['activity', 'positions', 'position_history']));
    for (const table of tables) {
      const expected = rowsOf(live, table);
      expect({ table, rows: rowsOf(rebuilt, table) }).toEqual({ table, rows: expected });
    }
    // The demo's positions and the restatements above are all there, withdrawn ones gone.
    expect(rowsOf(rebuilt, 'position_history').length).toBeGreaterThan(60);
    rebuilt.close();
  });

  it('keeps what it committed when an event further on cannot be read', async () => {
    const broken = openSqliteEventStore({ file: ':memory:' });
    const documentId = randomUUID();
    const stakeholders = Array.from({ length: 5 }, () => randomUUID());
    await restatePositions(broken, documentId, stakeholders);
    // A registered type whose data fails its schema: a rebuild must stop, never skip it.
    await broken.appendToStream(`positions-${documentId}`, [
      { type: 'PositionStated', data: { documentId } },
    ]);
    const db = openReadModelDb(':memory:');
    await expect(
      rebuildReadModels({ store: broken, db, logger, batchSize: 25, pageSize: 5 }),
    ).rejects.toThrow();
    expect(db.inTransaction).toBe(false);
    // Two transactions of 25 committed; the events after them rolled back with the third.
    expect(db.prepare('SELECT COUNT(*) FROM position_history').pluck().get()).toBe(50);
    const checkpoint = db.prepare('SELECT position FROM checkpoints').pluck().get();
    expect(checkpoint).toBe('50');
    db.close();
    await broken.close();
  });
});
