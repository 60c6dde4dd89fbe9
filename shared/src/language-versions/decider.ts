// Decides translations: only the roles the matrix allows (`translation.edit`: the secretariat,
// which translates, and the chair) may submit one; never into the original's own language; a
// resubmission of the same words for the same original changes nothing.
import { Invalid, unreachable, type Decider } from '../decider.js';
import { assertCan } from '../permissions.js';
import type { TranslateParagraph, TranslationCommand } from './commands.js';
import type { TranslationEvent } from './events.js';
import { ORIGINAL_LANGUAGE } from './languages.js';
import {
  evolveTranslations,
  initialTranslationsState,
  translationOf,
  type TranslationsState,
} from './state.js';

export function decideTranslations(
  command: TranslationCommand,
  state: TranslationsState,
): TranslationEvent[] {
  if (state.documentId !== null && state.documentId !== command.data.documentId) {
    throw new Invalid('The command names another document', { reason: 'wrong-aggregate' });
  }
  switch (command.type) {
    case 'TranslateParagraph':
      return translateParagraph(command, state);
    default:
      // A single command type today: the switch narrows `type`, not the command.
      return unreachable(command.type);
  }
}

export const translationsDecider: Decider<TranslationCommand, TranslationEvent, TranslationsState> =
  {
    decide: decideTranslations,
    evolve: evolveTranslations,
    initialState: initialTranslationsState,
  };

function translateParagraph(
  command: TranslateParagraph,
  state: TranslationsState,
): TranslationEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'translation.edit');
  const { documentId, language, paragraphId, text, source } = command.data;
  if (language === ORIGINAL_LANGUAGE) {
    throw new Invalid('The original is not translated into its own language', {
      reason: 'original-language',
    });
  }
  const existing = translationOf(state, language, paragraphId);
  if (existing && existing.text === text && existing.source.text === source.text) return [];
  return [
    {
      type: 'ParagraphTranslated',
      data: {
        documentId,
        language,
        paragraphId,
        text,
        source,
        translatedBy: { userId: actor.userId, stakeholderId: actor.stakeholderId },
        translatedAt: now,
      },
    },
  ];
}
