// The UN's six official languages as UI languages: which have a catalogue, their text direction,
// and how the browser's preferred languages pick one. Dates and numbers use the browser's full
// locale (en-GB, fr-CH, …) even when the catalogue is the base language.
import type { Catalogue } from './messages.en.js';
import { en } from './messages.en.js';

export const unLanguages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UiLanguage = (typeof unLanguages)[number];

/**
 * Catalogues present in the bundle. Add one by writing `messages.<lang>.ts` that satisfies
 * `Catalogue` and listing it here; every key is then checked by the compiler.
 */
export const catalogues: Partial<Record<UiLanguage, Catalogue>> = { en };

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ug']);

/** 'rtl' for Arabic (and other right-to-left scripts), 'ltr' otherwise. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  const language = locale.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** The first preferred language that has a catalogue, else English. */
export function pickLanguage(preferred: readonly string[]): UiLanguage {
  for (const locale of preferred) {
    const language = locale.split(/[-_]/)[0]?.toLowerCase();
    const match = unLanguages.find((l) => l === language);
    if (match && catalogues[match]) return match;
  }
  return 'en';
}

/**
 * The locale for dates and numbers: the first preferred locale in the chosen UI language, so an
 * English UI in Geneva shows "23 Nov 2026", in New York "Nov 23, 2026".
 */
export function formattingLocale(language: UiLanguage, preferred: readonly string[]): string {
  const match = preferred.find((l) => l.toLowerCase().split(/[-_]/)[0] === language);
  return match ?? language;
}
