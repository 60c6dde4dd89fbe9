// Positions of stakeholders on paragraphs and amendments: the current one per document ×
// target × stakeholder, and every statement and withdrawal ever made, with the revision of the
// text then in force, so a delegation's position history is one indexed query.
import type { BulkBuilder } from '../projection.js';
import type { ReadModelDb } from '../read-model-db.js';
import { describedChange } from './describe.js';
import { revisionInForce } from './lookups.js';
import {
  contextOf,
  defineProjection,
  iso,
  statementsFor,
  type EventContext,
  type EventData,
} from './projection-kit.js';

interface PositionKey {
  documentId: string;
  targetKind: string;
  targetId: string;
  stakeholderId: string;
}

interface CurrentPosition extends PositionKey {
  stance: string;
  statement: string;
  userId: string;
  at: string;
}

interface HistoryRow extends PositionKey {
  position: bigint;
  action: 'stated' | 'withdrawn';
  stance: string | null;
  statement: string | null;
  userId: string;
  at: string;
  revisionLabel: string | null;
}

const statements = statementsFor((db) => ({
  state: db.prepare<[CurrentPosition]>(
    `INSERT INTO positions (document_id, target_kind, target_id, stakeholder_id, stance,
       statement, stated_by, stated_at)
     VALUES (@documentId, @targetKind, @targetId, @stakeholderId, @stance,
       @statement, @userId, @at)
     ON CONFLICT (document_id, target_kind, target_id, stakeholder_id) DO UPDATE SET
       stance = excluded.stance, statement = excluded.statement,
       stated_by = excluded.stated_by, stated_at = excluded.stated_at`,
  ),
  withdraw: db.prepare<[PositionKey]>(
    `DELETE FROM positions WHERE document_id = @documentId AND target_kind = @targetKind
       AND target_id = @targetId AND stakeholder_id = @stakeholderId`,
  ),
  record: db.prepare<[HistoryRow]>(
    `INSERT INTO position_history (position, document_id, target_kind, target_id, stakeholder_id,
       action, stance, statement, user_id, at, revision_label)
     VALUES (@position, @documentId, @targetKind, @targetId, @stakeholderId,
       @action, @stance, @statement, @userId, @at, @revisionLabel)
     ON CONFLICT (position) DO NOTHING`,
  ),
}));

/** What one event does to the positions: the current row (null: withdrawn) and its history line. */
interface PositionEffect {
  current: CurrentPosition | null;
  key: PositionKey;
  history: HistoryRow;
}

function stated(
  db: ReadModelDb,
  data: EventData<'PositionStated'>,
  context: EventContext,
): PositionEffect {
  const { documentId, target, stakeholderId, stance, statement, statedBy } = data;
  const key = { documentId, targetKind: target.kind, targetId: target.id, stakeholderId };
  const current = { ...key, stance, statement, userId: statedBy, at: iso(data.statedAt) };
  const history: HistoryRow = {
    ...current,
    position: context.position,
    action: 'stated',
    revisionLabel: revisionInForce(db, documentId),
  };
  return { current, key, history };
}

function withdrawn(
  db: ReadModelDb,
  data: EventData<'PositionWithdrawn'>,
  context: EventContext,
): PositionEffect {
  const { documentId, target, stakeholderId, withdrawnBy, withdrawnAt } = data;
  const key = { documentId, targetKind: target.kind, targetId: target.id, stakeholderId };
  const history: HistoryRow = {
    ...key,
    position: context.position,
    action: 'withdrawn',
    stance: null,
    statement: null,
    userId: withdrawnBy,
    at: iso(withdrawnAt),
    revisionLabel: revisionInForce(db, documentId),
  };
  return { current: null, key, history };
}

function write(db: ReadModelDb, effect: PositionEffect): void {
  const s = statements(db);
  if (effect.current) s.state.run(effect.current);
  else s.withdraw.run(effect.key);
  s.record.run(effect.history);
}

/**
 * A rebuild writes the history lines as they come, but keeps each key's latest position in
 * memory and writes only that at the end of the page (a position restated a hundred times is
 * written once): no other projection reads the positions meanwhile.
 */
function bulkPositions(db: ReadModelDb): BulkBuilder {
  const latest = new Map<string, { key: PositionKey; current: CurrentPosition | null }>();
  return {
    apply(recorded) {
      const context = contextOf(recorded);
      if (!context) return;
      const { event } = context;
      const effect =
        event.type === 'PositionStated'
          ? stated(db, event.data, context)
          : event.type === 'PositionWithdrawn'
            ? withdrawn(db, event.data, context)
            : undefined;
      if (!effect) return;
      const { documentId, targetKind, targetId, stakeholderId } = effect.key;
      latest.set(`${documentId} ${targetKind} ${targetId} ${stakeholderId}`, effect);
      statements(db).record.run(effect.history);
    },
    flush() {
      const s = statements(db);
      for (const { key, current } of latest.values()) {
        if (current) s.state.run(current);
        else s.withdraw.run(key);
      }
      latest.clear();
    },
  };
}

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
      write(db, stated(db, data, context));
      return describedChange(db, context, 'position', 'record.read');
    },
    PositionWithdrawn(db, data, context) {
      write(db, withdrawn(db, data, context));
      return describedChange(db, context, 'position', 'record.read');
    },
  },
  bulk: bulkPositions,
});
