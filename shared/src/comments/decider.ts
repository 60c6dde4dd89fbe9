// Decides comments. Anyone may comment and reply; a thread is resolved or reopened by its
// author or by those the matrix allows (chair, secretariat).
import {
  Conflict,
  Forbidden,
  IllegalTransition,
  Invalid,
  NotFound,
  unreachable,
  type Decider,
} from '../decider.js';
import type { Actor } from '../messages.js';
import { assertCan, can } from '../permissions.js';
import type {
  CommentsCommand,
  PostComment,
  ReopenComment,
  ReplyToComment,
  ResolveComment,
} from './commands.js';
import type { CommentsEvent } from './events.js';
import {
  evolveComments,
  initialCommentsState,
  type CommentThread,
  type CommentsState,
} from './state.js';

export function decideComments(command: CommentsCommand, state: CommentsState): CommentsEvent[] {
  if (state.status === 'recording' && state.documentId !== command.data.documentId) {
    throw new Invalid('The command names another document', { reason: 'wrong-aggregate' });
  }
  switch (command.type) {
    case 'PostComment':
      return post(command, state);
    case 'ReplyToComment':
      return reply(command, state);
    case 'ResolveComment':
      return resolve(command, state);
    case 'ReopenComment':
      return reopen(command, state);
    default:
      return unreachable(command);
  }
}

export const commentsDecider: Decider<CommentsCommand, CommentsEvent, CommentsState> = {
  decide: decideComments,
  evolve: evolveComments,
  initialState: initialCommentsState,
};

function post(command: PostComment, state: CommentsState): CommentsEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'comment.post');
  const { documentId, commentId, anchor, body } = command.data;
  assertIdFree(state, commentId);
  return [
    {
      type: 'CommentPosted',
      data: {
        documentId,
        commentId,
        anchor,
        body,
        authorUserId: actor.userId,
        authorStakeholderId: actor.stakeholderId,
        postedAt: now,
      },
    },
  ];
}

function reply(command: ReplyToComment, state: CommentsState): CommentsEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'comment.post');
  const { documentId, commentId, replyId, body } = command.data;
  const thread = requireThread(state, commentId);
  if (thread.status === 'resolved') {
    throw new IllegalTransition('the comment is resolved', 'reply', { reason: 'comment-resolved' });
  }
  assertIdFree(state, replyId);
  return [
    {
      type: 'CommentReplied',
      data: {
        documentId,
        commentId,
        replyId,
        body,
        authorUserId: actor.userId,
        authorStakeholderId: actor.stakeholderId,
        repliedAt: now,
      },
    },
  ];
}

function resolve(command: ResolveComment, state: CommentsState): CommentsEvent[] {
  const { actor, now } = command.meta;
  const { documentId, commentId } = command.data;
  const thread = requireThread(state, commentId);
  assertMayResolve(thread, actor);
  if (thread.status === 'resolved') {
    throw new IllegalTransition('the comment is resolved', 'resolve', {
      reason: 'comment-resolved',
    });
  }
  return [
    {
      type: 'CommentResolved',
      data: { documentId, commentId, resolvedBy: actor.userId, resolvedAt: now },
    },
  ];
}

function reopen(command: ReopenComment, state: CommentsState): CommentsEvent[] {
  const { actor, now } = command.meta;
  const { documentId, commentId } = command.data;
  const thread = requireThread(state, commentId);
  assertMayResolve(thread, actor);
  if (thread.status === 'open') {
    throw new IllegalTransition('the comment is open', 'reopen', { reason: 'comment-open' });
  }
  return [
    {
      type: 'CommentReopened',
      data: { documentId, commentId, reopenedBy: actor.userId, reopenedAt: now },
    },
  ];
}

function requireThread(state: CommentsState, commentId: string): CommentThread {
  const thread = state.status === 'recording' ? state.threads[commentId] : undefined;
  if (!thread) throw new NotFound('No such comment', { reason: 'unknown-comment' });
  return thread;
}

function assertIdFree(state: CommentsState, id: string): void {
  if (state.status === 'recording' && state.usedIds[id]) {
    throw new Conflict('This comment id is already in use', { reason: 'comment-exists' });
  }
}

function assertMayResolve(thread: CommentThread, actor: Actor): void {
  if (thread.authorUserId !== actor.userId && !can(actor.role, 'comment.resolve')) {
    throw new Forbidden('Only the author, the chair or the secretariat may resolve a comment', {
      reason: 'not-allowed:comment.resolve',
    });
  }
}
