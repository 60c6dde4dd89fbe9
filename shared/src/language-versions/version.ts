// A language version as of now, pure: for each paragraph of the original, its translation and
// whether that is current (translates the original's words as they read now), out of date (the
// original changed since; with the redline of what changed, from the same word diff as the
// comparison of two revisions) or missing. Counts per status make the version's burn-down.
//
//   languageVersion(paragraphs, state, 'fr').counts   // { current: 19, outOfDate: 1, missing: 1 }
import { compareTexts, type ComparisonRun } from '../consensus/comparison.js';
import { numberParagraphs } from '../numbering.js';
import type { ParagraphKind } from '../vocabulary.js';
import type { UnLanguage } from './languages.js';
import { translationOf, type ParagraphTranslation, type TranslationsState } from './state.js';

export const translationStatuses = ['current', 'out-of-date', 'missing'] as const;
export type TranslationStatus = (typeof translationStatuses)[number];

export interface OriginalParagraph {
  id: string;
  kind: ParagraphKind;
  text: string;
}

export interface VersionParagraph {
  paragraphId: string;
  kind: ParagraphKind;
  label: string | null;
  /** The original's words now. */
  original: string;
  translation: ParagraphTranslation | null;
  status: TranslationStatus;
  /** Out of date only: how the original changed since the words the translation translates. */
  redline: ComparisonRun[] | null;
}

export interface TranslationCounts {
  current: number;
  outOfDate: number;
  missing: number;
  total: number;
}

export interface LanguageVersion {
  language: UnLanguage;
  paragraphs: VersionParagraph[];
  counts: TranslationCounts;
}

/** Whether a translation still translates the original as it reads now. */
export function translationStatus(
  originalNow: string,
  translation: ParagraphTranslation | undefined,
): TranslationStatus {
  if (!translation) return 'missing';
  return translation.source.text === originalNow ? 'current' : 'out-of-date';
}

/** What changed in one paragraph of the original between two of its wordings, as word runs. */
export function originalRedline(
  paragraph: Pick<OriginalParagraph, 'id' | 'kind'>,
  before: string,
  now: string,
): ComparisonRun[] {
  const compared = compareTexts(
    [{ id: paragraph.id, kind: paragraph.kind, text: before }],
    [{ id: paragraph.id, kind: paragraph.kind, text: now }],
  );
  return compared.paragraphs[0]?.runs ?? [];
}

export function countStatuses(statuses: readonly TranslationStatus[]): TranslationCounts {
  return {
    current: statuses.filter((s) => s === 'current').length,
    outOfDate: statuses.filter((s) => s === 'out-of-date').length,
    missing: statuses.filter((s) => s === 'missing').length,
    total: statuses.length,
  };
}

export function languageVersion(
  original: readonly OriginalParagraph[],
  state: TranslationsState,
  language: UnLanguage,
): LanguageVersion {
  const labels = new Map(numberParagraphs(original).map((p) => [p.id, p.label]));
  const paragraphs = original.map((p): VersionParagraph => {
    const translation = translationOf(state, language, p.id);
    const status = translationStatus(p.text, translation);
    return {
      paragraphId: p.id,
      kind: p.kind,
      label: labels.get(p.id) ?? null,
      original: p.text,
      translation: translation ?? null,
      status,
      redline:
        status === 'out-of-date' ? originalRedline(p, translation!.source.text, p.text) : null,
    };
  });
  return { language, paragraphs, counts: countStatuses(paragraphs.map((p) => p.status)) };
}

/** Only the counts, for every language at once (no redlines computed). */
export function translationCounts(
  original: readonly OriginalParagraph[],
  state: TranslationsState,
  languages: readonly UnLanguage[],
): { language: UnLanguage; counts: TranslationCounts }[] {
  return languages.map((language) => ({
    language,
    counts: countStatuses(
      original.map((p) => translationStatus(p.text, translationOf(state, language, p.id))),
    ),
  }));
}
