// The languages a text's versions are written in (the six UN languages of ../i18n/languages.ts),
// with what the language versions need of each: its names, its writing direction, and the few
// words an export prints in that language (a paragraph not yet translated, a translation that no
// longer matches the original).
import { z } from 'zod';
import { nativeLanguageNames, textDirection, unLanguages } from '../i18n/languages.js';

export const unLanguageSchema = z.enum(unLanguages);
export type UnLanguage = z.infer<typeof unLanguageSchema>;

/**
 * The language a document is drafted in. Documents do not record one yet; multilateral texts
 * are negotiated in English, so that is assumed until a document says otherwise.
 */
export const ORIGINAL_LANGUAGE: UnLanguage = 'en';

export interface LanguageInfo {
  /** The language's own name for itself ("Français"). */
  name: string;
  /** Its English name, for logs and the API. */
  englishName: string;
  dir: 'ltr' | 'rtl';
  /** Printed in an export in place of a paragraph not yet translated. */
  missingMark: string;
  /** Printed after a translation whose original has changed since. */
  outOfDateMark: string;
  /** The subtitle of a clean text exported in this language. */
  cleanTextTitle: string;
}

/** What an export prints in each language, and the English name. */
const WORDS: Readonly<
  Record<
    UnLanguage,
    Pick<LanguageInfo, 'englishName' | 'missingMark' | 'outOfDateMark' | 'cleanTextTitle'>
  >
> = {
  ar: {
    englishName: 'Arabic',
    missingMark: '[الترجمة غير متوفرة]',
    outOfDateMark: '[الترجمة تحتاج إلى تحديث]',
    cleanTextTitle: 'النص النظيف',
  },
  zh: {
    englishName: 'Chinese',
    missingMark: '[尚无译文]',
    outOfDateMark: '[译文需要更新]',
    cleanTextTitle: '清洁文本',
  },
  en: {
    englishName: 'English',
    missingMark: '[Translation missing]',
    outOfDateMark: '[Translation out of date]',
    cleanTextTitle: 'Clean text',
  },
  fr: {
    englishName: 'French',
    missingMark: '[Traduction manquante]',
    outOfDateMark: '[Traduction à mettre à jour]',
    cleanTextTitle: 'Texte mis au propre',
  },
  ru: {
    englishName: 'Russian',
    missingMark: '[Перевод отсутствует]',
    outOfDateMark: '[Перевод требует обновления]',
    cleanTextTitle: 'Чистый текст',
  },
  es: {
    englishName: 'Spanish',
    missingMark: '[Falta la traducción]',
    outOfDateMark: '[Traducción por actualizar]',
    cleanTextTitle: 'Texto limpio',
  },
};

export const languageInfo = (language: UnLanguage): LanguageInfo => ({
  name: nativeLanguageNames[language],
  dir: textDirection(language),
  ...WORDS[language],
});

/** The languages a document can have versions in: every UN language but its original. */
export const targetLanguages = (original: UnLanguage = ORIGINAL_LANGUAGE): UnLanguage[] =>
  unLanguages.filter((language) => language !== original);
