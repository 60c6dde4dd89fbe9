// The typed `t()` and locale-aware dates for components: the language picks the catalogue and the
// page direction (Arabic is right-to-left), the browser gives the formatting locale and time zone.
//
//   const { t, formatDateTime } = useI18n();
//   t('positions.objections', { count: 2 });  // a missing or misspelt parameter fails to compile
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { formatMessage, type Message, type PluralMessage } from './format.js';
import {
  catalogues,
  formattingLocale,
  pickLanguage,
  textDirection,
  type UiLanguage,
} from './locales.js';
import { en, type Catalogue, type MessageKey } from './messages.en.js';

type ParamNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never;

type ParamsOf<M> = M extends string
  ? ParamNames<M>
  : M extends PluralMessage
    ? 'count' | ParamNames<Extract<M[keyof M], string>>
    : never;

type Params<K extends MessageKey> = {
  [P in ParamsOf<(typeof en)[K]>]: P extends 'count' ? number : string | number;
};

/** Keys of messages without placeholders: what code may compute and pass to `t` alone. */
export type PlainMessageKey = {
  [K in MessageKey]: [ParamsOf<(typeof en)[K]>] extends [never] ? K : never;
}[MessageKey];

/** `t(key)` for messages without placeholders, `t(key, { … })` with exactly their parameters. */
export type Translate = <K extends MessageKey>(
  key: K,
  ...params: [ParamsOf<(typeof en)[K]>] extends [never] ? [] : [Params<K>]
) => string;

export interface I18n {
  language: UiLanguage;
  /** Locale for dates and numbers, e.g. 'en-GB'. */
  locale: string;
  dir: 'ltr' | 'rtl';
  timeZone: string;
  t: Translate;
  formatDate: (iso: string) => string;
  formatDateTime: (iso: string) => string;
  formatTime: (iso: string) => string;
  /** "5 minutes ago", "yesterday" — relative to `now` (defaults to the current time). */
  formatRelative: (iso: string, now?: Date) => string;
  formatList: (items: readonly string[]) => string;
}

export interface I18nOptions {
  /** The browser's preferred locales (navigator.languages). */
  preferred: readonly string[];
  /** IANA time zone; defaults to the browser's. */
  timeZone?: string;
}

export function createI18n({ preferred, timeZone }: I18nOptions): I18n {
  const language = pickLanguage(preferred);
  const catalogue: Catalogue = catalogues[language] ?? en;
  const locale = formattingLocale(language, preferred);
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: zone });
  const dateTime = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const list = new Intl.ListFormat(locale, { style: 'short', type: 'conjunction' });

  const t = ((key: MessageKey, params?: Record<string, string | number>) => {
    const message: Message = catalogue[key] ?? en[key];
    return formatMessage(locale, message, params);
  }) as Translate;

  return {
    language,
    locale,
    dir: textDirection(language),
    timeZone: zone,
    t,
    formatDate: (iso) => date.format(new Date(iso)),
    formatDateTime: (iso) => dateTime.format(new Date(iso)),
    formatTime: (iso) => time.format(new Date(iso)),
    formatRelative: (iso, now = new Date()) => {
      const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
      const abs = Math.abs(seconds);
      if (abs < 60) return relative.format(Math.round(seconds), 'second');
      if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
      if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
      if (abs < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
      return date.format(new Date(iso));
    },
    formatList: (items) => list.format(items),
  };
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  // The page's language and direction follow the catalogue, so an Arabic UI is mirrored.
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.documentElement.dir = i18n.dir;
  }, [i18n]);
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** An I18n for the browser this runs in. */
export function useBrowserI18n(): I18n {
  return useMemo(
    () =>
      createI18n({
        preferred: navigator.languages.length > 0 ? navigator.languages : [navigator.language],
      }),
    [],
  );
}
