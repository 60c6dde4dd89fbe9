// The rules every adapter applies the same way to reads and stream metadata, so the stores
// cannot drift apart: which filters are valid, where a stream's visible part starts, how a
// requested revision and count are read, what metadata may say.
import type { EventFilter, StreamMetadata } from './port.js';

export function checkFilter(filter: EventFilter | undefined): EventFilter | undefined {
  if (filter === undefined) return undefined;
  if (filter.on !== 'streamName' && filter.on !== 'eventType') {
    throw new TypeError(`Unknown filter on ${String((filter as { on: unknown }).on)}`);
  }
  if (!Array.isArray(filter.prefixes) || filter.prefixes.length === 0) {
    throw new RangeError('A filter needs at least one prefix');
  }
  return filter;
}

/**
 * The stream categories a filter stands for, when it is exactly "streams of these categories":
 * each prefix ends with its only '-' ('document-'), so a name starts with it exactly when its
 * category (up to the first '-') equals it. The adapters that index categories (SQLite,
 * PostgreSQL) read such a filter through that index.
 */
export function categoriesOf(filter: EventFilter | undefined): string[] | undefined {
  if (filter?.on !== 'streamName' || filter.prefixes.length === 0) return undefined;
  const isCategory = (prefix: string) =>
    prefix.length > 0 && prefix.indexOf('-') === prefix.length - 1;
  return filter.prefixes.every(isCategory) ? [...new Set(filter.prefixes)] : undefined;
}

/** What a stream's visibility depends on (both adapters keep this per stream). */
export interface StreamVisibility {
  lastRevision: bigint;
  deletedBefore: bigint | undefined;
  metadata: StreamMetadata;
}

/** The first revision a read may return: metadata and soft deletes hide the older ones. */
export function firstVisibleRevision(info: StreamVisibility): bigint {
  const { maxCount, truncateBefore } = info.metadata;
  let lo = info.deletedBefore ?? 0n;
  if (truncateBefore !== undefined) lo = max(lo, truncateBefore);
  if (maxCount !== undefined) lo = max(lo, info.lastRevision - BigInt(maxCount) + 1n);
  return lo;
}

export function revisionOf(
  from: 'start' | 'end' | bigint,
  last: bigint,
  start: bigint,
  end: bigint,
): bigint {
  if (from === 'start') return start;
  if (from === 'end') return end;
  if (from < 0n) throw new RangeError(`Revision ${from} is negative`);
  return from > last + 1n ? last + 1n : from;
}

export function maxCountOf(maxCount: number | undefined): number {
  if (maxCount === undefined) return Number.POSITIVE_INFINITY;
  if (!Number.isInteger(maxCount) || maxCount < 0) {
    throw new RangeError(`maxCount must be a non-negative integer, got ${maxCount}`);
  }
  return maxCount;
}

export function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

export function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

export function checkMetadata(metadata: StreamMetadata): StreamMetadata {
  const checked: StreamMetadata = {};
  if (metadata.maxCount !== undefined)
    checked.maxCount = positiveInteger('maxCount', metadata.maxCount);
  if (metadata.maxAge !== undefined) checked.maxAge = positiveInteger('maxAge', metadata.maxAge);
  if (metadata.truncateBefore !== undefined) {
    if (typeof metadata.truncateBefore !== 'bigint' || metadata.truncateBefore < 0n) {
      throw new RangeError('truncateBefore must be a non-negative bigint');
    }
    checked.truncateBefore = metadata.truncateBefore;
  }
  return checked;
}

export function positiveInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  return value;
}
