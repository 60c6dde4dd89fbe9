// Queries about amendments: a document's amendments (optionally one paragraph's, or only those
// in one status) and one amendment, each with its sponsor and co-sponsors named.
import type { AmendmentKind } from '@accord/shared';
import { statementsFor } from '../projections/projection-kit.js';
import type { ReadModelDb } from '../read-model-db.js';
import { joinStakeholder, stakeholderColumns, stakeholderRef } from './sql-kit.js';
import type { AmendmentStatus, AmendmentView, StakeholderRef } from './views.js';

interface AmendmentRow {
  amendment_id: string;
  document_id: string;
  negotiation_id: string | null;
  paragraph_id: string;
  kind: AmendmentKind;
  proposal: string;
  revision: number;
  rationale: string;
  sponsor_stakeholder_id: string;
  chairs_compromise: number;
  status: AmendmentStatus;
  reason: string | null;
  merged_into: string | null;
  tabled_by: string;
  tabled_at: string;
  decided_by: string | null;
  decided_at: string | null;
  updated_at: string;
  parent_amendment_id: string | null;
  restored_reason: string | null;
  restored_by: string | null;
  restored_at: string | null;
  /** The recommendation it took up (joined from the recommendations' links), if any. */
  recommendation_id: string | null;
  recommender_id: string | null;
}
interface CosponsorRow {
  amendment_id: string;
  stakeholder_id: string;
}

const select = `
  SELECT a.*, ${stakeholderColumns('s', 'sponsor')},
    l.recommendation_id, r.stakeholder_id AS recommender_id, ${stakeholderColumns('rs', 'recommender')}
  FROM amendments a
  ${joinStakeholder('s', 'a.negotiation_id', 'a.sponsor_stakeholder_id')}
  LEFT JOIN recommendation_amendments l ON l.amendment_id = a.amendment_id
  LEFT JOIN recommendations r ON r.recommendation_id = l.recommendation_id
  ${joinStakeholder('rs', 'r.negotiation_id', 'r.stakeholder_id')}`;
const selectCosponsors = `
  SELECT c.amendment_id, c.stakeholder_id, ${stakeholderColumns('s', 'cosponsor')}
  FROM amendment_cosponsors c
  JOIN amendments a ON a.amendment_id = c.amendment_id
  ${joinStakeholder('s', 'a.negotiation_id', 'c.stakeholder_id')}`;

const statements = statementsFor((db) => ({
  list: db.prepare<
    [{ documentId: string; paragraphId: string | null; status: string | null }],
    AmendmentRow
  >(
    `${select} WHERE a.document_id = @documentId
       AND (@paragraphId IS NULL OR a.paragraph_id = @paragraphId)
       AND (@status IS NULL OR a.status = @status)
     ORDER BY a.position`,
  ),
  one: db.prepare<[string], AmendmentRow>(`${select} WHERE a.amendment_id = ?`),
  cosponsorsOfDocument: db.prepare<[string], CosponsorRow>(
    `${selectCosponsors} WHERE a.document_id = ? ORDER BY c.position`,
  ),
  cosponsorsOfAmendment: db.prepare<[string], CosponsorRow>(
    `${selectCosponsors} WHERE c.amendment_id = ? ORDER BY c.position`,
  ),
}));

function toView(row: AmendmentRow, cosponsors: StakeholderRef[]): AmendmentView {
  return {
    amendmentId: row.amendment_id,
    documentId: row.document_id,
    negotiationId: row.negotiation_id,
    paragraphId: row.paragraph_id,
    kind: row.kind,
    proposal: JSON.parse(row.proposal) as AmendmentView['proposal'],
    revision: row.revision,
    rationale: row.rationale,
    sponsorStakeholderId: row.sponsor_stakeholder_id,
    sponsor: stakeholderRef(row.sponsor_stakeholder_id, row, 'sponsor'),
    cosponsorStakeholderIds: cosponsors.map((c) => c.stakeholderId),
    cosponsors,
    chairsCompromise: row.chairs_compromise === 1,
    status: row.status,
    reason: row.reason,
    mergedInto: row.merged_into,
    tabledBy: row.tabled_by,
    tabledAt: row.tabled_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    updatedAt: row.updated_at,
    parentAmendmentId: row.parent_amendment_id,
    restored:
      row.restored_at === null
        ? null
        : {
            reason: row.restored_reason ?? '',
            restoredBy: row.restored_by ?? '',
            restoredAt: row.restored_at,
          },
    ...(row.recommendation_id !== null && row.recommender_id !== null
      ? {
          takenUpFrom: {
            recommendationId: row.recommendation_id,
            stakeholder: stakeholderRef(row.recommender_id, row, 'recommender'),
          },
        }
      : {}),
  };
}

function groupCosponsors(rows: CosponsorRow[]): Map<string, StakeholderRef[]> {
  const byAmendment = new Map<string, StakeholderRef[]>();
  for (const row of rows) {
    const list = byAmendment.get(row.amendment_id) ?? [];
    list.push(stakeholderRef(row.stakeholder_id, row, 'cosponsor'));
    byAmendment.set(row.amendment_id, list);
  }
  return byAmendment;
}

export interface AmendmentFilter {
  paragraphId?: string;
  status?: AmendmentStatus;
}

export function amendmentQueries(db: ReadModelDb) {
  const s = () => statements(db);
  return {
    /** In the order tabled. */
    listAmendments(documentId: string, filter: AmendmentFilter = {}): AmendmentView[] {
      const rows = s().list.all({
        documentId,
        paragraphId: filter.paragraphId ?? null,
        status: filter.status ?? null,
      });
      if (rows.length === 0) return [];
      const cosponsors = groupCosponsors(s().cosponsorsOfDocument.all(documentId));
      return rows.map((row) => toView(row, cosponsors.get(row.amendment_id) ?? []));
    },

    getAmendment(amendmentId: string): AmendmentView | undefined {
      const row = s().one.get(amendmentId);
      if (!row) return undefined;
      const cosponsors = groupCosponsors(s().cosponsorsOfAmendment.all(amendmentId));
      return toView(row, cosponsors.get(amendmentId) ?? []);
    },
  };
}
