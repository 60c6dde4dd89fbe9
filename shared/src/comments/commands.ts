// Commands on a `comments-<documentId>` stream: comments anchored to the text, replies,
// resolution. Everyone may comment; the server checks the paragraph exists.
import { z } from 'zod';
import type { CommandOf, CommandsOf } from '../messages.js';
import { entityIdSchema, relativePositionSchema } from '../schema.js';

export const commentAnchorSchema = z.strictObject({
  paragraphId: entityIdSchema,
  /** Omitted: the comment is on the whole paragraph. */
  range: z
    .strictObject({
      start: relativePositionSchema,
      end: relativePositionSchema,
      /** The words commented on, kept so the comment still reads well after they change. */
      quote: z.string().min(1).max(1000),
    })
    .optional(),
});

/** Longest comment or reply, in characters (after trimming); longer ones are refused with 422. */
export const COMMENT_BODY_MAX = 5000;

const body = z.string().trim().min(1).max(COMMENT_BODY_MAX);

export const postCommentSchema = z.strictObject({
  documentId: entityIdSchema,
  commentId: entityIdSchema,
  anchor: commentAnchorSchema,
  body,
});

export const replyToCommentSchema = z.strictObject({
  documentId: entityIdSchema,
  commentId: entityIdSchema,
  replyId: entityIdSchema,
  body,
});

export const resolveCommentSchema = z.strictObject({
  documentId: entityIdSchema,
  commentId: entityIdSchema,
});

export const reopenCommentSchema = resolveCommentSchema;

export const commentsCommandSchemas = {
  PostComment: postCommentSchema,
  ReplyToComment: replyToCommentSchema,
  ResolveComment: resolveCommentSchema,
  ReopenComment: reopenCommentSchema,
} as const;

export type CommentsCommand = CommandsOf<typeof commentsCommandSchemas>;
export type PostComment = CommandOf<CommentsCommand, 'PostComment'>;
export type ReplyToComment = CommandOf<CommentsCommand, 'ReplyToComment'>;
export type ResolveComment = CommandOf<CommentsCommand, 'ResolveComment'>;
export type ReopenComment = CommandOf<CommentsCommand, 'ReopenComment'>;
