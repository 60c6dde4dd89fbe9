// A negotiation and its people: stakeholders, chairs, members, invitations, the activity feed.
import { z } from 'zod';
import {
  emailSchema,
  entityIdSchema,
  freeText,
  instantSchema,
  labelText,
  roleSchema,
  shortCodeSchema,
  stakeholderKindSchema,
} from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import { hashToken, newToken } from '../accounts/tokens.js';
import type { ApiRouter } from '../http/api-router.js';
import type { ApiDeps } from './api-deps.js';
import { authorize, memberMeta, negotiationScope, newId, userMeta } from './request-context.js';
import { created, done } from './responses.js';

const NegotiationParams = z.object({ negotiationId: entityIdSchema });
const MemberParams = z.object({ negotiationId: entityIdSchema, userId: entityIdSchema });
const INVITATION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

const OpenNegotiationBody = z.strictObject({
  title: labelText(200),
  description: freeText(2000),
  secretariat: z.strictObject({ name: labelText(200), shortCode: shortCodeSchema }),
});
const RegisterStakeholderBody = z.strictObject({
  kind: stakeholderKindSchema,
  name: labelText(200),
  shortCode: shortCodeSchema,
  /** For a delegation: the negotiating groups it belongs to. */
  groupIds: z.array(entityIdSchema).max(20).optional(),
});

export function negotiationRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  const { commands, queries } = deps;

  api.route({
    method: 'get',
    path: '/negotiations',
    summary: 'The negotiations the signed-in user takes part in',
    tags: ['negotiations'],
    handler: ({ session }) =>
      Promise.resolve({ body: queries.listNegotiationsForUser(session.userId) }),
  });

  api.route({
    method: 'post',
    path: '/negotiations',
    summary: 'Open a negotiation; the opener joins its secretariat to set it up',
    tags: ['negotiations'],
    body: OpenNegotiationBody,
    handler: async ({ body, session, req }) => {
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

  api.route({
    method: 'get',
    path: '/negotiations/:negotiationId',
    summary: 'A negotiation with its stakeholders, chairs and your membership',
    tags: ['negotiations'],
    params: NegotiationParams,
    handler: ({ params, session }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      return Promise.resolve({
        body: { ...queries.getNegotiation(params.negotiationId), you: scope.actor },
      });
    },
  });

  api.route({
    method: 'get',
    path: '/negotiations/:negotiationId/stakeholders',
    summary: 'Delegations, negotiating groups, civil society, observers and secretariat',
    tags: ['negotiations'],
    params: NegotiationParams,
    handler: ({ params, session }) => {
      negotiationScope(deps, params.negotiationId, session);
      return Promise.resolve({ body: queries.listStakeholders(params.negotiationId) });
    },
  });

  api.route({
    method: 'post',
    path: '/negotiations/:negotiationId/stakeholders',
    summary: 'Register a stakeholder',
    tags: ['negotiations'],
    params: NegotiationParams,
    body: RegisterStakeholderBody,
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

  api.route({
    method: 'put',
    path: '/negotiations/:negotiationId/chairs',
    summary: 'Appoint the chairs (co-facilitators)',
    tags: ['negotiations'],
    params: NegotiationParams,
    body: z.strictObject({ userIds: z.array(entityIdSchema).min(1).max(4) }),
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

  api.route({
    method: 'get',
    path: '/negotiations/:negotiationId/members',
    summary: 'Members with their stakeholder, role and e-mail',
    tags: ['negotiations'],
    params: NegotiationParams,
    handler: ({ params, session }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'members.manage');
      return Promise.resolve({ body: queries.listMembers(params.negotiationId) });
    },
  });

  api.route({
    method: 'patch',
    path: '/negotiations/:negotiationId/members/:userId',
    summary: "Change a member's role",
    tags: ['negotiations'],
    params: MemberParams,
    body: z.strictObject({ role: roleSchema }),
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

  api.route({
    method: 'delete',
    path: '/negotiations/:negotiationId/members/:userId',
    summary: 'Revoke a membership',
    tags: ['negotiations'],
    params: MemberParams,
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

  api.route({
    method: 'get',
    path: '/negotiations/:negotiationId/invitations',
    summary: 'Invitations and whether they were accepted',
    tags: ['negotiations'],
    params: NegotiationParams,
    handler: ({ params, session }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'invitations.manage');
      return Promise.resolve({ body: queries.listInvitations(params.negotiationId) });
    },
  });

  api.route({
    method: 'post',
    path: '/negotiations/:negotiationId/invitations',
    summary: 'Invite an e-mail address to act for a stakeholder; returns the link once',
    tags: ['negotiations'],
    params: NegotiationParams,
    body: z.strictObject({ email: emailSchema, stakeholderId: entityIdSchema, role: roleSchema }),
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
          body: { invitationId, duplicate: true, position: result.position?.toString() },
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

  api.route({
    method: 'get',
    path: '/negotiations/:negotiationId/activity',
    summary: 'What happened, newest first; `since` gives "since your last visit"',
    tags: ['negotiations'],
    params: NegotiationParams,
    query: z.object({
      since: instantSchema.optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    handler: ({ params, query, session }) => {
      negotiationScope(deps, params.negotiationId, session);
      return Promise.resolve({
        body: queries.activity(params.negotiationId, { since: query.since, limit: query.limit }),
      });
    },
  });
}
