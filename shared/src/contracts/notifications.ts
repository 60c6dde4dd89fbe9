// The signed-in user's notifications: their inbox (newest first, paged, with the unread count),
// read marks, their e-mail preferences, and the chair's request for delegations' positions.
import { z } from 'zod';
import { MARK_READ_MAX } from '../notifications/commands.js';
import {
  emailChannelSchema,
  notificationKindSchema,
  notificationPayloadSchema,
} from '../notifications/kinds.js';
import {
  POSITION_REQUEST_NOTE_MAX,
  POSITION_REQUEST_STAKEHOLDERS_MAX,
  positionTargetSchema,
} from '../positions/commands.js';
import { entityIdSchema, freeText } from '../schema.js';
import { commandDoneSchema, documentParams } from './common.js';
import { defineEndpoint } from './endpoint.js';

export const INBOX_PAGE_MAX = 100;

export const notificationViewSchema = z.object({
  notificationId: z.string(),
  kind: notificationKindSchema,
  payload: notificationPayloadSchema,
  /** When the event behind it happened. */
  createdAt: z.string(),
  read: z.boolean(),
  /** The document's title, to name it in the inbox; null if it is not known here. */
  documentTitle: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;

/** Whether this server sends e-mail at all (no SMTP configured: it does not, and says so). */
export const emailStatusSchema = z.object({ configured: z.boolean() });

export const inboxViewSchema = z.object({
  entries: z.array(notificationViewSchema),
  unreadCount: z.number().int().nonnegative(),
  /** Pass as `before` for the next, older page; null on the last page. */
  nextCursor: z.string().nullable(),
  email: emailStatusSchema,
});
export type InboxView = z.infer<typeof inboxViewSchema>;

export const notificationPreferencesViewSchema = z.object({
  email: z.record(notificationKindSchema, emailChannelSchema),
  emailStatus: emailStatusSchema,
});
export type NotificationPreferencesView = z.infer<typeof notificationPreferencesViewSchema>;

export const notificationContracts = {
  listInbox: defineEndpoint({
    method: 'get',
    path: '/notifications',
    query: z.object({
      limit: z.coerce.number().int().min(1).max(INBOX_PAGE_MAX).optional(),
      /** A cursor from the previous page. */
      before: z
        .string()
        .regex(/^[0-9]{1,20}$/)
        .optional(),
      unreadOnly: z.enum(['true', 'false']).optional(),
    }),
    response: inboxViewSchema,
  }),
  markRead: defineEndpoint({
    method: 'post',
    path: '/notifications/read',
    body: z.strictObject({
      /** Null or absent: mark everything received so far. */
      notificationIds: z.array(entityIdSchema).min(1).max(MARK_READ_MAX).nullable().optional(),
    }),
    response: commandDoneSchema,
  }),
  getPreferences: defineEndpoint({
    method: 'get',
    path: '/notifications/preferences',
    response: notificationPreferencesViewSchema,
  }),
  setPreferences: defineEndpoint({
    method: 'put',
    path: '/notifications/preferences',
    body: z.strictObject({ email: z.partialRecord(notificationKindSchema, emailChannelSchema) }),
    response: notificationPreferencesViewSchema,
  }),
  requestPositions: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/position-requests',
    params: documentParams,
    body: z.strictObject({
      target: positionTargetSchema,
      stakeholderIds: z.array(entityIdSchema).min(1).max(POSITION_REQUEST_STAKEHOLDERS_MAX),
      note: freeText(POSITION_REQUEST_NOTE_MAX).optional(),
    }),
    response: commandDoneSchema,
  }),
};
