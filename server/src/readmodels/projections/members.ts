// Who acts for which stakeholder in each negotiation, in which role; revoked members are kept
// (with when and why) so the record can still say who they were.
import { describedChange } from './describe.js';
import { defineProjection, iso, statementsFor } from './projection-kit.js';

const statements = statementsFor((db) => ({
  admit: db.prepare(
    `INSERT INTO members (negotiation_id, user_id, stakeholder_id, role, status, invitation_id, admitted_at)
     VALUES (@negotiationId, @userId, @stakeholderId, @role, 'active', @invitationId, @admittedAt)
     ON CONFLICT (negotiation_id, user_id) DO UPDATE SET stakeholder_id = excluded.stakeholder_id,
       role = excluded.role, status = 'active', invitation_id = excluded.invitation_id,
       admitted_at = excluded.admitted_at, revoked_at = NULL, revoked_by = NULL, revoked_reason = NULL`,
  ),
  changeRole: db.prepare('UPDATE members SET role = ? WHERE negotiation_id = ? AND user_id = ?'),
  revoke: db.prepare(
    `UPDATE members SET status = 'revoked', revoked_at = ?, revoked_by = ?, revoked_reason = ?
     WHERE negotiation_id = ? AND user_id = ?`,
  ),
}));

// The member list carries e-mail addresses, so only those who manage members are told.
const READ_ACTION = 'members.manage';

export const membersProjection = defineProjection({
  name: 'members',
  tables: ['members'],
  schema: `
    CREATE TABLE IF NOT EXISTS members (
      negotiation_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      stakeholder_id TEXT NOT NULL,
      role TEXT NOT NULL,
      status TEXT NOT NULL, -- 'active' | 'revoked'
      invitation_id TEXT,
      admitted_at TEXT NOT NULL,
      revoked_at TEXT,
      revoked_by TEXT,
      revoked_reason TEXT,
      PRIMARY KEY (negotiation_id, user_id)
    );
    CREATE INDEX IF NOT EXISTS members_by_user ON members (user_id, status);`,
  on: {
    MemberAdmitted(db, data, context) {
      const { negotiationId, userId, stakeholderId, role, invitationId, admittedAt } = data;
      statements(db).admit.run({
        negotiationId,
        userId,
        stakeholderId,
        role,
        invitationId,
        admittedAt: iso(admittedAt),
      });
      return describedChange(db, context, 'member', READ_ACTION);
    },
    MemberRoleChanged(db, { negotiationId, userId, to }, context) {
      statements(db).changeRole.run(to, negotiationId, userId);
      return describedChange(db, context, 'member', READ_ACTION);
    },
    MemberRevoked(db, data, context) {
      const { negotiationId, userId, reason, revokedBy, revokedAt } = data;
      statements(db).revoke.run(iso(revokedAt), revokedBy, reason, negotiationId, userId);
      return describedChange(db, context, 'member', READ_ACTION);
    },
  },
});
