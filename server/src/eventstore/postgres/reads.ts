// Paged reads over the PostgreSQL store: stream and $all reads as async generators, and the
// page sources catch-up subscriptions pull from. Pages are keyset queries (revision or
// position after the last one read), so a long read never holds a transaction open.
import { StreamDeleted } from '../errors.js';
import type { EventFilter, ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../port.js';
import {
  categoriesOf,
  checkFilter,
  firstVisibleRevision,
  max,
  maxCountOf,
  min,
  revisionOf,
} from '../read-rules.js';
import { CATEGORY_SQL } from './schema.js';
import {
  EVENT_COLUMNS,
  STREAM_COLUMNS,
  toRecordedEvent,
  toStreamInfo,
  type EventRow,
  type StoredEvent,
  type StreamInfo,
  type StreamRow,
} from './rows.js';

/** Anything that runs a query: the pool or a client inside a transaction. */
export interface Queryable {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

export interface ReadContext {
  /** Rows per query. */
  pageSize: number;
  now: () => Date;
  /** Runs queries once the store is ready; maps failures to the port's errors. */
  run<T>(work: (db: Queryable) => Promise<T>): Promise<T>;
}

/** One page of a subscription: the events, where to continue, and whether it reached the end. */
export interface Page {
  events: RecordedEvent[];
  cursor: bigint;
  exhausted: boolean;
}

export interface PageSource {
  /** Reads the next page after `cursor` (exclusive). */
  next(cursor: bigint): Promise<Page>;
}

export async function streamInfo(db: Queryable, stream: string): Promise<StreamInfo> {
  const result = await db.query<StreamRow>(
    `SELECT ${STREAM_COLUMNS} FROM accord_streams WHERE stream = $1`,
    [stream],
  );
  return toStreamInfo(result.rows[0]);
}

/**
 * The highest committed position (0n in an empty store). Appends commit in position order
 * (README.md), so every position at or below it that will ever be visible already is.
 */
export async function lastPosition(db: Queryable): Promise<bigint> {
  const result = await db.query<{ last: string }>(
    'SELECT COALESCE(MAX(position), 0)::text AS last FROM accord_events',
  );
  return BigInt(result.rows[0]?.last ?? '0');
}

interface StreamPage {
  lo: bigint;
  hi: bigint;
  createdFrom: Date | undefined;
  backwards: boolean;
  limit: number;
}

async function streamPage(db: Queryable, stream: string, page: StreamPage): Promise<StoredEvent[]> {
  const values: unknown[] = [stream, page.lo.toString(), page.hi.toString(), page.limit];
  let created = '';
  if (page.createdFrom !== undefined) {
    values.push(page.createdFrom);
    created = ' AND created >= $5';
  }
  const result = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM accord_events
     WHERE stream = $1 AND revision >= $2 AND revision <= $3${created}
     ORDER BY revision ${page.backwards ? 'DESC' : 'ASC'} LIMIT $4`,
    values,
  );
  return result.rows.map(toRecordedEvent);
}

export interface AllPage {
  lo: bigint;
  hi: bigint;
  filter: EventFilter | undefined;
  backwards: boolean;
  limit: number;
}

/** Ranges longer than this many pages' worth of positions are read through the indexes. */
const SEEK_BEYOND_PAGES = 4n;

/** Events with lo < position <= hi that pass the filter. */
async function allPage(db: Queryable, page: AllPage): Promise<StoredEvent[]> {
  const { text, values } = allPageQuery(page);
  const result = await db.query<EventRow>(text, values);
  return result.rows.map(toRecordedEvent);
}

/** The query of one $all page (exported so tests can look at its plan). */
export function allPageQuery(page: AllPage): { text: string; values: unknown[] } {
  const values: unknown[] = [page.lo.toString(), page.hi.toString(), page.limit];
  const order = page.backwards ? 'DESC' : 'ASC';
  // A range a few pages long (a live subscription's, mostly) is cheaper to scan by primary key
  // than to seek through the indexes, which first walk the event types.
  const wide = page.hi - page.lo > BigInt(page.limit) * SEEK_BEYOND_PAGES;
  const seek = wide ? indexSeek(page.filter) : undefined;
  if (seek) {
    values.push(seek.terms);
    // The page's positions are gathered first, as one array, so the rows are then fetched by
    // primary key: as a join, the planner may hash the whole table to meet a few hundred rows.
    const text = `${seek.with}
       SELECT ${EVENT_COLUMNS} FROM accord_events WHERE position = ANY (ARRAY (
         SELECT seek.position FROM ${seek.from} CROSS JOIN LATERAL (
           SELECT position FROM accord_events
           WHERE ${seek.match} AND position > $1 AND position <= $2
           ORDER BY position ${order} LIMIT $3) AS seek
         ORDER BY seek.position ${order} LIMIT $3))
       ORDER BY position ${order}`;
    return { text, values };
  }
  let where = '';
  if (page.filter) {
    const column = page.filter.on === 'streamName' ? 'stream' : 'type';
    // starts_with compares code points, case-sensitively, as EventStoreDB's prefix filters do.
    values.push(page.filter.prefixes);
    where = ` AND EXISTS (SELECT 1 FROM unnest($4::text[]) AS p WHERE starts_with(${column}, p))`;
  }
  const text = `SELECT ${EVENT_COLUMNS} FROM accord_events
     WHERE position > $1 AND position <= $2${where}
     ORDER BY position ${order} LIMIT $3`;
  return { text, values };
}

/**
 * How a filter reads through an index (schema.ts), or undefined when it must scan rows: one
 * seek per category or event type (`$4` holds the categories or the prefixes), each stopping
 * after `limit` positions; the first `limit` of their merge are the page. Event-type prefixes
 * stand for the types in the log that begin with them, found by stepping through the type index
 * from one distinct type to the next: a few probes, however long the log.
 */
function indexSeek(
  filter: EventFilter | undefined,
): { with: string; from: string; match: string; terms: string[] } | undefined {
  const categories = categoriesOf(filter);
  if (categories) {
    return {
      with: '',
      from: 'unnest($4::text[]) AS wanted(category)',
      match: `${CATEGORY_SQL} = wanted.category`,
      terms: categories,
    };
  }
  if (filter?.on !== 'eventType') return undefined;
  // In byte order ("C") the types that begin with a prefix follow one another; a linguistic
  // collation may put others between them. The index is in byte order too (schema.ts).
  return {
    with: `WITH RECURSIVE types(prefix, type) AS (
         SELECT p, (SELECT min(type COLLATE "C") FROM accord_events WHERE type COLLATE "C" >= p)
         FROM unnest($4::text[]) AS p
         UNION ALL
         SELECT prefix,
           (SELECT min(type COLLATE "C") FROM accord_events WHERE type COLLATE "C" > types.type)
         FROM types WHERE starts_with(types.type, types.prefix)
       ), wanted AS (SELECT DISTINCT type FROM types WHERE starts_with(type, prefix))`,
    from: 'wanted',
    match: 'accord_events.type COLLATE "C" = wanted.type',
    terms: [...new Set(filter.prefixes)],
  };
}

export async function* readStream(
  ctx: ReadContext,
  stream: string,
  options: ReadStreamOptions = {},
): AsyncGenerator<RecordedEvent, void, undefined> {
  const backwards = options.direction === 'backwards';
  let remaining = maxCountOf(options.maxCount);
  const info = await ctx.run((db) => streamInfo(db, stream));
  if (info.tombstoned) throw new StreamDeleted(stream);
  if (info.lastRevision < 0n || remaining === 0) return;
  const visible = visibleRange(info, ctx.now());
  const from = options.fromRevision ?? (backwards ? 'end' : 'start');
  const last = info.lastRevision;
  // Bounds are fixed when the read starts, so events written meanwhile do not make it endless.
  let lo = backwards ? visible.lo : max(visible.lo, revisionOf(from, last, 0n, last + 1n));
  let hi = backwards ? min(revisionOf(from, last, 0n, last), last) : last;
  while (lo <= hi && remaining > 0) {
    const limit = Math.min(ctx.pageSize, remaining);
    const page = await ctx.run((db) =>
      streamPage(db, stream, { lo, hi, createdFrom: visible.createdFrom, backwards, limit }),
    );
    for (const event of page) yield event;
    remaining -= page.length;
    const lastRead = page.at(-1);
    if (page.length < limit || lastRead === undefined) return;
    if (backwards) hi = lastRead.revision - 1n;
    else lo = lastRead.revision + 1n;
  }
}

export async function* readAll(
  ctx: ReadContext,
  options: ReadAllOptions = {},
): AsyncGenerator<RecordedEvent, void, undefined> {
  const backwards = options.direction === 'backwards';
  const filter = checkFilter(options.filter);
  let remaining = maxCountOf(options.maxCount);
  const last = await ctx.run(lastPosition);
  const from = options.fromPosition ?? (backwards ? 'end' : 'start');
  // Pages cover (lo, hi]; positions start at 1.
  let lo = backwards ? 0n : from === 'start' ? 0n : from === 'end' ? last : max(from - 1n, 0n);
  let hi = backwards ? (from === 'end' ? last : from === 'start' ? 0n : min(from, last)) : last;
  while (lo < hi && remaining > 0) {
    const limit = Math.min(ctx.pageSize, remaining);
    const page = await ctx.run((db) => allPage(db, { lo, hi, filter, backwards, limit }));
    for (const event of page) yield event;
    remaining -= page.length;
    const lastRead = page.at(-1);
    if (page.length < limit || lastRead === undefined) return;
    if (backwards) hi = lastRead.position - 1n;
    else lo = lastRead.position;
  }
}

/** Pages of one stream after a revision, with the stream's metadata applied as reads do. */
export function streamPages(ctx: ReadContext, stream: string): PageSource {
  return {
    next: (cursor) =>
      ctx.run(async (db) => {
        const info = await streamInfo(db, stream);
        if (info.tombstoned) throw new StreamDeleted(stream);
        const last = info.lastRevision;
        if (last <= cursor) return { events: [], cursor, exhausted: true };
        const visible = visibleRange(info, ctx.now());
        const events = await streamPage(db, stream, {
          lo: max(cursor + 1n, visible.lo),
          hi: last,
          createdFrom: visible.createdFrom,
          backwards: false,
          limit: ctx.pageSize,
        });
        const lastRead = events.at(-1);
        if (events.length === ctx.pageSize && lastRead !== undefined) {
          return { events, cursor: lastRead.revision, exhausted: false };
        }
        return { events, cursor: last, exhausted: true };
      }),
  };
}

/** Pages of $all after a position, filtered. */
export function allPages(ctx: ReadContext, filter: EventFilter | undefined): PageSource {
  const checked = checkFilter(filter);
  return {
    next: (cursor) =>
      ctx.run(async (db) => {
        // Reading up to a committed high mark, never "whatever is there": see lastPosition.
        const hi = await lastPosition(db);
        if (hi <= cursor) return { events: [], cursor, exhausted: true };
        const events = await allPage(db, {
          lo: cursor,
          hi,
          filter: checked,
          backwards: false,
          limit: ctx.pageSize,
        });
        const lastRead = events.at(-1);
        if (events.length === ctx.pageSize && lastRead !== undefined) {
          return { events, cursor: lastRead.position, exhausted: false };
        }
        return { events, cursor: hi, exhausted: true };
      }),
  };
}

/** The revisions a stream read may return: metadata and soft deletes hide the older ones. */
function visibleRange(info: StreamInfo, now: Date): { lo: bigint; createdFrom: Date | undefined } {
  const { maxAge } = info.metadata;
  const lo = firstVisibleRevision(info);
  const createdFrom = maxAge === undefined ? undefined : new Date(now.getTime() - maxAge * 1000);
  return { lo, createdFrom };
}
