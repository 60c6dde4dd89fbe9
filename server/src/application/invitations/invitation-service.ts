/**
 * Invitations seen from the invited person: checking a link, and accepting it, which may
 * create their account (the `useremail` and `user` streams), records the acceptance in the
 * negotiation (its own stream) and starts a session. Each step has a command id derived from
 * the request's, so a retried request repeats nothing.
 */
import { normaliseEmail } from '@accord/shared';
import type { AccountService, NewSession } from '../../accounts/account-service.js';
import { verifyPassword } from '../../accounts/passwords.js';
import { hashToken } from '../../accounts/tokens.js';
import type { CommandService } from '../../commands/command-service.js';
import { derivedId } from '../../commands/event-ids.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import {
  ConflictError,
  GoneError,
  InvalidInputError,
  NotFoundError,
  UnauthenticatedError,
} from '../errors.js';

type Invitation = NonNullable<ReturnType<ReadModelQueries['getInvitationForAcceptance']>>;

export interface AcceptInvitationInput {
  invitationId: string;
  token: string;
  password: string;
  /** Used only when the invitation creates the account; an existing account keeps its name. */
  displayName?: string | undefined;
  /** The request's id; each step derives its own from it. */
  commandId: string;
}

export interface InvitationService {
  /** The invitation the link names, if it may still be accepted; refuses otherwise. */
  pending(invitationId: string, token: string): Invitation;
  accept(input: AcceptInvitationInput): Promise<NewSession>;
}

export function createInvitationService(deps: {
  commands: CommandService;
  queries: Pick<ReadModelQueries, 'getInvitationForAcceptance' | 'getCredentialsByEmail'>;
  accounts: Pick<AccountService, 'register' | 'startSession'>;
}): InvitationService {
  const { commands, queries, accounts } = deps;

  const pending = (invitationId: string, token: string): Invitation => {
    const invitation = queries.getInvitationForAcceptance(invitationId);
    if (!invitation || invitation.tokenHash !== hashToken(token)) {
      throw new NotFoundError('Invitation not found', {
        code: 'invitation-not-found',
        detail: 'The link is wrong or has been replaced.',
      });
    }
    if (invitation.status !== 'pending') {
      throw new ConflictError('invitation-used', 'This invitation has already been accepted');
    }
    if (Date.parse(invitation.expiresAt) <= Date.now()) {
      throw new GoneError('invitation-expired', 'This invitation has expired', {
        detail: 'Ask the secretariat for a new one.',
      });
    }
    return invitation;
  };

  /** The invited e-mail's account: its password must match, or a new one is registered. */
  async function accountFor(invitation: Invitation, input: AcceptInvitationInput) {
    const existing = queries.getCredentialsByEmail(normaliseEmail(invitation.email));
    if (existing) {
      if (!(await verifyPassword(existing.passwordHash, input.password))) {
        throw new UnauthenticatedError('invalid-credentials', 'Wrong password', {
          detail: 'If this e-mail already has an account, give its password.',
        });
      }
      return existing.userId;
    }
    if (!input.displayName) {
      throw InvalidInputError.field(
        'invalid-input',
        'Your name is needed',
        'body.displayName',
        'required for a new account',
        'Give the name others will see.',
      );
    }
    return accounts.register({
      email: invitation.email,
      displayName: input.displayName,
      password: input.password,
      commandId: derivedId(input.commandId, 'register'),
    });
  }

  return {
    pending,
    async accept(input) {
      const invitation = pending(input.invitationId, input.token);
      const userId = await accountFor(invitation, input);
      await commands.execute({
        type: 'AcceptInvitation',
        data: {
          negotiationId: invitation.negotiationId,
          invitationId: input.invitationId,
          tokenHash: hashToken(input.token),
          userId,
        },
        meta: {
          commandId: derivedId(input.commandId, 'accept'),
          actor: { userId },
          now: new Date().toISOString(),
        },
      });
      return accounts.startSession(userId);
    },
  };
}
