// Commands on a `translations-<documentId>` stream: the secretariat (or the chair) submits one
// paragraph's translation. The server fills in `source` from the live text, after checking that
// the original still reads as the translator saw it.
import { z } from 'zod';
import type { CommandOf, CommandsOf } from '../messages.js';
import { entityIdSchema, labelText, streamRevisionStringSchema } from '../schema.js';
import { unLanguageSchema } from './languages.js';

/** As long as an original paragraph may be (DOCUMENT_LIMITS.paragraphText). */
export const TRANSLATION_TEXT_MAX = 20_000;

export const translateParagraphSchema = z.strictObject({
  documentId: entityIdSchema,
  language: unLanguageSchema,
  paragraphId: entityIdSchema,
  /** One line, like the original's paragraphs; an empty translation is refused. */
  text: labelText(TRANSLATION_TEXT_MAX),
  source: z.strictObject({
    text: z.string().max(TRANSLATION_TEXT_MAX),
    textRevision: streamRevisionStringSchema,
  }),
});

export const translationCommandSchemas = {
  TranslateParagraph: translateParagraphSchema,
} as const;

export type TranslationCommand = CommandsOf<typeof translationCommandSchemas>;
export type TranslateParagraph = CommandOf<TranslationCommand, 'TranslateParagraph'>;
