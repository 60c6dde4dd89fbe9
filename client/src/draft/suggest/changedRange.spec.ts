import { describe, expect, it } from 'vitest';
import { changedRange } from './changedRange.js';

/** Applies a change to the words it was computed on, as the server would on acceptance. */
const apply = (before: string, change: NonNullable<ReturnType<typeof changedRange>>) =>
  before.slice(0, change.start) + change.proposedText + before.slice(change.end);

describe('the range a suggestion becomes', () => {
  it('is nothing when the words are unchanged', () => {
    expect(changedRange('Cities shall act.', 'Cities shall act.')).toBeNull();
  });

  it('widens a change inside a word to the whole word', () => {
    expect(changedRange('every city now', 'every cities now')).toEqual({
      kind: 'replace',
      start: 6,
      end: 10,
      originalText: 'city',
      proposedText: 'cities',
    });
  });

  it('is an insertion when only words were added', () => {
    const before = 'Cities shall publish heat plans.';
    const change = changedRange(before, 'Cities shall publish heat action plans.');
    expect(change).toEqual({
      kind: 'insert',
      start: 26,
      end: 26,
      originalText: '',
      proposedText: 'action ',
    });
    expect(apply(before, change!)).toBe('Cities shall publish heat action plans.');
  });

  it('is a deletion when only words were removed', () => {
    const before = 'States shall urgently adopt plans.';
    const change = changedRange(before, 'States shall adopt plans.');
    expect(change).toMatchObject({ kind: 'delete', originalText: 'urgently ', proposedText: '' });
    expect(apply(before, change!)).toBe('States shall adopt plans.');
  });

  it('adds words at the very end and the very start', () => {
    expect(changedRange('Act now', 'Act now.')).toMatchObject({
      kind: 'replace',
      originalText: 'now',
      proposedText: 'now.',
    });
    expect(changedRange('act now', 'We act now')).toMatchObject({
      kind: 'insert',
      start: 0,
      end: 0,
      proposedText: 'We ',
    });
  });

  it('spans every changed word between the first and the last change', () => {
    const before = 'Parties shall consider heat plans by 2030.';
    const after = 'Parties must adopt heat plans by 2028.';
    const change = changedRange(before, after)!;
    expect(change.kind).toBe('replace');
    expect(change.originalText).toBe('shall consider heat plans by 2030.');
    expect(apply(before, change)).toBe(after);
  });

  it('always rebuilds the new words from the old', () => {
    const pairs: [string, string][] = [
      ['a b', 'a new b'],
      ['a b c', 'a c'],
      ['the the the', 'the the'],
      ['x', ''],
      ['', 'Fresh words.'],
      ['heat-health warning', 'heat–health warnings'],
    ];
    for (const [before, after] of pairs)
      expect(apply(before, changedRange(before, after)!)).toBe(after);
  });
});
