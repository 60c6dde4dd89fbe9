// Creates or checks the PostgreSQL event store's tables, and the one function every append
// goes through. Safe to run from several processes at once: an advisory lock serialises it.
import type pg from 'pg';

/** Bumped when the tables change; a newer database is refused rather than misread. */
export const SCHEMA_VERSION = 2;

/**
 * Advisory lock keys (any two bigints nobody else in the database uses). POSITION_LOCK is held
 * by each append from the moment it draws global positions until it commits: see README.md.
 */
export const POSITION_LOCK = 7_306_000_000_000_001n;
const MIGRATION_LOCK = 7_306_000_000_000_002n;

/**
 * A stream's category as SQL: its name up to and including the first '-' ('document-' for
 * 'document-42'), or '' without one. Queries must spell it exactly so to use the index below.
 */
export const CATEGORY_SQL = "substr(stream, 1, strpos(stream, '-'))";

/**
 * Version 2: $all in position order per stream category and per event type. Reads filtered by
 * categories (the read models) or by event types (the reactors, the silence and deadline
 * schedulers) seek to the events they want instead of scanning every text update in the range.
 * Types are indexed in byte order, whatever the database's collation: reads step through the
 * types that begin with a prefix, and only in byte order do those follow one another.
 */
const CREATE_INDEXES = `
  CREATE INDEX IF NOT EXISTS accord_events_by_category
    ON accord_events ((${CATEGORY_SQL}), position);
  CREATE INDEX IF NOT EXISTS accord_events_by_type
    ON accord_events (type COLLATE "C", position);
`;

/** Channel that every commit which changes what a subscription may read notifies. */
export const COMMIT_CHANNEL = 'accord_events';

const CREATE_SCHEMA = `
  CREATE SEQUENCE accord_event_position AS bigint;
  CREATE TABLE accord_events (
    position bigint PRIMARY KEY,
    stream text NOT NULL,
    revision bigint NOT NULL,
    event_id uuid NOT NULL,
    type text NOT NULL,
    data bytea NOT NULL,
    is_json boolean NOT NULL,
    metadata json NOT NULL,
    created timestamptz NOT NULL,
    UNIQUE (stream, revision),
    UNIQUE (stream, event_id)
  );
  CREATE TABLE accord_streams (
    stream text PRIMARY KEY,
    last_revision bigint NOT NULL DEFAULT -1,
    max_count bigint,
    max_age bigint,
    truncate_before bigint,
    deleted_before bigint,
    tombstoned boolean NOT NULL DEFAULT false
  );
  -- Writes one append's events, whose stream row the caller has locked. Positions are drawn
  -- only while POSITION_LOCK is held, and that lock is released after the commit has become
  -- visible, so transactions commit in the order of their positions: a reader never sees a
  -- position while a lower one may still appear.
  CREATE FUNCTION accord_write_events(
    p_stream text, p_first_revision bigint, p_ids uuid[], p_types text[], p_data bytea[],
    p_is_json boolean[], p_metadata json[], p_created timestamptz
  ) RETURNS bigint LANGUAGE plpgsql AS $$
  DECLARE
    n bigint := cardinality(p_ids);
    first_position bigint;
  BEGIN
    PERFORM pg_advisory_xact_lock(${POSITION_LOCK});
    -- Nobody else draws from the sequence while the lock is held, so one block is reserved.
    first_position := nextval('accord_event_position');
    IF n > 1 THEN
      PERFORM setval('accord_event_position', first_position + n - 1);
    END IF;
    INSERT INTO accord_events
      (position, stream, revision, event_id, type, data, is_json, metadata, created)
    SELECT first_position + e.i - 1, p_stream, p_first_revision + e.i - 1, e.id, e.type,
      e.data, e.is_json, e.metadata, p_created
    FROM unnest(p_ids, p_types, p_data, p_is_json, p_metadata)
      WITH ORDINALITY AS e(id, type, data, is_json, metadata, i);
    UPDATE accord_streams SET last_revision = p_first_revision + n - 1 WHERE stream = p_stream;
    PERFORM pg_notify('${COMMIT_CHANNEL}', '');
    RETURN first_position + n - 1;
  END $$;
  ${CREATE_INDEXES}
  CREATE TABLE accord_schema (version integer NOT NULL);
  INSERT INTO accord_schema (version) VALUES (${SCHEMA_VERSION});
`;

/**
 * Creates the schema in an empty database, brings an older one up to this version, or refuses a
 * newer one. Building the indexes of version 2 reads the whole log once, inside the lock, while
 * appends wait; it happens once per database.
 */
export async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  // Checked out, the client's 'error' (the server dropped it) is ours to hear; unheard, it would
  // end the process. The failed query reports it.
  let broken = false;
  const onError = () => {
    broken = true;
  };
  client.on('error', onError);
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK.toString()]);
    const exists = await client.query<{ found: boolean }>(
      `SELECT to_regclass('accord_schema') IS NOT NULL AS found`,
    );
    if (exists.rows[0]?.found) {
      const row = await client.query<{ version: number }>('SELECT version FROM accord_schema');
      const version = row.rows[0]?.version ?? 0;
      if (version > SCHEMA_VERSION) {
        throw new Error(
          `The event store database has schema version ${version}; this build knows ${SCHEMA_VERSION}`,
        );
      }
      if (version < 2) {
        await client.query(CREATE_INDEXES);
        await client.query('UPDATE accord_schema SET version = $1', [SCHEMA_VERSION]);
      }
    } else {
      await client.query(CREATE_SCHEMA);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
