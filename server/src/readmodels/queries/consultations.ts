// Queries of consultations: a negotiation's consultations (up to a position for a reader behind
// a segment's horizon), one consultation as opened with its early close, the one a public link
// names, its answers for the synthesis, and whether a respondent key has answered already.
import {
  parseEvent,
  type ConsultationAnsweredData,
  type ConsultationOpenedData,
} from '@accord/shared';
import { statementsFor } from '../projections/projection-kit.js';
import type { ReadModelDb } from '../read-model-db.js';

export interface StoredConsultation {
  opened: ConsultationOpenedData;
  closedAt: string | null;
  responses: number;
  /** The log position it was opened at. */
  position: bigint;
  documentTitle: string | null;
}

interface Row {
  opened_json: string;
  closed_at: string | null;
  responses: number;
  position: number | bigint;
  document_title: string | null;
}

const COLUMNS = `c.opened_json, c.closed_at, c.responses, c.position, d.title AS document_title`;
const FROM = `FROM consultations c LEFT JOIN documents d ON d.document_id = c.document_id`;

const statements = statementsFor((db) => ({
  list: db.prepare<{ negotiationId: string; upTo: bigint | null }, Row>(
    `SELECT ${COLUMNS} ${FROM}
     WHERE c.negotiation_id = @negotiationId AND (@upTo IS NULL OR c.position <= @upTo)
     ORDER BY c.position DESC`,
  ),
  one: db.prepare<[string], Row>(`SELECT ${COLUMNS} ${FROM} WHERE c.consultation_id = ?`),
  byToken: db.prepare<[string], Row>(`SELECT ${COLUMNS} ${FROM} WHERE c.link_token = ?`),
  answers: db.prepare<[string], { answered_json: string }>(
    `SELECT answered_json FROM consultation_answers WHERE consultation_id = ? ORDER BY position`,
  ),
  answered: db.prepare<[string, string], { one: number }>(
    `SELECT 1 AS one FROM consultation_answers WHERE consultation_id = ? AND respondent_key = ?`,
  ),
}));

// The rows hold the events' own data, written by the projection from parsed events: read back
// through the same schemas, so a reader never trusts a hand-made shape.
const toStored = (row: Row): StoredConsultation => ({
  opened: parseEvent('ConsultationOpened', JSON.parse(row.opened_json)).data,
  closedAt: row.closed_at,
  responses: row.responses,
  position: BigInt(row.position),
  documentTitle: row.document_title,
});

export interface ConsultationQueries {
  list(negotiationId: string, upTo?: bigint): StoredConsultation[];
  get(consultationId: string): StoredConsultation | undefined;
  byLinkToken(token: string): StoredConsultation | undefined;
  answers(consultationId: string): ConsultationAnsweredData[];
  hasAnswered(consultationId: string, respondentKey: string): boolean;
}

export function consultationQueries(db: ReadModelDb): ConsultationQueries {
  return {
    list: (negotiationId, upTo) =>
      statements(db)
        .list.all({ negotiationId, upTo: upTo ?? null })
        .map(toStored),
    get: (consultationId) => {
      const row = statements(db).one.get(consultationId);
      return row && toStored(row);
    },
    byLinkToken: (token) => {
      const row = statements(db).byToken.get(token);
      return row && toStored(row);
    },
    answers: (consultationId) =>
      statements(db)
        .answers.all(consultationId)
        .map((r) => parseEvent('ConsultationAnswered', JSON.parse(r.answered_json)).data),
    hasAnswered: (consultationId, respondentKey) =>
      statements(db).answered.get(consultationId, respondentKey) !== undefined,
  };
}
