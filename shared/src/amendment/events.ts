// Events of an `amendment-<id>` stream: tabled, co-sponsored, revised, then one decision, which
// the chair may undo (restored) when it was a rejection or a merge. Fields added after version 1
// are optional, so events stored before them still read as they were written.
import { z } from 'zod';
import { defineEvent, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema } from '../schema.js';
import { storedProposalSchema } from './proposal.js';

const amendmentTabled = z.object({
  amendmentId: entityIdSchema,
  documentId: entityIdSchema,
  paragraphId: entityIdSchema,
  proposal: storedProposalSchema,
  rationale: z.string(),
  sponsorStakeholderId: entityIdSchema,
  /** Tabled by a chair: a chair's compromise, into which others may be merged. */
  chairsCompromise: z.boolean(),
  tabledBy: entityIdSchema,
  tabledAt: instantSchema,
  /** A sub-amendment: it proposes other words for this pending amendment, not for the text. */
  parentAmendmentId: entityIdSchema.optional(),
  /** The recommendation this amendment takes up, when a delegation tabled one as its own. */
  recommendationId: entityIdSchema.optional(),
});

const amendmentCosponsored = z.object({
  amendmentId: entityIdSchema,
  stakeholderId: entityIdSchema,
  cosponsoredBy: entityIdSchema,
  cosponsoredAt: instantSchema,
});

const amendmentRevised = z.object({
  amendmentId: entityIdSchema,
  /** 1 is the wording as tabled; each revision counts up. */
  revision: z.number().int().min(2),
  proposal: storedProposalSchema,
  rationale: z.string(),
  revisedBy: entityIdSchema,
  revisedAt: instantSchema,
  /** Set when the chair accepted a sub-amendment: its words became this amendment's. */
  subAmendmentId: entityIdSchema.optional(),
});

const amendmentWithdrawn = z.object({
  amendmentId: entityIdSchema,
  reason: z.string(),
  withdrawnBy: entityIdSchema,
  withdrawnAt: instantSchema,
  /** Set when a sub-amendment fell with the amendment it amended, withdrawn by its sponsor. */
  withParentAmendmentId: entityIdSchema.optional(),
});

/** The server applies the proposal to the text as an attributed transaction after this. */
const amendmentAccepted = z.object({
  amendmentId: entityIdSchema,
  decidedBy: entityIdSchema,
  decidedAt: instantSchema,
  /** A sub-amendment's words go into this amendment (a revision), never into the text. */
  parentAmendmentId: entityIdSchema.optional(),
});

const amendmentRejected = z.object({
  amendmentId: entityIdSchema,
  reason: z.string(),
  decidedBy: entityIdSchema,
  decidedAt: instantSchema,
});

const amendmentMerged = z.object({
  amendmentId: entityIdSchema,
  intoAmendmentId: entityIdSchema,
  decidedBy: entityIdSchema,
  decidedAt: instantSchema,
});

/** The chair undoes a rejection or a merge: the amendment is pending again, for a reason. */
const amendmentRestored = z.object({
  amendmentId: entityIdSchema,
  /** The decision undone. */
  from: z.enum(['rejected', 'merged']),
  reason: z.string(),
  restoredBy: entityIdSchema,
  restoredAt: instantSchema,
});

export const amendmentEventSchemas = {
  AmendmentTabled: defineEvent(1, amendmentTabled),
  AmendmentCosponsored: defineEvent(1, amendmentCosponsored),
  AmendmentRevised: defineEvent(1, amendmentRevised),
  AmendmentWithdrawn: defineEvent(1, amendmentWithdrawn),
  AmendmentAccepted: defineEvent(1, amendmentAccepted),
  AmendmentRejected: defineEvent(1, amendmentRejected),
  AmendmentMerged: defineEvent(1, amendmentMerged),
  AmendmentRestored: defineEvent(1, amendmentRestored),
};

export type AmendmentEvent = EventsOf<typeof amendmentEventSchemas>;
