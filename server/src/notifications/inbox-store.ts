/**
 * The inbox table, kept in the read-model database but owned by the notification reactor, not
 * by the projector: a read-model rebuild leaves it alone, and losing it (a new read-model file)
 * only makes the reactor read the log again, which rebuilds it with the same ids. A row is keyed
 * by its notification id, derived from the event and the recipient, so delivering the same
 * event twice adds nothing.
 */
import {
  notificationPayloadSchema,
  type EmailChannel,
  type NotificationKind,
  type NotificationPayload,
} from '@accord/shared';
import type { ReadModelDb } from '../readmodels/read-model-db.js';

export interface InboxEntry {
  notificationId: string;
  userId: string;
  kind: NotificationKind;
  payload: NotificationPayload;
  /** The log position of the event behind it. */
  position: bigint;
  createdAt: string;
  /** How the user wanted this kind by e-mail when it arrived. */
  emailChannel: EmailChannel;
  read: boolean;
}

interface Row {
  notification_id: string;
  user_id: string;
  kind: NotificationKind;
  payload: string;
  position: string;
  created_at: string;
  email_channel: EmailChannel;
  read: number;
}

/** Positions as fixed-width text, so SQLite orders them as numbers up to 2^64. */
const sortable = (position: bigint): string => position.toString().padStart(20, '0');

const toEntry = (row: Row): InboxEntry => ({
  notificationId: row.notification_id,
  userId: row.user_id,
  kind: row.kind,
  payload: notificationPayloadSchema.parse(JSON.parse(row.payload)),
  position: BigInt(row.position),
  createdAt: row.created_at,
  emailChannel: row.email_channel,
  read: row.read === 1,
});

export interface InboxStore {
  /** Adds the entry; false when it was already there. */
  add(entry: Omit<InboxEntry, 'read'>): boolean;
  page(
    userId: string,
    options: { limit: number; before?: bigint; unreadOnly?: boolean },
  ): InboxEntry[];
  unreadCount(userId: string): number;
  get(notificationId: string): InboxEntry | undefined;
  markRead(userId: string, notificationIds: readonly string[]): void;
  /** Marks read every entry that came from an event before `position`. */
  markReadBefore(userId: string, position: bigint): void;
  /** Entries for the digest: meant for it, created in [from, until), oldest first. */
  digestCandidates(userId: string, from: string, until: string): InboxEntry[];
  /** Users who have digest entries waiting in [from, until). */
  usersWithDigestCandidates(from: string, until: string): string[];
  markDigested(notificationIds: readonly string[]): void;
}

export function createInboxStore(db: ReadModelDb): InboxStore {
  db.exec(`CREATE TABLE IF NOT EXISTS notification_inbox (
    notification_id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    position TEXT NOT NULL,
    created_at TEXT NOT NULL,
    email_channel TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    digested INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX IF NOT EXISTS notification_inbox_user ON notification_inbox (user_id, position);
  CREATE INDEX IF NOT EXISTS notification_inbox_digest
    ON notification_inbox (email_channel, digested, created_at)`);
  const columns =
    'notification_id, user_id, kind, payload, position, created_at, email_channel, read';
  const insert = db.prepare(
    `INSERT OR IGNORE INTO notification_inbox
       (notification_id, user_id, kind, payload, position, created_at, email_channel)
     VALUES (@notificationId, @userId, @kind, @payload, @position, @createdAt, @emailChannel)`,
  );
  const pageAll = db.prepare(
    `SELECT ${columns} FROM notification_inbox WHERE user_id = ? AND position < ?
     ORDER BY position DESC, notification_id LIMIT ?`,
  );
  const pageUnread = db.prepare(
    `SELECT ${columns} FROM notification_inbox WHERE user_id = ? AND position < ? AND read = 0
     ORDER BY position DESC, notification_id LIMIT ?`,
  );
  const unread = db
    .prepare('SELECT COUNT(*) FROM notification_inbox WHERE user_id = ? AND read = 0')
    .pluck();
  const one = db.prepare(`SELECT ${columns} FROM notification_inbox WHERE notification_id = ?`);
  const readOne = db.prepare(
    'UPDATE notification_inbox SET read = 1 WHERE user_id = ? AND notification_id = ?',
  );
  const readBefore = db.prepare(
    'UPDATE notification_inbox SET read = 1 WHERE user_id = ? AND position < ?',
  );
  const candidates = db.prepare(
    `SELECT ${columns} FROM notification_inbox
     WHERE user_id = ? AND email_channel = 'digest' AND digested = 0
       AND created_at >= ? AND created_at < ?
     ORDER BY position`,
  );
  const candidateUsers = db
    .prepare(
      `SELECT DISTINCT user_id FROM notification_inbox
       WHERE email_channel = 'digest' AND digested = 0 AND created_at >= ? AND created_at < ?`,
    )
    .pluck();
  const digested = db.prepare(
    'UPDATE notification_inbox SET digested = 1 WHERE notification_id = ?',
  );
  const markMany = db.transaction((userId: string, ids: readonly string[]) => {
    for (const id of ids) readOne.run(userId, id);
  });
  const digestMany = db.transaction((ids: readonly string[]) => {
    for (const id of ids) digested.run(id);
  });
  const END = '9'.repeat(20);

  return {
    add(entry) {
      const result = insert.run({
        ...entry,
        payload: JSON.stringify(entry.payload),
        position: sortable(entry.position),
      });
      return result.changes > 0;
    },
    page(userId, { limit, before, unreadOnly }) {
      const statement = unreadOnly ? pageUnread : pageAll;
      const upTo = before === undefined ? END : sortable(before);
      return (statement.all(userId, upTo, limit) as Row[]).map(toEntry);
    },
    unreadCount: (userId) => unread.get(userId) as number,
    get(notificationId) {
      const row = one.get(notificationId) as Row | undefined;
      return row && toEntry(row);
    },
    markRead: (userId, ids) => markMany(userId, ids),
    markReadBefore: (userId, position) => readBefore.run(userId, sortable(position)),
    digestCandidates: (userId, from, until) =>
      (candidates.all(userId, from, until) as Row[]).map(toEntry),
    usersWithDigestCandidates: (from, until) => candidateUsers.all(from, until) as string[],
    markDigested: (ids) => digestMany(ids),
  };
}
