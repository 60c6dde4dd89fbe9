// The typed `t()` and locale-aware dates for components: the language picks the catalogue and the
// page direction (Arabic is right-to-left), the browser gives the formatting locale and time zone.
// Catalogues are ICU MessageFormat strings; the compiler reads each English message's parameters.
//
//   const { t, formatDateTime } = useI18n();
//   t('positions.objections', { count: 2 });  // a missing or misspelt parameter fails to compile
import type { IcuParamNames, IcuParamsOf } from '@accord/shared';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { browserLanguages } from './browserLanguages.js';
import { formatMessage } from './format.js';
import {
  availableLanguages,
  formattingLocale,
  loadCatalogue,
  pickLanguage,
  textDirection,
  type UiLanguage,
} from './locales.js';
import { en, type Catalogue, type MessageKey } from './messages.en.js';

type ParamsOf<K extends MessageKey> = IcuParamNames<(typeof en)[K]>;

/** Keys of messages without placeholders: what code may compute and pass to `t` alone. */
export type PlainMessageKey = {
  [K in MessageKey]: [ParamsOf<K>] extends [never] ? K : never;
}[MessageKey];

/** `t(key)` for messages without placeholders, `t(key, { … })` with exactly their parameters. */
export type Translate = <K extends MessageKey>(
  key: K,
  ...params: [ParamsOf<K>] extends [never] ? [] : [IcuParamsOf<(typeof en)[K]>]
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
  /** The UI language and its loaded catalogue; English (always in the bundle) by default. */
  language?: UiLanguage;
  catalogue?: Catalogue;
}

export function createI18n({
  preferred,
  timeZone,
  language = 'en',
  catalogue = en,
}: I18nOptions): I18n {
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
    // A catalogue older than the code may lack a key: English is better than nothing.
    const message: string = catalogue[key] ?? en[key];
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
  // The page's language and direction follow the catalogue, so an Arabic UI is mirrored. Set in
  // the same commit as the words (a layout effect), so a screen reader never meets Spanish words
  // on a page marked English, and no frame is drawn in the wrong direction.
  useLayoutEffect(() => {
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

export interface LanguageChoice {
  language: UiLanguage;
  /** True while the chosen language's catalogue is being downloaded. */
  loading: boolean;
  /** Shows the UI in `language` (saving the choice is the caller's business). */
  choose: (language: UiLanguage) => void;
}

const LanguageChoiceContext = createContext<LanguageChoice | null>(null);

/**
 * The app's I18n: the browser's language until someone chooses one, each catalogue loaded when
 * first needed. While a catalogue downloads the previous language stays on screen; at start,
 * when the browser asks for a language other than English, nothing is shown for that moment
 * rather than English flashing by.
 */
export function LanguageRoot({ children }: { children: ReactNode }) {
  const preferred = useMemo(() => browserLanguages(), []);
  const [language, setLanguage] = useState<UiLanguage>(() => pickLanguage(preferred));
  const [i18n, setI18n] = useState<I18n | null>(() =>
    language === 'en' ? createI18n({ preferred }) : null,
  );
  // A language whose catalogue is not in the tree yet is shown in English.
  const shown: UiLanguage = availableLanguages.includes(language) ? language : 'en';
  useEffect(() => {
    let current = true;
    loadCatalogue(shown).then(
      (catalogue) => current && setI18n(createI18n({ preferred, language: shown, catalogue })),
      // The chunk could not be downloaded: English, which is always there.
      () => current && setI18n((previous) => previous ?? createI18n({ preferred })),
    );
    return () => {
      current = false;
    };
  }, [shown, preferred]);
  const choose = useCallback((next: UiLanguage) => setLanguage(next), []);
  const choice = useMemo(
    () => ({ language, loading: i18n?.language !== shown, choose }),
    [language, shown, i18n, choose],
  );
  if (!i18n) return null;
  return (
    <LanguageChoiceContext.Provider value={choice}>
      <I18nProvider i18n={i18n}>{children}</I18nProvider>
    </LanguageChoiceContext.Provider>
  );
}

const fixedLanguage = () => {};

/**
 * The language choice of the LanguageRoot above; under a bare I18nProvider (tests, a fixed
 * language) the provider's language, which cannot be changed.
 */
export function useLanguageChoice(): LanguageChoice {
  const choice = useContext(LanguageChoiceContext);
  const { language } = useI18n();
  return useMemo(
    () => choice ?? { language, loading: false, choose: fixedLanguage },
    [choice, language],
  );
}
