// The expected-revision decision on the corner cases the contract cannot reach on EventStoreDB:
// soft-deleted and recreated streams, metadata-only streams, tombstones and idempotency details.
import { describe, expect, it } from 'vitest';
import { StreamDeleted, WrongExpectedVersion } from '../errors.js';
import type { ExpectedRevision } from '../port.js';
import { checkExpectedRevision, type StoredIds, type StreamState } from './expected-revision.js';

const missing: StreamState = {
  lastRevision: -1n,
  known: false,
  softDeleted: false,
  deletedBefore: undefined,
  tombstoned: false,
};
const atRevision = (lastRevision: bigint, extra: Partial<StreamState> = {}): StreamState => ({
  ...missing,
  known: true,
  lastRevision,
  ...extra,
});

/** A stream holding the given ids at revisions 0, 1, … */
const holding = (ids: string[]): StoredIds => ({
  idsFrom: (from, count) => ids.slice(Number(from), Number(from) + count),
  revisionOf: (id) => (ids.includes(id) ? BigInt(ids.indexOf(id)) : undefined),
});

const check = (
  state: StreamState,
  expected: ExpectedRevision,
  ids: string[],
  stored = holding([]),
) => checkExpectedRevision('s', state, expected, ids, stored);

describe('checkExpectedRevision', () => {
  it('refuses everything on a tombstoned stream with StreamDeleted', () => {
    const tombstoned = atRevision(3n, { tombstoned: true });
    for (const expected of ['any', 'no_stream', 'stream_exists', 3n] as const) {
      expect(() => check(tombstoned, expected, ['x'])).toThrow(StreamDeleted);
    }
  });

  it('lets stream_exists through on a stream that only has metadata, as ESDB does', () => {
    expect(check(atRevision(-1n), 'stream_exists', ['x'])).toEqual({ outcome: 'write' });
  });

  describe('on a soft-deleted stream (revisions 0..2, nothing written since)', () => {
    const softDeleted = atRevision(2n, { softDeleted: true, deletedBefore: 3n });
    const stored = holding(['a', 'b', 'c']);

    it('accepts no_stream and any', () => {
      expect(check(softDeleted, 'no_stream', ['x'], stored)).toEqual({ outcome: 'write' });
      expect(check(softDeleted, 'any', ['x'], stored)).toEqual({ outcome: 'write' });
    });

    it('accepts the last revision, which numbering continues from', () => {
      expect(check(softDeleted, 2n, ['x'], stored)).toEqual({ outcome: 'write' });
    });

    it('answers stream_exists with StreamDeleted, as ESDB does', () => {
      expect(() => check(softDeleted, 'stream_exists', ['x'], stored)).toThrow(StreamDeleted);
    });

    it('reports the last revision as the actual one on a mismatch', () => {
      expect(() => check(softDeleted, 5n, ['x'], stored)).toThrow(
        expect.objectContaining({ expected: 5n, actual: 2n }) as Error,
      );
    });
  });

  it('keeps the append that recreated a soft-deleted stream idempotent', () => {
    const recreated = atRevision(4n, { deletedBefore: 3n });
    const stored = holding(['a', 'b', 'c', 'x', 'y']);
    expect(check(recreated, 'no_stream', ['x', 'y'], stored)).toEqual({
      outcome: 'idempotent',
      lastRevision: 4n,
    });
    expect(() => check(recreated, 'no_stream', ['a', 'b'], stored)).toThrow(WrongExpectedVersion);
  });

  it('treats a retry of only the first events of an earlier append as idempotent', () => {
    const stored = holding(['a', 'b', 'c']);
    expect(check(atRevision(2n), 'no_stream', ['a'], stored)).toEqual({
      outcome: 'idempotent',
      lastRevision: 0n,
    });
    expect(check(atRevision(2n), 'any', ['b', 'c'], stored)).toEqual({
      outcome: 'idempotent',
      lastRevision: 2n,
    });
  });

  it('refuses an any-append whose ids are stored out of order', () => {
    const stored = holding(['a', 'b', 'c']);
    expect(() => check(atRevision(2n), 'any', ['a', 'c'], stored)).toThrow(WrongExpectedVersion);
  });

  it('lets an any-append with a fresh first id through (the insert guards later ids)', () => {
    const stored = holding(['a', 'b']);
    expect(check(atRevision(1n), 'any', ['z', 'a'], stored)).toEqual({ outcome: 'write' });
  });

  it('refuses a delete (no events) expecting an older revision', () => {
    expect(() => check(atRevision(2n), 1n, [])).toThrow(WrongExpectedVersion);
    expect(() => check(atRevision(2n), 'no_stream', [])).toThrow(WrongExpectedVersion);
    expect(check(atRevision(2n), 2n, [])).toEqual({ outcome: 'write' });
  });

  it('refuses a negative expected revision as a programming error', () => {
    expect(() => check(atRevision(2n), -1n, ['x'])).toThrow(RangeError);
  });
});
