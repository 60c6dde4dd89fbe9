// The SQLite file itself: WAL mode, the durability pragma, where it is created, and that it
// keeps its events and positions across a restart.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreUnavailable } from '../errors.js';
import { collect } from '../port.js';
import { openDatabase, SCHEMA_VERSION } from './schema.js';
import { openSqliteEventStore } from './sqlite-event-store.js';

const oneEvent = () => [{ id: randomUUID(), type: 'Happened', data: { at: 'now' } }];

describe('the SQLite event store file', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'accord-sqlite-file-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates missing directories and writes in WAL mode', async () => {
    const file = join(dir, 'nested', 'deeper', 'accord.sqlite');
    const store = openSqliteEventStore({ file });
    await store.appendToStream('s', oneEvent());
    expect(existsSync(`${file}-wal`)).toBe(true);
    await store.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('is FULL-synchronous by default and NORMAL when asked', async () => {
    const full = openSqliteEventStore({ file: join(dir, 'full.sqlite') });
    const normal = openSqliteEventStore({
      file: join(dir, 'normal.sqlite'),
      synchronous: 'NORMAL',
    });
    expect(full.synchronous).toBe('FULL');
    expect(normal.synchronous).toBe('NORMAL');
    await Promise.all([full.close(), normal.close()]);
    const db = openDatabase(join(dir, 'direct.sqlite'), 'NORMAL');
    expect(Number(db.pragma('synchronous', { simple: true }))).toBe(1);
    db.close();
  });

  it('keeps events across a restart, and positions keep increasing', async () => {
    const file = join(dir, 'accord.sqlite');
    const first = openSqliteEventStore({ file });
    const before = await first.appendToStream('kept', oneEvent());
    await first.close();
    const second = openSqliteEventStore({ file });
    expect(await collect(second.readStream('kept'))).toHaveLength(1);
    const after = await second.appendToStream('kept', oneEvent(), { expectedRevision: 0n });
    expect(after.position).toBeGreaterThan(before.position);
    await second.close();
  });

  /** Turns a current file back into one of `version`, which lacked `index`. */
  const asOlderSchema = (file: string, version: number, index: string) => {
    const raw = new Database(file);
    raw.exec(`DROP INDEX ${index}`);
    raw.pragma(`user_version = ${version}`);
    raw.close();
  };

  it('gives a file of schema version 1 the category index, keeping its events', async () => {
    const file = join(dir, 'v1.sqlite');
    const first = openSqliteEventStore({ file });
    await first.appendToStream('document-1', oneEvent());
    await first.close();
    asOlderSchema(file, 1, 'events_by_category');
    const second = openSqliteEventStore({ file });
    const filter = { on: 'streamName' as const, prefixes: ['document-'] };
    expect(await collect(second.readAll({ filter }))).toHaveLength(1);
    await second.close();
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const index = after
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?")
      .pluck()
      .get('events_by_category');
    expect(index).toBe('events_by_category');
    after.close();
  });

  it('gives a file of schema version 2 the event-type index, and type filters read through it', async () => {
    const file = join(dir, 'v2.sqlite');
    const first = openSqliteEventStore({ file });
    await first.appendToStream('deadline-1', [{ type: 'DeadlineSet', data: {} }]);
    await first.appendToStream('text-1', [{ type: 'TextUpdated', data: {} }]);
    await first.appendToStream('deadline-1', [{ type: 'DeadlineCleared', data: {} }]);
    await first.close();
    asOlderSchema(file, 2, 'events_by_type');
    const second = openSqliteEventStore({ file });
    const filter = { on: 'eventType' as const, prefixes: ['Deadline', 'Nothing'] };
    const types = (await collect(second.readAll({ filter }))).map((e) => e.type);
    expect(types).toEqual(['DeadlineSet', 'DeadlineCleared']);
    await second.close();
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const plan = after
      .prepare(
        `EXPLAIN QUERY PLAN SELECT position FROM events
         WHERE type = 'DeadlineSet' AND position > 0 AND position <= 9 ORDER BY position LIMIT 5`,
      )
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toContain('events_by_type');
    after.close();
  });

  it('refuses a file written by a newer schema', () => {
    const file = join(dir, 'future.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openSqliteEventStore({ file })).toThrow(StoreUnavailable);
  });

  it('reports a path it cannot open as StoreUnavailable', () => {
    expect(() => openSqliteEventStore({ file: dir })).toThrow(StoreUnavailable);
  });

  it('runs in memory for tests', async () => {
    const store = openSqliteEventStore({ file: ':memory:' });
    await store.appendToStream('m', oneEvent());
    expect(await collect(store.readAll())).toHaveLength(1);
    await store.ping();
    await store.close();
  });
});
