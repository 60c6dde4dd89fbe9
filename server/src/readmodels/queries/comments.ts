// Queries about comments: a document's threads, oldest first, each with its replies.
import { statementsFor } from '../projections/projection-kit.js';
import type { ReadModelDb } from '../read-model-db.js';
import { joinStakeholder, stakeholderColumns, stakeholderRef } from './sql-kit.js';
import type { CommentAnchorView, CommentThreadView, CommentView } from './views.js';

interface CommentRow {
  comment_id: string;
  document_id: string;
  parent_id: string | null;
  anchor: string | null;
  body: string;
  author_user_id: string;
  author_name: string | null;
  author_stakeholder_id: string;
  status: 'open' | 'resolved' | null;
  status_changed_by: string | null;
  status_changed_at: string | null;
  posted_at: string;
  position: number;
}

const statements = statementsFor((db) => ({
  ofDocument: db.prepare<[string], CommentRow>(
    `SELECT c.*, u.display_name AS author_name, ${stakeholderColumns('s', 'stakeholder')}
     FROM comments c
     LEFT JOIN documents d ON d.document_id = c.document_id
     LEFT JOIN users u ON u.user_id = c.author_user_id
     ${joinStakeholder('s', 'd.negotiation_id', 'c.author_stakeholder_id')}
     WHERE c.document_id = ? ORDER BY c.position`,
  ),
}));

const toComment = (row: CommentRow): CommentView => ({
  commentId: row.comment_id,
  body: row.body,
  author: {
    userId: row.author_user_id,
    displayName: row.author_name,
    stakeholderId: row.author_stakeholder_id,
    stakeholder: stakeholderRef(row.author_stakeholder_id, row, 'stakeholder'),
  },
  postedAt: row.posted_at,
});

/**
 * Comments as a reader behind a segment's horizon may see them: those posted up to the horizon's
 * log position, and a thread resolved or reopened since the segment opened (`since`) as it was.
 */
export interface CommentsAsOf {
  position: bigint;
  since: string;
  /** The reader: their own comments, posted after the segment closed, stay in their list. */
  readerUserId: string;
}

export function commentQueries(db: ReadModelDb) {
  return {
    listComments(documentId: string, asOf?: CommentsAsOf): CommentThreadView[] {
      const threads = new Map<string, CommentThreadView>();
      for (const row of statements(db).ofDocument.all(documentId)) {
        const later = asOf !== undefined && BigInt(row.position) > asOf.position;
        if (later && row.author_user_id !== asOf.readerUserId) continue;
        if (row.parent_id === null) {
          const changedLater =
            asOf !== undefined &&
            row.status_changed_at !== null &&
            row.status_changed_at >= asOf.since;
          threads.set(row.comment_id, {
            ...toComment(row),
            documentId: row.document_id,
            anchor: JSON.parse(row.anchor ?? 'null') as CommentAnchorView,
            status: changedLater ? 'open' : (row.status ?? 'open'),
            statusChangedBy: changedLater ? null : row.status_changed_by,
            statusChangedAt: changedLater ? null : row.status_changed_at,
            replies: [],
          });
        } else {
          // Rows come in log order, so a reply's thread is already in the map.
          threads.get(row.parent_id)?.replies.push(toComment(row));
        }
      }
      return [...threads.values()];
    },
  };
}
