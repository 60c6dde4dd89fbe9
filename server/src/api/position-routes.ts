// Positions: what your delegation says about a paragraph or an amendment, and the history of who
// said what when.
import type { z } from 'zod';
import { positionContracts, type positionTargetSchema } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { ApiRouter } from '../http/api-router.js';
import { InvalidInputError } from '../application/errors.js';
import type { ApiDeps } from './api-deps.js';
import {
  historyAtHorizon,
  positionsAtHorizon,
} from '../application/segments/positions-at-horizon.js';
import { assertOpen, authorize, documentScope, memberMeta } from './request-context.js';
import { done } from './responses.js';

export function positionRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  const { commands, queries, text } = deps;

  /** A position is on a paragraph of this document or an amendment to it. */
  const assertTarget = async (documentId: string, target: z.infer<typeof positionTargetSchema>) => {
    const exists =
      target.kind === 'paragraph'
        ? (await text.paragraphs(documentId)).some((p) => p.id === target.id)
        : queries.getAmendment(target.id)?.documentId === documentId;
    if (!exists) {
      throw InvalidInputError.field(
        'unknown-target',
        `No such ${target.kind} in this document`,
        'body.target.id',
        'not in the document',
      );
    }
  };

  api.implement(positionContracts.listPositions, {
    summary: 'Current positions, optionally on one paragraph or amendment',
    tags: ['positions'],
    handler: ({ params, query, session }) => {
      const horizon = documentScope(deps, params.documentId, session).segments?.horizon;
      if (horizon === undefined)
        return Promise.resolve({ body: queries.listPositions(params.documentId, query) });
      // Behind a horizon: the positions held then, folded from the history up to it.
      const history = queries.positionHistory(params.documentId, { targetId: query.targetId });
      const held = positionsAtHorizon(history, horizon).filter(
        (p) => query.targetKind === undefined || p.target.kind === query.targetKind,
      );
      return Promise.resolve({ body: held });
    },
  });

  api.implement(positionContracts.positionHistory, {
    summary: 'Every position stated or withdrawn, oldest first',
    tags: ['positions'],
    handler: ({ params, query, session }) => {
      const horizon = documentScope(deps, params.documentId, session).segments?.horizon;
      const history = queries.positionHistory(params.documentId, query);
      // Behind a horizon: what was said up to it.
      return Promise.resolve({
        body: horizon === undefined ? history : historyAtHorizon(history, horizon),
      });
    },
  });

  api.implement(positionContracts.statePosition, {
    summary: "State your stakeholder's position on a paragraph or amendment",
    tags: ['positions'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'position.state');
      assertOpen(scope);
      await assertTarget(params.documentId, body.target);
      const meta = memberMeta(req, scope.actor);
      await deps.services.process.assertBeforeDeadline(params.documentId, 'positions', meta.now);
      return done(
        (
          await commands.execute({
            type: 'StatePosition',
            data: { documentId: params.documentId, ...body },
            meta,
          })
        ).position,
      );
    },
  });

  api.implement(positionContracts.withdrawPosition, {
    summary: "Withdraw your stakeholder's position",
    tags: ['positions'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'position.withdraw');
      assertOpen(scope);
      return done(
        (
          await commands.execute({
            type: 'WithdrawPosition',
            data: { documentId: params.documentId, ...body },
            meta: memberMeta(req, scope.actor),
          })
        ).position,
      );
    },
  });
}
