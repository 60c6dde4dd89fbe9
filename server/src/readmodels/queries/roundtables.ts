// Queries about roundtables: a negotiation's roundtables and one roundtable, each with its
// co-chairs and invited participants named, its current draft and sign-offs, and the paper
// versions issued (with the hash of every file).
import type {
  PaperFile,
  RoundtableCoverage,
  RoundtablePaperView,
  RoundtableView,
  SignOffRecord,
} from '@accord/shared';
import { statementsFor } from '../projections/projection-kit.js';
import type { ReadModelDb } from '../read-model-db.js';
import type { StakeholderRef } from './views.js';

interface RoundtableRow {
  roundtable_id: string;
  negotiation_id: string;
  document_id: string;
  theme: string;
  date: string;
  co_chairs: string;
  coverage: string;
  invited: string;
  background: string;
  guiding_questions: string;
  draft: number;
  sign_offs: string;
  status: RoundtableView['status'];
  summary: string | null;
  scheduled_by: string;
  scheduled_at: string;
  concluded_by: string | null;
  concluded_at: string | null;
  updated_at: string;
}
interface PaperRow {
  roundtable_id: string;
  version: number;
  draft: number;
  record_position: string;
  files: string;
  signed_off_by: string;
  issued_by: string;
  issued_at: string;
}
interface StakeholderRow {
  stakeholder_id: string;
  name: string;
  short_code: string;
  kind: StakeholderRef['kind'];
}

export type { RoundtablePaperView, RoundtableView };

const statements = statementsFor((db) => ({
  list: db.prepare<[string], RoundtableRow>(
    'SELECT * FROM roundtables WHERE negotiation_id = ? ORDER BY date, position',
  ),
  one: db.prepare<[string], RoundtableRow>('SELECT * FROM roundtables WHERE roundtable_id = ?'),
  papers: db.prepare<[string], PaperRow>(
    'SELECT * FROM roundtable_papers WHERE roundtable_id = ? ORDER BY version',
  ),
  papersOfNegotiation: db.prepare<[string], PaperRow>(
    `SELECT p.* FROM roundtable_papers p JOIN roundtables r ON r.roundtable_id = p.roundtable_id
     WHERE r.negotiation_id = ? ORDER BY p.roundtable_id, p.version`,
  ),
  stakeholders: db.prepare<[string], StakeholderRow>(
    'SELECT stakeholder_id, name, short_code, kind FROM stakeholders WHERE negotiation_id = ?',
  ),
}));

const json = <T>(text: string): T => JSON.parse(text) as T;

function toView(
  row: RoundtableRow,
  papers: PaperRow[],
  stakeholders: Map<string, StakeholderRow>,
): RoundtableView {
  const ref = (stakeholderId: string): StakeholderRef => {
    const s = stakeholders.get(stakeholderId);
    return {
      stakeholderId,
      name: s?.name ?? null,
      shortCode: s?.short_code ?? null,
      kind: s?.kind ?? null,
    };
  };
  const coChairIds = json<string[]>(row.co_chairs);
  const signOffs = json<SignOffRecord[]>(row.sign_offs);
  return {
    roundtableId: row.roundtable_id,
    negotiationId: row.negotiation_id,
    documentId: row.document_id,
    theme: row.theme,
    date: row.date,
    status: row.status,
    coChairs: coChairIds.map(ref),
    coverage: json<RoundtableCoverage>(row.coverage),
    invited: json<string[]>(row.invited).map(ref),
    background: row.background,
    guidingQuestions: json<string[]>(row.guiding_questions),
    draft: row.draft,
    signOffs: signOffs.map((o) => ({ ...o, stakeholder: ref(o.stakeholderId) })),
    readyToIssue: coChairIds.every((id) => signOffs.some((o) => o.stakeholderId === id)),
    papers: papers.map((p) => ({
      roundtableId: p.roundtable_id,
      version: p.version,
      draft: p.draft,
      recordPosition: p.record_position,
      files: json<PaperFile[]>(p.files),
      signedOffBy: json<string[]>(p.signed_off_by).map(ref),
      issuedBy: p.issued_by,
      issuedAt: p.issued_at,
    })),
    summary: row.summary,
    scheduledBy: row.scheduled_by,
    scheduledAt: row.scheduled_at,
    concludedBy: row.concluded_by,
    concludedAt: row.concluded_at,
    updatedAt: row.updated_at,
  };
}

export function roundtableQueries(db: ReadModelDb) {
  const stakeholdersOf = (negotiationId: string) =>
    new Map(
      statements(db)
        .stakeholders.all(negotiationId)
        .map((s) => [s.stakeholder_id, s]),
    );
  return {
    /** A negotiation's roundtables by date, with their issued versions. */
    listRoundtables(negotiationId: string): RoundtableView[] {
      const s = statements(db);
      const papers = new Map<string, PaperRow[]>();
      for (const paper of s.papersOfNegotiation.all(negotiationId)) {
        papers.set(paper.roundtable_id, [...(papers.get(paper.roundtable_id) ?? []), paper]);
      }
      const stakeholders = stakeholdersOf(negotiationId);
      return s.list
        .all(negotiationId)
        .map((row) => toView(row, papers.get(row.roundtable_id) ?? [], stakeholders));
    },
    getRoundtable(roundtableId: string): RoundtableView | undefined {
      const s = statements(db);
      const row = s.one.get(roundtableId);
      if (!row) return undefined;
      return toView(row, s.papers.all(roundtableId), stakeholdersOf(row.negotiation_id));
    },
  };
}
