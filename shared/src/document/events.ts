// Events of a `document-<id>` stream: the document's metadata, paragraph statuses and the
// revisions issued — never its text, which is in the `doctext-` stream.
import { z } from 'zod';
import { defineEvent, defineUpcaster, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema, streamRevisionStringSchema } from '../schema.js';
import { documentModeSchema, paragraphStatusSchema } from '../vocabulary.js';

/** v1 predates open drafting: every document was formal. */
const documentCreatedV1 = z.object({
  documentId: entityIdSchema,
  negotiationId: entityIdSchema,
  title: z.string(),
  symbol: z.string(),
  createdBy: entityIdSchema,
  createdAt: instantSchema,
});
const documentCreated = documentCreatedV1.extend({ mode: documentModeSchema });

const documentModeChanged = z.object({
  documentId: entityIdSchema,
  from: documentModeSchema,
  to: documentModeSchema,
  changedBy: entityIdSchema,
  changedAt: instantSchema,
});

const paragraphStatusSet = z.object({
  documentId: entityIdSchema,
  paragraphId: entityIdSchema,
  status: paragraphStatusSchema,
  previousStatus: paragraphStatusSchema,
  reason: z.string(),
  setBy: entityIdSchema,
  setAt: instantSchema,
});

const revisionIssued = z.object({
  documentId: entityIdSchema,
  label: z.string(),
  textRevision: streamRevisionStringSchema,
  /** 1 for the first revision issued, then 2, 3, … */
  sequence: z.number().int().positive(),
  issuedBy: entityIdSchema,
  issuedAt: instantSchema,
});

const documentAdopted = z.object({
  documentId: entityIdSchema,
  revisionLabel: z.string(),
  textRevision: streamRevisionStringSchema,
  adoptedBy: entityIdSchema,
  adoptedAt: instantSchema,
});

export const documentEventSchemas = {
  DocumentCreated: defineEvent(2, documentCreated, [
    defineUpcaster(1, documentCreatedV1, (v1) => ({ ...v1, mode: 'formal' })),
  ]),
  DocumentModeChanged: defineEvent(1, documentModeChanged),
  ParagraphStatusSet: defineEvent(1, paragraphStatusSet),
  RevisionIssued: defineEvent(1, revisionIssued),
  DocumentAdopted: defineEvent(1, documentAdopted),
};

export type DocumentEvent = EventsOf<typeof documentEventSchemas>;
