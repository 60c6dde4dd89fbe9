// The sign-in screen's words in the reader's language, without the app's catalogues and ICU
// formatter: each language's few messages are cut out of its catalogue at build time (see the
// `accord-sign-in-messages` plugin in vite.config.ts), English in the sign-in chunk, the other
// languages each in a small chunk of their own. The build refuses a message here that is more
// than text with `{name}` placeholders, so filling those in is all the formatting needed.
import english from 'virtual:sign-in-messages/en';
import type { MessageKey } from '../../i18n/messages.en.js';
import type { UiLanguage } from '../../i18n/locales.js';

/** Keys the sign-in screen may show: the prefixes the build cuts out (SIGN_IN_PREFIXES). */
export type SignInKey = Extract<
  MessageKey,
  `app.${string}` | `signIn.${string}` | `error.${string}`
>;

/** `t` for the sign-in screen: a message with its `{name}` placeholders filled in. */
export type SignInTranslate = (key: SignInKey, params?: Record<string, string>) => string;

const loaders: Record<UiLanguage, () => Promise<Record<string, string>>> = {
  en: () => Promise.resolve(english),
  ar: () => import('virtual:sign-in-messages/ar').then((m) => m.default),
  zh: () => import('virtual:sign-in-messages/zh').then((m) => m.default),
  ru: () => import('virtual:sign-in-messages/ru').then((m) => m.default),
  fr: () => import('virtual:sign-in-messages/fr').then((m) => m.default),
  es: () => import('virtual:sign-in-messages/es').then((m) => m.default),
};

/** The sign-in messages of `language` (English when its chunk cannot be fetched). */
export async function signInTranslate(language: UiLanguage): Promise<SignInTranslate> {
  const messages = await loaders[language]().catch(() => english);
  return (key, params = {}) =>
    // A catalogue older than the code may lack a key: English is better than nothing.
    (messages[key] ?? english[key] ?? key).replace(
      /\{(\w+)\}/g,
      (placeholder, name: string) => params[name] ?? placeholder,
    );
}
