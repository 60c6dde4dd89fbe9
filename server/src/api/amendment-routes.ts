// Amendments: tabling one against a range of the live text (the server anchors it and quotes
// the original words itself) or to a pending amendment, co-sponsoring, revising, withdrawing,
// and the chair's decisions, including restoring a rejection or a merge.
import { amendmentContracts, type TableAmendment } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { ApiRouter } from '../http/api-router.js';
import { InvalidInputError, NotFoundError } from '../application/errors.js';
import type { ApiDeps } from './api-deps.js';
import { assertOpen, authorize, documentScope, memberMeta, newId } from './request-context.js';
import { created, done } from './responses.js';

export function amendmentRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  const { commands, queries, services } = deps;

  const amendmentScope = (amendmentId: string, user: SignedInUser) => {
    const amendment = queries.getAmendment(amendmentId);
    if (!amendment) throw new NotFoundError('Amendment not found');
    const scope = documentScope(deps, amendment.documentId, user);
    assertOpen(scope);
    return { scope, amendment };
  };

  api.implement(amendmentContracts.listAmendments, {
    summary: 'Amendments to a document, optionally for one paragraph or status',
    tags: ['amendments'],
    handler: ({ params, query, session }) => {
      // Current state: past a reader's horizon, read the record as of it instead.
      documentScope(deps, params.documentId, session).assertLive();
      return Promise.resolve({ body: queries.listAmendments(params.documentId, query) });
    },
  });

  api.implement(amendmentContracts.tableAmendment, {
    summary: 'Table an amendment on behalf of your delegation',
    tags: ['amendments'],
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

  api.implement(amendmentContracts.getAmendment, {
    summary: 'One amendment with its sponsors, status and decision',
    tags: ['amendments'],
    handler: ({ params, session }) => {
      const amendment = queries.getAmendment(params.amendmentId);
      if (!amendment) throw new NotFoundError('Amendment not found');
      documentScope(deps, amendment.documentId, session).assertLive();
      return Promise.resolve({ body: amendment });
    },
  });

  api.implement(amendmentContracts.cosponsor, {
    summary: 'Co-sponsor an amendment on behalf of your delegation',
    tags: ['amendments'],
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

  api.implement(amendmentContracts.revise, {
    summary: 'Revise the proposed wording or rationale (sponsor only, while pending)',
    tags: ['amendments'],
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

  api.implement(amendmentContracts.withdraw, {
    summary: 'Withdraw an amendment (sponsor only)',
    tags: ['amendments'],
    handler: async ({ params, body, session, req }) => {
      const { scope } = amendmentScope(params.amendmentId, session);
      authorize(scope, 'amendment.withdraw');
      const meta = memberMeta(req, scope.actor);
      return done(
        (await services.amendments.withdraw(params.amendmentId, body.reason, meta)).position,
      );
    },
  });

  api.implement(amendmentContracts.accept, {
    summary:
      'Accept an amendment: its words go into the text (202 when they are still on their way)',
    tags: ['amendments'],
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

  api.implement(amendmentContracts.reject, {
    summary: 'Reject an amendment, giving the reason',
    tags: ['amendments'],
    handler: async ({ params, body, session, req }) => {
      const { scope } = amendmentScope(params.amendmentId, session);
      authorize(scope, 'amendment.decide');
      const meta = memberMeta(req, scope.actor);
      return done(
        (await services.amendments.reject(params.amendmentId, body.reason, meta)).position,
      );
    },
  });

  api.implement(amendmentContracts.restore, {
    summary: 'Restore a rejected or merged amendment to pending, giving the reason (chair)',
    tags: ['amendments'],
    handler: async ({ params, body, session, req }) => {
      const { scope } = amendmentScope(params.amendmentId, session);
      authorize(scope, 'amendment.restore');
      const meta = memberMeta(req, scope.actor);
      return done(
        (await services.amendments.restore(params.amendmentId, body.reason, meta)).position,
      );
    },
  });

  api.implement(amendmentContracts.merge, {
    summary: "Merge an amendment into a chair's compromise",
    tags: ['amendments'],
    handler: async ({ params, body, session, req }) => {
      const { scope, amendment } = amendmentScope(params.amendmentId, session);
      authorize(scope, 'amendment.decide');
      if (queries.getAmendment(body.intoAmendmentId)?.documentId !== amendment.documentId) {
        throw new InvalidInputError(
          'invalid-merge',
          'The compromise must be an amendment to the same document',
        );
      }
      const meta = memberMeta(req, scope.actor);
      const result = await services.amendments.merge(
        params.amendmentId,
        body.intoAmendmentId,
        meta,
      );
      return done(result.position);
    },
  });
}
