// Sign-in sessions as events on `session-<token hash>`: every node sees them through the store,
// and the log records who signed in when. The token itself never leaves the browser's cookie.
import { z } from 'zod';
import { Conflict, NotFound, unreachable, type Decider } from '../decider.js';
import { defineEvent, type EventsOf } from '../event-definition.js';
import type { AccountCommandMeta, CommandOf, CommandsOf } from '../messages.js';
import { entityIdSchema, instantSchema, tokenHashSchema } from '../schema.js';

export const sessionEndReasons = ['signed-out', 'revoked', 'password-changed'] as const;

export const startSessionSchema = z.strictObject({
  tokenHash: tokenHashSchema,
  userId: entityIdSchema,
  expiresAt: instantSchema,
});

export const endSessionSchema = z.strictObject({
  tokenHash: tokenHashSchema,
  reason: z.enum(sessionEndReasons),
});

export const sessionCommandSchemas = {
  StartSession: startSessionSchema,
  EndSession: endSessionSchema,
} as const;

export type SessionCommand = CommandsOf<
  typeof sessionCommandSchemas,
  { [Type in keyof typeof sessionCommandSchemas]: AccountCommandMeta }
>;
export type StartSession = CommandOf<SessionCommand, 'StartSession'>;
export type EndSession = CommandOf<SessionCommand, 'EndSession'>;

export const sessionEventSchemas = {
  SessionStarted: defineEvent(
    1,
    z.object({
      tokenHash: z.string(),
      userId: entityIdSchema,
      startedAt: instantSchema,
      expiresAt: instantSchema,
    }),
  ),
  SessionEnded: defineEvent(
    1,
    z.object({
      tokenHash: z.string(),
      userId: entityIdSchema,
      reason: z.enum(sessionEndReasons),
      endedAt: instantSchema,
    }),
  ),
};
export type SessionEvent = EventsOf<typeof sessionEventSchemas>;

export type SessionState =
  | { status: 'none' }
  | { status: 'active'; userId: string; expiresAt: string }
  | { status: 'ended'; userId: string };

export const sessionDecider: Decider<SessionCommand, SessionEvent, SessionState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'StartSession': {
        if (state.status !== 'none')
          throw new Conflict('This session already exists', { reason: 'session-exists' });
        const { tokenHash, userId, expiresAt } = command.data;
        return [
          {
            type: 'SessionStarted',
            data: { tokenHash, userId, startedAt: command.meta.now, expiresAt },
          },
        ];
      }
      case 'EndSession': {
        if (state.status === 'none')
          throw new NotFound('No such session', { reason: 'no-session' });
        if (state.status === 'ended') return [];
        const { tokenHash, reason } = command.data;
        return [
          {
            type: 'SessionEnded',
            data: { tokenHash, userId: state.userId, reason, endedAt: command.meta.now },
          },
        ];
      }
      default:
        return unreachable(command);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'SessionStarted':
        return { status: 'active', userId: event.data.userId, expiresAt: event.data.expiresAt };
      case 'SessionEnded':
        return { status: 'ended', userId: event.data.userId };
      default:
        return unreachable(event);
    }
  },
};
