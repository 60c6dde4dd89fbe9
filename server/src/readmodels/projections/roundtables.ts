// Roundtables as they stand: theme, co-chairs, date, coverage, invited participants, the
// co-chairs' draft (background, guiding questions) with its sign-offs, every issued paper version
// with the hash of each file, and the summary once concluded. One row per roundtable; issued
// versions in their own table, never changed once written.
import type { ReadModelDb } from '../read-model-db.js';
import { describedChange } from './describe.js';
import { defineProjection, iso, statementsFor, type EventContext } from './projection-kit.js';

const statements = statementsFor((db) => ({
  schedule: db.prepare(
    `INSERT INTO roundtables (roundtable_id, negotiation_id, document_id, theme, date,
       co_chairs, coverage, invited, background, guiding_questions, draft, sign_offs, status,
       scheduled_by, scheduled_at, updated_at, position)
     VALUES (@roundtableId, @negotiationId, @documentId, @theme, @date,
       @coChairs, @coverage, @invited, '', '[]', 1, '[]', 'scheduled',
       @scheduledBy, @scheduledAt, @scheduledAt, @position)
     ON CONFLICT (roundtable_id) DO NOTHING`,
  ),
  coverage: db.prepare(
    `UPDATE roundtables SET document_id = @documentId, coverage = @coverage, draft = @draft,
       sign_offs = '[]', updated_at = @at WHERE roundtable_id = @roundtableId`,
  ),
  draft: db.prepare(
    `UPDATE roundtables SET background = @background, guiding_questions = @questions,
       draft = @draft, sign_offs = '[]', updated_at = @at WHERE roundtable_id = @roundtableId`,
  ),
  signOffs: db.prepare<[string], { sign_offs: string; draft: number }>(
    'SELECT sign_offs, draft FROM roundtables WHERE roundtable_id = ?',
  ),
  setSignOffs: db.prepare(
    `UPDATE roundtables SET sign_offs = @signOffs, updated_at = @at
     WHERE roundtable_id = @roundtableId`,
  ),
  issue: db.prepare(
    `INSERT INTO roundtable_papers (roundtable_id, version, draft, record_position, files,
       signed_off_by, issued_by, issued_at, position)
     VALUES (@roundtableId, @version, @draft, @recordPosition, @files,
       @signedOffBy, @issuedBy, @issuedAt, @position)
     ON CONFLICT (roundtable_id, version) DO NOTHING`,
  ),
  conclude: db.prepare(
    `UPDATE roundtables SET status = 'concluded', summary = @summary, concluded_by = @by,
       concluded_at = @at, updated_at = @at WHERE roundtable_id = @roundtableId`,
  ),
}));

export interface SignOffRecord {
  stakeholderId: string;
  userId: string;
  at: string;
}

export const roundtablesProjection = defineProjection({
  name: 'roundtables',
  tables: ['roundtables', 'roundtable_papers'],
  schema: `
    CREATE TABLE IF NOT EXISTS roundtables (
      roundtable_id TEXT PRIMARY KEY,
      negotiation_id TEXT NOT NULL,
      document_id TEXT NOT NULL,
      theme TEXT NOT NULL,
      date TEXT NOT NULL,
      co_chairs TEXT NOT NULL, -- JSON [stakeholderId, stakeholderId]
      coverage TEXT NOT NULL, -- JSON { documentId, paragraphIds }
      invited TEXT NOT NULL, -- JSON [stakeholderId]
      background TEXT NOT NULL,
      guiding_questions TEXT NOT NULL, -- JSON [string]
      draft INTEGER NOT NULL,
      sign_offs TEXT NOT NULL, -- JSON [{ stakeholderId, userId, at }] on the current draft
      status TEXT NOT NULL, -- scheduled | concluded
      summary TEXT,
      scheduled_by TEXT NOT NULL,
      scheduled_at TEXT NOT NULL,
      concluded_by TEXT,
      concluded_at TEXT,
      updated_at TEXT NOT NULL,
      position INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS roundtables_by_negotiation ON roundtables (negotiation_id, date, position);
    CREATE TABLE IF NOT EXISTS roundtable_papers (
      roundtable_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      draft INTEGER NOT NULL,
      record_position TEXT NOT NULL,
      files TEXT NOT NULL, -- JSON [{ format, mediaType, sha256, byteLength }]
      signed_off_by TEXT NOT NULL, -- JSON [stakeholderId]
      issued_by TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (roundtable_id, version)
    );`,
  on: {
    RoundtableScheduled(db, data, context) {
      statements(db).schedule.run({
        roundtableId: data.roundtableId,
        negotiationId: data.negotiationId,
        documentId: data.coverage.documentId,
        theme: data.theme,
        date: data.date,
        coChairs: JSON.stringify(data.coChairStakeholderIds),
        coverage: JSON.stringify(data.coverage),
        invited: JSON.stringify(data.invitedStakeholderIds),
        scheduledBy: data.scheduledBy,
        scheduledAt: iso(data.scheduledAt),
        position: context.position,
      });
      return changed(db, context);
    },
    RoundtableCoverageChanged(db, { roundtableId, coverage, draft, changedAt }, context) {
      statements(db).coverage.run({
        roundtableId,
        documentId: coverage.documentId,
        coverage: JSON.stringify(coverage),
        draft,
        at: iso(changedAt),
      });
      return changed(db, context);
    },
    RoundtableDraftEdited(db, data, context) {
      statements(db).draft.run({
        roundtableId: data.roundtableId,
        background: data.background,
        questions: JSON.stringify(data.guidingQuestions),
        draft: data.draft,
        at: iso(data.editedAt),
      });
      return changed(db, context);
    },
    RoundtableDraftSigned(db, data, context) {
      const s = statements(db);
      const row = s.signOffs.get(data.roundtableId);
      if (!row || row.draft !== data.draft) return changed(db, context);
      const signOffs = JSON.parse(row.sign_offs) as SignOffRecord[];
      if (!signOffs.some((o) => o.stakeholderId === data.stakeholderId)) {
        const at = iso(data.signedOffAt);
        signOffs.push({ stakeholderId: data.stakeholderId, userId: data.signedOffBy, at });
        s.setSignOffs.run({
          roundtableId: data.roundtableId,
          signOffs: JSON.stringify(signOffs),
          at,
        });
      }
      return changed(db, context);
    },
    RoundtablePaperIssued(db, data, context) {
      const s = statements(db);
      s.issue.run({
        roundtableId: data.roundtableId,
        version: data.version,
        draft: data.draft,
        recordPosition: data.recordPosition,
        files: JSON.stringify(data.files),
        signedOffBy: JSON.stringify(data.signedOffBy),
        issuedBy: data.issuedBy,
        issuedAt: iso(data.issuedAt),
        position: context.position,
      });
      // As in the decider: each version needs its own sign-offs.
      s.setSignOffs.run({
        roundtableId: data.roundtableId,
        signOffs: '[]',
        at: iso(data.issuedAt),
      });
      return changed(db, context);
    },
    RoundtableConcluded(db, { roundtableId, summary, concludedBy, concludedAt }, context) {
      statements(db).conclude.run({ roundtableId, summary, by: concludedBy, at: iso(concludedAt) });
      return changed(db, context);
    },
  },
});

const changed = (db: ReadModelDb, context: EventContext) =>
  describedChange(db, context, 'roundtable', 'record.read');
