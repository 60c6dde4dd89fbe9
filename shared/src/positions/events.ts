// Events of a `positions-<documentId>` stream. Every change is an event, so a delegation's
// position history on a paragraph is a filter over this stream.
import { z } from 'zod';
import { defineEvent, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema } from '../schema.js';
import { stanceSchema } from '../vocabulary.js';

const storedTarget = z.object({ kind: z.enum(['paragraph', 'amendment']), id: entityIdSchema });

const positionStated = z.object({
  documentId: entityIdSchema,
  target: storedTarget,
  /** The stakeholder whose position this is; consensus counts it only if it is a delegation. */
  stakeholderId: entityIdSchema,
  stance: stanceSchema,
  statement: z.string(),
  statedBy: entityIdSchema,
  statedAt: instantSchema,
});

const positionWithdrawn = z.object({
  documentId: entityIdSchema,
  target: storedTarget,
  stakeholderId: entityIdSchema,
  withdrawnBy: entityIdSchema,
  withdrawnAt: instantSchema,
});

/** The chair asked these stakeholders for their position; a notice, it changes no position. */
const positionRequested = z.object({
  documentId: entityIdSchema,
  target: storedTarget,
  stakeholderIds: z.array(entityIdSchema),
  note: z.string(),
  requestedBy: entityIdSchema,
  requestedAt: instantSchema,
});

export const positionsEventSchemas = {
  PositionStated: defineEvent(1, positionStated),
  PositionWithdrawn: defineEvent(1, positionWithdrawn),
  PositionRequested: defineEvent(1, positionRequested),
};

export type PositionsEvent = EventsOf<typeof positionsEventSchemas>;
