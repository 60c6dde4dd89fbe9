// The agreed-language library: search adopted texts for precedent wording, read one, import an
// earlier text (chair or secretariat), withdraw one; and a document's citations of library
// passages, recorded when a delegate inserts one.
import { z } from 'zod';
import { libraryParagraphInputSchema, libraryTextInputSchema } from '../library/commands.js';
import {
  LIBRARY_QUERY_CHARS_MAX,
  LIBRARY_RESULTS_MAX,
  unLanguageSchema,
} from '../library/limits.js';
import { entityIdSchema, labelText } from '../schema.js';
import { commandDoneSchema, createdSchema, documentParams, negotiationParams } from './common.js';
import { defineEndpoint } from './endpoint.js';

export const libraryTextSummarySchema = z.object({
  libraryTextId: z.string(),
  negotiationId: z.string(),
  source: z.enum(['adopted', 'imported']),
  documentId: z.string().nullable(),
  revisionLabel: z.string().nullable(),
  title: z.string(),
  symbol: z.string().nullable(),
  adoptedOn: z.string(),
  language: z.string(),
  paragraphCount: z.number(),
  withdrawn: z.boolean(),
});
export type LibraryTextSummaryView = z.infer<typeof libraryTextSummarySchema>;

export const libraryHitSchema = z.object({
  text: libraryTextSummarySchema,
  ref: z.string(),
  paragraph: z.string(),
  /** Around the match; matched words sit between U+0002 and U+0003 (drawn, never parsed as HTML). */
  snippet: z.string(),
});
export type LibraryHitView = z.infer<typeof libraryHitSchema>;

export const citationViewSchema = z.object({
  citationId: z.string(),
  paragraphId: z.string(),
  libraryTextId: z.string(),
  ref: z.string(),
  title: z.string(),
  symbol: z.string().nullable(),
  /** The words as cited. */
  words: z.string(),
  citedBy: z.object({ userId: z.string(), stakeholderId: z.string() }),
  citedAt: z.string(),
  /** Where the words are now; null when their paragraph is gone. */
  now: z
    .object({ paragraphId: z.string(), start: z.number(), end: z.number(), text: z.string() })
    .nullable(),
  /** Whether the words in the text are still exactly the words cited. */
  intact: z.boolean(),
});
export type CitationView = z.infer<typeof citationViewSchema>;

const libraryTextParams = negotiationParams.extend({ libraryTextId: entityIdSchema });

const libraryParams = negotiationParams;

export const libraryContracts = {
  search: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/library/search',
    params: libraryParams,
    query: z.object({
      q: z.string().max(LIBRARY_QUERY_CHARS_MAX),
      language: unLanguageSchema.optional(),
      limit: z.coerce.number().int().min(1).max(LIBRARY_RESULTS_MAX).optional(),
    }),
    response: z.object({ hits: z.array(libraryHitSchema) }),
  }),
  listTexts: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/library/texts',
    params: libraryParams,
    response: z.object({ texts: z.array(libraryTextSummarySchema) }),
  }),
  getText: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/library/texts/:libraryTextId',
    params: libraryTextParams,
    response: libraryTextSummarySchema.extend({
      paragraphs: z.array(z.object({ ref: z.string(), text: z.string() })),
    }),
  }),
  importText: defineEndpoint({
    method: 'post',
    path: '/negotiations/:negotiationId/library/texts',
    params: libraryParams,
    body: libraryTextInputSchema,
    status: 201,
    response: createdSchema('libraryTextId'),
  }),
  withdrawText: defineEndpoint({
    method: 'post',
    path: '/negotiations/:negotiationId/library/texts/:libraryTextId/withdraw',
    params: libraryTextParams,
    body: z.strictObject({ reason: labelText(1000) }),
    response: commandDoneSchema,
  }),
  listCitations: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/citations',
    params: documentParams,
    response: z.object({ citations: z.array(citationViewSchema) }),
  }),
  cite: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/citations',
    params: documentParams,
    body: z.strictObject({
      paragraphId: entityIdSchema,
      start: z.number().int().min(0),
      end: z.number().int().min(1),
      libraryTextId: entityIdSchema,
      ref: libraryParagraphInputSchema.shape.ref,
    }),
    status: 201,
    response: createdSchema('citationId'),
  }),
};
