// "Who wrote what": every live character of a document's text, now or as of a point, attributed
// to the stakeholder whose member typed it, in runs per paragraph.
//
//   GET /api/documents/:documentId/authorship?asOf=revision:Rev 1
import { z } from 'zod';
import { paragraphKindSchema, stakeholderKindSchema } from '../vocabulary.js';
import { asOfSchema } from './as-of.js';
import { documentParams } from './common.js';
import { defineEndpoint } from './endpoint.js';
import { asOfPointSchema } from './record-views.js';

/**
 * Consecutive characters typed by the same person for the same stakeholder (and amendment) on the
 * same UTC day. All four attribution fields are null when no update of the log accounts for the
 * words (not expected; kept visible rather than credited to someone).
 */
export const authorshipRunSchema = z.object({
  text: z.string(),
  stakeholderId: z.string().nullable(),
  userId: z.string().nullable(),
  /** Set when the words came in by accepting this amendment (credited to its sponsor). */
  amendmentId: z.string().nullable(),
  /** When the first and the last of these characters were written (ISO instants). */
  at: z.string().nullable(),
  until: z.string().nullable(),
});
export type AuthorshipRun = z.infer<typeof authorshipRunSchema>;

export const paragraphAuthorshipSchema = z.object({
  paragraphId: z.string(),
  kind: paragraphKindSchema,
  /** "PP 3", "OP 2 (a)"; null for headings. */
  label: z.string().nullable(),
  runs: z.array(authorshipRunSchema),
});
export type ParagraphAuthorship = z.infer<typeof paragraphAuthorshipSchema>;

export const authorshipViewSchema = z.object({
  documentId: z.string(),
  asOf: asOfPointSchema,
  /** Text updates read to attribute the text. */
  updates: z.number(),
  paragraphs: z.array(paragraphAuthorshipSchema),
  /** The stakeholders named in the runs, as the record knew them at that point. */
  stakeholders: z.record(
    z.string(),
    z.object({ name: z.string(), shortCode: z.string(), kind: stakeholderKindSchema }),
  ),
  /** The people named in the runs: their display names, as comments show them. */
  people: z.record(z.string(), z.object({ displayName: z.string().nullable() })),
});
export type AuthorshipView = z.infer<typeof authorshipViewSchema>;

export const authorshipContracts = {
  authorship: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/authorship',
    params: documentParams,
    query: z.object({ asOf: asOfSchema.optional() }),
    response: authorshipViewSchema,
  }),
};
