// The e-mail catalogues of six languages and one formatter over them (intl-messageformat). A
// missing or broken message falls back to English rather than failing the whole e-mail.
import { IntlMessageFormat } from 'intl-messageformat';
import { ar } from './messages.ar.js';
import { en, type Catalogue, type MessageKey } from './messages.en.js';
import { es } from './messages.es.js';
import { fr } from './messages.fr.js';
import { ru } from './messages.ru.js';
import { zh } from './messages.zh.js';

export type { MessageKey } from './messages.en.js';

export const mailLanguages = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;
export type MailLanguage = (typeof mailLanguages)[number];

const catalogues: Record<MailLanguage, Catalogue> = { en, fr, es, ar, zh, ru };

export const isMailLanguage = (value: unknown): value is MailLanguage =>
  typeof value === 'string' && (mailLanguages as readonly string[]).includes(value);

/** Parsed messages are kept: a digest formats the same few many times. */
const cache = new Map<string, IntlMessageFormat>();

export type MessageValues = Record<string, string | number>;

export function formatMessage(
  language: MailLanguage,
  key: MessageKey,
  values: MessageValues = {},
): string {
  try {
    return compiled(language, key).format(values) as string;
  } catch {
    return compiled('en', key).format(values) as string;
  }
}

function compiled(language: MailLanguage, key: MessageKey): IntlMessageFormat {
  const id = `${language}:${key}`;
  let format = cache.get(id);
  if (!format) {
    format = new IntlMessageFormat(catalogues[language][key], language);
    cache.set(id, format);
  }
  return format;
}

/** Writing direction, for the HTML part. */
export const directionOf = (language: MailLanguage): 'rtl' | 'ltr' =>
  language === 'ar' ? 'rtl' : 'ltr';

/** An instant as the reader's language writes it, in UTC (the e-mail cannot know their zone). */
export const formatInstant = (language: MailLanguage, iso: string): string =>
  `${new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso))} UTC`;
