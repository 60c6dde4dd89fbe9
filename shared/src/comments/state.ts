// The comment threads on one document, as much as deciding needs: who wrote each thread, whether
// it is resolved, and which ids are taken. Bodies live in read models, not here.
import { unreachable } from '../decider.js';
import type { CommentsEvent } from './events.js';

export interface CommentThread {
  commentId: string;
  authorUserId: string;
  status: 'open' | 'resolved';
  replyIds: readonly string[];
}

export type CommentsState =
  | { status: 'empty' }
  | {
      status: 'recording';
      documentId: string;
      threads: Readonly<Record<string, CommentThread>>;
      /** Every comment and reply id in use, so no id is reused for another. */
      usedIds: Readonly<Record<string, true>>;
    };

export const initialCommentsState = (): CommentsState => ({ status: 'empty' });

export function evolveComments(state: CommentsState, event: CommentsEvent): CommentsState {
  const recording =
    state.status === 'recording'
      ? state
      : {
          status: 'recording' as const,
          documentId: event.data.documentId,
          threads: {},
          usedIds: {},
        };
  const setThread = (thread: CommentThread) => ({
    ...recording,
    threads: { ...recording.threads, [thread.commentId]: thread },
  });
  switch (event.type) {
    case 'CommentPosted': {
      const { commentId, authorUserId } = event.data;
      return {
        ...setThread({ commentId, authorUserId, status: 'open', replyIds: [] }),
        usedIds: { ...recording.usedIds, [commentId]: true },
      };
    }
    case 'CommentReplied': {
      const thread = recording.threads[event.data.commentId];
      if (!thread) return recording;
      const { replyId } = event.data;
      return {
        ...setThread({ ...thread, replyIds: [...thread.replyIds, replyId] }),
        usedIds: { ...recording.usedIds, [replyId]: true },
      };
    }
    case 'CommentResolved': {
      const thread = recording.threads[event.data.commentId];
      return thread ? setThread({ ...thread, status: 'resolved' }) : recording;
    }
    case 'CommentReopened': {
      const thread = recording.threads[event.data.commentId];
      return thread ? setThread({ ...thread, status: 'open' }) : recording;
    }
    default:
      return unreachable(event);
  }
}
