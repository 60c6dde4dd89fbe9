// A negotiation and its people: stakeholders, chairs, members, invitations, the activity feed.
import { negotiationContracts } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import { hashToken, newToken } from '../accounts/tokens.js';
import type { ApiRouter } from '../http/api-router.js';
import { NotFoundError } from '../application/errors.js';
import type { ApiDeps } from './api-deps.js';
import { authorize, memberMeta, negotiationScope, newId, userMeta } from './request-context.js';
import { created, done } from './responses.js';

const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export function negotiationRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  const { commands, queries } = deps;

  api.implement(negotiationContracts.listNegotiations, {
    summary: 'The negotiations the signed-in user takes part in',
    tags: ['negotiations'],
    handler: ({ session }) =>
      Promise.resolve({ body: queries.listNegotiationsForUser(session.userId) }),
  });

  api.implement(negotiationContracts.openNegotiation, {
    summary: 'Open a negotiation (operators only); the opener joins its secretariat to set it up',
    tags: ['negotiations'],
    handler: async ({ body, session, req }) => {
      // The opener becomes its secretariat: only a configured operator may do that.
      deps.operators.assertMayOpenNegotiation(session.email);
      const negotiationId = newId(req, 'negotiation');
      const result = await commands.execute({
        type: 'OpenNegotiation',
        data: {
          negotiationId,
          title: body.title,
          description: body.description,
          secretariat: { stakeholderId: newId(req, 'secretariat'), ...body.secretariat },
        },
        meta: userMeta(req, session),
      });
      return created({ negotiationId }, result.position);
    },
  });

  api.implement(negotiationContracts.getNegotiation, {
    summary: 'A negotiation with its stakeholders, chairs and your membership',
    tags: ['negotiations'],
    handler: ({ params, session }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      // A membership implies the negotiation was opened; the check only satisfies the types.
      const negotiation = queries.getNegotiation(params.negotiationId);
      if (!negotiation) throw new NotFoundError('Negotiation not found');
      return Promise.resolve({ body: { ...negotiation, you: scope.actor } });
    },
  });

  api.implement(negotiationContracts.listStakeholders, {
    summary: 'Delegations, negotiating groups, civil society, observers and secretariat',
    tags: ['negotiations'],
    handler: ({ params, session }) => {
      negotiationScope(deps, params.negotiationId, session);
      return Promise.resolve({ body: queries.listStakeholders(params.negotiationId) });
    },
  });

  api.implement(negotiationContracts.registerStakeholder, {
    summary: 'Register a stakeholder',
    tags: ['negotiations'],
    handler: async ({ params, body, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'stakeholders.manage');
      const stakeholderId = newId(req, 'stakeholder');
      const common = {
        negotiationId: params.negotiationId,
        stakeholderId,
        name: body.name,
        shortCode: body.shortCode,
      };
      const result = await commands.execute({
        type: 'RegisterStakeholder',
        data:
          body.kind === 'delegation'
            ? { ...common, kind: 'delegation', groupIds: body.groupIds ?? [] }
            : { ...common, kind: body.kind },
        meta: memberMeta(req, scope.actor),
      });
      return created({ stakeholderId }, result.position);
    },
  });

  api.implement(negotiationContracts.appointChairs, {
    summary: 'Appoint the chairs (co-facilitators)',
    tags: ['negotiations'],
    handler: async ({ params, body, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'chairs.appoint');
      const result = await commands.execute({
        type: 'AppointChairs',
        data: { negotiationId: params.negotiationId, userIds: body.userIds },
        meta: memberMeta(req, scope.actor),
      });
      return done(result.position);
    },
  });

  api.implement(negotiationContracts.listMembers, {
    summary: 'Members with their stakeholder, role and e-mail',
    tags: ['negotiations'],
    handler: ({ params, session }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'members.manage');
      return Promise.resolve({ body: queries.listMembers(params.negotiationId) });
    },
  });

  api.implement(negotiationContracts.changeMemberRole, {
    summary: "Change a member's role",
    tags: ['negotiations'],
    handler: async ({ params, body, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'members.manage');
      const result = await commands.execute({
        type: 'ChangeMemberRole',
        data: { ...params, role: body.role },
        meta: memberMeta(req, scope.actor),
      });
      return done(result.position);
    },
  });

  api.implement(negotiationContracts.revokeMember, {
    summary: 'Revoke a membership',
    tags: ['negotiations'],
    handler: async ({ params, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'members.manage');
      const result = await commands.execute({
        type: 'RevokeMember',
        data: params,
        meta: memberMeta(req, scope.actor),
      });
      return done(result.position);
    },
  });

  api.implement(negotiationContracts.listInvitations, {
    summary: 'Invitations and whether they were accepted',
    tags: ['negotiations'],
    handler: ({ params, session }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'invitations.manage');
      return Promise.resolve({ body: queries.listInvitations(params.negotiationId) });
    },
  });

  api.implement(negotiationContracts.inviteMember, {
    summary: 'Invite an e-mail address to act for a stakeholder; returns the link once',
    tags: ['negotiations'],
    handler: async ({ params, body, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'invitations.manage');
      const invitationId = newId(req, 'invitation');
      const token = newToken();
      const expiresAt = new Date(Date.now() + INVITATION_TTL_MS).toISOString();
      const result = await commands.execute({
        type: 'InviteMember',
        data: {
          negotiationId: params.negotiationId,
          invitationId,
          ...body,
          tokenHash: hashToken(token),
          expiresAt,
        },
        meta: memberMeta(req, scope.actor),
      });
      if (result.duplicate) {
        // The token was shown once, when the invitation was issued; only its hash was kept.
        return {
          status: 200,
          body: { invitationId, duplicate: true as const, position: result.position?.toString() },
        };
      }
      // The token is in the fragment so it never reaches a server log; the page posts it back.
      return {
        status: 201,
        body: {
          invitationId,
          expiresAt,
          link: `/invitations/${invitationId}#token=${token}`,
          position: result.position?.toString(),
        },
      };
    },
  });

  api.implement(negotiationContracts.activity, {
    summary: 'What happened, newest first; `since` gives "since your last visit"',
    tags: ['negotiations'],
    handler: ({ params, query, session }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      const entries = queries.activity(params.negotiationId, {
        since: query.since,
        limit: query.limit,
      });
      // Past a reader's horizon, what happened after it is left out.
      const horizon = scope.segments?.horizon;
      return Promise.resolve({
        body:
          horizon === undefined ? entries : entries.filter((e) => BigInt(e.position) <= horizon),
      });
    },
  });
}
