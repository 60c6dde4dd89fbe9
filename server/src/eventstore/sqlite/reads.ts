// Paged reads over the SQLite store: stream and $all reads as async generators, and the page
// sources that catch-up subscriptions pull from. Each page is one short synchronous query.
import { StreamDeleted } from '../errors.js';
import type { EventFilter, ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../port.js';
import {
  checkFilter,
  firstVisibleRevision,
  max,
  maxCountOf,
  min,
  revisionOf,
} from '../read-rules.js';
import { yieldToEventLoop } from './event-loop.js';
import { seeksByIndex, type Queries, type StreamInfo } from './queries.js';

export interface ReadContext {
  queries: Queries;
  /** Rows per query. */
  pageSize: number;
  /**
   * Positions one $all query may scan at most: a filter that matches rarely would otherwise
   * make a single query walk the whole table while holding the event loop.
   */
  scanWindow: bigint;
  now: () => Date;
  /** Runs one query; throws StoreUnavailable when the store is closed or SQLite fails. */
  guard<T>(query: () => T): T;
}

/** One page of a subscription: the events, where to continue, and whether it reached the end. */
export interface Page {
  events: RecordedEvent[];
  cursor: bigint;
  exhausted: boolean;
}

export interface PageSource {
  /** Reads the next page after `cursor` (exclusive). */
  next(cursor: bigint): Page;
  /**
   * Whether a commit that changed these streams and wrote events of these types may add to
   * what this source reads. A commit that does not concern it does not wake the subscription:
   * a document's text updates, written many times a second, would otherwise send every filtered
   * $all subscription to SQLite for nothing.
   */
  concerns(changed: CommitChanges): boolean;
}

/** What one group commit changed: streams written to (or whose metadata changed), event types. */
export interface CommitChanges {
  streams: ReadonlySet<string>;
  types: ReadonlySet<string>;
}

function someStartsWith(values: ReadonlySet<string>, prefixes: readonly string[]): boolean {
  for (const value of values) if (prefixes.some((prefix) => value.startsWith(prefix))) return true;
  return false;
}

export async function* readStream(
  ctx: ReadContext,
  stream: string,
  options: ReadStreamOptions = {},
): AsyncGenerator<RecordedEvent, void, undefined> {
  const backwards = options.direction === 'backwards';
  let remaining = maxCountOf(options.maxCount);
  const info = ctx.guard(() => ctx.queries.stream(stream));
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
    const page = ctx.guard(() =>
      ctx.queries.streamPage(stream, {
        lo,
        hi,
        createdFrom: visible.createdFrom,
        backwards,
        limit,
      }),
    );
    for (const event of page) yield event;
    remaining -= page.length;
    const lastRead = page.at(-1);
    if (page.length < limit || lastRead === undefined) return;
    if (backwards) hi = lastRead.revision - 1n;
    else lo = lastRead.revision + 1n;
    await yieldToEventLoop();
  }
}

export async function* readAll(
  ctx: ReadContext,
  options: ReadAllOptions = {},
): AsyncGenerator<RecordedEvent, void, undefined> {
  const backwards = options.direction === 'backwards';
  const filter = checkFilter(options.filter);
  const scanWindow = scanWindowFor(ctx, filter);
  let remaining = maxCountOf(options.maxCount);
  const last = ctx.guard(() => ctx.queries.lastPosition());
  const from = options.fromPosition ?? (backwards ? 'end' : 'start');
  // Pages cover (lo, hi]; positions start at 1.
  let lo = backwards ? 0n : from === 'start' ? 0n : from === 'end' ? last : max(from - 1n, 0n);
  let hi = backwards ? (from === 'end' ? last : from === 'start' ? 0n : min(from, last)) : last;
  while (lo < hi && remaining > 0) {
    const limit = Math.min(ctx.pageSize, remaining);
    const windowLo = backwards ? max(hi - scanWindow, lo) : lo;
    const windowHi = backwards ? hi : min(lo + scanWindow, hi);
    const page = ctx.guard(() =>
      ctx.queries.allPage({ lo: windowLo, hi: windowHi, filter, backwards, limit }),
    );
    for (const event of page) yield event;
    remaining -= page.length;
    const lastRead = page.at(-1);
    const full = page.length === limit && lastRead !== undefined;
    if (backwards) hi = full ? lastRead.position - 1n : windowLo;
    else lo = full ? lastRead.position : windowHi;
    if (lo < hi && remaining > 0) await yieldToEventLoop();
  }
}

/** Pages of one stream after a revision, with the stream's metadata applied as reads do. */
export function streamPages(ctx: ReadContext, stream: string): PageSource {
  return {
    concerns: (changed) => changed.streams.has(stream),
    next(cursor) {
      const info = ctx.guard(() => ctx.queries.stream(stream));
      if (info.tombstoned) throw new StreamDeleted(stream);
      const last = info.lastRevision;
      if (last <= cursor) return { events: [], cursor, exhausted: true };
      const visible = visibleRange(info, ctx.now());
      const lo = max(cursor + 1n, visible.lo);
      const events = ctx.guard(() =>
        ctx.queries.streamPage(stream, {
          lo,
          hi: last,
          createdFrom: visible.createdFrom,
          backwards: false,
          limit: ctx.pageSize,
        }),
      );
      const lastRead = events.at(-1);
      if (events.length === ctx.pageSize && lastRead !== undefined) {
        return { events, cursor: lastRead.revision, exhausted: false };
      }
      return { events, cursor: last, exhausted: true };
    },
  };
}

/** Pages of $all after a position, filtered, each scanning at most `scanWindow` positions. */
export function allPages(ctx: ReadContext, filter: EventFilter | undefined): PageSource {
  const checked = checkFilter(filter);
  const scanWindow = scanWindowFor(ctx, checked);
  return {
    concerns: (changed) =>
      checked === undefined
        ? changed.types.size > 0
        : someStartsWith(
            checked.on === 'streamName' ? changed.streams : changed.types,
            checked.prefixes,
          ),
    next(cursor) {
      const last = ctx.guard(() => ctx.queries.lastPosition());
      if (last <= cursor) return { events: [], cursor, exhausted: true };
      const hi = min(cursor + scanWindow, last);
      const events = ctx.guard(() =>
        ctx.queries.allPage({
          lo: cursor,
          hi,
          filter: checked,
          backwards: false,
          limit: ctx.pageSize,
        }),
      );
      const lastRead = events.at(-1);
      if (events.length === ctx.pageSize && lastRead !== undefined) {
        return { events, cursor: lastRead.position, exhausted: false };
      }
      return { events, cursor: hi, exhausted: hi >= last };
    },
  };
}

/**
 * Positions one $all query may span. A filter by stream categories seeks through the category
 * index and reads at most a page per category, however far apart its events lie, so it needs
 * no window; any other filter scans rows and is kept to `scanWindow`.
 */
function scanWindowFor(ctx: ReadContext, filter: EventFilter | undefined): bigint {
  return seeksByIndex(filter) ? BigInt(Number.MAX_SAFE_INTEGER) : ctx.scanWindow;
}

/** The revisions a stream read may return: metadata and soft deletes hide the older ones. */
function visibleRange(info: StreamInfo, now: Date): { lo: bigint; createdFrom: string } {
  const { maxAge } = info.metadata;
  const lo = firstVisibleRevision(info);
  // ISO strings of UTC instants sort like the instants, so `created >= cutoff` is a time test.
  const createdFrom =
    maxAge === undefined ? '' : new Date(now.getTime() - maxAge * 1000).toISOString();
  return { lo, createdFrom };
}
