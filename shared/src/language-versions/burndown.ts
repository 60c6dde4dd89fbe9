// The burn-down of language versions, pure: for each day, how many paragraphs of each language
// version were current at the day's end (translating the original's words as they read then),
// out of the paragraphs the original had that day. The edges give the original's paragraphs at
// each day's end and the translation events; each event carries its own `translatedAt`.
//
//   translationBurndown([{ day: '2026-03-04', original }], events, ['fr', 'ar']);
//   // [{ day: '2026-03-04', languages: [{ language: 'fr', current: 12, total: 21 }, …] }]
import type { TranslationEvent } from './events.js';
import type { UnLanguage } from './languages.js';
import { evolveTranslations, initialTranslationsState } from './state.js';
import { translationCounts, type OriginalParagraph } from './version.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** At most this many days are drawn: a month shows the trend without a long flat tail. */
export const BURNDOWN_MAX_DAYS = 31;

export interface BurndownDayInput {
  /** UTC calendar day, YYYY-MM-DD. */
  day: string;
  /** The original's paragraphs as they read at the day's end. */
  original: readonly OriginalParagraph[];
}

export interface BurndownDay {
  day: string;
  languages: { language: UnLanguage; current: number; total: number }[];
}

/** The last instant of a UTC day. */
export const endOfDay = (day: string): string => `${day}T23:59:59.999Z`;

/** The UTC days from `fromIso`'s to `toIso`'s, both included; only the last `max` of them. */
export function burndownDays(fromIso: string, toIso: string, max = BURNDOWN_MAX_DAYS): string[] {
  const first = Date.parse(fromIso.slice(0, 10));
  const last = Date.parse(toIso.slice(0, 10));
  if (!Number.isFinite(first) || !Number.isFinite(last) || last < first) return [];
  const start = Math.max(first, last - (max - 1) * DAY_MS);
  const days: string[] = [];
  for (let ms = start; ms <= last; ms += DAY_MS) days.push(new Date(ms).toISOString().slice(0, 10));
  return days;
}

export function translationBurndown(
  days: readonly BurndownDayInput[],
  events: readonly TranslationEvent[],
  languages: readonly UnLanguage[],
): BurndownDay[] {
  const ordered = [...events].sort((a, b) =>
    a.data.translatedAt.localeCompare(b.data.translatedAt),
  );
  let state = initialTranslationsState();
  let next = 0;
  return [...days]
    .sort((a, b) => a.day.localeCompare(b.day))
    .map(({ day, original }) => {
      const end = Date.parse(endOfDay(day));
      while (next < ordered.length && Date.parse(ordered[next]!.data.translatedAt) <= end) {
        state = evolveTranslations(state, ordered[next]!);
        next += 1;
      }
      return {
        day,
        languages: translationCounts(original, state, languages).map(({ language, counts }) => ({
          language,
          current: counts.current,
          total: counts.total,
        })),
      };
    });
}
