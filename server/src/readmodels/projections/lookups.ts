// Read-only look-ups that projections make into each other's tables while applying an event:
// which negotiation a document belongs to, which document an amendment is on, and names for
// summaries. They rely on the projector applying projections in the order of `createProjections`.
import type { ReadModelDb } from '../read-model-db.js';
import { statementsFor } from './projection-kit.js';

export interface AmendmentRef {
  documentId: string;
  negotiationId: string | null;
  sponsorStakeholderId: string;
  chairsCompromise: boolean;
}

const statements = statementsFor((db) => ({
  document: db.prepare<[string], { negotiation_id: string; title: string }>(
    'SELECT negotiation_id, title FROM documents WHERE document_id = ?',
  ),
  amendment: db.prepare<
    [string],
    {
      document_id: string;
      negotiation_id: string | null;
      sponsor_stakeholder_id: string;
      chairs_compromise: number;
    }
  >(
    `SELECT document_id, negotiation_id, sponsor_stakeholder_id, chairs_compromise
     FROM amendments WHERE amendment_id = ?`,
  ),
  stakeholder: db.prepare<[string, string], { name: string }>(
    'SELECT name FROM stakeholders WHERE negotiation_id = ? AND stakeholder_id = ?',
  ),
  member: db.prepare<[string, string], { stakeholder_id: string }>(
    'SELECT stakeholder_id FROM members WHERE negotiation_id = ? AND user_id = ?',
  ),
  latestRevision: db.prepare<[string], { label: string }>(
    'SELECT label FROM document_revisions WHERE document_id = ? ORDER BY sequence DESC LIMIT 1',
  ),
  user: db.prepare<[string], { display_name: string }>(
    'SELECT display_name FROM users WHERE user_id = ?',
  ),
}));

export function documentRef(
  db: ReadModelDb,
  documentId: string,
): { negotiationId: string; title: string } | undefined {
  const row = statements(db).document.get(documentId);
  return row && { negotiationId: row.negotiation_id, title: row.title };
}

export function amendmentRef(db: ReadModelDb, amendmentId: string): AmendmentRef | undefined {
  const row = statements(db).amendment.get(amendmentId);
  return (
    row && {
      documentId: row.document_id,
      negotiationId: row.negotiation_id,
      sponsorStakeholderId: row.sponsor_stakeholder_id,
      chairsCompromise: row.chairs_compromise === 1,
    }
  );
}

export const stakeholderName = (
  db: ReadModelDb,
  negotiationId: string | null | undefined,
  stakeholderId: string | undefined,
): string | undefined =>
  negotiationId && stakeholderId
    ? statements(db).stakeholder.get(negotiationId, stakeholderId)?.name
    : undefined;

/** The stakeholder a member acts for (current or revoked), for events that name only the user. */
export const memberStakeholderId = (
  db: ReadModelDb,
  negotiationId: string,
  userId: string,
): string | undefined => statements(db).member.get(negotiationId, userId)?.stakeholder_id;

export const userName = (db: ReadModelDb, userId: string | undefined): string | undefined =>
  userId ? statements(db).user.get(userId)?.display_name : undefined;

/** The label of the last revision issued so far; applied in log order, that is the one in force. */
export const revisionInForce = (db: ReadModelDb, documentId: string): string | null =>
  statements(db).latestRevision.get(documentId)?.label ?? null;

// Kept apart from `statements` so the roundtables table is only prepared against when needed.
const roundtableStatements = statementsFor((db) => ({
  roundtable: db.prepare<[string], { negotiation_id: string; document_id: string; theme: string }>(
    'SELECT negotiation_id, document_id, theme FROM roundtables WHERE roundtable_id = ?',
  ),
}));

/** The negotiation, document and theme of a roundtable, for events that name only its id. */
export function roundtableRef(
  db: ReadModelDb,
  roundtableId: string,
): { negotiationId: string; documentId: string; theme: string } | undefined {
  const row = roundtableStatements(db).roundtable.get(roundtableId);
  return (
    row && { negotiationId: row.negotiation_id, documentId: row.document_id, theme: row.theme }
  );
}
