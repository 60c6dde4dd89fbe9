/**
 * The read-model database: a SQLite file beside (or, with EventStoreDB, instead of) the event
 * store, holding query tables derived from events. Everything in it can be rebuilt from the
 * log (`accord rebuild`), so it trades durability for speed (synchronous=NORMAL).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type ReadModelDb = Database.Database;

export function openReadModelDb(file: string): ReadModelDb {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = OFF');
  db.exec(`CREATE TABLE IF NOT EXISTS checkpoints (
    projector TEXT PRIMARY KEY,
    position TEXT NOT NULL,
    schema_version INTEGER NOT NULL
  )`);
  return db;
}

export const readModelFile = (dataDir: string): string => path.join(dataDir, 'readmodels.sqlite');
