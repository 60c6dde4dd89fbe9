// What Accord tells people about, and how each notice is described: a kind and a payload of ids
// and numbers. Wording is left to whoever shows it (the inbox, an e-mail in the reader's language).
import { z } from 'zod';
import { deadlineKindSchema, silenceOutcomeSchema } from '../process/events.js';
import { entityIdSchema } from '../schema.js';

export const notificationKinds = [
  'revision-issued',
  'deadline-approaching',
  'silence-started',
  'silence-broken',
  'silence-ended',
  'amendment-decided',
  'mentioned',
  'position-requested',
] as const;
export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

/** How a kind reaches someone by e-mail; the in-app inbox always receives every kind. */
export const emailChannels = ['immediate', 'digest', 'off'] as const;
export const emailChannelSchema = z.enum(emailChannels);
export type EmailChannel = z.infer<typeof emailChannelSchema>;

/**
 * The facts a notice is about. Every field is optional except the negotiation and document,
 * because each kind fills only what it needs; clients link to the paragraph or amendment.
 */
export const notificationPayloadSchema = z.object({
  negotiationId: entityIdSchema,
  documentId: entityIdSchema,
  paragraphId: entityIdSchema.optional(),
  amendmentId: entityIdSchema.optional(),
  silenceId: entityIdSchema.optional(),
  commentId: entityIdSchema.optional(),
  /** The stakeholder who acted (broke silence, was asked), when it matters. */
  stakeholderId: entityIdSchema.optional(),
  /** A revision's label as the chair issued it, e.g. "Rev 1". */
  revisionLabel: z.string().optional(),
  /** An instant: a deadline or a silence's end. */
  until: z.string().optional(),
  deadlineKind: deadlineKindSchema.optional(),
  silenceOutcome: silenceOutcomeSchema.optional(),
  amendmentOutcome: z.enum(['accepted', 'rejected', 'merged']).optional(),
  /** Paragraphs concerned (a silence on listed paragraphs); absent for the whole text. */
  paragraphCount: z.number().int().nonnegative().optional(),
});
export type NotificationPayload = z.infer<typeof notificationPayloadSchema>;

/**
 * The app's address of what a notice is about (the e-mail's link and the inbox's), relative to
 * the app's root: the document, opened at the paragraph when there is one.
 */
export function notificationPath(payload: NotificationPayload): string {
  const base = `/negotiations/${payload.negotiationId}/documents/${payload.documentId}`;
  return payload.paragraphId ? `${base}?paragraph=${payload.paragraphId}` : base;
}
