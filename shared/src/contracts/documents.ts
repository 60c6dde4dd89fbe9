// Documents: creating one with its first paragraphs, reading it numbered, and the chair's acts on
// it (mode, paragraph status, revisions, adoption).
import { z } from 'zod';
import { entityIdSchema, freeText, labelText } from '../schema.js';
import { documentModeSchema, paragraphKindSchema, paragraphStatusSchema } from '../vocabulary.js';
import {
  actorViewSchema,
  commandDoneSchema,
  createdSchema,
  documentParams,
  negotiationParams,
} from './common.js';
import { defineEndpoint } from './endpoint.js';

/** What one document may hold when it is created (by the API or by an import). */
export const DOCUMENT_LIMITS = { paragraphs: 2000, paragraphText: 20_000 } as const;

export const revisionViewSchema = z.object({
  label: z.string(),
  /** Decimal string of the `doctext-` revision the label freezes. */
  textRevision: z.string(),
  /** 1 for the first revision issued. */
  sequence: z.number().int(),
  issuedBy: z.string(),
  issuedAt: z.string(),
});
export type RevisionView = z.infer<typeof revisionViewSchema>;

export const adoptionViewSchema = z.object({
  revisionLabel: z.string(),
  textRevision: z.string(),
  adoptedBy: z.string(),
  adoptedAt: z.string(),
});
export type AdoptionView = z.infer<typeof adoptionViewSchema>;

export const paragraphStatusViewSchema = z.object({
  paragraphId: z.string(),
  status: paragraphStatusSchema,
  reason: z.string(),
  setBy: z.string(),
  setAt: z.string(),
});
export type ParagraphStatusView = z.infer<typeof paragraphStatusViewSchema>;

export const documentSummarySchema = z.object({
  documentId: z.string(),
  negotiationId: z.string(),
  title: z.string(),
  symbol: z.string(),
  mode: documentModeSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  /** Once adopted, the document's record is closed. */
  adopted: z.boolean(),
  adoption: adoptionViewSchema.nullable(),
  latestRevision: revisionViewSchema.nullable(),
  /** Paragraphs the chair has bracketed or marked agreed ad ref; every other one is open. */
  paragraphStatusCounts: z.object({ bracketed: z.number(), 'agreed-ad-ref': z.number() }),
  pendingAmendments: z.number().int(),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;

export const documentViewSchema = documentSummarySchema.extend({
  /** In the order issued. */
  revisions: z.array(revisionViewSchema),
  /** Every paragraph whose status the chair has set (including back to open). */
  paragraphStatuses: z.array(paragraphStatusViewSchema),
});
export type DocumentView = z.infer<typeof documentViewSchema>;

/** A paragraph of the live text, numbered, with the status the chair gave it. */
export const documentParagraphSchema = z.object({
  id: z.string(),
  kind: paragraphKindSchema,
  text: z.string(),
  /** "OP 3 (b)"; null for headings. */
  label: z.string().nullable(),
  status: paragraphStatusSchema,
  statusReason: z.string().optional(),
});
export type DocumentParagraph = z.infer<typeof documentParagraphSchema>;

/** A document as a member reads it: its record, its numbered text, and who they act as. */
/** Old number → new number for each paragraph, as a revision published its numbers. */
export const concordanceViewSchema = z.object({
  revision: z.string(),
  /** The revision whose numbers these replace; null for the first revision that recorded any. */
  previous: z.string().nullable(),
  renumbered: z.boolean(),
  rows: z.array(
    z.object({ paragraphId: z.string(), old: z.string().nullable(), new: z.string().nullable() }),
  ),
});
export type ConcordanceView = z.infer<typeof concordanceViewSchema>;

export const documentDetailSchema = documentViewSchema.extend({
  you: actorViewSchema,
  /** What the next revision would be called ("Rev 2"). */
  nextRevisionLabel: z.string(),
  /**
   * The numbers the last revision published ([paragraph id, label], in order): paragraphs
   * inserted since are numbered bis/ter against them. Empty before any revision recorded them.
   */
  numbering: z.array(z.tuple([z.string(), z.string()])),
  paragraphs: z.array(documentParagraphSchema),
});
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

export const documentContracts = {
  listDocuments: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/documents',
    params: negotiationParams,
    response: z.array(documentSummarySchema),
  }),
  createDocument: defineEndpoint({
    method: 'post',
    path: '/negotiations/:negotiationId/documents',
    params: negotiationParams,
    body: z.strictObject({
      title: labelText(300),
      symbol: z.string().trim().min(1).max(80),
      mode: documentModeSchema,
      paragraphs: z
        .array(
          z.strictObject({
            kind: paragraphKindSchema,
            text: z.string().max(DOCUMENT_LIMITS.paragraphText),
          }),
        )
        .max(DOCUMENT_LIMITS.paragraphs)
        .default([]),
    }),
    status: 201,
    response: createdSchema('documentId'),
  }),
  getDocument: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId',
    params: documentParams,
    response: documentDetailSchema,
  }),
  changeMode: defineEndpoint({
    method: 'put',
    path: '/documents/:documentId/mode',
    params: documentParams,
    body: z.strictObject({ mode: documentModeSchema }),
    response: commandDoneSchema,
  }),
  setParagraphStatus: defineEndpoint({
    method: 'put',
    path: '/documents/:documentId/paragraphs/:paragraphId/status',
    params: z.object({ documentId: entityIdSchema, paragraphId: entityIdSchema }),
    body: z.strictObject({ status: paragraphStatusSchema, reason: freeText(500).optional() }),
    response: commandDoneSchema,
  }),
  issueRevision: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/revisions',
    params: documentParams,
    body: z.strictObject({
      label: labelText(60).optional(),
      /** Renumber cleanly (default), or keep the bis/ter numbers until a later revision. */
      renumber: z.boolean().optional(),
    }),
    status: 201,
    response: commandDoneSchema.extend({ label: z.string(), textRevision: z.string() }),
  }),
  getConcordance: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/revisions/:label/concordance',
    params: z.object({ documentId: entityIdSchema, label: labelText(60) }),
    response: concordanceViewSchema,
  }),
  adoptDocument: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/adopt',
    params: documentParams,
    body: z.strictObject({ revisionLabel: labelText(60) }),
    response: commandDoneSchema,
  }),
};
