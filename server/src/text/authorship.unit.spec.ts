// How characters credited to updates become runs: merged by person, stakeholder, amendment and
// UTC day; split when any of them changes; unknown characters kept, credited to nobody.
import { describe, expect, it } from 'vitest';
import { runsOf } from './authorship.js';
import type { TextUpdateInfo } from './change-attribution.js';

const update = (
  stakeholderId: string,
  userId: string,
  occurredAt: string,
  amendmentId: string | null = null,
): TextUpdateInfo => ({
  contributor: { stakeholderId, userId, amendmentId },
  occurredAt,
  revision: 0n,
});

const updates = [
  update('ken', 'u1', '2026-03-02T09:00:00.000Z'),
  update('ken', 'u1', '2026-03-02T17:30:00.000Z'),
  update('ken', 'u1', '2026-03-03T08:00:00.000Z'),
  update('nor', 'u2', '2026-03-02T10:00:00.000Z'),
  update('nor', 'u3', '2026-03-02T10:00:00.000Z', 'amendment-1'),
  update('', '', '2026-03-02T10:00:00.000Z'),
];

const brief = (text: string, writtenBy: number[]) =>
  runsOf(text, writtenBy, updates).map((r) => [r.text, r.stakeholderId, r.at, r.until]);

describe('runs of a paragraph', () => {
  it('merges one person’s edits of one day and spans their times', () => {
    expect(brief('abcd', [1, 0, 0, 1])).toEqual([
      ['abcd', 'ken', '2026-03-02T09:00:00.000Z', '2026-03-02T17:30:00.000Z'],
    ]);
  });

  it('splits at a new day, another person or an amendment', () => {
    expect(brief('aabbccdd', [0, 0, 2, 2, 3, 3, 4, 4]).map((r) => r.slice(0, 2))).toEqual([
      ['aa', 'ken'],
      ['bb', 'ken'],
      ['cc', 'nor'],
      ['dd', 'nor'],
    ]);
    expect(runsOf('dd', [4, 4], updates)[0]).toMatchObject({
      userId: 'u3',
      amendmentId: 'amendment-1',
    });
  });

  it('keeps characters no update accounts for, credited to nobody', () => {
    expect(brief('abc', [-1, 5, 0])).toEqual([
      ['ab', null, null, null],
      ['c', 'ken', '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z'],
    ]);
  });

  it('gives an empty paragraph no runs', () => {
    expect(runsOf('', [], updates)).toEqual([]);
  });
});
