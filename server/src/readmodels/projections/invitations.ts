// Invitations to join a negotiation. The token hash is stored for the accept flow alone: only
// `getInvitationForAcceptance` reads that column.
import { describedChange } from './describe.js';
import { defineProjection, iso, statementsFor } from './projection-kit.js';

const statements = statementsFor((db) => ({
  invite: db.prepare(
    `INSERT INTO invitations (invitation_id, negotiation_id, email, stakeholder_id, role,
       token_hash, expires_at, invited_by, invited_at, status)
     VALUES (@invitationId, @negotiationId, @email, @stakeholderId, @role,
       @tokenHash, @expiresAt, @invitedBy, @invitedAt, 'pending')
     ON CONFLICT (invitation_id) DO NOTHING`,
  ),
  accept: db.prepare(
    `UPDATE invitations SET status = 'accepted', accepted_by = ?, accepted_at = ?
     WHERE invitation_id = ?`,
  ),
}));

export const invitationsProjection = defineProjection({
  name: 'invitations',
  tables: ['invitations'],
  schema: `
    CREATE TABLE IF NOT EXISTS invitations (
      invitation_id TEXT PRIMARY KEY,
      negotiation_id TEXT NOT NULL,
      email TEXT NOT NULL,
      stakeholder_id TEXT NOT NULL,
      role TEXT NOT NULL,
      token_hash TEXT NOT NULL, -- never returned except by getInvitationForAcceptance
      expires_at TEXT NOT NULL,
      invited_by TEXT NOT NULL,
      invited_at TEXT NOT NULL,
      status TEXT NOT NULL, -- 'pending' | 'accepted'; expiry is decided when read
      accepted_by TEXT,
      accepted_at TEXT
    );
    CREATE INDEX IF NOT EXISTS invitations_by_negotiation ON invitations (negotiation_id, invited_at);`,
  on: {
    MemberInvited(db, data, context) {
      const { invitationId, negotiationId, email, stakeholderId, role, tokenHash } = data;
      statements(db).invite.run({
        invitationId,
        negotiationId,
        email,
        stakeholderId,
        role,
        tokenHash,
        expiresAt: iso(data.expiresAt),
        invitedBy: data.invitedBy,
        invitedAt: iso(data.invitedAt),
      });
      return describedChange(db, context, 'invitation', 'invitations.manage');
    },
    InvitationAccepted(db, { invitationId, userId, acceptedAt }, context) {
      statements(db).accept.run(userId, iso(acceptedAt), invitationId);
      return describedChange(db, context, 'invitation', 'invitations.manage');
    },
  },
});
