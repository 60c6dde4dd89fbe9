// The negotiation record: consensus (now or as of a point), a document's frame as of a point, the
// attributed comparison of two points, position track records, milestones and coalitions. Every
// view is read from shared's record fold, so the browser can recompute any of them from events.
//
//   GET /api/documents/:documentId/consensus?asOf=revision:Rev 1
//   GET /api/documents/:documentId/compare?from=revision:Rev 1&to=now
import {
  coalitionsOf,
  consensusOf,
  recordFrozenNumbering,
  milestonesOf,
  parseAsOf,
  positionHistory,
  recordContracts,
  trackRecord,
  type AsOf,
  type MilestoneKind,
} from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { EventStore } from '../eventstore/port.js';
import type { ApiRouter } from '../http/api-router.js';
import { NotFoundError } from '../application/errors.js';
import { compareAsOf, frameAsOf, RecordHistory, resolvePoint } from '../timetravel/index.js';
import { paragraphsAt } from '../text/text-points.js';
import type { ApiDeps } from './api-deps.js';
import { documentScope, negotiationScope, type DocumentScope } from './request-context.js';

/**
 * asOfSchema has already checked the syntax. The point is clamped to the reader's horizon when
 * a segment excludes their role (request-context.ts).
 */
const asOfFor = (scope: DocumentScope, text: string | undefined): AsOf =>
  scope.clamp(text === undefined ? undefined : parseAsOf(text)!) ?? { kind: 'now' };

export function recordRoutes(
  api: ApiRouter<SignedInUser>,
  deps: Omit<ApiDeps, 'services' | 'operators'> & { store: EventStore; history?: RecordHistory },
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

  api.implement(recordContracts.consensus, {
    summary:
      'Consensus per paragraph and pending amendment (rule: no objection), now or as of a point',
    tags: ['record'],
    handler: async ({ params, query, session }) => {
      const scope = documentScope(deps, params.documentId, session);
      const at = asOfFor(scope, query.asOf);
      const { resolved, paragraphs } = await pointWithText(params.documentId, at);
      const { state, document, ...point } = resolved;
      const frozenNumbering = recordFrozenNumbering(document.revisions);
      return {
        body: {
          asOf: point,
          ...consensusOf(state, params.documentId, { paragraphs, frozenNumbering })!,
        },
      };
    },
  });

  api.implement(recordContracts.frame, {
    summary: 'The document as it stood at a point: text, amendments, positions and consensus',
    tags: ['record'],
    handler: async ({ params, query, session }) => {
      const scope = documentScope(deps, params.documentId, session);
      return { body: await frameAsOf(timeTravel, params.documentId, asOfFor(scope, query.asOf)) };
    },
  });

  api.implement(recordContracts.compare, {
    summary: 'Word-level comparison of the text between two points, each change attributed',
    tags: ['record'],
    handler: async ({ params, query, session }) => {
      const scope = documentScope(deps, params.documentId, session);
      const [from, to] = [asOfFor(scope, query.from), asOfFor(scope, query.to)];
      return { body: await compareAsOf(timeTravel, params.documentId, from, to) };
    },
  });

  api.implement(recordContracts.track, {
    summary:
      "A stakeholder's track record, one stakeholder on one target, or everyone over time on a target",
    tags: ['record', 'positions'],
    handler: async ({ params, query, session }) => {
      const scope = documentScope(deps, params.documentId, session);
      const {
        state,
        document: _document,
        ...point
      } = await resolvePoint(timeTravel, params.documentId, asOfFor(scope, query.asOf));
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

  api.implement(recordContracts.milestones, {
    summary:
      'Revisions issued, amendments accepted, paragraphs agreed ad ref, adoptions: each with a point to jump to',
    tags: ['record'],
    handler: async ({ params, query, session }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      const horizon = scope.segments?.horizon;
      const { state } = await history.at(
        horizon === undefined ? { kind: 'now' } : { kind: 'position', position: horizon },
      );
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

  api.implement(recordContracts.coalitions, {
    summary: 'Delegations whose positions agree most often, and amendments that bridge coalitions',
    tags: ['record'],
    handler: async ({ params, query, session }) => {
      const scope = documentScope(deps, params.documentId, session);
      const {
        state,
        document: _document,
        ...point
      } = await resolvePoint(timeTravel, params.documentId, asOfFor(scope, query.asOf));
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
