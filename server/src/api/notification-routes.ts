// The signed-in user's notifications (inbox, read marks, e-mail preferences), and the chair's
// request for delegations' positions, which notifies the delegations asked.
import { notificationContracts } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { NotificationService } from '../application/notifications/notification-service.js';
import type { ApiRouter } from '../http/api-router.js';
import type { ApiDeps } from './api-deps.js';
import { assertOpen, authorize, documentScope, memberMeta, userMeta } from './request-context.js';
import { done } from './responses.js';

const DEFAULT_PAGE = 30;

export function notificationRoutes(
  api: ApiRouter<SignedInUser>,
  deps: Pick<ApiDeps, 'queries'> & { notifications: NotificationService },
): void {
  const { notifications } = deps;

  api.implement(notificationContracts.listInbox, {
    summary: 'Your notifications, newest first, with how many are unread',
    tags: ['notifications'],
    handler: ({ query, session }) =>
      Promise.resolve({
        body: notifications.inbox(session.userId, {
          limit: query.limit ?? DEFAULT_PAGE,
          ...(query.before === undefined ? {} : { before: BigInt(query.before) }),
          unreadOnly: query.unreadOnly === 'true',
        }),
      }),
  });

  api.implement(notificationContracts.markRead, {
    summary: 'Mark notifications read: the ones listed, or all received so far',
    tags: ['notifications'],
    handler: async ({ body, session, req }) => {
      const result = await notifications.markRead(
        session.userId,
        body.notificationIds ?? null,
        userMeta(req, session),
      );
      return done(result.position);
    },
  });

  api.implement(notificationContracts.getPreferences, {
    summary: 'How you receive each kind of notification by e-mail, and whether e-mail is on',
    tags: ['notifications'],
    handler: async ({ session }) => ({ body: await notifications.preferences(session.userId) }),
  });

  api.implement(notificationContracts.setPreferences, {
    summary: 'Choose immediate, daily digest or off per kind of notification',
    tags: ['notifications'],
    handler: async ({ body, session, req }) => ({
      body: await notifications.setPreferences(session.userId, body.email, userMeta(req, session)),
    }),
  });

  api.implement(notificationContracts.requestPositions, {
    summary: 'Ask delegations for their position on a paragraph or an amendment (chair)',
    tags: ['notifications', 'positions'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'position.request');
      assertOpen(scope);
      const result = await notifications.requestPositions(
        scope.negotiationId,
        {
          documentId: params.documentId,
          target: body.target,
          stakeholderIds: body.stakeholderIds,
          ...(body.note === undefined ? {} : { note: body.note }),
        },
        memberMeta(req, scope.actor),
      );
      return done(result.position);
    },
  });
}
