// Queries about accounts and sign-in. Only `getCredentialsByEmail` returns a password hash and
// only `getSession` reads sessions; both are for the server's auth code, never for clients.
import { isUiLanguage, normaliseEmail } from '@accord/shared';
import { statementsFor } from '../projections/projection-kit.js';
import type { ReadModelDb } from '../read-model-db.js';
import type { Credentials, SessionView, UserView } from './views.js';

const statements = statementsFor((db) => ({
  user: db.prepare<
    [string],
    {
      user_id: string;
      email: string;
      display_name: string;
      registered_at: string;
      language: string | null;
    }
  >(
    `SELECT u.user_id, u.email, u.display_name, u.registered_at, l.language
     FROM users u LEFT JOIN user_languages l ON l.user_id = u.user_id
     WHERE u.user_id = ?`,
  ),
  credentials: db.prepare<
    [string],
    { user_id: string; email: string; display_name: string; password_hash: string }
  >(
    `SELECT user_id, email, display_name, password_hash FROM users
     WHERE email = ? ORDER BY registered_at LIMIT 1`,
  ),
  session: db.prepare<[string, string], { user_id: string; expires_at: string }>(
    `SELECT user_id, expires_at FROM sessions
     WHERE token_hash = ? AND ended_at IS NULL AND expires_at > ?`,
  ),
}));

export function accountQueries(db: ReadModelDb) {
  const s = () => statements(db);
  return {
    /** A user's own account, without the password hash. */
    getUser(userId: string): UserView | undefined {
      const row = s().user.get(userId);
      return (
        row && {
          userId: row.user_id,
          email: row.email,
          displayName: row.display_name,
          registeredAt: row.registered_at,
          ...(isUiLanguage(row.language) ? { language: row.language } : {}),
        }
      );
    },

    /** Sign-in's read: the account behind an address (any spelling) with its password hash. */
    getCredentialsByEmail(email: string): Credentials | undefined {
      const row = s().credentials.get(normaliseEmail(email));
      return (
        row && {
          userId: row.user_id,
          email: row.email,
          displayName: row.display_name,
          passwordHash: row.password_hash,
        }
      );
    },

    /** A live session by the SHA-256 of its token: started, not ended, not expired at `now`. */
    getSession(tokenHash: string, now: Date = new Date()): SessionView | undefined {
      const row = s().session.get(tokenHash, now.toISOString());
      return row && { userId: row.user_id, expiresAt: row.expires_at };
    },
  };
}
