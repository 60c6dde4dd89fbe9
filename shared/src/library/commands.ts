// Commands of the agreed-language library: add a text (the adoption reactor, or the chair or
// secretariat importing an earlier one), withdraw it, and cite a passage of it in a draft.
import { z } from 'zod';
import type { CommandOf, CommandsOf } from '../messages.js';
import { entityIdSchema, labelText, relativePositionSchema } from '../schema.js';
import { documentModeSchema } from '../vocabulary.js';
import {
  LIBRARY_PARAGRAPH_CHARS_MAX,
  LIBRARY_PARAGRAPHS_MAX,
  LIBRARY_TEXT_CHARS_MAX,
  unLanguageSchema,
} from './limits.js';

export const libraryParagraphInputSchema = z.strictObject({
  ref: labelText(40),
  text: labelText(LIBRARY_PARAGRAPH_CHARS_MAX),
});

const withinTextLimit = (text: { paragraphs: readonly { text: string }[] }) =>
  text.paragraphs.reduce((sum, p) => sum + p.text.length, 0) <= LIBRARY_TEXT_CHARS_MAX;
const textLimitMessage = {
  message: `a library text holds at most ${LIBRARY_TEXT_CHARS_MAX} characters`,
};

/** A text as someone importing it describes it. */
const libraryTextFields = {
  title: labelText(300),
  symbol: labelText(80).nullable(),
  adoptedOn: z.iso.date(),
  language: unLanguageSchema,
  paragraphs: z.array(libraryParagraphInputSchema).min(1).max(LIBRARY_PARAGRAPHS_MAX),
};

export const libraryTextInputSchema = z
  .strictObject(libraryTextFields)
  .refine(withinTextLimit, textLimitMessage);
export type LibraryTextInput = z.infer<typeof libraryTextInputSchema>;

export const addLibraryTextSchema = z
  .strictObject({
    libraryTextId: entityIdSchema,
    negotiationId: entityIdSchema,
    source: z.enum(['adopted', 'imported']),
    documentId: entityIdSchema.nullable(),
    revisionLabel: z.string().max(60).nullable(),
    ...libraryTextFields,
  })
  .refine(withinTextLimit, textLimitMessage);

export const withdrawLibraryTextSchema = z.strictObject({
  libraryTextId: entityIdSchema,
  reason: labelText(1000),
});

/** The server has checked the words are in the draft at these positions and in the library. */
export const citeAgreedLanguageSchema = z.strictObject({
  documentId: entityIdSchema,
  /** The document's mode when cited: who may put words in the text depends on it. */
  mode: documentModeSchema,
  citationId: entityIdSchema,
  paragraphId: entityIdSchema,
  libraryTextId: entityIdSchema,
  ref: z.string().min(1).max(40),
  title: z.string().min(1).max(300),
  symbol: z.string().max(80).nullable(),
  words: z.string().min(1).max(LIBRARY_PARAGRAPH_CHARS_MAX),
  start: relativePositionSchema,
  end: relativePositionSchema,
});

export const libraryCommandSchemas = {
  AddLibraryText: addLibraryTextSchema,
  WithdrawLibraryText: withdrawLibraryTextSchema,
} as const;

export const citationCommandSchemas = {
  CiteAgreedLanguage: citeAgreedLanguageSchema,
} as const;

export type LibraryCommand = CommandsOf<typeof libraryCommandSchemas>;
export type CitationCommand = CommandsOf<typeof citationCommandSchemas>;
export type AddLibraryText = CommandOf<LibraryCommand, 'AddLibraryText'>;
export type WithdrawLibraryText = CommandOf<LibraryCommand, 'WithdrawLibraryText'>;
export type CiteAgreedLanguage = CommandOf<CitationCommand, 'CiteAgreedLanguage'>;
