// Look-ups for describing recommendation, consultation and pledge events whose data names only
// the recommendation, consultation or pledge: its negotiation, document and how it is named.
// Prepared apart from lookups.ts so these tables are only touched when such an event comes.
import type { ReadModelDb } from '../read-model-db.js';
import { statementsFor } from './projection-kit.js';

const statements = statementsFor((db) => ({
  recommendation: db.prepare<
    [string],
    { negotiation_id: string; document_id: string | null; title: string; stakeholder_id: string }
  >(
    `SELECT negotiation_id, document_id, title, stakeholder_id FROM recommendations
     WHERE recommendation_id = ?`,
  ),
  consultation: db.prepare<
    [string],
    { negotiation_id: string; document_id: string; title: string }
  >('SELECT negotiation_id, document_id, title FROM consultations WHERE consultation_id = ?'),
  pledge: db.prepare<[string], { negotiation_id: string; document_id: string }>(
    'SELECT negotiation_id, document_id FROM pledges WHERE pledge_id = ?',
  ),
  pledgeWords: db.prepare<[string], { type: string; data: string }>(
    `SELECT type, data FROM pledge_events WHERE pledge_id = ?
       AND type IN ('PledgeRegistered', 'PledgeRevised') ORDER BY position`,
  ),
}));

export interface RecommendationRef {
  negotiationId: string;
  documentId: string | null;
  title: string;
  stakeholderId: string;
}

export function recommendationRef(db: ReadModelDb, id: string): RecommendationRef | undefined {
  const row = statements(db).recommendation.get(id);
  return (
    row && {
      negotiationId: row.negotiation_id,
      documentId: row.document_id,
      title: row.title,
      stakeholderId: row.stakeholder_id,
    }
  );
}

export function consultationRef(
  db: ReadModelDb,
  id: string,
): { negotiationId: string; documentId: string; title: string } | undefined {
  const row = statements(db).consultation.get(id);
  return (
    row && { negotiationId: row.negotiation_id, documentId: row.document_id, title: row.title }
  );
}

/** A pledge's negotiation and document, its pledger's name and its title as last revised. */
export function pledgeRef(
  db: ReadModelDb,
  id: string,
): { negotiationId: string; documentId: string; pledger?: string; title?: string } | undefined {
  const row = statements(db).pledge.get(id);
  if (!row) return undefined;
  let pledger: string | undefined;
  let title: string | undefined;
  for (const step of statements(db).pledgeWords.all(id)) {
    const data = JSON.parse(step.data) as {
      pledger?: { name: string };
      content: { title: string };
    };
    pledger = data.pledger?.name ?? pledger;
    title = data.content.title;
  }
  return {
    negotiationId: row.negotiation_id,
    documentId: row.document_id,
    ...(pledger !== undefined ? { pledger } : {}),
    ...(title !== undefined ? { title } : {}),
  };
}
