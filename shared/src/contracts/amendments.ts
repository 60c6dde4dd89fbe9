// Amendments: tabling one against a range of the live text (the server anchors it and quotes the
// original words itself) or to a pending amendment (a sub-amendment), co-sponsoring, revising,
// withdrawing, the chair's decisions and the chair's restoring of a rejection or a merge.
import { z } from 'zod';
import { storedProposalSchema } from '../amendment/proposal.js';
import { entityIdSchema, freeText, labelText } from '../schema.js';
import { amendmentKindSchema, paragraphKindSchema } from '../vocabulary.js';
import {
  amendmentParams,
  commandDoneSchema,
  createdSchema,
  documentParams,
  stakeholderRefViewSchema,
} from './common.js';
import { defineEndpoint } from './endpoint.js';

export const amendmentViewStatuses = [
  'pending',
  'withdrawn',
  'accepted',
  'rejected',
  'merged',
] as const;
export const amendmentViewStatusSchema = z.enum(amendmentViewStatuses);
export type AmendmentViewStatus = z.infer<typeof amendmentViewStatusSchema>;

export const amendmentViewSchema = z.object({
  amendmentId: z.string(),
  documentId: z.string(),
  negotiationId: z.string().nullable(),
  paragraphId: z.string(),
  kind: amendmentKindSchema,
  /** The current wording, after any revisions. */
  proposal: storedProposalSchema,
  /** 1 as tabled, +1 per revision. */
  revision: z.number().int(),
  rationale: z.string(),
  sponsorStakeholderId: z.string(),
  sponsor: stakeholderRefViewSchema,
  /** In the order they joined. */
  cosponsorStakeholderIds: z.array(z.string()),
  cosponsors: z.array(stakeholderRefViewSchema),
  chairsCompromise: z.boolean(),
  status: amendmentViewStatusSchema,
  /** The rejection's or the withdrawal's reason. */
  reason: z.string().nullable(),
  mergedInto: z.string().nullable(),
  tabledBy: z.string(),
  tabledAt: z.string(),
  /** The chair's decision, or the sponsor's withdrawal; null while pending. */
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** A sub-amendment's parent: the pending amendment whose proposed words it changes. */
  parentAmendmentId: z.string().nullable(),
  /** The chair's last undoing of a rejection or a merge, with the reason; null if none. */
  restored: z
    .object({ reason: z.string(), restoredBy: z.string(), restoredAt: z.string() })
    .nullable(),
  /**
   * The recommendation this amendment took up, and the organisation that made it; absent when
   * the sponsor drafted it themselves.
   */
  takenUpFrom: z
    .object({ recommendationId: z.string(), stakeholder: stakeholderRefViewSchema })
    .optional(),
});
export type AmendmentView = z.infer<typeof amendmentViewSchema>;

/** Characters of a paragraph's text: [start, end). */
export const textRangeSchema = z
  .strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((r) => r.end >= r.start, 'end must not be before start');

export const tableAmendmentBodySchema = z.strictObject({
  paragraphId: entityIdSchema,
  kind: amendmentKindSchema,
  /** Characters of the paragraph's text: [start, end) to delete or replace; start = end to insert. */
  range: textRangeSchema.optional(),
  proposedText: z.string().max(10_000).default(''),
  /** For a new paragraph: preambular, operative, … */
  paragraphKind: paragraphKindSchema.optional(),
  rationale: freeText(2000).default(''),
  /**
   * Table a sub-amendment to this pending amendment: `proposedText` replaces its proposed words
   * (the kind and range are the parent's, so they are ignored).
   */
  parentAmendmentId: entityIdSchema.optional(),
});
export type TableAmendmentBody = z.output<typeof tableAmendmentBodySchema>;

/**
 * What accepting answers: the decision's position, and whether its words are in the text yet
 * (200) or still being applied and will follow in the live updates (202).
 */
export const acceptAnswerSchema = commandDoneSchema.extend({ textApplied: z.boolean() });
export type AcceptAnswer = z.infer<typeof acceptAnswerSchema>;

export const amendmentContracts = {
  listAmendments: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/amendments',
    params: documentParams,
    query: z.object({
      paragraphId: entityIdSchema.optional(),
      status: amendmentViewStatusSchema.optional(),
    }),
    response: z.array(amendmentViewSchema),
  }),
  tableAmendment: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/amendments',
    params: documentParams,
    body: tableAmendmentBodySchema,
    status: 201,
    response: createdSchema('amendmentId'),
  }),
  getAmendment: defineEndpoint({
    method: 'get',
    path: '/amendments/:amendmentId',
    params: amendmentParams,
    response: amendmentViewSchema,
  }),
  cosponsor: defineEndpoint({
    method: 'post',
    path: '/amendments/:amendmentId/cosponsor',
    params: amendmentParams,
    response: commandDoneSchema,
  }),
  revise: defineEndpoint({
    method: 'post',
    path: '/amendments/:amendmentId/revise',
    params: amendmentParams,
    body: z.strictObject({
      proposedText: z.string().max(10_000),
      rationale: freeText(2000).optional(),
    }),
    response: commandDoneSchema,
  }),
  withdraw: defineEndpoint({
    method: 'post',
    path: '/amendments/:amendmentId/withdraw',
    params: amendmentParams,
    body: z.strictObject({ reason: freeText(1000).optional() }),
    response: commandDoneSchema,
  }),
  accept: defineEndpoint({
    method: 'post',
    path: '/amendments/:amendmentId/accept',
    params: amendmentParams,
    status: 200,
    alsoAnswers: { 202: 'The decision is recorded; its words are still being applied to the text' },
    response: acceptAnswerSchema,
  }),
  reject: defineEndpoint({
    method: 'post',
    path: '/amendments/:amendmentId/reject',
    params: amendmentParams,
    body: z.strictObject({ reason: labelText(2000) }),
    response: commandDoneSchema,
  }),
  restore: defineEndpoint({
    method: 'post',
    path: '/amendments/:amendmentId/restore',
    params: amendmentParams,
    body: z.strictObject({ reason: labelText(1000) }),
    response: commandDoneSchema,
  }),
  merge: defineEndpoint({
    method: 'post',
    path: '/amendments/:amendmentId/merge',
    params: amendmentParams,
    body: z.strictObject({ intoAmendmentId: entityIdSchema }),
    response: commandDoneSchema,
  }),
};
