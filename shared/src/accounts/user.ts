// The user account decider. E-mail uniqueness is not decided here but by the reservation
// stream (email-reservation.ts), which the server claims first.
import { Conflict, Forbidden, Invalid, NotFound, unreachable, type Decider } from '../decider.js';
import { normaliseEmail } from '../email.js';
import type { UiLanguage } from '../i18n/languages.js';
import type { ChangePassword, ChooseUserLanguage, RegisterUser, UserCommand } from './commands.js';
import type { UserEvent } from './events.js';

export type UserState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      userId: string;
      email: string;
      displayName: string;
      passwordHash: string;
      /** Absent until the person chooses: the browser's language is used meanwhile. */
      language?: UiLanguage;
    };

export function decideUser(command: UserCommand, state: UserState): UserEvent[] {
  switch (command.type) {
    case 'RegisterUser':
      return register(command, state);
    case 'ChangePassword':
      return changePassword(command, state);
    case 'ChooseUserLanguage':
      return chooseLanguage(command, state);
    default:
      return unreachable(command);
  }
}

export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserRegistered': {
      const { userId, email, displayName, passwordHash } = event.data;
      return { status: 'registered', userId, email, displayName, passwordHash };
    }
    case 'PasswordChanged':
      return state.status === 'registered'
        ? { ...state, passwordHash: event.data.passwordHash }
        : state;
    case 'UserLanguageChosen':
      return state.status === 'registered' ? { ...state, language: event.data.language } : state;
    default:
      return unreachable(event);
  }
}

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  decide: decideUser,
  evolve: evolveUser,
  initialState: () => ({ status: 'unregistered' }),
};

function register(command: RegisterUser, state: UserState): UserEvent[] {
  if (state.status !== 'unregistered') {
    throw new Conflict('This user is already registered', { reason: 'user-exists' });
  }
  const { userId, email, displayName, passwordHash } = command.data;
  return [
    {
      type: 'UserRegistered',
      data: {
        userId,
        email: normaliseEmail(email),
        displayName,
        passwordHash,
        registeredAt: command.meta.now,
      },
    },
  ];
}

/** The server verifies the current password (or a reset token) before sending this. */
function changePassword(command: ChangePassword, state: UserState): UserEvent[] {
  const { actor, now } = command.meta;
  const { userId, passwordHash } = command.data;
  if (state.status !== 'registered') throw new NotFound('No such user', { reason: 'unknown-user' });
  if (state.userId !== userId) {
    throw new Invalid('The command names another user', { reason: 'wrong-aggregate' });
  }
  if (actor !== null && actor.userId !== userId) {
    throw new Forbidden('Users change only their own password', { reason: 'not-your-account' });
  }
  return [{ type: 'PasswordChanged', data: { userId, passwordHash, changedAt: now } }];
}

/** People choose only their own language; choosing the current one again records nothing. */
function chooseLanguage(command: ChooseUserLanguage, state: UserState): UserEvent[] {
  const { actor, now } = command.meta;
  const { userId, language } = command.data;
  if (state.status !== 'registered') throw new NotFound('No such user', { reason: 'unknown-user' });
  if (state.userId !== userId) {
    throw new Invalid('The command names another user', { reason: 'wrong-aggregate' });
  }
  if (actor?.userId !== userId) {
    throw new Forbidden('Users choose only their own language', { reason: 'not-your-account' });
  }
  if (state.language === language) return [];
  return [{ type: 'UserLanguageChosen', data: { userId, language, chosenAt: now } }];
}
