// The UN's six official languages as interface languages: their codes, the name each gives
// itself (what a language menu shows), text direction, and how a list of preferred locales
// (a browser's, an Accept-Language header's) picks one of them.
import { z } from 'zod';

export const unLanguages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UiLanguage = (typeof unLanguages)[number];
export const uiLanguageSchema = z.enum(unLanguages);

/** Each language in its own script: a reader finds theirs without knowing the current one. */
export const nativeLanguageNames: Readonly<Record<UiLanguage, string>> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (unLanguages as readonly string[]).includes(value);
}

/** 'de-CH' → 'de': the part of a BCP 47 tag that names the language. */
export function baseLanguage(locale: string): string {
  return locale.split(/[-_]/)[0]?.toLowerCase() ?? '';
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ug']);

/** 'rtl' for Arabic (and other right-to-left scripts), 'ltr' otherwise. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(baseLanguage(locale)) ? 'rtl' : 'ltr';
}

/**
 * The first preferred locale whose language is one of `available`, else English (always
 * available: it is the reference catalogue).
 */
export function pickUiLanguage(
  preferred: readonly string[],
  available: readonly UiLanguage[] = unLanguages,
): UiLanguage {
  for (const locale of preferred) {
    const language = baseLanguage(locale);
    const match = available.find((l) => l === language);
    if (match) return match;
  }
  return 'en';
}
