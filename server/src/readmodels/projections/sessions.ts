// Sign-in sessions by token hash, so every request can check its cookie with one indexed read.
// Never pushed: a session is nobody else's business.
import { defineProjection, iso, statementsFor } from './projection-kit.js';

const statements = statementsFor((db) => ({
  start: db.prepare(
    `INSERT INTO sessions (token_hash, user_id, started_at, expires_at)
     VALUES (@tokenHash, @userId, @startedAt, @expiresAt)
     ON CONFLICT (token_hash) DO NOTHING`,
  ),
  end: db.prepare('UPDATE sessions SET ended_at = ?, end_reason = ? WHERE token_hash = ?'),
}));

export const sessionsProjection = defineProjection({
  name: 'sessions',
  tables: ['sessions'],
  schema: `
    CREATE TABLE IF NOT EXISTS sessions (
      token_hash TEXT PRIMARY KEY,
      user_id TEXT NOT NULL,
      started_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      ended_at TEXT,
      end_reason TEXT
    );
    CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_id);`,
  on: {
    SessionStarted(db, { tokenHash, userId, startedAt, expiresAt }) {
      statements(db).start.run({
        tokenHash,
        userId,
        startedAt: iso(startedAt),
        expiresAt: iso(expiresAt),
      });
    },
    SessionEnded(db, { tokenHash, reason, endedAt }) {
      statements(db).end.run(iso(endedAt), reason, tokenHash);
    },
  },
});
