// Positions: what your delegation says about a paragraph or an amendment, and the history of who
// said what when.
import { z } from 'zod';
import { entityIdSchema, freeText, positionTargetSchema, stanceSchema } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { ApiRouter } from '../http/api-router.js';
import { InvalidInputError } from '../application/errors.js';
import type { ApiDeps } from './api-deps.js';
import { assertOpen, authorize, documentScope, memberMeta } from './request-context.js';
import { done } from './responses.js';

const DocumentParams = z.object({ documentId: entityIdSchema });

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

  api.route({
    method: 'get',
    path: '/documents/:documentId/positions',
    summary: 'Current positions, optionally on one paragraph or amendment',
    tags: ['positions'],
    params: DocumentParams,
    query: z.object({
      targetKind: z.enum(['paragraph', 'amendment']).optional(),
      targetId: entityIdSchema.optional(),
    }),
    handler: ({ params, query, session }) => {
      documentScope(deps, params.documentId, session);
      return Promise.resolve({ body: queries.listPositions(params.documentId, query) });
    },
  });

  api.route({
    method: 'get',
    path: '/documents/:documentId/positions/history',
    summary: 'Every position stated or withdrawn, oldest first',
    tags: ['positions'],
    params: DocumentParams,
    query: z.object({
      stakeholderId: entityIdSchema.optional(),
      targetId: entityIdSchema.optional(),
    }),
    handler: ({ params, query, session }) => {
      documentScope(deps, params.documentId, session);
      return Promise.resolve({ body: queries.positionHistory(params.documentId, query) });
    },
  });

  api.route({
    method: 'put',
    path: '/documents/:documentId/positions',
    summary: "State your stakeholder's position on a paragraph or amendment",
    tags: ['positions'],
    params: DocumentParams,
    body: z.strictObject({
      target: positionTargetSchema,
      stance: stanceSchema,
      statement: freeText(4000).optional(),
    }),
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'position.state');
      assertOpen(scope);
      await assertTarget(params.documentId, body.target);
      return done(
        (
          await commands.execute({
            type: 'StatePosition',
            data: { documentId: params.documentId, ...body },
            meta: memberMeta(req, scope.actor),
          })
        ).position,
      );
    },
  });

  api.route({
    method: 'post',
    path: '/documents/:documentId/positions/withdraw',
    summary: "Withdraw your stakeholder's position",
    tags: ['positions'],
    params: DocumentParams,
    body: z.strictObject({ target: positionTargetSchema }),
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
