// Comments anchored to the text: everyone may comment and reply; authors, chairs and the
// secretariat resolve.
import { z } from 'zod';
import { COMMENT_BODY_MAX } from '../comments/commands.js';
import { entityIdSchema } from '../schema.js';
import {
  commandDoneSchema,
  createdSchema,
  documentParams,
  stakeholderRefViewSchema,
} from './common.js';
import { defineEndpoint } from './endpoint.js';

export const commentAnchorViewSchema = z.object({
  paragraphId: z.string(),
  /** Yjs relative positions of the quoted words, and the words as quoted. */
  range: z.object({ start: z.string(), end: z.string(), quote: z.string() }).optional(),
});
export type CommentAnchorView = z.infer<typeof commentAnchorViewSchema>;

export const commentViewSchema = z.object({
  commentId: z.string(),
  body: z.string(),
  author: z.object({
    userId: z.string(),
    displayName: z.string().nullable(),
    stakeholderId: z.string(),
    stakeholder: stakeholderRefViewSchema,
  }),
  postedAt: z.string(),
});
export type CommentView = z.infer<typeof commentViewSchema>;

export const commentThreadViewSchema = commentViewSchema.extend({
  documentId: z.string(),
  anchor: commentAnchorViewSchema,
  status: z.enum(['open', 'resolved']),
  /** Who last resolved or reopened it, and when. */
  statusChangedBy: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  /** Oldest first. */
  replies: z.array(commentViewSchema),
});
export type CommentThreadView = z.infer<typeof commentThreadViewSchema>;

const commentBody = z.string().trim().min(1).max(COMMENT_BODY_MAX);
const commentParams = z.object({ documentId: entityIdSchema, commentId: entityIdSchema });

export const commentContracts = {
  listComments: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/comments',
    params: documentParams,
    response: z.array(commentThreadViewSchema),
  }),
  postComment: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/comments',
    params: documentParams,
    body: z.strictObject({
      paragraphId: entityIdSchema,
      range: z
        .strictObject({ start: z.number().int().min(0), end: z.number().int().min(1) })
        .optional(),
      body: commentBody,
    }),
    status: 201,
    response: createdSchema('commentId'),
  }),
  reply: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/comments/:commentId/replies',
    params: commentParams,
    body: z.strictObject({ body: commentBody }),
    status: 201,
    response: createdSchema('replyId'),
  }),
  resolve: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/comments/:commentId/resolve',
    params: commentParams,
    response: commandDoneSchema,
  }),
  reopen: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/comments/:commentId/reopen',
    params: commentParams,
    response: commandDoneSchema,
  }),
};
