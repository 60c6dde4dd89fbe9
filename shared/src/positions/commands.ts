// Commands on a `positions-<documentId>` stream. A member states positions for their own
// stakeholder only, so the stakeholder is taken from the actor, never from the input.
import { z } from 'zod';
import type { CommandOf, CommandsOf } from '../messages.js';
import { entityIdSchema, freeText } from '../schema.js';
import { stanceSchema } from '../vocabulary.js';

/** What a position is about; the server checks the paragraph or amendment is in this document. */
export const positionTargetSchema = z.strictObject({
  kind: z.enum(['paragraph', 'amendment']),
  id: entityIdSchema,
});

/** Longest statement with a position, in characters; longer ones are refused with 422. */
export const POSITION_STATEMENT_MAX = 4000;

export const statePositionSchema = z.strictObject({
  documentId: entityIdSchema,
  target: positionTargetSchema,
  stance: stanceSchema,
  statement: freeText(POSITION_STATEMENT_MAX).optional(),
});

export const withdrawPositionSchema = z.strictObject({
  documentId: entityIdSchema,
  target: positionTargetSchema,
});

/** Most delegations one request may ask at once, and the longest note the chair may add. */
export const POSITION_REQUEST_STAKEHOLDERS_MAX = 200;
export const POSITION_REQUEST_NOTE_MAX = 1000;

/** The chair asks delegations where they stand on a paragraph or an amendment. */
export const requestPositionSchema = z.strictObject({
  documentId: entityIdSchema,
  target: positionTargetSchema,
  stakeholderIds: z.array(entityIdSchema).min(1).max(POSITION_REQUEST_STAKEHOLDERS_MAX),
  note: freeText(POSITION_REQUEST_NOTE_MAX).optional(),
});

export const positionsCommandSchemas = {
  StatePosition: statePositionSchema,
  WithdrawPosition: withdrawPositionSchema,
  RequestPosition: requestPositionSchema,
} as const;

export type PositionsCommand = CommandsOf<typeof positionsCommandSchemas>;
export type StatePosition = CommandOf<PositionsCommand, 'StatePosition'>;
export type WithdrawPosition = CommandOf<PositionsCommand, 'WithdrawPosition'>;
export type RequestPosition = CommandOf<PositionsCommand, 'RequestPosition'>;
