// Events of a user's `notifyprefs-<userId>` stream. The inbox itself is derived from the
// negotiation's events; only what the user or the mail sender decides is recorded here.
import { z } from 'zod';
import { defineEvent, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema } from '../schema.js';
import { emailChannelSchema, notificationKindSchema } from './kinds.js';

const preferencesSet = z.object({
  userId: entityIdSchema,
  /** The whole table after the change (defaults filled in), so one event tells it all. */
  email: z.partialRecord(notificationKindSchema, emailChannelSchema),
  setAt: instantSchema,
});

const markedRead = z.object({
  userId: entityIdSchema,
  /** Null: everything the user had received when they marked it. */
  notificationIds: z.array(entityIdSchema).nullable(),
  markedAt: instantSchema,
});

const emailClaimed = z.object({
  userId: entityIdSchema,
  notificationId: entityIdSchema,
  claimedAt: instantSchema,
});

const digestClaimed = z.object({
  userId: entityIdSchema,
  day: z.iso.date(),
  notificationIds: z.array(entityIdSchema),
  claimedAt: instantSchema,
});

export const notificationEventSchemas = {
  NotificationPreferencesSet: defineEvent(1, preferencesSet),
  NotificationsMarkedRead: defineEvent(1, markedRead),
  NotificationEmailClaimed: defineEvent(1, emailClaimed),
  NotificationDigestClaimed: defineEvent(1, digestClaimed),
};

export type NotificationEvent = EventsOf<typeof notificationEventSchemas>;
