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

export const amendmentCommandSchemas = {
  TableAmendment: tableAmendmentSchema,
  CosponsorAmendment: cosponsorAmendmentSchema,
  ReviseAmendment: reviseAmendmentSchema,
  WithdrawAmendment: withdrawAmendmentSchema,
  AcceptAmendment: acceptAmendmentSchema,
  RejectAmendment: rejectAmendmentSchema,
  MergeAmendment: mergeAmendmentSchema,
} as const;

export type AmendmentCommand = CommandsOf<typeof amendmentCommandSchemas>;
export type TableAmendment = CommandOf<AmendmentCommand, 'TableAmendment'>;
export type CosponsorAmendment = CommandOf<AmendmentCommand, 'CosponsorAmendment'>;
export type ReviseAmendment = CommandOf<AmendmentCommand, 'ReviseAmendment'>;
export type WithdrawAmendment = CommandOf<AmendmentCommand, 'WithdrawAmendment'>;
export type AcceptAmendment = CommandOf<AmendmentCommand, 'AcceptAmendment'>;
export type RejectAmendment = CommandOf<AmendmentCommand, 'RejectAmendment'>;
export type MergeAmendment = CommandOf<AmendmentCommand, 'MergeAmendment'>;
