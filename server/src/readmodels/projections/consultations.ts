// Consultations on a draft: one row per consultation (its opening event kept whole as JSON, so
// the page, the public page and the synthesis read one row), one row per answer, and the early
// close. The end of the period is not recorded: readers derive the phase from the clock
// (shared/src/consultations/phase.ts). The link token is kept for the public page's lookup; only
// those who manage a consultation ever see it.
import type { Action } from '@accord/shared';
import type { ReadModelChange } from '../projection.js';
import type { ReadModelDb } from '../read-model-db.js';
import {
  changeOf,
  defineProjection,
  iso,
  statementsFor,
  type EventContext,
} from './projection-kit.js';

const statements = statementsFor((db) => ({
  open: db.prepare(
    `INSERT INTO consultations (consultation_id, negotiation_id, document_id, title, link_token,
       opened_json, closed_at, responses, position)
     VALUES (@consultationId, @negotiationId, @documentId, @title, @linkToken, @openedJson, NULL,
       0, @position)
     ON CONFLICT (consultation_id) DO NOTHING`,
  ),
  answer: db.prepare(
    `INSERT INTO consultation_answers (consultation_id, response_id, respondent_key,
       respondent_user_id, answered_at, answered_json, position)
     VALUES (@consultationId, @responseId, @respondentKey, @userId, @answeredAt, @answeredJson,
       @position)
     ON CONFLICT (consultation_id, response_id) DO NOTHING`,
  ),
  count: db.prepare(`UPDATE consultations SET responses = responses + 1 WHERE consultation_id = ?`),
  close: db.prepare(`UPDATE consultations SET closed_at = ? WHERE consultation_id = ?`),
  negotiationOf: db.prepare<[string], { negotiation_id: string }>(
    `SELECT negotiation_id FROM consultations WHERE consultation_id = ?`,
  ),
}));

/** A change to a consultation after its opening, told to the rooms of its negotiation. */
function laterChange(
  db: ReadModelDb,
  context: EventContext,
  consultationId: string,
  readAction: Action,
): ReadModelChange {
  const negotiationId = statements(db).negotiationOf.get(consultationId)?.negotiation_id;
  return changeOf(context, {
    kind: 'consultation',
    ...(negotiationId ? { negotiationId } : {}),
    id: consultationId,
    readAction,
  });
}

export const consultationsProjection = defineProjection({
  name: 'consultations',
  tables: ['consultation_answers', 'consultations'],
  schema: `
    CREATE TABLE IF NOT EXISTS consultations (
      consultation_id TEXT PRIMARY KEY,
      negotiation_id TEXT NOT NULL,
      document_id TEXT NOT NULL,
      title TEXT NOT NULL,
      link_token TEXT UNIQUE,
      opened_json TEXT NOT NULL,
      closed_at TEXT,
      responses INTEGER NOT NULL,
      position INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS consultations_by_negotiation
      ON consultations (negotiation_id, position);
    CREATE TABLE IF NOT EXISTS consultation_answers (
      consultation_id TEXT NOT NULL,
      response_id TEXT NOT NULL,
      respondent_key TEXT NOT NULL,
      -- Only for identified answers; an anonymous answer names nobody.
      respondent_user_id TEXT,
      answered_at TEXT NOT NULL,
      answered_json TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (consultation_id, response_id)
    );
    CREATE INDEX IF NOT EXISTS consultation_answers_by_key
      ON consultation_answers (consultation_id, respondent_key);`,
  on: {
    ConsultationOpened(db, data, context) {
      statements(db).open.run({
        consultationId: data.consultationId,
        negotiationId: data.negotiationId,
        documentId: data.documentId,
        title: data.title,
        linkToken: data.linkToken,
        openedJson: JSON.stringify(data),
        position: context.position,
      });
      return [
        changeOf(context, {
          kind: 'consultation',
          negotiationId: data.negotiationId,
          documentId: data.documentId,
          id: data.consultationId,
          readAction: 'consultation.read',
        }),
      ];
    },
    ConsultationAnswered(db, data, context) {
      const s = statements(db);
      const inserted = s.answer.run({
        consultationId: data.consultationId,
        responseId: data.responseId,
        respondentKey: data.respondentKey,
        userId: data.respondent.kind === 'identified' ? data.respondent.userId : null,
        answeredAt: iso(data.answeredAt),
        answeredJson: JSON.stringify(data),
        position: context.position,
      });
      // Delivered again after a crash: already counted.
      if (inserted.changes === 0) return [];
      s.count.run(data.consultationId);
      // The answers change the synthesis; what members read of the consultation, only its count.
      return [laterChange(db, context, data.consultationId, 'consultation.synthesis')];
    },
    ConsultationClosed(db, data, context) {
      const s = statements(db);
      s.close.run(iso(data.closedAt), data.consultationId);
      return [laterChange(db, context, data.consultationId, 'consultation.read')];
    },
  },
});
