// Opens the SQLite file with the settings the event store relies on (WAL, the chosen durability,
// 64-bit integers as bigint) and creates or checks its schema.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

/**
 * How far an acknowledged append survives (SQLite's `synchronous` pragma, in WAL mode; both
 * assume a disk that honours fsync):
 * - `'FULL'`: the WAL is fsynced after every commit, before any of its appends is
 *   acknowledged, so an acknowledged append survives a process crash, an OS crash and a power
 *   loss. Group commit pays one fsync per batch, not per append; on a file the fsync runs off
 *   the event loop (wal-sync.ts).
 * - `'NORMAL'`: the WAL is fsynced only at checkpoints, so an acknowledged append survives a
 *   process crash, but an OS crash or power loss may roll back the last transactions (the file
 *   stays consistent; it just loses its newest commits).
 */
export type SynchronousMode = 'FULL' | 'NORMAL';

/** Bumped when the tables change; a newer file is refused rather than misread. */
export const SCHEMA_VERSION = 3;

/**
 * A stream's category as SQL: its name up to and including the first '-' ('document-' for
 * 'document-42'), or '' without one. Queries must spell it exactly so to use the index below.
 */
export const CATEGORY_SQL = "substr(stream, 1, instr(stream, '-'))";

/**
 * Version 2: $all in position order per category, so a read filtered by stream categories
 * (the read models skip the text's updates, by far the largest part of the log) seeks to the
 * events it wants instead of scanning every row.
 */
const CREATE_CATEGORY_INDEX = `
  CREATE INDEX IF NOT EXISTS events_by_category ON events (${CATEGORY_SQL}, position);
`;

/**
 * Version 3: $all in position order per event type, so a subscription filtered by event types
 * (the reactors, the silence and deadline schedulers, which read from the start at every start)
 * seeks to its few events instead of scanning every text update.
 */
const CREATE_TYPE_INDEX = `
  CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
`;

const CREATE_SCHEMA = `
  CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    stream TEXT NOT NULL,
    revision INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    data BLOB NOT NULL,
    is_json INTEGER NOT NULL,
    metadata TEXT NOT NULL,
    created TEXT NOT NULL,
    UNIQUE (stream, revision),
    UNIQUE (stream, event_id)
  );
  CREATE TABLE streams (
    stream TEXT PRIMARY KEY,
    last_revision INTEGER NOT NULL DEFAULT -1,
    max_count INTEGER,
    max_age INTEGER,
    truncate_before INTEGER,
    deleted_before INTEGER,
    tombstoned INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;
`;

/**
 * The WAL file to fsync off the event loop (see wal-sync.ts), for FULL durability on a plain
 * file path; undefined where SQLite keeps FULL itself (in memory, URI file names, NORMAL).
 */
export function walFileFor(file: string, synchronous: SynchronousMode): string | undefined {
  if (synchronous !== 'FULL' || file === ':memory:' || file === '' || file.startsWith('file:'))
    return undefined;
  return `${resolve(file)}-wal`;
}

/** Opens (creating when missing) the database file and brings its schema up to date. */
export function openDatabase(file: string, synchronous: SynchronousMode): Database.Database {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory && !file.startsWith('file:'))
    mkdirSync(dirname(resolve(file)), { recursive: true });
  const db = new Database(file, { timeout: 5_000 });
  try {
    const mode = String(db.pragma('journal_mode = WAL', { simple: true }));
    if (!inMemory && mode !== 'wal') throw new Error(`SQLite refused WAL mode (got ${mode})`);
    if (walFileFor(file, synchronous)) {
      // FULL, with the fsync and the checkpoints done by WalSync instead of inside COMMIT.
      db.pragma('synchronous = OFF');
      db.pragma('wal_autocheckpoint = 0');
    } else db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    // Keeps the WAL file from staying large after a burst once it has been checkpointed.
    db.pragma('journal_size_limit = 67108864');
    migrate(db);
    db.defaultSafeIntegers(true);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version === SCHEMA_VERSION) return;
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `The event store file has schema version ${version}; this build knows ${SCHEMA_VERSION}`,
    );
  }
  db.transaction(() => {
    // An older file has the tables; it gains the indexes (once, in one pass over the log each).
    if (version < 1) db.exec(CREATE_SCHEMA);
    db.exec(CREATE_CATEGORY_INDEX);
    db.exec(CREATE_TYPE_INDEX);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
