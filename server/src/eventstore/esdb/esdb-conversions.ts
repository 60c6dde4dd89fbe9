/**
 * Conversions between the port's revisions, positions and stream metadata and those of
 * `@eventstore/db-client`, plus the connection string scheme the v6 client understands.
 */
import { ANY, END, NO_STREAM, START, STREAM_EXISTS } from '@eventstore/db-client';
import type {
  AppendExpectedRevision,
  CurrentRevision,
  ExpectedRevision as ClientExpectedRevision,
  Position,
  ReadPosition,
  ReadRevision,
  StreamMetadata as ClientStreamMetadata,
} from '@eventstore/db-client';
import type { ExpectedRevision, StreamMetadata } from '../port.js';

/** The server's numeric expected-version codes, as they appear in raw gRPC error metadata. */
const SERVER_NO_STREAM = -1n;
const SERVER_ANY = -2n;
const SERVER_STREAM_EXISTS = -4n;

/** Positions at or above this are "no position" sentinels (-1 as uint64, or long.MaxValue). */
const MAX_INT64 = 2n ** 63n - 1n;

/**
 * The `$tb` EventStoreDB writes when it soft-deletes a stream (long.MaxValue). JSON parsing
 * in the client turns it into a double, so anything past the safe integer range is this marker.
 */
export const DELETED_STREAM_TRUNCATE_BEFORE = MAX_INT64;

export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

/**
 * Deletes and tombstones take no `stream_exists` in the v6 client (it would send the string as
 * a revision), so the caller resolves that case to an exact revision first.
 */
export function toClientDeleteExpectedRevision(
  expected: Exclude<ExpectedRevision, 'stream_exists'>,
): ClientExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    default:
      return expected;
  }
}

/**
 * The expected revision a client error reports. Errors built from raw gRPC metadata carry the
 * server's numeric codes (-1, -2, -4) instead of the named constants.
 */
export function fromClientExpectedRevision(expected: AppendExpectedRevision): ExpectedRevision {
  if (typeof expected !== 'bigint') return expected;
  if (expected === SERVER_NO_STREAM) return 'no_stream';
  if (expected === SERVER_ANY) return 'any';
  if (expected === SERVER_STREAM_EXISTS) return 'stream_exists';
  return expected;
}

export function fromClientCurrentRevision(current: CurrentRevision): bigint | 'no_stream' {
  if (current === NO_STREAM || current < 0n) return 'no_stream';
  return current;
}

/** A commit position from the client, or undefined for an absent or sentinel position. */
export function toPortPosition(commit: bigint | undefined): bigint | undefined {
  if (commit === undefined || commit < 0n || commit >= MAX_INT64) return undefined;
  return commit;
}

/**
 * The port orders events by commit position alone. Events appended over gRPC are implicitly
 * committed, so their prepare position equals their commit position and the pair is exact.
 */
export function toClientPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

export function toClientReadPosition(from: 'start' | 'end' | bigint): ReadPosition {
  if (from === 'start') return START;
  if (from === 'end') return END;
  return toClientPosition(from);
}

export function toClientReadRevision(from: 'start' | 'end' | bigint): ReadRevision {
  if (from === 'start') return START;
  if (from === 'end') return END;
  return from;
}

/** The v6 client parses only `esdb://` and `esdb+discover://`; KurrentDB's schemes mean the same. */
export function normalizeConnectionString(connectionString: string): string {
  return connectionString.replace(/^(?:kurrentdb|kurrent|kdb)(\+discover)?:\/\//i, 'esdb$1://');
}

export function toClientStreamMetadata(metadata: StreamMetadata): ClientStreamMetadata {
  const result: ClientStreamMetadata = {};
  if (metadata.maxCount !== undefined) result.maxCount = metadata.maxCount;
  if (metadata.maxAge !== undefined) result.maxAge = metadata.maxAge;
  if (metadata.truncateBefore !== undefined) {
    if (metadata.truncateBefore > BigInt(Number.MAX_SAFE_INTEGER)) {
      // The client serialises metadata with JSON.stringify, which would round the number.
      throw new RangeError(`truncateBefore ${metadata.truncateBefore} is too large to store`);
    }
    result.truncateBefore = Number(metadata.truncateBefore);
  }
  return result;
}

export function fromClientStreamMetadata(
  metadata: ClientStreamMetadata | undefined,
): StreamMetadata {
  const result: StreamMetadata = {};
  if (metadata === undefined) return result;
  if (typeof metadata.maxCount === 'number') result.maxCount = metadata.maxCount;
  if (typeof metadata.maxAge === 'number') result.maxAge = metadata.maxAge;
  const truncateBefore = metadata.truncateBefore;
  if (typeof truncateBefore === 'number' && Number.isFinite(truncateBefore)) {
    result.truncateBefore = Number.isSafeInteger(truncateBefore)
      ? BigInt(truncateBefore)
      : DELETED_STREAM_TRUNCATE_BEFORE;
  }
  return result;
}
