// The UN's six official languages as UI languages (defined in @accord/shared so the server
// speaks the same ones): which catalogues exist, how each is loaded, and how the browser's
// preferred languages pick one. English is in the main bundle as the fallback; every other
// catalogue is its own chunk, downloaded only when someone chooses that language. Dates and
// numbers use the browser's full locale (en-GB, fr-CH, …) even when the catalogue is the base
// language.
import { pickUiLanguage, type UiLanguage } from '@accord/shared';
import { en, type Catalogue } from './messages.en.js';

export {
  nativeLanguageNames,
  textDirection,
  unLanguages,
  isUiLanguage,
  type UiLanguage,
} from '@accord/shared';

/**
 * How to fetch each catalogue other than English. A dynamic import() per language makes Vite
 * split it into its own chunk. Every key is checked by the compiler (`Catalogue`) and by
 * `npm run check:i18n`.
 */
const loaders: Partial<Record<UiLanguage, () => Promise<Catalogue>>> = {
  ar: () => import('./messages.ar.js').then((m) => m.ar),
  zh: () => import('./messages.zh.js').then((m) => m.zh),
  ru: () => import('./messages.ru.js').then((m) => m.ru),
  fr: () => import('./messages.fr.js').then((m) => m.fr),
  es: () => import('./messages.es.js').then((m) => m.es),
};

/** The languages the UI can be shown in now, English first. */
export const availableLanguages: readonly UiLanguage[] = [
  'en',
  ...(Object.keys(loaders) as UiLanguage[]),
];

/** The first preferred language that has a catalogue, else English. */
export function pickLanguage(preferred: readonly string[]): UiLanguage {
  return pickUiLanguage(preferred, availableLanguages);
}

const loaded = new Map<UiLanguage, Promise<Catalogue>>([['en', Promise.resolve(en)]]);

/** The catalogue of `language`, downloaded once; English when there is none for it. */
export function loadCatalogue(language: UiLanguage): Promise<Catalogue> {
  let catalogue = loaded.get(language);
  if (!catalogue) {
    const loader = loaders[language];
    catalogue = loader ? loader() : Promise.resolve(en);
    // A failed download (network) may be retried by choosing the language again.
    catalogue.catch(() => loaded.delete(language));
    loaded.set(language, catalogue);
  }
  return catalogue;
}

/**
 * The locale for dates and numbers: the first preferred locale in the chosen UI language, so an
 * English UI in Geneva shows "23 Nov 2026", in New York "Nov 23, 2026".
 */
export function formattingLocale(language: UiLanguage, preferred: readonly string[]): string {
  const match = preferred.find((l) => l.toLowerCase().split(/[-_]/)[0] === language);
  return match ?? language;
}
