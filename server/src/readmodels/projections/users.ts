// User accounts. The password hash is stored for sign-in alone: only `getCredentialsByEmail`
// reads that column. Account changes are never pushed to anyone.
import { defineProjection, iso, statementsFor } from './projection-kit.js';

const statements = statementsFor((db) => ({
  register: db.prepare(
    `INSERT INTO users (user_id, email, display_name, password_hash, registered_at)
     VALUES (@userId, @email, @displayName, @passwordHash, @registeredAt)
     ON CONFLICT (user_id) DO NOTHING`,
  ),
  changePassword: db.prepare(
    'UPDATE users SET password_hash = ?, password_changed_at = ? WHERE user_id = ?',
  ),
}));

export const usersProjection = defineProjection({
  name: 'users',
  tables: ['users'],
  schema: `
    CREATE TABLE IF NOT EXISTS users (
      user_id TEXT PRIMARY KEY,
      email TEXT NOT NULL, -- normalised by the domain (normaliseEmail)
      display_name TEXT NOT NULL,
      password_hash TEXT NOT NULL, -- never returned except by getCredentialsByEmail
      registered_at TEXT NOT NULL,
      password_changed_at TEXT
    );
    CREATE INDEX IF NOT EXISTS users_by_email ON users (email);`,
  on: {
    UserRegistered(db, { userId, email, displayName, passwordHash, registeredAt }) {
      statements(db).register.run({
        userId,
        email,
        displayName,
        passwordHash,
        registeredAt: iso(registeredAt),
      });
    },
    PasswordChanged(db, { userId, passwordHash, changedAt }) {
      statements(db).changePassword.run(passwordHash, iso(changedAt), userId);
    },
  },
});
