/**
 * Each user's e-mail preferences as of the event being notified, kept by the notification
 * reactor from NotificationPreferencesSet in log order, so every node routes an event by the
 * same preferences. Beside the inbox in the read-model database; rebuilt by reading the log.
 */
import { withDefaults, type EmailPreferences } from '@accord/shared';
import type { ReadModelDb } from '../../readmodels/read-model-db.js';

export interface PrefsTable {
  of(userId: string): EmailPreferences;
  set(userId: string, email: Partial<EmailPreferences>): void;
}

export function createPrefsTable(db: ReadModelDb): PrefsTable {
  db.exec(`CREATE TABLE IF NOT EXISTS notification_prefs (
    user_id TEXT PRIMARY KEY,
    email TEXT NOT NULL
  )`);
  const read = db.prepare('SELECT email FROM notification_prefs WHERE user_id = ?').pluck();
  const write = db.prepare(
    `INSERT INTO notification_prefs (user_id, email) VALUES (?, ?)
     ON CONFLICT(user_id) DO UPDATE SET email = excluded.email`,
  );
  return {
    of(userId) {
      const stored = read.get(userId) as string | undefined;
      return withDefaults(
        stored === undefined ? undefined : (JSON.parse(stored) as Partial<EmailPreferences>),
      );
    },
    set(userId, email) {
      write.run(userId, JSON.stringify(email));
    },
  };
}
