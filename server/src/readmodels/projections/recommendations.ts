// Recommendations and what became of them: each recommendation, its endorsers, and every step of
// its uptake with its log position (its own events, and the decisions on the amendments that
// took it up), plus the revisions issued and adoptions of documents, so a reader's fate can be
// told as of any position (a segment's horizon) without replaying the log.
import type { AmendmentOutcome } from '@accord/shared';
import {
  changeOf,
  defineProjection,
  iso,
  statementsFor,
  type EventContext,
} from './projection-kit.js';
import type { ReadModelDb } from '../read-model-db.js';

const statements = statementsFor((db) => ({
  submit: db.prepare(
    `INSERT INTO recommendations (recommendation_id, negotiation_id, document_id, paragraph_ids,
       themes, title, change, proposed_text, rationale, stakeholder_id, submitted_by,
       submitted_at, withdrawn, position)
     VALUES (@recommendationId, @negotiationId, @documentId, @paragraphIds, @themes, @title,
       @change, @proposedText, @rationale, @stakeholderId, @submittedBy, @submittedAt, 0,
       @position)
     ON CONFLICT (recommendation_id) DO NOTHING`,
  ),
  withdraw: db.prepare(`UPDATE recommendations SET withdrawn = 1 WHERE recommendation_id = ?`),
  step: db.prepare(
    `INSERT INTO recommendation_steps (recommendation_id, position, kind, at, stakeholder_id,
       amendment_id, document_id, outcome)
     VALUES (@recommendationId, @position, @kind, @at, @stakeholderId, @amendmentId,
       @documentId, @outcome)
     ON CONFLICT (recommendation_id, position) DO NOTHING`,
  ),
  link: db.prepare(
    `INSERT INTO recommendation_amendments (amendment_id, recommendation_id) VALUES (?, ?)
     ON CONFLICT (amendment_id) DO NOTHING`,
  ),
  linked: db.prepare<[string], { recommendation_id: string; negotiation_id: string }>(
    `SELECT l.recommendation_id, r.negotiation_id FROM recommendation_amendments l
     JOIN recommendations r USING (recommendation_id) WHERE l.amendment_id = ?`,
  ),
  negotiationOf: db.prepare<[string], { negotiation_id: string }>(
    `SELECT negotiation_id FROM recommendations WHERE recommendation_id = ?`,
  ),
  mark: db.prepare(
    `INSERT INTO recommendation_marks (position, document_id, kind, label, at, text_revision)
     VALUES (@position, @documentId, @kind, @label, @at, @textRevision)
     ON CONFLICT (position) DO NOTHING`,
  ),
}));

interface Step {
  recommendationId: string;
  kind: string;
  stakeholderId?: string;
  amendmentId?: string;
  documentId?: string;
  outcome?: AmendmentOutcome;
}

function record(db: ReadModelDb, context: EventContext, step: Step) {
  statements(db).step.run({
    stakeholderId: null,
    amendmentId: null,
    documentId: null,
    outcome: null,
    ...step,
    position: context.position,
    at: context.at,
  });
  const negotiationId = statements(db).negotiationOf.get(step.recommendationId)?.negotiation_id;
  return [
    changeOf(context, {
      kind: 'recommendation',
      ...(negotiationId ? { negotiationId } : {}),
      id: step.recommendationId,
      readAction: 'recommendation.read',
    }),
  ];
}

/** A decision on an amendment that took a recommendation up becomes a step of its uptake. */
function decided(
  db: ReadModelDb,
  amendmentId: string,
  outcome: AmendmentOutcome,
  context: EventContext,
) {
  const link = statements(db).linked.get(amendmentId);
  if (!link) return [];
  return record(db, context, {
    recommendationId: link.recommendation_id,
    kind: 'amendment',
    amendmentId,
    outcome,
  });
}

/** A revision issued or an adoption: where a recommendation's accepted words may stand. */
function mark(
  db: ReadModelDb,
  context: EventContext,
  m: {
    documentId: string;
    kind: 'revision' | 'adopted';
    label: string;
    at: string;
    textRevision: string;
  },
) {
  statements(db).mark.run({
    position: context.position,
    documentId: m.documentId,
    kind: m.kind,
    label: m.label,
    at: iso(m.at),
    textRevision: m.textRevision,
  });
}

export const recommendationsProjection = defineProjection({
  name: 'recommendations',
  tables: [
    'recommendations',
    'recommendation_steps',
    'recommendation_amendments',
    'recommendation_marks',
  ],
  schema: `
    CREATE TABLE IF NOT EXISTS recommendations (
      recommendation_id TEXT PRIMARY KEY,
      negotiation_id TEXT NOT NULL,
      document_id TEXT,
      paragraph_ids TEXT NOT NULL, -- JSON array
      themes TEXT NOT NULL, -- JSON array
      title TEXT NOT NULL,
      change TEXT NOT NULL,
      proposed_text TEXT NOT NULL,
      rationale TEXT NOT NULL,
      stakeholder_id TEXT NOT NULL,
      submitted_by TEXT NOT NULL,
      submitted_at TEXT NOT NULL,
      withdrawn INTEGER NOT NULL,
      position INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS recommendations_by_negotiation
      ON recommendations (negotiation_id, position);
    CREATE TABLE IF NOT EXISTS recommendation_steps (
      recommendation_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      kind TEXT NOT NULL,
      at TEXT NOT NULL,
      stakeholder_id TEXT,
      amendment_id TEXT,
      document_id TEXT,
      outcome TEXT,
      PRIMARY KEY (recommendation_id, position)
    );
    CREATE TABLE IF NOT EXISTS recommendation_amendments (
      amendment_id TEXT PRIMARY KEY,
      recommendation_id TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS recommendation_marks (
      position INTEGER PRIMARY KEY,
      document_id TEXT NOT NULL,
      kind TEXT NOT NULL, -- 'revision' | 'adopted'
      label TEXT NOT NULL,
      at TEXT NOT NULL,
      text_revision TEXT NOT NULL -- the doctext revision frozen (a decimal string)
    );
    CREATE INDEX IF NOT EXISTS recommendation_marks_by_document
      ON recommendation_marks (document_id, position);`,
  on: {
    RecommendationSubmitted(db, data, context) {
      statements(db).submit.run({
        recommendationId: data.recommendationId,
        negotiationId: data.negotiationId,
        documentId: data.documentId,
        paragraphIds: JSON.stringify(data.paragraphIds),
        themes: JSON.stringify(data.themes),
        title: data.title,
        change: data.change,
        proposedText: data.proposedText,
        rationale: data.rationale,
        stakeholderId: data.stakeholderId,
        submittedBy: data.submittedBy,
        submittedAt: iso(data.submittedAt),
        position: context.position,
      });
      return record(db, context, {
        recommendationId: data.recommendationId,
        kind: 'submitted',
        stakeholderId: data.stakeholderId,
      });
    },
    RecommendationEndorsed: (db, data, context) =>
      record(db, context, {
        recommendationId: data.recommendationId,
        kind: 'endorsed',
        stakeholderId: data.stakeholderId,
      }),
    RecommendationEndorsementWithdrawn: (db, data, context) =>
      record(db, context, {
        recommendationId: data.recommendationId,
        kind: 'endorsement-withdrawn',
        stakeholderId: data.stakeholderId,
      }),
    RecommendationWithdrawn(db, data, context) {
      statements(db).withdraw.run(data.recommendationId);
      return record(db, context, { recommendationId: data.recommendationId, kind: 'withdrawn' });
    },
    RecommendationTakenUp(db, data, context) {
      statements(db).link.run(data.amendmentId, data.recommendationId);
      return record(db, context, {
        recommendationId: data.recommendationId,
        kind: 'taken-up',
        stakeholderId: data.delegationId,
        amendmentId: data.amendmentId,
        documentId: data.documentId,
      });
    },
    AmendmentTabled(db, data) {
      // The link may arrive before the uptake is recorded; decisions in between still count.
      if (data.recommendationId) statements(db).link.run(data.amendmentId, data.recommendationId);
    },
    AmendmentAccepted: (db, data, context) =>
      data.parentAmendmentId ? [] : decided(db, data.amendmentId, 'accepted', context),
    AmendmentRejected: (db, data, context) => decided(db, data.amendmentId, 'rejected', context),
    AmendmentMerged: (db, data, context) => decided(db, data.amendmentId, 'merged', context),
    AmendmentWithdrawn: (db, data, context) => decided(db, data.amendmentId, 'withdrawn', context),
    AmendmentRestored: (db, data, context) => decided(db, data.amendmentId, 'restored', context),
    RevisionIssued(db, data, context) {
      mark(db, context, { ...data, kind: 'revision', at: data.issuedAt });
    },
    DocumentAdopted(db, data, context) {
      mark(db, context, {
        ...data,
        kind: 'adopted',
        label: data.revisionLabel,
        at: data.adoptedAt,
      });
    },
  },
});
