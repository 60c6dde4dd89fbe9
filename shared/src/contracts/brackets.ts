// Brackets and options: reading them (now or as of a point) with their counts, and the commands
// that place, remove and settle them. Offsets count a paragraph's plain text, as everywhere else.
import { z } from 'zod';
import { BRACKET_LIMITS } from '../document/commands.js';
import {
  bracketCountsSchema,
  bracketViewSchema,
  optionSetViewSchema,
} from '../negotiation-text/brackets.js';
import { entityIdSchema, freeText } from '../schema.js';
import { paragraphKindSchema } from '../vocabulary.js';
import { asOfSchema } from './as-of.js';
import { commandDoneSchema, createdSchema, documentParams } from './common.js';
import { defineEndpoint } from './endpoint.js';

export const bracketListViewSchema = z.object({
  brackets: z.array(bracketViewSchema),
  optionSets: z.array(optionSetViewSchema),
  counts: z.object({
    total: bracketCountsSchema,
    /** Only paragraphs with something open. */
    byParagraph: z.record(z.string(), bracketCountsSchema),
    /** Per section: the paragraphs under each heading (`null` heading: before the first one). */
    bySection: z.array(
      z.object({
        headingId: z.string().nullable(),
        heading: z.string().nullable(),
        counts: bracketCountsSchema,
      }),
    ),
  }),
});
export type BracketListView = z.infer<typeof bracketListViewSchema>;

export const burndownPointSchema = z.object({
  /** When the count changed (the event's time), and the global log position. */
  at: z.string(),
  position: z.string(),
  total: bracketCountsSchema,
});
export const burndownViewSchema = z.object({
  points: z.array(burndownPointSchema),
  /** Issued revisions, to mark on the chart. */
  revisions: z.array(z.object({ label: z.string(), at: z.string() })),
});
export type BurndownView = z.infer<typeof burndownViewSchema>;

const bracketParams = z.object({ documentId: entityIdSchema, bracketId: entityIdSchema });
const optionSetParams = z.object({ documentId: entityIdSchema, optionSetId: entityIdSchema });
const optionWords = z.string().trim().max(20_000);
const alternative = {
  /** The alternative wording; empty with `noText` for a "No text" option. */
  words: optionWords,
  noText: z.boolean().default(false),
  /** Paragraphs set: the kind of the new paragraph (default: Option 1's kind). */
  kind: paragraphKindSchema.optional(),
};

export const bracketContracts = {
  listBrackets: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/brackets',
    params: documentParams,
    query: z.object({ asOf: asOfSchema.optional() }),
    response: bracketListViewSchema,
  }),
  bracketBurndown: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/burndown',
    params: documentParams,
    response: burndownViewSchema,
  }),
  placeBracket: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/brackets',
    params: documentParams,
    body: z.strictObject({
      paragraphId: entityIdSchema,
      start: z.number().int().min(0),
      end: z.number().int().min(1),
      note: freeText(BRACKET_LIMITS.note).optional(),
    }),
    status: 201,
    response: createdSchema('bracketId'),
  }),
  removeBracket: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/brackets/:bracketId/remove',
    params: bracketParams,
    body: z.strictObject({ reason: freeText(500).optional() }),
    response: commandDoneSchema,
  }),
  deleteBracketedWords: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/brackets/:bracketId/delete-words',
    params: bracketParams,
    response: commandDoneSchema,
  }),
  openOptionSet: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/option-sets',
    params: documentParams,
    body: z.strictObject({
      scope: z.enum(['paragraphs', 'inline']),
      paragraphId: entityIdSchema,
      /** Inline: the words of the paragraph that become Option 1. */
      span: z
        .strictObject({ start: z.number().int().min(0), end: z.number().int().min(1) })
        .optional(),
      ...alternative,
    }),
    status: 201,
    response: createdSchema('optionSetId').extend({ optionId: entityIdSchema }),
  }),
  addOption: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/option-sets/:optionSetId/options',
    params: optionSetParams,
    body: z.strictObject(alternative),
    status: 201,
    response: createdSchema('optionId'),
  }),
  chooseOption: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/option-sets/:optionSetId/choose',
    params: optionSetParams,
    body: z.strictObject({ optionId: entityIdSchema }),
    response: commandDoneSchema,
  }),
};
