// Events of a `translations-<documentId>` stream: a paragraph's translation into one language,
// linked to the words of the original it translates (and the text revision they were read at).
import { z } from 'zod';
import { defineEvent, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema, streamRevisionStringSchema } from '../schema.js';
import { unLanguageSchema } from './languages.js';

/**
 * The original paragraph as the translator translated it. Its words are kept, not only a
 * revision: deciding whether a translation is current is then one string comparison, and the
 * redline of what changed since needs no replay of the text's log.
 */
export const translationSourceSchema = z.object({
  text: z.string(),
  /** The `doctext-` revision the original's words were read at. */
  textRevision: streamRevisionStringSchema,
});
export type TranslationSource = z.infer<typeof translationSourceSchema>;

const paragraphTranslated = z.object({
  documentId: entityIdSchema,
  language: unLanguageSchema,
  paragraphId: entityIdSchema,
  text: z.string(),
  source: translationSourceSchema,
  translatedBy: z.object({ userId: entityIdSchema, stakeholderId: entityIdSchema }),
  translatedAt: instantSchema,
});

export const translationEventSchemas = {
  ParagraphTranslated: defineEvent(1, paragraphTranslated),
};

export type TranslationEvent = EventsOf<typeof translationEventSchemas>;
