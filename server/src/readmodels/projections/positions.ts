// Positions of stakeholders on paragraphs and amendments: the current one per document ×
// target × stakeholder, and every statement and withdrawal ever made, with the revision of the
// text then in force, so a delegation's position history is one indexed query.
import { describedChange } from './describe.js';
import { revisionInForce } from './lookups.js';
import { defineProjection, iso, statementsFor } from './projection-kit.js';

const statements = statementsFor((db) => ({
  state: db.prepare(
    `INSERT INTO positions (document_id, target_kind, target_id, stakeholder_id, stance,
       statement, stated_by, stated_at)
     VALUES (@documentId, @targetKind, @targetId, @stakeholderId, @stance,
       @statement, @userId, @at)
     ON CONFLICT (document_id, target_kind, target_id, stakeholder_id) DO UPDATE SET
       stance = excluded.stance, statement = excluded.statement,
       stated_by = excluded.stated_by, stated_at = excluded.stated_at`,
  ),
  withdraw: db.prepare(
    `DELETE FROM positions WHERE document_id = @documentId AND target_kind = @targetKind
       AND target_id = @targetId AND stakeholder_id = @stakeholderId`,
  ),
  record: db.prepare(
    `INSERT INTO position_history (position, document_id, target_kind, target_id, stakeholder_id,
       action, stance, statement, user_id, at, revision_label)
     VALUES (@position, @documentId, @targetKind, @targetId, @stakeholderId,
       @action, @stance, @statement, @userId, @at, @revisionLabel)
     ON CONFLICT (position) DO NOTHING`,
  ),
}));

export const positionsProjection = defineProjection({
  name: 'positions',
  tables: ['positions', 'position_history'],
  schema: `
    CREATE TABLE IF NOT EXISTS positions (
      document_id TEXT NOT NULL,
      target_kind TEXT NOT NULL, -- 'paragraph' | 'amendment'
      target_id TEXT NOT NULL,
      stakeholder_id TEXT NOT NULL,
      stance TEXT NOT NULL,
      statement TEXT NOT NULL,
      stated_by TEXT NOT NULL,
      stated_at TEXT NOT NULL,
      PRIMARY KEY (document_id, target_kind, target_id, stakeholder_id)
    );
    CREATE TABLE IF NOT EXISTS position_history (
      position INTEGER PRIMARY KEY, -- of the event in the log: one row per event, in order
      document_id TEXT NOT NULL,
      target_kind TEXT NOT NULL,
      target_id TEXT NOT NULL,
      stakeholder_id TEXT NOT NULL,
      action TEXT NOT NULL, -- 'stated' | 'withdrawn'
      stance TEXT,
      statement TEXT,
      user_id TEXT NOT NULL,
      at TEXT NOT NULL,
      revision_label TEXT -- the revision in force when it was said; null before the first
    );
    CREATE INDEX IF NOT EXISTS position_history_by_stakeholder
      ON position_history (document_id, stakeholder_id, position);
    CREATE INDEX IF NOT EXISTS position_history_by_target
      ON position_history (document_id, target_id, position);`,
  on: {
    PositionStated(db, data, context) {
      const { documentId, target, stakeholderId, stance, statement, statedBy } = data;
      const row = {
        documentId,
        targetKind: target.kind,
        targetId: target.id,
        stakeholderId,
        stance,
        statement,
        userId: statedBy,
        at: iso(data.statedAt),
      };
      const s = statements(db);
      s.state.run(row);
      s.record.run({
        ...row,
        position: context.position,
        action: 'stated',
        revisionLabel: revisionInForce(db, documentId),
      });
      return describedChange(db, context, 'position', 'record.read');
    },
    PositionWithdrawn(db, data, context) {
      const { documentId, target, stakeholderId, withdrawnBy, withdrawnAt } = data;
      const key = { documentId, targetKind: target.kind, targetId: target.id, stakeholderId };
      const s = statements(db);
      s.withdraw.run(key);
      s.record.run({
        ...key,
        position: context.position,
        action: 'withdrawn',
        stance: null,
        statement: null,
        userId: withdrawnBy,
        at: iso(withdrawnAt),
        revisionLabel: revisionInForce(db, documentId),
      });
      return describedChange(db, context, 'position', 'record.read');
    },
  },
});
