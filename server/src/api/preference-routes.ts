// The signed-in person's own settings: their interface language, kept on their account so the
// next device they sign in from opens in it too.
import { preferenceContracts } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { ApiRouter } from '../http/api-router.js';
import type { ApiDeps } from './api-deps.js';
import { commandIdOf } from './request-context.js';

export function preferenceRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  const { accounts } = deps;
  api.implement(preferenceContracts.setLanguage, {
    summary: 'Choose the interface language for every device the user signs in from',
    tags: ['session'],
    handler: async ({ session, body, req }) => {
      // No role or negotiation is involved: a person sets only their own account (the user
      // decider refuses anyone else), so this is outside the role × action matrix.
      await accounts.chooseLanguage(session.userId, body.language, commandIdOf(req));
      return { body: { language: body.language } };
    },
  });
}
