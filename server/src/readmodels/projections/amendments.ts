// Amendments as they stand: the current wording (after revisions), sponsor and co-sponsors,
// the amendment a sub-amendment amends, and how they ended: withdrawn by the sponsor, or
// accepted, rejected or merged by the chair (a rejection or merge the chair restored is pending
// again, with the restoration kept).
import { describedChange } from './describe.js';
import { documentRef } from './lookups.js';
import type { ReadModelDb } from '../read-model-db.js';
import { defineProjection, iso, statementsFor, type EventContext } from './projection-kit.js';

const statements = statementsFor((db) => ({
  table: db.prepare(
    `INSERT INTO amendments (amendment_id, document_id, negotiation_id, paragraph_id, kind,
       proposal, revision, rationale, sponsor_stakeholder_id, chairs_compromise, status,
       tabled_by, tabled_at, updated_at, position, parent_amendment_id)
     VALUES (@amendmentId, @documentId, @negotiationId, @paragraphId, @kind,
       @proposal, 1, @rationale, @sponsorStakeholderId, @chairsCompromise, 'pending',
       @tabledBy, @tabledAt, @tabledAt, @position, @parentAmendmentId)
     ON CONFLICT (amendment_id) DO NOTHING`,
  ),
  cosponsor: db.prepare(
    `INSERT INTO amendment_cosponsors (amendment_id, stakeholder_id, cosponsored_by, cosponsored_at, position)
     VALUES (?, ?, ?, ?, ?) ON CONFLICT (amendment_id, stakeholder_id) DO NOTHING`,
  ),
  revise: db.prepare(
    `UPDATE amendments SET kind = @kind, proposal = @proposal, revision = @revision,
       rationale = @rationale, updated_at = @at WHERE amendment_id = @amendmentId`,
  ),
  close: db.prepare(
    `UPDATE amendments SET status = @status, reason = @reason, merged_into = @mergedInto,
       decided_by = @by, decided_at = @at, updated_at = @at WHERE amendment_id = @amendmentId`,
  ),
  touch: db.prepare('UPDATE amendments SET updated_at = ? WHERE amendment_id = ?'),
  restore: db.prepare(
    `UPDATE amendments SET status = 'pending', reason = NULL, merged_into = NULL,
       decided_by = NULL, decided_at = NULL, restored_reason = @reason, restored_by = @by,
       restored_at = @at, updated_at = @at WHERE amendment_id = @amendmentId`,
  ),
}));

export const amendmentsProjection = defineProjection({
  name: 'amendments',
  tables: ['amendments', 'amendment_cosponsors'],
  schema: `
    CREATE TABLE IF NOT EXISTS amendments (
      amendment_id TEXT PRIMARY KEY,
      document_id TEXT NOT NULL,
      negotiation_id TEXT,
      paragraph_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      proposal TEXT NOT NULL, -- JSON, the current wording
      revision INTEGER NOT NULL,
      rationale TEXT NOT NULL,
      sponsor_stakeholder_id TEXT NOT NULL,
      chairs_compromise INTEGER NOT NULL,
      status TEXT NOT NULL, -- pending | withdrawn | accepted | rejected | merged
      reason TEXT, -- the rejection's or the withdrawal's
      merged_into TEXT,
      tabled_by TEXT NOT NULL,
      tabled_at TEXT NOT NULL,
      decided_by TEXT, -- the chair's decision, or the sponsor's withdrawal
      decided_at TEXT,
      updated_at TEXT NOT NULL,
      position INTEGER NOT NULL, -- tabling order
      parent_amendment_id TEXT, -- a sub-amendment's parent
      restored_reason TEXT, -- the chair's last restoration of a decision
      restored_by TEXT,
      restored_at TEXT
    );
    CREATE INDEX IF NOT EXISTS amendments_by_document ON amendments (document_id, paragraph_id, position);
    CREATE TABLE IF NOT EXISTS amendment_cosponsors (
      amendment_id TEXT NOT NULL,
      stakeholder_id TEXT NOT NULL,
      cosponsored_by TEXT NOT NULL,
      cosponsored_at TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (amendment_id, stakeholder_id)
    );`,
  on: {
    AmendmentTabled(db, data, context) {
      const { amendmentId, documentId, paragraphId, proposal, rationale } = data;
      statements(db).table.run({
        amendmentId,
        documentId,
        negotiationId: documentRef(db, documentId)?.negotiationId ?? null,
        paragraphId,
        kind: proposal.kind,
        proposal: JSON.stringify(proposal),
        rationale,
        sponsorStakeholderId: data.sponsorStakeholderId,
        chairsCompromise: data.chairsCompromise ? 1 : 0,
        tabledBy: data.tabledBy,
        tabledAt: iso(data.tabledAt),
        position: context.position,
        parentAmendmentId: data.parentAmendmentId ?? null,
      });
      return changed(db, context);
    },
    AmendmentCosponsored(db, data, context) {
      const { amendmentId, stakeholderId, cosponsoredBy } = data;
      const at = iso(data.cosponsoredAt);
      const s = statements(db);
      s.cosponsor.run(amendmentId, stakeholderId, cosponsoredBy, at, context.position);
      s.touch.run(at, amendmentId);
      return changed(db, context);
    },
    AmendmentRevised(db, { amendmentId, proposal, revision, rationale, revisedAt }, context) {
      statements(db).revise.run({
        amendmentId,
        kind: proposal.kind,
        proposal: JSON.stringify(proposal),
        revision,
        rationale,
        at: iso(revisedAt),
      });
      return changed(db, context);
    },
    AmendmentWithdrawn(db, { amendmentId, reason, withdrawnBy, withdrawnAt }, context) {
      close(db, amendmentId, 'withdrawn', withdrawnBy, withdrawnAt, { reason });
      return changed(db, context);
    },
    AmendmentAccepted(db, { amendmentId, decidedBy, decidedAt }, context) {
      close(db, amendmentId, 'accepted', decidedBy, decidedAt);
      return changed(db, context);
    },
    AmendmentRejected(db, { amendmentId, reason, decidedBy, decidedAt }, context) {
      close(db, amendmentId, 'rejected', decidedBy, decidedAt, { reason });
      return changed(db, context);
    },
    AmendmentMerged(db, { amendmentId, intoAmendmentId, decidedBy, decidedAt }, context) {
      close(db, amendmentId, 'merged', decidedBy, decidedAt, { mergedInto: intoAmendmentId });
      return changed(db, context);
    },
    AmendmentRestored(db, { amendmentId, reason, restoredBy, restoredAt }, context) {
      statements(db).restore.run({ amendmentId, reason, by: restoredBy, at: iso(restoredAt) });
      return changed(db, context);
    },
  },
});

const changed = (db: ReadModelDb, context: EventContext) =>
  describedChange(db, context, 'amendment', 'record.read');

/** Withdrawn by the sponsor, or decided by the chair: either way the amendment is closed. */
function close(
  db: ReadModelDb,
  amendmentId: string,
  status: 'withdrawn' | 'accepted' | 'rejected' | 'merged',
  by: string,
  at: string,
  details: { reason?: string; mergedInto?: string } = {},
): void {
  statements(db).close.run({
    amendmentId,
    status,
    reason: details.reason ?? null,
    mergedInto: details.mergedInto ?? null,
    by,
    at: iso(at),
  });
}
