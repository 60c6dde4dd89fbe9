// Negotiations, the stakeholders registered in them, and their chairs as last appointed.
import { describedChange } from './describe.js';
import { defineProjection, iso, statementsFor } from './projection-kit.js';

const statements = statementsFor((db) => ({
  open: db.prepare(
    `INSERT INTO negotiations (negotiation_id, title, description, opened_at, opened_by)
     VALUES (@negotiationId, @title, @description, @openedAt, @openedBy)
     ON CONFLICT (negotiation_id) DO UPDATE SET title = excluded.title,
       description = excluded.description, opened_at = excluded.opened_at, opened_by = excluded.opened_by`,
  ),
  register: db.prepare(
    `INSERT INTO stakeholders
       (negotiation_id, stakeholder_id, kind, name, short_code, group_ids, registered_at, position)
     VALUES (@negotiationId, @stakeholderId, @kind, @name, @shortCode, @groupIds, @registeredAt, @position)
     ON CONFLICT (negotiation_id, stakeholder_id) DO UPDATE SET kind = excluded.kind,
       name = excluded.name, short_code = excluded.short_code, group_ids = excluded.group_ids`,
  ),
  clearChairs: db.prepare('DELETE FROM chairs WHERE negotiation_id = ?'),
  appoint: db.prepare(
    `INSERT INTO chairs (negotiation_id, user_id, ordinal, appointed_at, appointed_by)
     VALUES (?, ?, ?, ?, ?)`,
  ),
}));

export const negotiationsProjection = defineProjection({
  name: 'negotiations',
  tables: ['negotiations', 'stakeholders', 'chairs'],
  schema: `
    CREATE TABLE IF NOT EXISTS negotiations (
      negotiation_id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      description TEXT NOT NULL,
      opened_at TEXT NOT NULL,
      opened_by TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS stakeholders (
      negotiation_id TEXT NOT NULL,
      stakeholder_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      name TEXT NOT NULL,
      short_code TEXT NOT NULL,
      group_ids TEXT NOT NULL, -- JSON array of stakeholder ids
      registered_at TEXT NOT NULL,
      position INTEGER NOT NULL, -- registration order
      PRIMARY KEY (negotiation_id, stakeholder_id)
    );
    CREATE TABLE IF NOT EXISTS chairs (
      negotiation_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      ordinal INTEGER NOT NULL,
      appointed_at TEXT NOT NULL,
      appointed_by TEXT NOT NULL,
      PRIMARY KEY (negotiation_id, user_id)
    );`,
  on: {
    NegotiationOpened(db, data, context) {
      const { negotiationId, title, description, openedBy, openedAt } = data;
      statements(db).open.run({
        negotiationId,
        title,
        description,
        openedBy,
        openedAt: iso(openedAt),
      });
      return describedChange(db, context, 'negotiation', 'record.read');
    },
    StakeholderRegistered(db, data, context) {
      const { negotiationId, stakeholderId, kind, name, shortCode, groupIds } = data;
      statements(db).register.run({
        negotiationId,
        stakeholderId,
        kind,
        name,
        shortCode,
        groupIds: JSON.stringify(groupIds),
        registeredAt: iso(data.registeredAt),
        position: context.position,
      });
      return describedChange(db, context, 'stakeholder', 'record.read');
    },
    ChairsAppointed(db, data, context) {
      // The list replaces the chairs. Who chairs *now* also depends on later role changes and
      // revocations, so queries join this with the members' current roles.
      const { negotiationId, userIds, appointedBy, appointedAt } = data;
      const s = statements(db);
      s.clearChairs.run(negotiationId);
      userIds.forEach((userId, ordinal) =>
        s.appoint.run(negotiationId, userId, ordinal, iso(appointedAt), appointedBy),
      );
      return describedChange(db, context, 'chairs', 'record.read');
    },
  },
});
