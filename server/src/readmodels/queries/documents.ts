// Queries about documents: the list per negotiation with each one's latest revision and
// paragraph-status counts, and one document with every revision and paragraph status. A
// paragraph's status is derived: agreed ad ref when the chair gavelled it (and did not reopen
// it); bracketed while it holds open brackets or options; otherwise open. A 'bracketed' set by
// hand before brackets were data no longer counts.
import type { DocumentMode, ParagraphStatus } from '@accord/shared';
import { statementsFor } from '../projections/projection-kit.js';
import type { ReadModelDb } from '../read-model-db.js';
import type {
  DocumentAccess,
  DocumentSummary,
  DocumentView,
  ParagraphStatusView,
  RevisionView,
} from './views.js';

interface DocumentRow {
  document_id: string;
  negotiation_id: string;
  title: string;
  symbol: string;
  mode: DocumentMode;
  created_by: string;
  created_at: string;
  adopted_at: string | null;
  adopted_by: string | null;
  adopted_revision_label: string | null;
  adopted_text_revision: string | null;
  bracketed: number;
  agreed_ad_ref: number;
  pending_amendments: number;
  latest_label: string | null;
  latest_text_revision: string | null;
  latest_sequence: number | null;
  latest_issued_by: string | null;
  latest_issued_at: string | null;
}
interface RevisionRow {
  label: string;
  text_revision: string;
  sequence: number;
  issued_by: string;
  issued_at: string;
}

const summarySelect = `
  SELECT d.*,
    (SELECT COUNT(DISTINCT x.paragraph_id) FROM (
        SELECT document_id, paragraph_id FROM open_brackets
        UNION ALL SELECT document_id, paragraph_id FROM open_option_paragraphs) x
      WHERE x.document_id = d.document_id AND NOT EXISTS (
        SELECT 1 FROM paragraph_statuses p WHERE p.document_id = x.document_id
          AND p.paragraph_id = x.paragraph_id AND p.status = 'agreed-ad-ref')) AS bracketed,
    (SELECT COUNT(*) FROM paragraph_statuses p
      WHERE p.document_id = d.document_id AND p.status = 'agreed-ad-ref') AS agreed_ad_ref,
    (SELECT COUNT(*) FROM amendments a
      WHERE a.document_id = d.document_id AND a.status = 'pending') AS pending_amendments,
    r.label AS latest_label, r.text_revision AS latest_text_revision,
    r.sequence AS latest_sequence, r.issued_by AS latest_issued_by, r.issued_at AS latest_issued_at
  FROM documents d
  LEFT JOIN document_revisions r ON r.document_id = d.document_id
    AND r.sequence = (SELECT MAX(sequence) FROM document_revisions x WHERE x.document_id = d.document_id)`;

const statements = statementsFor((db) => ({
  list: db.prepare<[string], DocumentRow>(
    `${summarySelect} WHERE d.negotiation_id = ? ORDER BY d.created_at, d.document_id`,
  ),
  one: db.prepare<[string], DocumentRow>(`${summarySelect} WHERE d.document_id = ?`),
  access: db.prepare<
    [string],
    Pick<DocumentRow, 'document_id' | 'negotiation_id' | 'mode' | 'adopted_at'>
  >(`SELECT document_id, negotiation_id, mode, adopted_at FROM documents WHERE document_id = ?`),
  revisions: db.prepare<[string], RevisionRow>(
    `SELECT label, text_revision, sequence, issued_by, issued_at FROM document_revisions
     WHERE document_id = ? ORDER BY sequence`,
  ),
  statuses: db.prepare<
    [string],
    {
      paragraph_id: string;
      status: ParagraphStatus;
      reason: string;
      set_by: string;
      set_at: string;
    }
  >(
    `SELECT paragraph_id, status, reason, set_by, set_at FROM paragraph_statuses
     WHERE document_id = ? ORDER BY set_at, paragraph_id`,
  ),
  bracketedParagraphs: db.prepare<[string, string], { paragraph_id: string }>(
    `SELECT paragraph_id FROM open_brackets WHERE document_id = ?
     UNION SELECT paragraph_id FROM open_option_paragraphs WHERE document_id = ?`,
  ),
}));

const toRevision = (row: RevisionRow): RevisionView => ({
  label: row.label,
  textRevision: row.text_revision,
  sequence: row.sequence,
  issuedBy: row.issued_by,
  issuedAt: row.issued_at,
});

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    documentId: row.document_id,
    negotiationId: row.negotiation_id,
    title: row.title,
    symbol: row.symbol,
    mode: row.mode,
    createdBy: row.created_by,
    createdAt: row.created_at,
    adopted: row.adopted_at !== null,
    adoption:
      row.adopted_at === null
        ? null
        : {
            revisionLabel: row.adopted_revision_label ?? '',
            textRevision: row.adopted_text_revision ?? '',
            adoptedBy: row.adopted_by ?? '',
            adoptedAt: row.adopted_at,
          },
    latestRevision:
      row.latest_sequence === null
        ? null
        : toRevision({
            label: row.latest_label ?? '',
            text_revision: row.latest_text_revision ?? '',
            sequence: row.latest_sequence,
            issued_by: row.latest_issued_by ?? '',
            issued_at: row.latest_issued_at ?? '',
          }),
    paragraphStatusCounts: { bracketed: row.bracketed, 'agreed-ad-ref': row.agreed_ad_ref },
    pendingAmendments: row.pending_amendments,
  };
}

export function documentQueries(db: ReadModelDb) {
  const s = () => statements(db);
  return {
    /** The negotiation's documents, oldest first. */
    listDocuments(negotiationId: string): DocumentSummary[] {
      return s().list.all(negotiationId).map(toSummary);
    },

    getDocumentAccess(documentId: string): DocumentAccess | undefined {
      const row = s().access.get(documentId);
      return (
        row && {
          documentId: row.document_id,
          negotiationId: row.negotiation_id,
          mode: row.mode,
          adopted: row.adopted_at !== null,
        }
      );
    },

    getDocument(documentId: string): DocumentView | undefined {
      const row = s().one.get(documentId);
      if (!row) return undefined;
      const bracketed = new Set(
        s()
          .bracketedParagraphs.all(documentId, documentId)
          .map((r) => r.paragraph_id),
      );
      const derived = (status: ParagraphStatus, paragraphId: string): ParagraphStatus =>
        status === 'agreed-ad-ref' ? status : bracketed.has(paragraphId) ? 'bracketed' : 'open';
      const gavelled = s().statuses.all(documentId);
      const paragraphStatuses = gavelled.map((p): ParagraphStatusView => ({
        paragraphId: p.paragraph_id,
        status: derived(p.status, p.paragraph_id),
        reason: p.reason,
        setBy: p.set_by,
        setAt: p.set_at,
      }));
      // Paragraphs bracketed by their brackets alone, which the chair never gavelled.
      const seen = new Set(gavelled.map((p) => p.paragraph_id));
      for (const paragraphId of bracketed) {
        if (seen.has(paragraphId)) continue;
        paragraphStatuses.push({
          paragraphId,
          status: 'bracketed',
          reason: '',
          setBy: '',
          setAt: '',
        });
      }
      return {
        ...toSummary(row),
        revisions: s().revisions.all(documentId).map(toRevision),
        paragraphStatuses,
      };
    },
  };
}
