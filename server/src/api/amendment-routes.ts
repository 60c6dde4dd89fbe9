// Amendments: tabling one against a range of the live text (the server anchors it and quotes
// the original words itself), co-sponsoring, revising, withdrawing, and the chair's decisions.
import { z } from 'zod';
import {
  amendmentKindSchema,
  entityIdSchema,
  freeText,
  labelText,
  paragraphKindSchema,
  type TableAmendment,
} from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { ApiRouter } from '../http/api-router.js';
import { InvalidInputError, NotFoundError } from '../application/errors.js';
import type { ApiDeps } from './api-deps.js';
import { assertOpen, authorize, documentScope, memberMeta, newId } from './request-context.js';
import { created, done } from './responses.js';

const Range = z
  .strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((r) => r.end >= r.start, 'end must not be before start');

const TableAmendmentBody = z.strictObject({
  paragraphId: entityIdSchema,
  kind: amendmentKindSchema,
  /** Characters of the paragraph's text: [start, end) to delete or replace; start = end to insert. */
  range: Range.optional(),
  proposedText: z.string().max(10_000).default(''),
  /** For a new paragraph: preambular, operative, … */
  paragraphKind: paragraphKindSchema.optional(),
  rationale: freeText(2000).default(''),
});

export function amendmentRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  const { commands, queries, services } = deps;

  const amendmentScope = (amendmentId: string, user: SignedInUser) => {
    const amendment = queries.getAmendment(amendmentId);
    if (!amendment) throw new NotFoundError('Amendment not found');
    const scope = documentScope(deps, amendment.documentId, user);
    assertOpen(scope);
    return { scope, amendment };
  };

  api.route({
    method: 'get',
    path: '/documents/:documentId/amendments',
    summary: 'Amendments to a document, optionally for one paragraph or status',
    tags: ['amendments'],
    params: z.object({ documentId: entityIdSchema }),
    query: z.object({
      paragraphId: entityIdSchema.optional(),
      status: z.enum(['pending', 'withdrawn', 'accepted', 'rejected', 'merged']).optional(),
    }),
    handler: ({ params, query, session }) => {
      documentScope(deps, params.documentId, session);
      return Promise.resolve({ body: queries.listAmendments(params.documentId, query) });
    },
  });

  api.route({
    method: 'post',
    path: '/documents/:documentId/amendments',
    summary: 'Table an amendment on behalf of your delegation',
    tags: ['amendments'],
    params: z.object({ documentId: entityIdSchema }),
    body: TableAmendmentBody,
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'amendment.table');
      assertOpen(scope);
      const amendmentId = newId(req, 'amendment');
      const result = await services.amendments.table(
        { amendmentId, documentId: params.documentId, ...body },
        memberMeta(req, scope.actor),
      );
      return created({ amendmentId }, result.position);
    },
  });

  api.route({
    method: 'get',
    path: '/amendments/:amendmentId',
    summary: 'One amendment with its sponsors, status and decision',
    tags: ['amendments'],
    params: z.object({ amendmentId: entityIdSchema }),
    handler: ({ params, session }) => {
      const amendment = queries.getAmendment(params.amendmentId);
      if (!amendment) throw new NotFoundError('Amendment not found');
      documentScope(deps, amendment.documentId, session);
      return Promise.resolve({ body: amendment });
    },
  });

  const AmendmentParams = z.object({ amendmentId: entityIdSchema });

  api.route({
    method: 'post',
    path: '/amendments/:amendmentId/cosponsor',
    summary: 'Co-sponsor an amendment on behalf of your delegation',
    tags: ['amendments'],
    params: AmendmentParams,
    handler: async ({ params, session, req }) => {
      const { scope } = amendmentScope(params.amendmentId, session);
      authorize(scope, 'amendment.cosponsor');
      return done(
        (
          await commands.execute({
            type: 'CosponsorAmendment',
            data: params,
            meta: memberMeta(req, scope.actor),
          })
        ).position,
      );
    },
  });

  api.route({
    method: 'post',
    path: '/amendments/:amendmentId/revise',
    summary: 'Revise the proposed wording or rationale (sponsor only, while pending)',
    tags: ['amendments'],
    params: AmendmentParams,
    body: z.strictObject({
      proposedText: z.string().max(10_000),
      rationale: freeText(2000).optional(),
    }),
    handler: async ({ params, body, session, req }) => {
      const { scope, amendment } = amendmentScope(params.amendmentId, session);
      authorize(scope, 'amendment.revise');
      const proposal = {
        ...amendment.proposal,
        proposedText: body.proposedText,
      } as TableAmendment['data']['proposal'];
      const result = await commands.execute({
        type: 'ReviseAmendment',
        data: {
          amendmentId: params.amendmentId,
          proposal,
          ...(body.rationale !== undefined ? { rationale: body.rationale } : {}),
        },
        meta: memberMeta(req, scope.actor),
      });
      return done(result.position);
    },
  });

  api.route({
    method: 'post',
    path: '/amendments/:amendmentId/withdraw',
    summary: 'Withdraw an amendment (sponsor only)',
    tags: ['amendments'],
    params: AmendmentParams,
    body: z.strictObject({ reason: freeText(1000).optional() }),
    handler: async ({ params, body, session, req }) => {
      const { scope } = amendmentScope(params.amendmentId, session);
      authorize(scope, 'amendment.withdraw');
      return done(
        (
          await commands.execute({
            type: 'WithdrawAmendment',
            data: { ...params, ...body },
            meta: memberMeta(req, scope.actor),
          })
        ).position,
      );
    },
  });

  api.route({
    method: 'post',
    path: '/amendments/:amendmentId/accept',
    summary:
      'Accept an amendment: its words go into the text (202 when they are still on their way)',
    tags: ['amendments'],
    params: AmendmentParams,
    responses: {
      200: { description: 'Accepted, its words in the text: { position, textApplied: true }' },
      202: {
        description:
          'Accepted; the words are still being applied and will follow: { position, textApplied: false }',
      },
    },
    handler: async ({ params, session, req }) => {
      const { scope } = amendmentScope(params.amendmentId, session);
      authorize(scope, 'amendment.decide');
      const result = await services.amendments.accept(
        params.amendmentId,
        memberMeta(req, scope.actor),
      );
      // 202: the decision is on record and the reactor is still bringing the words in.
      return {
        status: result.textApplied ? 200 : 202,
        body: { position: result.position?.toString(), textApplied: result.textApplied },
      };
    },
  });

  api.route({
    method: 'post',
    path: '/amendments/:amendmentId/reject',
    summary: 'Reject an amendment, giving the reason',
    tags: ['amendments'],
    params: AmendmentParams,
    body: z.strictObject({ reason: labelText(2000) }),
    handler: async ({ params, body, session, req }) => {
      const { scope } = amendmentScope(params.amendmentId, session);
      authorize(scope, 'amendment.decide');
      return done(
        (
          await commands.execute({
            type: 'RejectAmendment',
            data: { ...params, ...body },
            meta: memberMeta(req, scope.actor),
          })
        ).position,
      );
    },
  });

  api.route({
    method: 'post',
    path: '/amendments/:amendmentId/merge',
    summary: "Merge an amendment into a chair's compromise",
    tags: ['amendments'],
    params: AmendmentParams,
    body: z.strictObject({ intoAmendmentId: entityIdSchema }),
    handler: async ({ params, body, session, req }) => {
      const { scope, amendment } = amendmentScope(params.amendmentId, session);
      authorize(scope, 'amendment.decide');
      if (queries.getAmendment(body.intoAmendmentId)?.documentId !== amendment.documentId) {
        throw new InvalidInputError(
          'invalid-merge',
          'The compromise must be an amendment to the same document',
        );
      }
      return done(
        (
          await commands.execute({
            type: 'MergeAmendment',
            data: { ...params, ...body },
            meta: memberMeta(req, scope.actor),
          })
        ).position,
      );
    },
  });
}
