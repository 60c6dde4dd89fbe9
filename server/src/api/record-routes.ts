// The negotiation record: consensus (now or as of a point), a document's frame as of a point, the
// attributed comparison of two points, position track records, milestones and coalitions. Every
// view is read from shared's record fold, so the browser can recompute any of them from events.
//
//   GET /api/documents/:documentId/consensus?asOf=revision:Rev 1
//   GET /api/documents/:documentId/compare?from=revision:Rev 1&to=now
import { z } from 'zod';
import {
  coalitionsOf,
  consensusOf,
  entityIdSchema,
  milestonesOf,
  positionHistory,
  trackRecord,
  type MilestoneKind,
} from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { EventStore } from '../eventstore/port.js';
import type { ApiRouter } from '../http/api-router.js';
import { NotFoundError } from '../application/errors.js';
import {
  asOfSchema,
  compareAsOf,
  frameAsOf,
  parseAsOf,
  RecordHistory,
  resolvePoint,
  type AsOf,
} from '../timetravel/index.js';
import { paragraphsAt } from '../text/text-points.js';
import type { ApiDeps } from './api-deps.js';
import { documentScope, negotiationScope } from './request-context.js';

const DocumentParams = z.object({ documentId: entityIdSchema });
const NegotiationParams = z.object({ negotiationId: entityIdSchema });

const milestoneKinds = [
  'document-created',
  'revision-issued',
  'amendment-accepted',
  'paragraph-agreed-ad-ref',
  'document-adopted',
] as const satisfies readonly MilestoneKind[];

const booleanFlag = z.enum(['true', 'false']);

/** asOfSchema has already checked the syntax. */
const asOf = (text: string | undefined): AsOf =>
  text === undefined ? { kind: 'now' } : parseAsOf(text)!;

export function recordRoutes(
  api: ApiRouter<SignedInUser>,
  deps: Omit<ApiDeps, 'services'> & { store: EventStore; history?: RecordHistory },
): void {
  const { store, text } = deps;
  const history = deps.history ?? new RecordHistory(store);
  const timeTravel = { store, history };

  /** The record at a point; `now` reads the live text for numbering, others the text then. */
  const pointWithText = async (documentId: string, point: AsOf) => {
    const resolved = await resolvePoint(timeTravel, documentId, point);
    const paragraphs =
      point.kind === 'now'
        ? await text.paragraphs(documentId)
        : await paragraphsAt(
            store,
            documentId,
            resolved.textRevision === null ? undefined : BigInt(resolved.textRevision),
          );
    return { resolved, paragraphs };
  };

  api.route({
    method: 'get',
    path: '/documents/:documentId/consensus',
    summary:
      'Consensus per paragraph and pending amendment (rule: no objection), now or as of a point',
    tags: ['record'],
    params: DocumentParams,
    query: z.object({ asOf: asOfSchema.optional() }),
    handler: async ({ params, query, session }) => {
      documentScope(deps, params.documentId, session);
      const { resolved, paragraphs } = await pointWithText(params.documentId, asOf(query.asOf));
      const { state, document: _document, ...point } = resolved;
      return {
        body: { asOf: point, ...consensusOf(state, params.documentId, { paragraphs })! },
      };
    },
  });

  api.route({
    method: 'get',
    path: '/documents/:documentId/frame',
    summary: 'The document as it stood at a point: text, amendments, positions and consensus',
    tags: ['record'],
    params: DocumentParams,
    query: z.object({ asOf: asOfSchema }),
    handler: async ({ params, query, session }) => {
      documentScope(deps, params.documentId, session);
      return { body: await frameAsOf(timeTravel, params.documentId, asOf(query.asOf)) };
    },
  });

  api.route({
    method: 'get',
    path: '/documents/:documentId/compare',
    summary: 'Word-level comparison of the text between two points, each change attributed',
    tags: ['record'],
    params: DocumentParams,
    query: z.object({ from: asOfSchema, to: asOfSchema.default('now') }),
    handler: async ({ params, query, session }) => {
      documentScope(deps, params.documentId, session);
      return {
        body: await compareAsOf(timeTravel, params.documentId, asOf(query.from), asOf(query.to)),
      };
    },
  });

  api.route({
    method: 'get',
    path: '/documents/:documentId/positions/track',
    summary:
      "A stakeholder's track record, one stakeholder on one target, or everyone over time on a target",
    tags: ['record', 'positions'],
    params: DocumentParams,
    query: z
      .object({
        stakeholderId: entityIdSchema.optional(),
        targetKind: z.enum(['paragraph', 'amendment']).optional(),
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
    handler: async ({ params, query, session }) => {
      documentScope(deps, params.documentId, session);
      const {
        state,
        document: _document,
        ...point
      } = await resolvePoint(timeTravel, params.documentId, asOf(query.asOf));
      const target =
        query.targetKind && query.targetId
          ? { kind: query.targetKind, id: query.targetId }
          : undefined;
      if (query.stakeholderId && !target) {
        return {
          body: { asOf: point, ...trackRecord(state, params.documentId, query.stakeholderId)! },
        };
      }
      return {
        body: {
          asOf: point,
          documentId: params.documentId,
          ...(target ? { target } : {}),
          changes: positionHistory(state, params.documentId, {
            ...(query.stakeholderId ? { stakeholderId: query.stakeholderId } : {}),
            ...(target ? { target } : {}),
          }),
        },
      };
    },
  });

  api.route({
    method: 'get',
    path: '/negotiations/:negotiationId/milestones',
    summary:
      'Revisions issued, amendments accepted, paragraphs agreed ad ref, adoptions: each with a point to jump to',
    tags: ['record'],
    params: NegotiationParams,
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
    handler: async ({ params, query, session }) => {
      negotiationScope(deps, params.negotiationId, session);
      const { state } = await history.at({ kind: 'now' });
      const kinds = query.kinds?.split(',').map((k) => k.trim() as MilestoneKind);
      const milestones = milestonesOf(state, params.negotiationId, {
        ...(query.documentId ? { documentId: query.documentId } : {}),
        ...(kinds ? { kinds } : {}),
      });
      return {
        body: {
          negotiationId: params.negotiationId,
          milestones: milestones.map((m) => ({
            ...m,
            documentSymbol: state.documents[m.documentId]?.symbol ?? null,
            asOf: m.position === undefined ? null : `position:${m.position}`,
          })),
        },
      };
    },
  });

  api.route({
    method: 'get',
    path: '/documents/:documentId/coalitions',
    summary: 'Delegations whose positions agree most often, and amendments that bridge coalitions',
    tags: ['record'],
    params: DocumentParams,
    query: z.object({
      threshold: z.coerce.number().min(0).max(1).optional(),
      minCommonTargets: z.coerce.number().int().min(1).max(1000).optional(),
      includeInherited: booleanFlag.optional(),
      asOf: asOfSchema.optional(),
    }),
    handler: async ({ params, query, session }) => {
      documentScope(deps, params.documentId, session);
      const {
        state,
        document: _document,
        ...point
      } = await resolvePoint(timeTravel, params.documentId, asOf(query.asOf));
      const analysis = coalitionsOf(state, params.documentId, {
        ...(query.threshold === undefined ? {} : { threshold: query.threshold }),
        ...(query.minCommonTargets === undefined
          ? {}
          : { minCommonTargets: query.minCommonTargets }),
        includeInherited: query.includeInherited === 'true',
      });
      if (!analysis) throw new NotFoundError('Document not found');
      return { body: { asOf: point, ...analysis } };
    },
  });
}
