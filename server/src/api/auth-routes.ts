// Signing in and out, the current user, and accepting an invitation (which can create the account).
import { authContracts } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import { loginRateLimit } from '../accounts/login-rate-limit.js';
import { clearedSessionCookie, sessionCookie, sessionTokenOf } from '../accounts/session-cookie.js';
import type { ApiRouter } from '../http/api-router.js';
import type { ApiDeps } from './api-deps.js';
import { commandIdOf } from './request-context.js';

export function authRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  const { accounts, queries, access, services } = deps;
  const me = (user: SignedInUser) => ({
    user,
    negotiations: queries.listNegotiationsForUser(user.userId),
  });

  const attempts = (limiter: string) => {
    const store = deps.sharedLimits?.limiterStore(limiter);
    return loginRateLimit(store ? { store } : {});
  };
  api.router.post('/session', attempts('sign-in'));
  api.implement(authContracts.signIn, {
    summary: 'Sign in with e-mail and password; sets the session cookie',
    tags: ['session'],
    handler: async ({ body, req }) => {
      const session = await accounts.signIn(body.email, body.password);
      return {
        status: 201,
        body: me(session.user),
        headers: { 'set-cookie': sessionCookie(req, session.token, session.expiresAt) },
      };
    },
  });

  api.implement(authContracts.session, {
    summary: 'The signed-in user and the negotiations they take part in',
    tags: ['session'],
    handler: ({ session }) => Promise.resolve({ body: me(session) }),
  });

  api.implement(authContracts.signOut, {
    summary: 'Sign out',
    tags: ['session'],
    handler: async ({ req }) => {
      const token = sessionTokenOf(req);
      const user = accounts.authenticate(token);
      if (token) await accounts.signOut(token);
      // Live connections opened with this session must not outlive it.
      if (user) await access.signedOut(user.userId);
      return { status: 204, headers: { 'set-cookie': clearedSessionCookie(req) } };
    },
  });

  api.router.post('/invitations/:invitationId/accept', attempts('invitation-accept'));
  api.implement(authContracts.previewInvitation, {
    summary: 'What an invitation is for (the token comes from the invitation link)',
    tags: ['session'],
    handler: ({ params, body }) => {
      const invitation = services.invitations.pending(params.invitationId, body.token);
      const negotiation = queries.getNegotiation(invitation.negotiationId);
      const stakeholder = negotiation?.stakeholders.find(
        (s) => s.stakeholderId === invitation.stakeholderId,
      );
      return Promise.resolve({
        body: {
          negotiation: negotiation
            ? { negotiationId: negotiation.negotiationId, title: negotiation.title }
            : undefined,
          stakeholder: stakeholder
            ? {
                stakeholderId: stakeholder.stakeholderId,
                name: stakeholder.name,
                kind: stakeholder.kind,
              }
            : undefined,
          role: invitation.role,
          email: invitation.email,
          // Whether the e-mail has an account is not told: the acceptance form works for both.
          expiresAt: invitation.expiresAt,
        },
      });
    },
  });

  api.implement(authContracts.acceptInvitation, {
    summary: 'Accept an invitation: signs in, creating the account if the e-mail has none',
    tags: ['session'],
    handler: async ({ params, body, req }) => {
      const session = await services.invitations.accept({
        invitationId: params.invitationId,
        token: body.token,
        password: body.password,
        displayName: body.displayName,
        commandId: commandIdOf(req),
      });
      return {
        status: 201,
        body: me(session.user),
        headers: { 'set-cookie': sessionCookie(req, session.token, session.expiresAt) },
      };
    },
  });
}
