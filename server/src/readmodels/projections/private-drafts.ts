// Private drafts' read model: each draft with its words, and the comments among the owner's
// members. Rows are only ever read through `privateDraftQueries` with the stakeholders the caller
// speaks for. The live change names no role: it goes to the owner's members' own user rooms
// (`audienceUserIds`), so no role room, and no other delegation, ever hears of a draft.
import type { ReadModelChange } from '../projection.js';
import type { ReadModelDb } from '../read-model-db.js';
import {
  changeOf,
  defineProjection,
  iso,
  statementsFor,
  type EventContext,
} from './projection-kit.js';

const statements = statementsFor((db) => ({
  start: db.prepare(
    `INSERT INTO private_drafts (draft_id, negotiation_id, document_id, paragraph_id,
       owner_stakeholder_id, kind, amendment_kind, range, text, rationale, status,
       started_by_user_id, started_by_stakeholder_id, started_at, updated_at)
     VALUES (@draftId, @negotiationId, @documentId, @paragraphId, @ownerStakeholderId, @kind,
       @amendmentKind, @range, @text, @rationale, 'drafting', @startedByUserId,
       @startedByStakeholderId, @startedAt, @startedAt)
     ON CONFLICT (draft_id) DO NOTHING`,
  ),
  edit: db.prepare(
    `UPDATE private_drafts SET text = @text, rationale = @rationale, updated_at = @at
     WHERE draft_id = @draftId`,
  ),
  setStatus: db.prepare(
    `UPDATE private_drafts SET status = @status, tabled_as = @tabledAs, updated_at = @at
     WHERE draft_id = @draftId`,
  ),
  comment: db.prepare(
    `INSERT INTO private_draft_comments (comment_id, draft_id, body, by_user_id,
       by_stakeholder_id, at, position)
     VALUES (@commentId, @draftId, @body, @userId, @stakeholderId, @at, @position)
     ON CONFLICT (comment_id) DO NOTHING`,
  ),
  owner: db.prepare(
    'SELECT negotiation_id, document_id, owner_stakeholder_id FROM private_drafts WHERE draft_id = ?',
  ),
  // The owner's members: delegates acting for the owner itself, or for a delegation of the
  // owning group. Computed when the event is applied, so a member who joins later hears of later
  // changes only, and one who left hears of none.
  audience: db.prepare(
    `SELECT m.user_id FROM members m
     LEFT JOIN stakeholders s ON s.negotiation_id = m.negotiation_id AND s.stakeholder_id = m.stakeholder_id
     WHERE m.negotiation_id = @negotiationId AND m.status = 'active' AND m.role = 'delegate'
       AND (m.stakeholder_id = @owner
            OR EXISTS (SELECT 1 FROM json_each(s.group_ids) g WHERE g.value = @owner))
     ORDER BY m.user_id`,
  ),
}));

function changed(db: ReadModelDb, draftId: string, context: EventContext): ReadModelChange[] {
  const row = statements(db).owner.get(draftId) as
    { negotiation_id: string; document_id: string; owner_stakeholder_id: string } | undefined;
  if (!row) return [];
  const audienceUserIds = (
    statements(db).audience.all({
      negotiationId: row.negotiation_id,
      owner: row.owner_stakeholder_id,
    }) as { user_id: string }[]
  ).map((r) => r.user_id);
  return [
    changeOf(context, {
      kind: 'private-draft',
      negotiationId: row.negotiation_id,
      documentId: row.document_id,
      id: draftId,
      readAction: 'privateDraft.read',
      audienceUserIds,
    }),
  ];
}

export const privateDraftsProjection = defineProjection({
  name: 'private-drafts',
  tables: ['private_drafts', 'private_draft_comments'],
  schema: `
    CREATE TABLE IF NOT EXISTS private_drafts (
      draft_id TEXT PRIMARY KEY,
      negotiation_id TEXT NOT NULL,
      document_id TEXT NOT NULL,
      paragraph_id TEXT NOT NULL,
      owner_stakeholder_id TEXT NOT NULL,
      kind TEXT NOT NULL, -- 'amendment' | 'statement'
      amendment_kind TEXT,
      range TEXT, -- JSON { start, end }
      text TEXT NOT NULL,
      rationale TEXT NOT NULL,
      status TEXT NOT NULL, -- 'drafting' | 'tabled' | 'discarded'
      tabled_as TEXT, -- JSON, once tabled
      started_by_user_id TEXT NOT NULL,
      started_by_stakeholder_id TEXT NOT NULL,
      started_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS private_drafts_by_owner
      ON private_drafts (document_id, owner_stakeholder_id, started_at);
    CREATE TABLE IF NOT EXISTS private_draft_comments (
      comment_id TEXT PRIMARY KEY,
      draft_id TEXT NOT NULL,
      body TEXT NOT NULL,
      by_user_id TEXT NOT NULL,
      by_stakeholder_id TEXT NOT NULL,
      at TEXT NOT NULL,
      position INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS private_draft_comments_by_draft
      ON private_draft_comments (draft_id, position);`,
  on: {
    PrivateDraftStarted(db, data, context) {
      statements(db).start.run({
        draftId: data.draftId,
        negotiationId: data.negotiationId,
        documentId: data.documentId,
        paragraphId: data.paragraphId,
        ownerStakeholderId: data.ownerStakeholderId,
        kind: data.kind,
        amendmentKind: data.amendmentKind,
        range: data.range ? JSON.stringify(data.range) : null,
        text: data.text,
        rationale: data.rationale,
        startedByUserId: data.startedBy.userId,
        startedByStakeholderId: data.startedBy.stakeholderId,
        startedAt: iso(data.startedAt),
      });
      return changed(db, data.draftId, context);
    },
    PrivateDraftEdited(db, data, context) {
      const { draftId, text, rationale } = data;
      statements(db).edit.run({ draftId, text, rationale, at: iso(data.editedAt) });
      return changed(db, draftId, context);
    },
    PrivateDraftCommented(db, data, context) {
      statements(db).comment.run({
        commentId: data.commentId,
        draftId: data.draftId,
        body: data.body,
        userId: data.by.userId,
        stakeholderId: data.by.stakeholderId,
        at: iso(data.at),
        position: context.position,
      });
      return changed(db, data.draftId, context);
    },
    PrivateDraftTabled(db, data, context) {
      statements(db).setStatus.run({
        draftId: data.draftId,
        status: 'tabled',
        tabledAs: JSON.stringify(data.tabledAs),
        at: iso(data.tabledAt),
      });
      return changed(db, data.draftId, context);
    },
    PrivateDraftDiscarded(db, data, context) {
      statements(db).setStatus.run({
        draftId: data.draftId,
        status: 'discarded',
        tabledAs: null,
        at: iso(data.discardedAt),
      });
      return changed(db, data.draftId, context);
    },
  },
});
