// Events of a `comments-<documentId>` stream.
import { z } from 'zod';
import { defineEvent, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema } from '../schema.js';

const storedAnchor = z.object({
  paragraphId: entityIdSchema,
  range: z.object({ start: z.string(), end: z.string(), quote: z.string() }).optional(),
});

const commentPosted = z.object({
  documentId: entityIdSchema,
  commentId: entityIdSchema,
  anchor: storedAnchor,
  body: z.string(),
  authorUserId: entityIdSchema,
  authorStakeholderId: entityIdSchema,
  postedAt: instantSchema,
});

const commentReplied = z.object({
  documentId: entityIdSchema,
  commentId: entityIdSchema,
  replyId: entityIdSchema,
  body: z.string(),
  authorUserId: entityIdSchema,
  authorStakeholderId: entityIdSchema,
  repliedAt: instantSchema,
});

const commentResolved = z.object({
  documentId: entityIdSchema,
  commentId: entityIdSchema,
  resolvedBy: entityIdSchema,
  resolvedAt: instantSchema,
});

const commentReopened = z.object({
  documentId: entityIdSchema,
  commentId: entityIdSchema,
  reopenedBy: entityIdSchema,
  reopenedAt: instantSchema,
});

export const commentsEventSchemas = {
  CommentPosted: defineEvent(1, commentPosted),
  CommentReplied: defineEvent(1, commentReplied),
  CommentResolved: defineEvent(1, commentResolved),
  CommentReopened: defineEvent(1, commentReopened),
};

export type CommentsEvent = EventsOf<typeof commentsEventSchemas>;
