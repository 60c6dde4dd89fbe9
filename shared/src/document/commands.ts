// Commands on a `document-<id>` stream. The text itself lives in the Yjs document; commands
// that name a paragraph carry its stable `paragraphId`, which the server checks exists.
import { z } from 'zod';
import type { CommandOf, CommandsOf } from '../messages.js';
import { entityIdSchema, freeText, labelText, streamRevisionInputSchema } from '../schema.js';
import { textSpanSchema } from '../negotiation-text/brackets.js';
import { documentModeSchema, paragraphKindSchema, paragraphStatusSchema } from '../vocabulary.js';
import { textAnchorSchema } from './events.js';

/** A UN-style document symbol, e.g. "A/CONF.231/2026/L.1". */
export const documentSymbolSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9./()_ -]{0,79}$/);

export const createDocumentSchema = z.strictObject({
  documentId: entityIdSchema,
  negotiationId: entityIdSchema,
  title: labelText(300),
  symbol: documentSymbolSchema,
  mode: documentModeSchema,
});

export const changeDocumentModeSchema = z.strictObject({
  documentId: entityIdSchema,
  mode: documentModeSchema,
});

export const setParagraphStatusSchema = z.strictObject({
  documentId: entityIdSchema,
  paragraphId: entityIdSchema,
  status: paragraphStatusSchema,
  reason: freeText(500).optional(),
});

export const issueRevisionSchema = z.strictObject({
  documentId: entityIdSchema,
  /** "Zero draft", "Rev 1", "Final draft"; unique within the document. */
  label: labelText(60),
  /** The `doctext-` stream revision whose text this revision freezes. */
  textRevision: streamRevisionInputSchema,
  /** The paragraphs of that text, in order, which the revision numbers. */
  paragraphs: z
    .array(z.strictObject({ id: entityIdSchema, kind: paragraphKindSchema }))
    .max(20_000)
    .optional(),
  /** Renumber cleanly (the default), or keep the bis/ter numbers of the last revision. */
  renumber: z.boolean().optional(),
});

export const adoptDocumentSchema = z.strictObject({
  documentId: entityIdSchema,
  /** The issued revision being adopted; it must be the latest. */
  revisionLabel: labelText(60),
});

/** Limits on the brackets and options of one document, so no party can bury the text. */
export const BRACKET_LIMITS = { openPerDocument: 5000, note: 300, optionsPerSet: 12 } as const;

/**
 * The bracket and option commands carry what the service resolved from the live text (anchors,
 * the words, the spans of the paragraph's other open brackets), so the decider stays pure.
 */
export const placeBracketSchema = z.strictObject({
  documentId: entityIdSchema,
  bracketId: entityIdSchema,
  paragraphId: entityIdSchema,
  anchor: textAnchorSchema,
  words: z.string(),
  span: textSpanSchema,
  /** The spans of the paragraph's open brackets now, to check the new one nests. */
  otherSpans: z.array(textSpanSchema),
  note: freeText(BRACKET_LIMITS.note).optional(),
});

export const removeBracketSchema = z.strictObject({
  documentId: entityIdSchema,
  bracketId: entityIdSchema,
  reason: freeText(500).optional(),
});

export const deleteBracketedWordsSchema = z.strictObject({
  documentId: entityIdSchema,
  bracketId: entityIdSchema,
  /** The words the text holds in the bracket now (they are kept in the record). */
  words: z.string(),
});

const newOption = {
  optionId: entityIdSchema,
  words: z.string(),
  noText: z.boolean(),
  /** Paragraphs set: the id of the new paragraph that will hold the words (null for "No text"). */
  paragraphId: entityIdSchema.nullable(),
  kind: paragraphKindSchema.nullable(),
};

export const openOptionSetSchema = z.strictObject({
  documentId: entityIdSchema,
  optionSetId: entityIdSchema,
  scope: z.enum(['paragraphs', 'inline']),
  paragraphId: entityIdSchema,
  firstOptionId: entityIdSchema,
  /** Inline: Option 1's words (already in the text). Null for a paragraphs set. */
  anchor: textAnchorSchema.nullable(),
  words: z.string(),
  alternative: z.strictObject(newOption),
});

export const addOptionSchema = z.strictObject({
  documentId: entityIdSchema,
  optionSetId: entityIdSchema,
  ...newOption,
});

export const recordOptionPlacementSchema = z.strictObject({
  documentId: entityIdSchema,
  optionSetId: entityIdSchema,
  optionId: entityIdSchema,
  anchor: textAnchorSchema,
});

export const chooseOptionSchema = z.strictObject({
  documentId: entityIdSchema,
  optionSetId: entityIdSchema,
  optionId: entityIdSchema,
  /** The other options' words now, struck from the text and kept in the record. */
  struck: z.array(z.strictObject({ optionId: entityIdSchema, words: z.string() })),
});

export const documentCommandSchemas = {
  CreateDocument: createDocumentSchema,
  ChangeDocumentMode: changeDocumentModeSchema,
  SetParagraphStatus: setParagraphStatusSchema,
  IssueRevision: issueRevisionSchema,
  AdoptDocument: adoptDocumentSchema,
  PlaceBracket: placeBracketSchema,
  RemoveBracket: removeBracketSchema,
  DeleteBracketedWords: deleteBracketedWordsSchema,
  OpenOptionSet: openOptionSetSchema,
  AddOption: addOptionSchema,
  RecordOptionPlacement: recordOptionPlacementSchema,
  ChooseOption: chooseOptionSchema,
} as const;

export type DocumentCommand = CommandsOf<typeof documentCommandSchemas>;
export type CreateDocument = CommandOf<DocumentCommand, 'CreateDocument'>;
export type ChangeDocumentMode = CommandOf<DocumentCommand, 'ChangeDocumentMode'>;
export type SetParagraphStatus = CommandOf<DocumentCommand, 'SetParagraphStatus'>;
export type IssueRevision = CommandOf<DocumentCommand, 'IssueRevision'>;
export type AdoptDocument = CommandOf<DocumentCommand, 'AdoptDocument'>;
export type PlaceBracket = CommandOf<DocumentCommand, 'PlaceBracket'>;
export type RemoveBracket = CommandOf<DocumentCommand, 'RemoveBracket'>;
export type DeleteBracketedWords = CommandOf<DocumentCommand, 'DeleteBracketedWords'>;
export type OpenOptionSet = CommandOf<DocumentCommand, 'OpenOptionSet'>;
export type AddOption = CommandOf<DocumentCommand, 'AddOption'>;
export type RecordOptionPlacement = CommandOf<DocumentCommand, 'RecordOptionPlacement'>;
export type ChooseOption = CommandOf<DocumentCommand, 'ChooseOption'>;
