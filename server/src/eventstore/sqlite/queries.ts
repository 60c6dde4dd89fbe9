// Every SQL statement the SQLite event store runs, prepared once, plus the mapping from a row
// to the port's RecordedEvent. Integers come back as bigint (defaultSafeIntegers in schema.ts).
import type Database from 'better-sqlite3';
import type { EventFilter, JsonObject, JsonValue, RecordedEvent, StreamMetadata } from '../port.js';
import type { EncodedEvent } from '../append/encode-events.js';
import type { StreamState } from '../append/expected-revision.js';
import { categoriesOf } from '../read-rules.js';
import { CATEGORY_SQL } from './schema.js';

interface EventRow {
  position: bigint;
  stream: string;
  revision: bigint;
  event_id: string;
  type: string;
  data: string | Buffer;
  is_json: bigint;
  metadata: string;
  created: string;
}

interface StreamRow {
  last_revision: bigint;
  max_count: bigint | null;
  max_age: bigint | null;
  truncate_before: bigint | null;
  deleted_before: bigint | null;
  tombstoned: bigint;
}

/** Every event read from SQLite knows its global position. */
export type StoredEvent = RecordedEvent & { position: bigint };

/** A stream as the reads and the expected-revision check see it. */
export interface StreamInfo extends StreamState {
  metadata: StreamMetadata;
}

const EVENT_COLUMNS =
  'position, stream, revision, event_id, type, data, is_json, metadata, created';

export class Queries {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  stream(stream: string): StreamInfo {
    const row = this.statement(
      `SELECT last_revision, max_count, max_age, truncate_before, deleted_before, tombstoned
       FROM streams WHERE stream = ?`,
    ).get(stream) as StreamRow | undefined;
    if (row === undefined) {
      return {
        lastRevision: -1n,
        known: false,
        softDeleted: false,
        deletedBefore: undefined,
        tombstoned: false,
        metadata: {},
      };
    }
    const deletedBefore = row.deleted_before ?? undefined;
    const metadata: StreamMetadata = {};
    if (row.max_count !== null) metadata.maxCount = Number(row.max_count);
    if (row.max_age !== null) metadata.maxAge = Number(row.max_age);
    if (row.truncate_before !== null) metadata.truncateBefore = row.truncate_before;
    return {
      lastRevision: row.last_revision,
      known: true,
      softDeleted: deletedBefore !== undefined && row.last_revision < deletedBefore,
      deletedBefore,
      tombstoned: row.tombstoned !== 0n,
      metadata,
    };
  }

  /** The highest position written so far (0n in an empty store). */
  lastPosition(): bigint {
    return this.statement('SELECT COALESCE(MAX(position), 0) FROM events').pluck().get() as bigint;
  }

  /** Events of a stream with lo <= revision <= hi, created at or after `createdFrom`. */
  streamPage(
    stream: string,
    page: { lo: bigint; hi: bigint; createdFrom: string; backwards: boolean; limit: number },
  ): StoredEvent[] {
    const rows = this.statement(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE stream = @stream AND revision >= @lo AND revision <= @hi AND created >= @createdFrom
       ORDER BY revision ${page.backwards ? 'DESC' : 'ASC'} LIMIT @limit`,
    ).all({
      stream,
      lo: page.lo,
      hi: page.hi,
      createdFrom: page.createdFrom,
      limit: page.limit,
    }) as EventRow[];
    return rows.map(toRecordedEvent);
  }

  /** Events with lo < position <= hi that pass the filter. */
  allPage(page: {
    lo: bigint;
    hi: bigint;
    filter: EventFilter | undefined;
    backwards: boolean;
    limit: number;
  }): StoredEvent[] {
    const params: Record<string, string | bigint | number> = {
      lo: page.lo,
      hi: page.hi,
      limit: page.limit,
    };
    const order = page.backwards ? 'DESC' : 'ASC';
    const seeks = this.indexSeeks(page.filter, params);
    if (seeks) {
      if (seeks.length === 0) return [];
      // One seek per category or event type in its index, each stopping after `limit`
      // positions; the first `limit` of their merge are the page, and only those rows are read
      // whole.
      const parts = seeks.map(
        (term) => `SELECT * FROM (SELECT position FROM events
          WHERE ${term} AND position > @lo AND position <= @hi
          ORDER BY position ${order} LIMIT @limit)`,
      );
      const rows = this.statement(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position IN (
           ${parts.join(' UNION ALL ')} ORDER BY position ${order} LIMIT @limit)
         ORDER BY position ${order}`,
      ).all(params) as EventRow[];
      return rows.map(toRecordedEvent);
    }
    let where = '';
    if (page.filter) {
      const column = page.filter.on === 'streamName' ? 'stream' : 'type';
      // substr/length count characters on both sides, and compare case-sensitively, as
      // EventStoreDB's prefix filters do (LIKE would ignore case).
      const terms = page.filter.prefixes.map((prefix, i) => {
        params[`p${i}`] = prefix;
        return `substr(${column}, 1, length(@p${i})) = @p${i}`;
      });
      where = ` AND (${terms.join(' OR ')})`;
    }
    const rows = this.statement(
      `SELECT ${EVENT_COLUMNS} FROM events
       WHERE position > @lo AND position <= @hi${where}
       ORDER BY position ${order} LIMIT @limit`,
    ).all(params) as EventRow[];
    return rows.map(toRecordedEvent);
  }

  /**
   * The indexed terms a filter reads through, one per category or event type (their
   * parameters added to `params`), or undefined when the filter must scan rows. Event-type
   * prefixes stand for the types in the log that begin with them, found by stepping through the
   * type index from one distinct type to the next: a few probes, however long the log.
   */
  private indexSeeks(
    filter: EventFilter | undefined,
    params: Record<string, string | bigint | number>,
  ): string[] | undefined {
    const categories = categoriesOf(filter);
    if (categories) {
      return categories.map((category, i) => {
        params[`c${i}`] = category;
        return `${CATEGORY_SQL} = @c${i}`;
      });
    }
    if (filter?.on !== 'eventType') return undefined;
    const types = new Set<string>();
    for (const prefix of new Set(filter.prefixes)) {
      let type = this.statement('SELECT type FROM events WHERE type >= ? ORDER BY type LIMIT 1')
        .pluck()
        .get(prefix) as string | undefined;
      while (type !== undefined && type.startsWith(prefix)) {
        types.add(type);
        // A prefix matching this many types is better served by a scan than by a seek each.
        if (types.size > MAX_SEEKED_TYPES) return undefined;
        type = this.statement('SELECT type FROM events WHERE type > ? ORDER BY type LIMIT 1')
          .pluck()
          .get(type) as string | undefined;
      }
    }
    return [...types].map((type, i) => {
      params[`t${i}`] = type;
      return `type = @t${i}`;
    });
  }

  /** Ids at revisions from, from + 1, … (at most count), in order. */
  idsFrom(stream: string, from: bigint, count: number): string[] {
    return this.statement(
      `SELECT event_id FROM events WHERE stream = ? AND revision >= ? AND revision < ?
       ORDER BY revision`,
    )
      .pluck()
      .all(stream, from, from + BigInt(count)) as string[];
  }

  revisionOf(stream: string, id: string): bigint | undefined {
    return this.statement('SELECT revision FROM events WHERE stream = ? AND event_id = ?')
      .pluck()
      .get(stream, id) as bigint | undefined;
  }

  positionAt(stream: string, revision: bigint): bigint {
    const position = this.statement('SELECT position FROM events WHERE stream = ? AND revision = ?')
      .pluck()
      .get(stream, revision) as bigint | undefined;
    if (position === undefined) throw new Error(`No event ${revision} in ${stream}`);
    return position;
  }

  /** Inserts one event and returns its position. */
  insertEvent(stream: string, revision: bigint, event: EncodedEvent, created: string): bigint {
    const result = this.statement(
      `INSERT INTO events (stream, revision, event_id, type, data, is_json, metadata, created)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      stream,
      revision,
      event.id,
      event.type,
      event.data,
      event.isJson ? 1 : 0,
      event.metadata,
      created,
    );
    return BigInt(result.lastInsertRowid);
  }

  /** `known`: the stream has a row already (a plain UPDATE is cheaper than an upsert). */
  setLastRevision(stream: string, lastRevision: bigint, known: boolean): void {
    if (known) {
      this.statement('UPDATE streams SET last_revision = ? WHERE stream = ?').run(
        lastRevision,
        stream,
      );
      return;
    }
    this.statement(
      `INSERT INTO streams (stream, last_revision) VALUES (?, ?)
       ON CONFLICT (stream) DO UPDATE SET last_revision = excluded.last_revision`,
    ).run(stream, lastRevision);
  }

  /** Replaces the stream's metadata as a whole, as EventStoreDB's metadata document does. */
  setMetadata(stream: string, metadata: StreamMetadata): void {
    this.statement(
      `INSERT INTO streams (stream, max_count, max_age, truncate_before)
       VALUES (@stream, @maxCount, @maxAge, @truncateBefore)
       ON CONFLICT (stream) DO UPDATE SET max_count = excluded.max_count,
         max_age = excluded.max_age, truncate_before = excluded.truncate_before`,
    ).run({
      stream,
      maxCount: metadata.maxCount ?? null,
      maxAge: metadata.maxAge ?? null,
      truncateBefore: metadata.truncateBefore ?? null,
    });
  }

  /** Soft delete: hides every revision up to the current last one. */
  softDelete(stream: string, lastRevision: bigint): void {
    this.statement(
      `INSERT INTO streams (stream, last_revision, deleted_before) VALUES (@stream, @last, @before)
       ON CONFLICT (stream) DO UPDATE SET deleted_before = excluded.deleted_before`,
    ).run({ stream, last: lastRevision, before: lastRevision + 1n });
  }

  /** Removes a stream's events before `revision` for good; answers how many. */
  removeBefore(stream: string, revision: bigint): number {
    return this.statement('DELETE FROM events WHERE stream = ? AND revision < ?').run(
      stream,
      revision,
    ).changes;
  }

  /** Hard delete; the events stay in $all, as in EventStoreDB until a scavenge. */
  tombstone(stream: string): void {
    this.statement(
      `INSERT INTO streams (stream, tombstoned) VALUES (?, 1)
       ON CONFLICT (stream) DO UPDATE SET tombstoned = 1, max_count = NULL, max_age = NULL,
         truncate_before = NULL`,
    ).run(stream);
  }

  private statement(sql: string): Database.Statement {
    let statement = this.cache.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }
}

/** Beyond this many event types matching a filter's prefixes, a read scans rather than seeks. */
const MAX_SEEKED_TYPES = 32;

/**
 * Whether reads with this filter go through an index (categories, event types) and so need no
 * scan window, however sparse the events they want.
 */
export function seeksByIndex(filter: EventFilter | undefined): boolean {
  return categoriesOf(filter) !== undefined || filter?.on === 'eventType';
}

function toRecordedEvent(row: EventRow): StoredEvent {
  const isJson = row.is_json !== 0n;
  let data: JsonValue | Uint8Array;
  if (isJson) data = JSON.parse(String(row.data)) as JsonValue;
  // A copy, so the caller's Uint8Array never shares memory with anything else.
  else data = new Uint8Array(row.data as Buffer);
  return {
    streamId: row.stream,
    revision: row.revision,
    position: row.position,
    id: row.event_id,
    type: row.type,
    data,
    isJson,
    metadata: JSON.parse(row.metadata) as JsonObject,
    created: new Date(row.created),
  };
}
