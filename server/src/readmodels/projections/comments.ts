// Comments anchored to the text and their replies (a reply's parent is the thread's first
// comment), with whether each thread is resolved.
import { describedChange } from './describe.js';
import type { ReadModelDb } from '../read-model-db.js';
import { defineProjection, iso, statementsFor, type EventContext } from './projection-kit.js';

const statements = statementsFor((db) => ({
  post: db.prepare(
    `INSERT INTO comments (comment_id, document_id, parent_id, anchor, body, author_user_id,
       author_stakeholder_id, posted_at, status, position)
     VALUES (@commentId, @documentId, @parentId, @anchor, @body, @authorUserId,
       @authorStakeholderId, @postedAt, @status, @position)
     ON CONFLICT (comment_id) DO NOTHING`,
  ),
  setStatus: db.prepare(
    `UPDATE comments SET status = @status, status_changed_by = @by, status_changed_at = @at
     WHERE comment_id = @commentId AND parent_id IS NULL`,
  ),
}));

export const commentsProjection = defineProjection({
  name: 'comments',
  tables: ['comments'],
  schema: `
    CREATE TABLE IF NOT EXISTS comments (
      comment_id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL,
      parent_id TEXT, -- null for a thread, the thread's comment id for a reply
      anchor TEXT, -- JSON; threads only
      body TEXT NOT NULL,
      author_user_id TEXT NOT NULL,
      author_stakeholder_id TEXT NOT NULL,
      posted_at TEXT NOT NULL,
      status TEXT, -- 'open' | 'resolved'; threads only
      status_changed_by TEXT,
      status_changed_at TEXT,
      position INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS comments_by_document ON comments (document_id, position);`,
  on: {
    CommentPosted(db, data, context) {
      const { commentId, documentId, anchor, body, authorUserId, authorStakeholderId } = data;
      statements(db).post.run({
        commentId,
        documentId,
        parentId: null,
        anchor: JSON.stringify(anchor),
        body,
        authorUserId,
        authorStakeholderId,
        postedAt: iso(data.postedAt),
        status: 'open',
        position: context.position,
      });
      return changed(db, context);
    },
    CommentReplied(db, data, context) {
      const { replyId, commentId, documentId, body, authorUserId, authorStakeholderId } = data;
      statements(db).post.run({
        commentId: replyId,
        documentId,
        parentId: commentId,
        anchor: null,
        body,
        authorUserId,
        authorStakeholderId,
        postedAt: iso(data.repliedAt),
        status: null,
        position: context.position,
      });
      return changed(db, context);
    },
    CommentResolved(db, { commentId, resolvedBy, resolvedAt }, context) {
      statements(db).setStatus.run({
        commentId,
        status: 'resolved',
        by: resolvedBy,
        at: iso(resolvedAt),
      });
      return changed(db, context);
    },
    CommentReopened(db, { commentId, reopenedBy, reopenedAt }, context) {
      statements(db).setStatus.run({
        commentId,
        status: 'open',
        by: reopenedBy,
        at: iso(reopenedAt),
      });
      return changed(db, context);
    },
  },
});

const changed = (db: ReadModelDb, context: EventContext) =>
  describedChange(db, context, 'comment', 'record.read');
