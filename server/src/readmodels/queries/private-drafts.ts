// Reads of private drafts. Every query takes the stakeholders the caller speaks for and answers
// only with drafts those own: there is no query that returns a draft by id alone, so no route
// can forget the membership check.
import type { PrivateDraftView, StakeholderRefView, TabledAs } from '@accord/shared';
import type { ReadModelDb } from '../read-model-db.js';
import { joinStakeholder, stakeholderColumns, stakeholderRef } from './sql-kit.js';

interface DraftRow {
  draft_id: string;
  negotiation_id: string;
  document_id: string;
  paragraph_id: string;
  owner_stakeholder_id: string;
  kind: PrivateDraftView['kind'];
  amendment_kind: PrivateDraftView['amendmentKind'];
  range: string | null;
  text: string;
  rationale: string;
  status: PrivateDraftView['status'];
  tabled_as: string | null;
  started_by_user_id: string;
  started_by_stakeholder_id: string;
  started_at: string;
  updated_at: string;
}

interface CommentRow {
  comment_id: string;
  draft_id: string;
  body: string;
  by_user_id: string;
  by_stakeholder_id: string;
  at: string;
}

const SELECT_DRAFTS = `SELECT d.*, ${stakeholderColumns('o', 'owner')} FROM private_drafts d
  ${joinStakeholder('o', 'd.negotiation_id', 'd.owner_stakeholder_id')}`;

/** `?, ?, ?` for a list of bound values. */
const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

export interface PrivateDraftQueries {
  /** The drafts on a document owned by one of `speaksFor`, oldest first. */
  listPrivateDrafts(documentId: string, speaksFor: readonly string[]): PrivateDraftView[];
  /** The draft, if one of `speaksFor` owns it; undefined otherwise, as if it did not exist. */
  getPrivateDraft(draftId: string, speaksFor: readonly string[]): PrivateDraftView | undefined;
  /** The stakeholders a member of `stakeholderId` speaks for: it, then its groups. */
  speaksFor(negotiationId: string, stakeholderId: string): StakeholderRefView[];
}

export function privateDraftQueries(db: ReadModelDb): PrivateDraftQueries {
  const withComments = (rows: DraftRow[]): PrivateDraftView[] => {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.draft_id);
    const comments = db
      .prepare(
        `SELECT * FROM private_draft_comments WHERE draft_id IN (${placeholders(ids)})
         ORDER BY position`,
      )
      .all(...ids) as CommentRow[];
    return rows.map((row) =>
      toView(
        row,
        comments.filter((c) => c.draft_id === row.draft_id),
      ),
    );
  };
  return {
    listPrivateDrafts(documentId, speaksFor) {
      if (speaksFor.length === 0) return [];
      const rows = db
        .prepare(
          `${SELECT_DRAFTS} WHERE d.document_id = ? AND d.owner_stakeholder_id IN (${placeholders(speaksFor)})
           ORDER BY d.started_at, d.draft_id`,
        )
        .all(documentId, ...speaksFor) as DraftRow[];
      return withComments(rows);
    },
    getPrivateDraft(draftId, speaksFor) {
      if (speaksFor.length === 0) return undefined;
      const rows = db
        .prepare(
          `${SELECT_DRAFTS} WHERE d.draft_id = ? AND d.owner_stakeholder_id IN (${placeholders(speaksFor)})`,
        )
        .all(draftId, ...speaksFor) as DraftRow[];
      return withComments(rows)[0];
    },
    speaksFor(negotiationId, stakeholderId) {
      const own = db
        .prepare(
          `SELECT stakeholder_id, group_ids, name AS s_name, short_code AS s_code, kind AS s_kind
           FROM stakeholders WHERE negotiation_id = ? AND stakeholder_id = ?`,
        )
        .get(negotiationId, stakeholderId) as
        { stakeholder_id: string; group_ids: string } | undefined;
      if (!own) return [];
      const groupIds = JSON.parse(own.group_ids) as string[];
      const groups = groupIds.length
        ? (db
            .prepare(
              `SELECT stakeholder_id, name AS s_name, short_code AS s_code, kind AS s_kind
               FROM stakeholders WHERE negotiation_id = ? AND stakeholder_id IN (${placeholders(groupIds)})
               ORDER BY position`,
            )
            .all(negotiationId, ...groupIds) as { stakeholder_id: string }[])
        : [];
      return [own, ...groups].map((row) => stakeholderRef(row.stakeholder_id, row, 's'));
    },
  };
}

function toView(row: DraftRow & object, comments: CommentRow[]): PrivateDraftView {
  return {
    draftId: row.draft_id,
    negotiationId: row.negotiation_id,
    documentId: row.document_id,
    paragraphId: row.paragraph_id,
    owner: stakeholderRef(row.owner_stakeholder_id, row, 'owner'),
    kind: row.kind,
    amendmentKind: row.amendment_kind,
    range: row.range ? (JSON.parse(row.range) as { start: number; end: number }) : null,
    text: row.text,
    rationale: row.rationale,
    status: row.status,
    tabledAs: row.tabled_as ? (JSON.parse(row.tabled_as) as TabledAs) : null,
    startedBy: { userId: row.started_by_user_id, stakeholderId: row.started_by_stakeholder_id },
    startedAt: row.started_at,
    updatedAt: row.updated_at,
    comments: comments.map((c) => ({
      commentId: c.comment_id,
      body: c.body,
      by: { userId: c.by_user_id, stakeholderId: c.by_stakeholder_id },
      at: c.at,
    })),
  };
}
