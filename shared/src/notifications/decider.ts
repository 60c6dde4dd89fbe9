// Decides a user's notification stream: only the user sets their preferences and marks their
// notices read; only the server (no actor) claims an e-mail or a day's digest, and a second claim
// of the same one decides nothing, which is how several nodes agree on who sends it.
import { Forbidden, unreachable, type Decider } from '../decider.js';
import type { AccountCommandMeta, UserCommandMeta } from '../messages.js';
import type {
  ClaimNotificationDigest,
  ClaimNotificationEmail,
  MarkNotificationsRead,
  NotificationCommand,
  SetNotificationPreferences,
} from './commands.js';
import type { NotificationEvent } from './events.js';
import { withDefaults, type EmailPreferences } from './preferences.js';

export interface NotificationPrefsState {
  email: EmailPreferences;
  /** Whether the user ever chose (otherwise the defaults apply). */
  chosen: boolean;
  emailsClaimed: ReadonlySet<string>;
  digestDays: ReadonlySet<string>;
  /** Notices already carried by a digest. */
  digested: ReadonlySet<string>;
}

export const initialNotificationPrefsState = (): NotificationPrefsState => ({
  email: withDefaults(undefined),
  chosen: false,
  emailsClaimed: new Set(),
  digestDays: new Set(),
  digested: new Set(),
});

export function evolveNotificationPrefs(
  state: NotificationPrefsState,
  event: NotificationEvent,
): NotificationPrefsState {
  switch (event.type) {
    case 'NotificationPreferencesSet':
      return { ...state, email: withDefaults(event.data.email), chosen: true };
    case 'NotificationsMarkedRead':
      return state;
    case 'NotificationEmailClaimed':
      return {
        ...state,
        emailsClaimed: new Set(state.emailsClaimed).add(event.data.notificationId),
      };
    case 'NotificationDigestClaimed':
      return {
        ...state,
        digestDays: new Set(state.digestDays).add(event.data.day),
        digested: new Set([...state.digested, ...event.data.notificationIds]),
      };
    default:
      return unreachable(event);
  }
}

export function decideNotificationPrefs(
  command: NotificationCommand,
  state: NotificationPrefsState,
): NotificationEvent[] {
  switch (command.type) {
    case 'SetNotificationPreferences':
      return setPreferences(command, state);
    case 'MarkNotificationsRead':
      return markRead(command);
    case 'ClaimNotificationEmail':
      return claimEmail(command, state);
    case 'ClaimNotificationDigest':
      return claimDigest(command, state);
    default:
      return unreachable(command);
  }
}

export const notificationPrefsDecider: Decider<
  NotificationCommand,
  NotificationEvent,
  NotificationPrefsState
> = {
  decide: decideNotificationPrefs,
  evolve: evolveNotificationPrefs,
  initialState: initialNotificationPrefsState,
};

function assertSelf(meta: UserCommandMeta, userId: string): void {
  if (meta.actor.userId !== userId) {
    throw new Forbidden('Only the user may change their own notifications', {
      reason: 'not-your-notifications',
    });
  }
}

function assertServer(meta: AccountCommandMeta): void {
  if (meta.actor !== null) {
    throw new Forbidden('Only the server claims e-mails to send', { reason: 'server-only' });
  }
}

function setPreferences(
  command: SetNotificationPreferences,
  state: NotificationPrefsState,
): NotificationEvent[] {
  assertSelf(command.meta, command.data.userId);
  const email = withDefaults({ ...state.email, ...command.data.email });
  const same =
    state.chosen &&
    Object.entries(email).every(([k, v]) => state.email[k as keyof EmailPreferences] === v);
  if (same) return [];
  return [
    {
      type: 'NotificationPreferencesSet',
      data: { userId: command.data.userId, email, setAt: command.meta.now },
    },
  ];
}

function markRead(command: MarkNotificationsRead): NotificationEvent[] {
  assertSelf(command.meta, command.data.userId);
  const { userId, notificationIds } = command.data;
  return [
    {
      type: 'NotificationsMarkedRead',
      data: {
        userId,
        notificationIds: notificationIds === null ? null : [...new Set(notificationIds)],
        markedAt: command.meta.now,
      },
    },
  ];
}

function claimEmail(
  command: ClaimNotificationEmail,
  state: NotificationPrefsState,
): NotificationEvent[] {
  assertServer(command.meta);
  const { userId, notificationId } = command.data;
  if (state.emailsClaimed.has(notificationId)) return [];
  return [
    {
      type: 'NotificationEmailClaimed',
      data: { userId, notificationId, claimedAt: command.meta.now },
    },
  ];
}

function claimDigest(
  command: ClaimNotificationDigest,
  state: NotificationPrefsState,
): NotificationEvent[] {
  assertServer(command.meta);
  const { userId, day } = command.data;
  if (state.digestDays.has(day)) return [];
  const notificationIds = [...new Set(command.data.notificationIds)].filter(
    (id) => !state.digested.has(id),
  );
  if (notificationIds.length === 0) return [];
  return [
    {
      type: 'NotificationDigestClaimed',
      data: { userId, day, notificationIds, claimedAt: command.meta.now },
    },
  ];
}
