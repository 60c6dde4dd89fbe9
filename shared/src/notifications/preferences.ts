// The e-mail preferences every user starts with, and the full table a stored choice is merged
// into. Defaults: what asks something of you (a mention, a position requested, your amendment
// decided, a silence started or broken, a deadline close) comes at once; what is mostly
// information (a revision issued, a silence ended) waits for the daily digest.
import type { EmailChannel, NotificationKind } from './kinds.js';

export type EmailPreferences = Readonly<Record<NotificationKind, EmailChannel>>;

export const defaultEmailPreferences: EmailPreferences = Object.freeze({
  'revision-issued': 'digest',
  'deadline-approaching': 'immediate',
  'silence-started': 'immediate',
  'silence-broken': 'immediate',
  'silence-ended': 'digest',
  'amendment-decided': 'immediate',
  mentioned: 'immediate',
  'position-requested': 'immediate',
});

/** A stored choice over the defaults: kinds added after the user chose keep their default. */
export const withDefaults = (
  chosen: Partial<Record<NotificationKind, EmailChannel>> | undefined,
): EmailPreferences => ({ ...defaultEmailPreferences, ...chosen });
