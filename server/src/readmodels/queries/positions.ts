// Queries about positions: the current ones on a document (optionally on one target), and the
// history of statements and withdrawals (optionally one stakeholder's, on one target).
import type { Stance } from '@accord/shared';
import { statementsFor } from '../projections/projection-kit.js';
import type { ReadModelDb } from '../read-model-db.js';
import { joinStakeholder, stakeholderColumns, stakeholderRef } from './sql-kit.js';
import type { PositionHistoryEntry, PositionTargetView, PositionView } from './views.js';

type TargetKind = PositionTargetView['kind'];

interface PositionRow {
  document_id: string;
  target_kind: TargetKind;
  target_id: string;
  stakeholder_id: string;
  stance: Stance;
  statement: string;
  stated_by: string;
  stated_at: string;
}
interface HistoryRow {
  position: string;
  document_id: string;
  target_kind: TargetKind;
  target_id: string;
  stakeholder_id: string;
  action: 'stated' | 'withdrawn';
  stance: Stance | null;
  statement: string | null;
  user_id: string;
  at: string;
  revision_label: string | null;
}

const statements = statementsFor((db) => ({
  current: db.prepare<
    [{ documentId: string; targetKind: string | null; targetId: string | null }],
    PositionRow
  >(
    `SELECT p.*, ${stakeholderColumns('s', 'stakeholder')}
     FROM positions p
     LEFT JOIN documents d ON d.document_id = p.document_id
     ${joinStakeholder('s', 'd.negotiation_id', 'p.stakeholder_id')}
     WHERE p.document_id = @documentId
       AND (@targetKind IS NULL OR p.target_kind = @targetKind)
       AND (@targetId IS NULL OR p.target_id = @targetId)
     ORDER BY p.target_kind, p.target_id, s.position, p.stakeholder_id`,
  ),
  // Positions are 64-bit: read as text so they survive the trip through JavaScript numbers.
  history: db.prepare<
    [{ documentId: string; stakeholderId: string | null; targetId: string | null }],
    HistoryRow
  >(
    `SELECT CAST(h.position AS TEXT) AS position, h.document_id, h.target_kind, h.target_id,
       h.stakeholder_id, h.action, h.stance, h.statement, h.user_id, h.at, h.revision_label,
       ${stakeholderColumns('s', 'stakeholder')}
     FROM position_history h
     LEFT JOIN documents d ON d.document_id = h.document_id
     ${joinStakeholder('s', 'd.negotiation_id', 'h.stakeholder_id')}
     WHERE h.document_id = @documentId
       AND (@stakeholderId IS NULL OR h.stakeholder_id = @stakeholderId)
       AND (@targetId IS NULL OR h.target_id = @targetId)
     ORDER BY h.position`,
  ),
}));

export interface PositionFilter {
  targetKind?: TargetKind;
  targetId?: string;
}

export interface PositionHistoryFilter {
  stakeholderId?: string;
  targetId?: string;
}

export function positionQueries(db: ReadModelDb) {
  const s = () => statements(db);
  return {
    /** Current positions, grouped by target, stakeholders in registration order. */
    listPositions(documentId: string, filter: PositionFilter = {}): PositionView[] {
      return s()
        .current.all({
          documentId,
          targetKind: filter.targetKind ?? null,
          targetId: filter.targetId ?? null,
        })
        .map((row) => ({
          documentId: row.document_id,
          target: { kind: row.target_kind, id: row.target_id },
          stakeholderId: row.stakeholder_id,
          stakeholder: stakeholderRef(row.stakeholder_id, row, 'stakeholder'),
          stance: row.stance,
          statement: row.statement,
          statedBy: row.stated_by,
          statedAt: row.stated_at,
        }));
    },

    /** Every statement and withdrawal, oldest first. */
    positionHistory(
      documentId: string,
      filter: PositionHistoryFilter = {},
    ): PositionHistoryEntry[] {
      return s()
        .history.all({
          documentId,
          stakeholderId: filter.stakeholderId ?? null,
          targetId: filter.targetId ?? null,
        })
        .map((row) => ({
          position: row.position,
          documentId: row.document_id,
          target: { kind: row.target_kind, id: row.target_id },
          stakeholderId: row.stakeholder_id,
          stakeholder: stakeholderRef(row.stakeholder_id, row, 'stakeholder'),
          action: row.action,
          stance: row.stance,
          statement: row.statement,
          userId: row.user_id,
          at: row.at,
          revisionLabel: row.revision_label,
        }));
    },
  };
}
