/**
 * The labels of exported files in the six UN languages: one ICU catalogue per language
 * (messages.*.ts, checked by `npm run check:i18n`) and a translator bound to one language.
 * The label language is the export's language version, else the requester's interface
 * language, else English; it never changes the document's own words. Numbering labels (PP 2,
 * OP 1 (a)) stay as the negotiation numbers them in every language: they are how delegations cite
 * paragraphs across language versions, and a language version has no numbering of its own.
 *
 *   const t = exportLabels('fr');
 *   t('cover.asOf'); // "État au"
 *   t.instant('2026-03-04T09:00:00.000Z'); // "4 mars 2026, 09:00 UTC"
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { ar } from './messages.ar.js';
import { en, type ExportCatalogue, type ExportMessageKey } from './messages.en.js';
import { es } from './messages.es.js';
import { fr } from './messages.fr.js';
import { ru } from './messages.ru.js';
import { zh } from './messages.zh.js';

export type { ExportMessageKey } from './messages.en.js';

export const exportLanguages = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;
export type ExportLanguage = (typeof exportLanguages)[number];

const catalogues: Record<ExportLanguage, ExportCatalogue> = { en, fr, es, ar, zh, ru };

export const isExportLanguage = (value: unknown): value is ExportLanguage =>
  typeof value === 'string' && (exportLanguages as readonly string[]).includes(value);

/** The Intl locale for dates: British English keeps the day before the month, as UN texts do. */
const intlLocale = (language: ExportLanguage): string => (language === 'en' ? 'en-GB' : language);

export type LabelValues = Record<string, string | number>;

export interface ExportLabels {
  (key: ExportMessageKey, values?: LabelValues): string;
  language: ExportLanguage;
  /** A UTC instant as this language writes it: "4 March 2026, 09:00 UTC". */
  instant: (iso: string) => string;
  /** The UTC day of an instant or a YYYY-MM-DD date, as this language writes it: "4 March 2026". */
  date: (iso: string) => string;
  /** Words quoted with this language's quotation marks. */
  quote: (text: string) => string;
  /** Names joined as this language lists them: "Ghana and Norway", "Ghana et la Norvège". */
  list: (items: readonly string[]) => string;
}

/** Parsed messages are kept: an export formats the same few labels many times. */
const cache = new Map<string, IntlMessageFormat>();

function compiled(language: ExportLanguage, key: ExportMessageKey): IntlMessageFormat {
  const id = `${language}:${key}`;
  let format = cache.get(id);
  if (!format) {
    format = new IntlMessageFormat(catalogues[language][key], intlLocale(language));
    cache.set(id, format);
  }
  return format;
}

/** A translator for one language; a broken message falls back to English, never fails a file. */
export function exportLabels(language: ExportLanguage = 'en'): ExportLabels {
  const t = (key: ExportMessageKey, values: LabelValues = {}): string => {
    try {
      return String(compiled(language, key).format(values));
    } catch {
      return String(compiled('en', key).format(values));
    }
  };
  const locale = intlLocale(language);
  return Object.assign(t, {
    language,
    instant: (iso: string): string => {
      const at = new Date(iso);
      if (!Number.isFinite(at.getTime())) return iso;
      const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
      const time = new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'UTC',
      });
      return t('instant', { date: date.format(at), time: time.format(at) });
    },
    date: (iso: string): string => {
      const at = new Date(iso);
      if (!Number.isFinite(at.getTime())) return iso;
      return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
    },
    quote: (text: string) => t('quote', { text }),
    list: (items: readonly string[]) =>
      new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items),
  });
}

/**
 * The label language of a file someone asks for: the first language given (`?lang=`, a language
 * version's), else the reader's interface language, else English.
 */
export function labelLanguage(
  asked: readonly (ExportLanguage | undefined)[],
  reader: { language?: ExportLanguage } | undefined,
): ExportLanguage {
  return asked.find((l) => l !== undefined) ?? reader?.language ?? 'en';
}
