// Commands on a user's `notifyprefs-<userId>` stream: their e-mail preferences and read marks
// (given by the user), and the server's claims that an e-mail or a day's digest is being sent
// (given on the server's own authority, so every node sends each one once).
import { z } from 'zod';
import type { AccountCommandMeta, CommandOf, CommandsOf, UserCommandMeta } from '../messages.js';
import { entityIdSchema } from '../schema.js';
import { emailChannelSchema, notificationKindSchema } from './kinds.js';

/** Most notices one request may mark read by id. */
export const MARK_READ_MAX = 500;

export const setNotificationPreferencesSchema = z.strictObject({
  userId: entityIdSchema,
  email: z.partialRecord(notificationKindSchema, emailChannelSchema),
});

/** `notificationIds: null` marks everything received so far. */
export const markNotificationsReadSchema = z.strictObject({
  userId: entityIdSchema,
  notificationIds: z.array(entityIdSchema).min(1).max(MARK_READ_MAX).nullable(),
});

export const claimNotificationEmailSchema = z.strictObject({
  userId: entityIdSchema,
  notificationId: entityIdSchema,
});

/** A calendar day in UTC, e.g. `2026-12-04`. */
export const digestDaySchema = z.iso.date();

export const claimNotificationDigestSchema = z.strictObject({
  userId: entityIdSchema,
  day: digestDaySchema,
  /** The notices the digest carries, so a later digest leaves them out. */
  notificationIds: z.array(entityIdSchema).min(1).max(10_000),
});

export const notificationCommandSchemas = {
  SetNotificationPreferences: setNotificationPreferencesSchema,
  MarkNotificationsRead: markNotificationsReadSchema,
  ClaimNotificationEmail: claimNotificationEmailSchema,
  ClaimNotificationDigest: claimNotificationDigestSchema,
} as const;

export type NotificationCommand = CommandsOf<
  typeof notificationCommandSchemas,
  {
    SetNotificationPreferences: UserCommandMeta;
    MarkNotificationsRead: UserCommandMeta;
    ClaimNotificationEmail: AccountCommandMeta;
    ClaimNotificationDigest: AccountCommandMeta;
  }
>;
export type SetNotificationPreferences = CommandOf<
  NotificationCommand,
  'SetNotificationPreferences'
>;
export type MarkNotificationsRead = CommandOf<NotificationCommand, 'MarkNotificationsRead'>;
export type ClaimNotificationEmail = CommandOf<NotificationCommand, 'ClaimNotificationEmail'>;
export type ClaimNotificationDigest = CommandOf<NotificationCommand, 'ClaimNotificationDigest'>;
