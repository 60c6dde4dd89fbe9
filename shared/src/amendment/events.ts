// Events of an `amendment-<id>` stream: tabled, co-sponsored, revised, then one decision.
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
});

const amendmentWithdrawn = z.object({
  amendmentId: entityIdSchema,
  reason: z.string(),
  withdrawnBy: entityIdSchema,
  withdrawnAt: instantSchema,
});

/** The server applies the proposal to the text as an attributed transaction after this. */
const amendmentAccepted = z.object({
  amendmentId: entityIdSchema,
  decidedBy: entityIdSchema,
  decidedAt: instantSchema,
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

export const amendmentEventSchemas = {
  AmendmentTabled: defineEvent(1, amendmentTabled),
  AmendmentCosponsored: defineEvent(1, amendmentCosponsored),
  AmendmentRevised: defineEvent(1, amendmentRevised),
  AmendmentWithdrawn: defineEvent(1, amendmentWithdrawn),
  AmendmentAccepted: defineEvent(1, amendmentAccepted),
  AmendmentRejected: defineEvent(1, amendmentRejected),
  AmendmentMerged: defineEvent(1, amendmentMerged),
};

export type AmendmentEvent = EventsOf<typeof amendmentEventSchemas>;
