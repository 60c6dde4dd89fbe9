// User accounts. The password hash is stored for sign-in alone: only `getCredentialsByEmail`
// reads that column. Account changes are never pushed to anyone. The interface language is in a
// table of its own so adding it needed no rebuild of existing read models.
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
  chooseLanguage: db.prepare(
    `INSERT INTO user_languages (user_id, language, chosen_at) VALUES (?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET language = excluded.language, chosen_at = excluded.chosen_at`,
  ),
}));

export const usersProjection = defineProjection({
  name: 'users',
  tables: ['users', 'user_languages'],
  schema: `
    CREATE TABLE IF NOT EXISTS users (
      user_id TEXT PRIMARY KEY,
      email TEXT NOT NULL, -- normalised by the domain (normaliseEmail)
      display_name TEXT NOT NULL,
      password_hash TEXT NOT NULL, -- never returned except by getCredentialsByEmail
      registered_at TEXT NOT NULL,
      password_changed_at TEXT
    );
    CREATE INDEX IF NOT EXISTS users_by_email ON users (email);
    CREATE TABLE IF NOT EXISTS user_languages (
      user_id TEXT PRIMARY KEY,
      language TEXT NOT NULL, -- one of the six UI languages (uiLanguageSchema)
      chosen_at TEXT NOT NULL
    );`,
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
    UserLanguageChosen(db, { userId, language, chosenAt }) {
      statements(db).chooseLanguage.run(userId, language, iso(chosenAt));
    },
  },
});
