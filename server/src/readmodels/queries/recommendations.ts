// Queries of recommendations: a negotiation's recommendations (or one), each with its endorsers
// and the steps of its uptake, and the revisions and adoptions of documents — all as of a log
// position when the reader stands behind a segment's horizon.
import type { RecommendationChange, UptakeStep, DocumentMark } from '@accord/shared';
import { statementsFor } from '../projections/projection-kit.js';
import type { ReadModelDb } from '../read-model-db.js';

export interface RecommendationRecord {
  recommendationId: string;
  negotiationId: string;
  documentId: string | null;
  paragraphIds: string[];
  themes: string[];
  title: string;
  change: RecommendationChange;
  proposedText: string;
  rationale: string;
  stakeholderId: string;
  submittedBy: string;
  submittedAt: string;
  position: bigint;
  /** Its uptake's steps in log order, up to the position asked for. */
  steps: UptakeStep[];
}

export interface AdoptionMark extends DocumentMark {
  textRevision: string;
}

export interface RecommendationQueries {
  list(negotiationId: string, upTo?: bigint): RecommendationRecord[];
  get(recommendationId: string, upTo?: bigint): RecommendationRecord | undefined;
  /** Revisions issued and adoptions of these documents, in log order. */
  marks(documentIds: readonly string[], upTo?: bigint): AdoptionMark[];
  /** The recommendation an amendment took up, if any. */
  recommendationOf(amendmentId: string): string | undefined;
}

interface Row {
  recommendation_id: string;
  negotiation_id: string;
  document_id: string | null;
  paragraph_ids: string;
  themes: string;
  title: string;
  change: RecommendationChange;
  proposed_text: string;
  rationale: string;
  stakeholder_id: string;
  submitted_by: string;
  submitted_at: string;
  position: number | bigint;
}

interface StepRow {
  recommendation_id: string;
  position: number | bigint;
  kind: UptakeStep['kind'];
  at: string;
  stakeholder_id: string | null;
  amendment_id: string | null;
  document_id: string | null;
  outcome: string | null;
}

const statements = statementsFor((db) => ({
  list: db.prepare<{ negotiationId: string; upTo: bigint | null }, Row>(
    `SELECT * FROM recommendations
     WHERE negotiation_id = @negotiationId AND (@upTo IS NULL OR position <= @upTo)
     ORDER BY position DESC`,
  ),
  one: db.prepare<{ id: string; upTo: bigint | null }, Row>(
    `SELECT * FROM recommendations
     WHERE recommendation_id = @id AND (@upTo IS NULL OR position <= @upTo)`,
  ),
  steps: db.prepare<{ negotiationId: string; upTo: bigint | null }, StepRow>(
    `SELECT s.* FROM recommendation_steps s JOIN recommendations r USING (recommendation_id)
     WHERE r.negotiation_id = @negotiationId AND (@upTo IS NULL OR s.position <= @upTo)
     ORDER BY s.position`,
  ),
  stepsOf: db.prepare<{ id: string; upTo: bigint | null }, StepRow>(
    `SELECT * FROM recommendation_steps
     WHERE recommendation_id = @id AND (@upTo IS NULL OR position <= @upTo) ORDER BY position`,
  ),
  marks: db.prepare<
    { documentId: string; upTo: bigint | null },
    {
      position: number | bigint;
      document_id: string;
      kind: 'revision' | 'adopted';
      label: string;
      at: string;
      text_revision: string;
    }
  >(
    `SELECT * FROM recommendation_marks
     WHERE document_id = @documentId AND (@upTo IS NULL OR position <= @upTo) ORDER BY position`,
  ),
  linkOf: db.prepare<[string], { recommendation_id: string }>(
    `SELECT recommendation_id FROM recommendation_amendments WHERE amendment_id = ?`,
  ),
}));

function stepOf(row: StepRow): UptakeStep | undefined {
  const position = BigInt(row.position);
  const { at } = row;
  switch (row.kind) {
    case 'submitted':
    case 'endorsed':
    case 'endorsement-withdrawn':
      return { kind: row.kind, at, position, stakeholderId: row.stakeholder_id ?? '' };
    case 'withdrawn':
      return { kind: 'withdrawn', at, position };
    case 'taken-up':
      return {
        kind: 'taken-up',
        at,
        position,
        delegationId: row.stakeholder_id ?? '',
        amendmentId: row.amendment_id ?? '',
        documentId: row.document_id ?? '',
      };
    case 'amendment':
      return {
        kind: 'amendment',
        at,
        position,
        amendmentId: row.amendment_id ?? '',
        outcome: row.outcome as Extract<UptakeStep, { kind: 'amendment' }>['outcome'],
      };
    default:
      return undefined;
  }
}

const parseList = (json: string): string[] => JSON.parse(json) as string[];

function recordOf(row: Row, steps: readonly StepRow[]): RecommendationRecord {
  return {
    recommendationId: row.recommendation_id,
    negotiationId: row.negotiation_id,
    documentId: row.document_id,
    paragraphIds: parseList(row.paragraph_ids),
    themes: parseList(row.themes),
    title: row.title,
    change: row.change,
    proposedText: row.proposed_text,
    rationale: row.rationale,
    stakeholderId: row.stakeholder_id,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    position: BigInt(row.position),
    steps: steps.flatMap((s) => stepOf(s) ?? []),
  };
}

export function recommendationQueries(db: ReadModelDb): RecommendationQueries {
  const s = statements(db);
  return {
    list(negotiationId, upTo) {
      const bound = { negotiationId, upTo: upTo ?? null };
      const byId = new Map<string, StepRow[]>();
      for (const step of s.steps.all(bound)) {
        const list = byId.get(step.recommendation_id) ?? [];
        list.push(step);
        byId.set(step.recommendation_id, list);
      }
      return s.list.all(bound).map((row) => recordOf(row, byId.get(row.recommendation_id) ?? []));
    },
    get(recommendationId, upTo) {
      const bound = { id: recommendationId, upTo: upTo ?? null };
      const row = s.one.get(bound);
      return row ? recordOf(row, s.stepsOf.all(bound)) : undefined;
    },
    marks(documentIds, upTo) {
      return [...new Set(documentIds)]
        .flatMap((documentId) => s.marks.all({ documentId, upTo: upTo ?? null }))
        .map((m) => ({
          documentId: m.document_id,
          kind: m.kind,
          label: m.label,
          at: m.at,
          position: BigInt(m.position),
          textRevision: m.text_revision,
        }))
        .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
    },
    recommendationOf: (amendmentId) => s.linkOf.get(amendmentId)?.recommendation_id,
  };
}
