// Commands on an `amendment-<id>` stream. The sponsor is not a field: it is the actor's own
// stakeholder, so nobody can table in another delegation's name.
import { z } from 'zod';
import type { CommandOf, CommandsOf } from '../messages.js';
import { entityIdSchema, freeText, labelText } from '../schema.js';
import { proposalSchema } from './proposal.js';

export const tableAmendmentSchema = z.strictObject({
  amendmentId: entityIdSchema,
  documentId: entityIdSchema,
  /** The paragraph changed; for add-paragraph, the one the new paragraph follows. */
  paragraphId: entityIdSchema,
  proposal: proposalSchema,
  rationale: freeText(2000),
  /**
   * Tabled to this pending amendment (a sub-amendment): the proposal is the parent's, with other
   * proposed words. The server checks the parent; its words reach the text only through it.
   */
  parentAmendmentId: entityIdSchema.optional(),
  /** Taking up this recommendation: the uptake reactor records it on the recommendation. */
  recommendationId: entityIdSchema.optional(),
});

export const cosponsorAmendmentSchema = z.strictObject({ amendmentId: entityIdSchema });

export const reviseAmendmentSchema = z.strictObject({
  amendmentId: entityIdSchema,
  proposal: proposalSchema,
  /** Omitted: the rationale stays as it was. */
  rationale: freeText(2000).optional(),
});

export const withdrawAmendmentSchema = z.strictObject({
  amendmentId: entityIdSchema,
  reason: freeText(1000).optional(),
});

export const acceptAmendmentSchema = z.strictObject({ amendmentId: entityIdSchema });

export const rejectAmendmentSchema = z.strictObject({
  amendmentId: entityIdSchema,
  reason: labelText(2000),
});

export const mergeAmendmentSchema = z.strictObject({
  amendmentId: entityIdSchema,
  /** The chair's compromise amendment that takes this proposal's place. */
  intoAmendmentId: entityIdSchema,
});

/** The chair undoes a rejection or a merge; an accepted amendment's words are in the text. */
export const restoreAmendmentSchema = z.strictObject({
  amendmentId: entityIdSchema,
  reason: labelText(1000),
});

/** Follows the chair's acceptance of a sub-amendment: its words become the parent's proposal. */
export const adoptSubAmendmentSchema = z.strictObject({
  /** The parent, whose proposal changes. */
  amendmentId: entityIdSchema,
  subAmendmentId: entityIdSchema,
  proposedText: z.string().min(1).max(10_000),
});

/** Follows the withdrawal of an amendment: each pending sub-amendment to it falls with it. */
export const withdrawWithParentSchema = z.strictObject({
  amendmentId: entityIdSchema,
  parentAmendmentId: entityIdSchema,
});

export const amendmentCommandSchemas = {
  TableAmendment: tableAmendmentSchema,
  CosponsorAmendment: cosponsorAmendmentSchema,
  ReviseAmendment: reviseAmendmentSchema,
  WithdrawAmendment: withdrawAmendmentSchema,
  AcceptAmendment: acceptAmendmentSchema,
  RejectAmendment: rejectAmendmentSchema,
  MergeAmendment: mergeAmendmentSchema,
  RestoreAmendment: restoreAmendmentSchema,
  AdoptSubAmendment: adoptSubAmendmentSchema,
  WithdrawWithParent: withdrawWithParentSchema,
} as const;

export type AmendmentCommand = CommandsOf<typeof amendmentCommandSchemas>;
export type TableAmendment = CommandOf<AmendmentCommand, 'TableAmendment'>;
export type CosponsorAmendment = CommandOf<AmendmentCommand, 'CosponsorAmendment'>;
export type ReviseAmendment = CommandOf<AmendmentCommand, 'ReviseAmendment'>;
export type WithdrawAmendment = CommandOf<AmendmentCommand, 'WithdrawAmendment'>;
export type AcceptAmendment = CommandOf<AmendmentCommand, 'AcceptAmendment'>;
export type RejectAmendment = CommandOf<AmendmentCommand, 'RejectAmendment'>;
export type MergeAmendment = CommandOf<AmendmentCommand, 'MergeAmendment'>;
export type RestoreAmendment = CommandOf<AmendmentCommand, 'RestoreAmendment'>;
export type AdoptSubAmendment = CommandOf<AmendmentCommand, 'AdoptSubAmendment'>;
export type WithdrawWithParent = CommandOf<AmendmentCommand, 'WithdrawWithParent'>;
