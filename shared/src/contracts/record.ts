// The negotiation record read at a point: consensus, a document's frame, the attributed comparison
// of two points, position track records, milestones and coalitions.
//
//   GET /api/documents/:documentId/consensus?asOf=revision:Rev 1
//   GET /api/documents/:documentId/compare?from=revision:Rev 1&to=now
import { z } from 'zod';
import { entityIdSchema } from '../schema.js';
import { asOfSchema } from './as-of.js';
import { documentParams, negotiationParams } from './common.js';
import { defineEndpoint } from './endpoint.js';
import { positionTargetKindSchema } from './positions.js';
import {
  coalitionsViewSchema,
  comparisonViewSchema,
  consensusViewSchema,
  frameViewSchema,
  milestoneKinds,
  milestonesViewSchema,
  trackViewSchema,
} from './record-views.js';

/** `true` or `false` in a query string. */
export const booleanFlagSchema = z.enum(['true', 'false']);

export const recordContracts = {
  consensus: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/consensus',
    params: documentParams,
    query: z.object({ asOf: asOfSchema.optional() }),
    response: consensusViewSchema,
  }),
  frame: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/frame',
    params: documentParams,
    query: z.object({ asOf: asOfSchema }),
    response: frameViewSchema,
  }),
  compare: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/compare',
    params: documentParams,
    query: z.object({ from: asOfSchema, to: asOfSchema.default('now') }),
    response: comparisonViewSchema,
  }),
  track: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/positions/track',
    params: documentParams,
    query: z
      .object({
        stakeholderId: entityIdSchema.optional(),
        targetKind: positionTargetKindSchema.optional(),
        targetId: entityIdSchema.optional(),
        asOf: asOfSchema.optional(),
      })
      .refine((q) => (q.targetKind === undefined) === (q.targetId === undefined), {
        message: 'targetKind and targetId go together',
        path: ['targetId'],
      })
      .refine((q) => q.stakeholderId !== undefined || q.targetId !== undefined, {
        message: 'name a stakeholderId, a target (targetKind and targetId), or both',
        path: ['stakeholderId'],
      }),
    response: trackViewSchema,
  }),
  milestones: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/milestones',
    params: negotiationParams,
    query: z.object({
      documentId: entityIdSchema.optional(),
      /** Comma-separated milestone kinds. */
      kinds: z
        .string()
        .max(200)
        .refine(
          (list) =>
            list.split(',').every((k) => (milestoneKinds as readonly string[]).includes(k.trim())),
          { message: `each kind must be one of ${milestoneKinds.join(', ')}` },
        )
        .optional(),
    }),
    response: milestonesViewSchema,
  }),
  coalitions: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/coalitions',
    params: documentParams,
    query: z.object({
      threshold: z.coerce.number().min(0).max(1).optional(),
      minCommonTargets: z.coerce.number().int().min(1).max(1000).optional(),
      includeInherited: booleanFlagSchema.optional(),
      asOf: asOfSchema.optional(),
    }),
    response: coalitionsViewSchema,
  }),
};
