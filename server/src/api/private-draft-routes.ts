// Private drafts of a delegation or a negotiating group. Every route answers 404 to anyone who
// does not speak for the draft's owner, exactly as for an id that was never used, so a draft's
// existence never leaks; the membership rule itself lives in the decider and the queries.
import { can, privateDraftContracts, type Action } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import { NotFoundError } from '../application/errors.js';
import type { ApiRouter } from '../http/api-router.js';
import type { ApiDeps } from './api-deps.js';
import {
  assertOpen,
  authorize,
  documentScope,
  memberMeta,
  negotiationScope,
  newId,
  type NegotiationScope,
} from './request-context.js';
import { created, done } from './responses.js';

export function privateDraftRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  const { queries, services } = deps;
  const drafts = services.privateDrafts;

  /**
   * The negotiation in which the user speaks for the draft's owner. Drafts are found through the
   * user's own memberships only: there is no look-up of a draft by its id alone. A role that may
   * not do `action` in any of the user's negotiations is refused (403) before any draft is looked
   * at, so the refusal says nothing about the draft; every other miss is a 404.
   */
  const draftScope = (draftId: string, user: SignedInUser, action: Action): NegotiationScope => {
    const scopes = queries
      .listNegotiationsForUser(user.userId)
      .map(({ negotiationId }) => negotiationScope(deps, negotiationId, user));
    const eligible = scopes.filter((scope) => can(scope.actor.role, action));
    if (eligible.length === 0 && scopes[0]) authorize(scopes[0], action);
    for (const scope of eligible) {
      const speaksFor = queries
        .speaksFor(scope.negotiationId, scope.actor.stakeholderId)
        .map((s) => s.stakeholderId);
      if (queries.getPrivateDraft(draftId, speaksFor)) return scope;
    }
    throw new NotFoundError('Private draft not found');
  };

  api.implement(privateDraftContracts.listPrivateDrafts, {
    summary: "Your delegation's and your groups' private drafts on a document",
    tags: ['private drafts'],
    handler: ({ params, session }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'privateDraft.read');
      return Promise.resolve({
        body: drafts.list(scope.negotiationId, params.documentId, scope),
      });
    },
  });

  api.implement(privateDraftContracts.startPrivateDraft, {
    summary: 'Start a private draft of an amendment or a statement',
    tags: ['private drafts'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'privateDraft.write');
      assertOpen(scope);
      const draftId = newId(req, 'private-draft');
      const result = await drafts.start(
        scope.negotiationId,
        params.documentId,
        draftId,
        body,
        memberMeta(req, scope.actor),
      );
      return created({ draftId }, result.position);
    },
  });

  api.implement(privateDraftContracts.getPrivateDraft, {
    summary: 'One private draft, with the comments among its owner’s members',
    tags: ['private drafts'],
    handler: ({ params, session }) => {
      const scope = draftScope(params.draftId, session, 'privateDraft.read');
      return Promise.resolve({ body: drafts.get(scope.negotiationId, params.draftId, scope) });
    },
  });

  api.implement(privateDraftContracts.editPrivateDraft, {
    summary: 'Change the words or the rationale of a private draft',
    tags: ['private drafts'],
    handler: async ({ params, body, session, req }) => {
      const scope = draftScope(params.draftId, session, 'privateDraft.write');
      authorize(scope, 'privateDraft.write');
      const result = await drafts.edit(
        scope.negotiationId,
        params.draftId,
        body,
        memberMeta(req, scope.actor),
      );
      return done(result.position);
    },
  });

  api.implement(privateDraftContracts.commentOnPrivateDraft, {
    summary: 'Comment on a private draft, for its owner’s members only',
    tags: ['private drafts'],
    handler: async ({ params, body, session, req }) => {
      const scope = draftScope(params.draftId, session, 'privateDraft.write');
      authorize(scope, 'privateDraft.write');
      const commentId = newId(req, 'private-draft-comment');
      const result = await drafts.comment(
        scope.negotiationId,
        params.draftId,
        commentId,
        body.body,
        memberMeta(req, scope.actor),
      );
      return created({ commentId }, result.position);
    },
  });

  api.implement(privateDraftContracts.tablePrivateDraft, {
    summary: 'Table a private draft: it becomes a public amendment (or a comment, for a statement)',
    tags: ['private drafts'],
    handler: async ({ params, body, session, req }) => {
      const scope = draftScope(params.draftId, session, 'privateDraft.table');
      authorize(scope, 'privateDraft.table');
      const result = await drafts.table(
        scope.negotiationId,
        params.draftId,
        body,
        memberMeta(req, scope.actor),
      );
      return {
        status: 200,
        body: { position: result.position?.toString(), tabledAs: result.tabledAs },
      };
    },
  });

  api.implement(privateDraftContracts.discardPrivateDraft, {
    summary: 'Discard a private draft',
    tags: ['private drafts'],
    handler: async ({ params, session, req }) => {
      const scope = draftScope(params.draftId, session, 'privateDraft.write');
      authorize(scope, 'privateDraft.write');
      const result = await drafts.discard(
        scope.negotiationId,
        params.draftId,
        memberMeta(req, scope.actor),
      );
      return done(result.position);
    },
  });
}
