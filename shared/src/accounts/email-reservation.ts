// Makes e-mail addresses unique without a query: the server decides `ReserveUserEmail` on the
// `useremail-<normalised email>` stream (see userEmailStream) before registering the user.
import { Conflict, unreachable, type Decider } from '../decider.js';
import { normaliseEmail } from '../email.js';
import type { UserEmailCommand } from './commands.js';
import type { UserEmailEvent } from './events.js';

export type UserEmailState = { status: 'free' } | { status: 'reserved'; userId: string };

export const userEmailDecider: Decider<UserEmailCommand, UserEmailEvent, UserEmailState> = {
  initialState: () => ({ status: 'free' }),
  decide(command, state) {
    switch (command.type) {
      case 'ReserveUserEmail': {
        const { email, userId } = command.data;
        if (state.status === 'reserved') {
          // The same user retrying a half-finished registration gets the address again.
          if (state.userId === userId) return [];
          throw new Conflict('This e-mail address is already registered', {
            reason: 'email-taken',
          });
        }
        return [
          {
            type: 'UserEmailReserved',
            data: { email: normaliseEmail(email), userId, reservedAt: command.meta.now },
          },
        ];
      }
      default:
        return unreachable(command.type); // a one-member union narrows by its tag only
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'UserEmailReserved':
        return { status: 'reserved', userId: event.data.userId };
      default:
        return unreachable(event.type);
    }
  },
};
