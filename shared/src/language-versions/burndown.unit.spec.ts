// The burn-down of language versions, given translation events and the original day by day:
// translations count from the day they were made, a change to the original takes them out of
// the count until they are redone, and the days are a bounded run of UTC calendar days.
import { describe, expect, it } from 'vitest';
import { uuid } from '../test-support/fixtures.js';
import { burndownDays, translationBurndown } from './burndown.js';
import type { TranslationEvent } from './events.js';
import type { OriginalParagraph } from './version.js';

const documentId = uuid(2);
const P1 = uuid(301);
const P2 = uuid(302);
const by = { userId: uuid(104), stakeholderId: uuid(16) };

const translated = (
  paragraphId: string,
  source: string,
  translatedAt: string,
  language: 'fr' | 'ar' = 'fr',
): TranslationEvent => ({
  type: 'ParagraphTranslated',
  data: {
    documentId,
    language,
    paragraphId,
    text: `(${language}) ${source}`,
    source: { text: source, textRevision: '4' },
    translatedBy: by,
    translatedAt,
  },
});

const V1 = 'Commit to protect outdoor workers.';
const V2 = 'Commit to protect all outdoor workers.';
const OTHER = 'Invite cities to publish plans.';
const original = (p1: string): OriginalParagraph[] => [
  { id: P1, kind: 'operative', text: p1 },
  { id: P2, kind: 'operative', text: OTHER },
];
const current = (days: ReturnType<typeof translationBurndown>, language: 'fr' | 'ar') =>
  days.map((d) => d.languages.find((l) => l.language === language)!.current);

describe('the language burn-down', () => {
  it('counts a translation from the end of the day it was made', () => {
    // Given one paragraph translated on the 2nd and the other on the 3rd
    const events = [
      translated(P1, V1, '2026-03-02T10:00:00.000Z'),
      translated(P2, OTHER, '2026-03-03T16:00:00.000Z'),
    ];
    // When the burn-down covers the 1st to the 3rd
    const days = translationBurndown(
      ['2026-03-01', '2026-03-02', '2026-03-03'].map((day) => ({ day, original: original(V1) })),
      events,
      ['fr', 'ar'],
    );
    // Then French climbs 0, 1, 2 of 2 and Arabic stays at 0
    expect(current(days, 'fr')).toEqual([0, 1, 2]);
    expect(current(days, 'ar')).toEqual([0, 0, 0]);
    expect(days.every((d) => d.languages.every((l) => l.total === 2))).toBe(true);
  });

  it('drops a translation while the original reads otherwise, and counts it again once redone', () => {
    // Given P1 translated on the 2nd, its original changed on the 3rd, redone on the 4th
    const events = [
      translated(P1, V1, '2026-03-02T10:00:00.000Z'),
      translated(P2, OTHER, '2026-03-02T11:00:00.000Z'),
      translated(P1, V2, '2026-03-04T09:00:00.000Z'),
    ];
    const days = translationBurndown(
      [
        { day: '2026-03-02', original: original(V1) },
        { day: '2026-03-03', original: original(V2) },
        { day: '2026-03-04', original: original(V2) },
      ],
      // Events in any order: each carries when it was made.
      [...events].reverse(),
      ['fr'],
    );
    // Then French reads 2, 1, 2 current
    expect(current(days, 'fr')).toEqual([2, 1, 2]);
  });

  it('runs over UTC calendar days, at most the last month', () => {
    expect(burndownDays('2026-03-01T23:00:00.000Z', '2026-03-03T01:00:00.000Z')).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
    ]);
    const long = burndownDays('2026-01-01T00:00:00.000Z', '2026-03-31T12:00:00.000Z');
    expect(long).toHaveLength(31);
    expect(long.at(-1)).toBe('2026-03-31');
    expect(burndownDays('2026-03-05T00:00:00.000Z', '2026-03-01T00:00:00.000Z')).toEqual([]);
  });
});
