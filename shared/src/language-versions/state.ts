// A document's language versions folded from its `translations-` stream: per language, the
// latest translation of each paragraph with the original words it translates.
import type { TranslationEvent, TranslationSource } from './events.js';
import type { UnLanguage } from './languages.js';

export interface ParagraphTranslation {
  text: string;
  source: TranslationSource;
  translatedBy: { userId: string; stakeholderId: string };
  translatedAt: string;
}

export interface TranslationsState {
  documentId: string | null;
  /** language → paragraph id → its latest translation. */
  languages: Partial<Record<UnLanguage, Readonly<Record<string, ParagraphTranslation>>>>;
}

export const initialTranslationsState = (): TranslationsState => ({
  documentId: null,
  languages: {},
});

export function evolveTranslations(
  state: TranslationsState,
  event: TranslationEvent,
): TranslationsState {
  switch (event.type) {
    case 'ParagraphTranslated': {
      const { documentId, language, paragraphId, text, source, translatedBy, translatedAt } =
        event.data;
      return {
        documentId,
        languages: {
          ...state.languages,
          [language]: {
            ...state.languages[language],
            [paragraphId]: { text, source, translatedBy, translatedAt },
          },
        },
      };
    }
  }
}

/** A paragraph's translation into `language`, if it has one. */
export const translationOf = (
  state: TranslationsState,
  language: UnLanguage,
  paragraphId: string,
): ParagraphTranslation | undefined => state.languages[language]?.[paragraphId];
