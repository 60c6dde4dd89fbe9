// Positions: what a stakeholder says about a paragraph or an amendment, and the history of who
// said what when.
import { z } from 'zod';
import { POSITION_STATEMENT_MAX, positionTargetSchema } from '../positions/commands.js';
import { entityIdSchema, freeText } from '../schema.js';
import { stanceSchema } from '../vocabulary.js';
import { commandDoneSchema, documentParams, stakeholderRefViewSchema } from './common.js';
import { defineEndpoint } from './endpoint.js';

export const positionTargetKindSchema = z.enum(['paragraph', 'amendment']);

export const positionTargetViewSchema = z.object({
  kind: positionTargetKindSchema,
  id: z.string(),
});
export type PositionTargetView = z.infer<typeof positionTargetViewSchema>;

export const positionViewSchema = z.object({
  documentId: z.string(),
  target: positionTargetViewSchema,
  stakeholderId: z.string(),
  stakeholder: stakeholderRefViewSchema,
  stance: stanceSchema,
  statement: z.string(),
  statedBy: z.string(),
  statedAt: z.string(),
});
export type PositionView = z.infer<typeof positionViewSchema>;

/** One statement or withdrawal, as the read model lists them. */
export const positionHistoryViewSchema = z.object({
  /** The event's position in the log, as a decimal string: orders entries, and replays to it. */
  position: z.string(),
  documentId: z.string(),
  target: positionTargetViewSchema,
  stakeholderId: z.string(),
  stakeholder: stakeholderRefViewSchema,
  action: z.enum(['stated', 'withdrawn']),
  /** Null for a withdrawal. */
  stance: stanceSchema.nullable(),
  statement: z.string().nullable(),
  userId: z.string(),
  at: z.string(),
  /** The revision in force when it was said; null before the first was issued. */
  revisionLabel: z.string().nullable(),
});
export type PositionHistoryView = z.infer<typeof positionHistoryViewSchema>;

export const positionContracts = {
  listPositions: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/positions',
    params: documentParams,
    query: z.object({
      targetKind: positionTargetKindSchema.optional(),
      targetId: entityIdSchema.optional(),
    }),
    response: z.array(positionViewSchema),
  }),
  positionHistory: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/positions/history',
    params: documentParams,
    query: z.object({
      stakeholderId: entityIdSchema.optional(),
      targetId: entityIdSchema.optional(),
    }),
    response: z.array(positionHistoryViewSchema),
  }),
  statePosition: defineEndpoint({
    method: 'put',
    path: '/documents/:documentId/positions',
    params: documentParams,
    body: z.strictObject({
      target: positionTargetSchema,
      stance: stanceSchema,
      statement: freeText(POSITION_STATEMENT_MAX).optional(),
    }),
    response: commandDoneSchema,
  }),
  withdrawPosition: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/positions/withdraw',
    params: documentParams,
    body: z.strictObject({ target: positionTargetSchema }),
    response: commandDoneSchema,
  }),
};
