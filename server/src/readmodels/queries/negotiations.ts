// Queries about who takes part: negotiations, stakeholders, chairs, members and invitations.
import type { Role, StakeholderKind } from '@accord/shared';
import { statementsFor } from '../projections/projection-kit.js';
import type { ReadModelDb } from '../read-model-db.js';
import { joinStakeholder, stakeholderColumns, stakeholderRef } from './sql-kit.js';
import type {
  ChairView,
  InvitationForAcceptance,
  InvitationStatus,
  InvitationView,
  MemberView,
  Membership,
  NegotiationForUser,
  NegotiationView,
  StakeholderView,
} from './views.js';

interface NegotiationRow {
  negotiation_id: string;
  title: string;
  description: string;
  opened_at: string;
  opened_by: string;
}
interface StakeholderRow {
  negotiation_id: string;
  stakeholder_id: string;
  kind: StakeholderKind;
  name: string;
  short_code: string;
  group_ids: string;
  registered_at: string;
}
interface ChairRow {
  user_id: string;
  display_name: string | null;
  stakeholder_id: string;
  appointed_at: string | null;
}
interface MemberRow {
  user_id: string;
  display_name: string | null;
  email: string | null;
  stakeholder_id: string;
  role: Role;
  status: MemberView['status'];
  invitation_id: string | null;
  admitted_at: string;
  revoked_at: string | null;
  revoked_reason: string | null;
}
interface InvitationRow {
  invitation_id: string;
  negotiation_id: string;
  email: string;
  stakeholder_id: string;
  role: Role;
  status: 'pending' | 'accepted';
  expires_at: string;
  invited_by: string;
  invited_at: string;
  accepted_by: string | null;
  accepted_at: string | null;
}

// Named explicitly so that `SELECT *` can never carry the token hash into a listing.
const invitationColumns = `i.invitation_id, i.negotiation_id, i.email, i.stakeholder_id, i.role,
  i.status, i.expires_at, i.invited_by, i.invited_at, i.accepted_by, i.accepted_at`;

const statements = statementsFor((db) => ({
  negotiation: db.prepare<[string], NegotiationRow>(
    `SELECT negotiation_id, title, description, opened_at, opened_by
     FROM negotiations WHERE negotiation_id = ?`,
  ),
  stakeholders: db.prepare<[string], StakeholderRow>(
    `SELECT negotiation_id, stakeholder_id, kind, name, short_code, group_ids, registered_at
     FROM stakeholders WHERE negotiation_id = ? ORDER BY position`,
  ),
  stakeholder: db.prepare<[string, string], StakeholderRow>(
    `SELECT negotiation_id, stakeholder_id, kind, name, short_code, group_ids, registered_at
     FROM stakeholders WHERE negotiation_id = ? AND stakeholder_id = ?`,
  ),
  // Who chairs now is whoever has the chair role now; the appointment gives the order.
  chairs: db.prepare<[string], ChairRow>(
    `SELECT m.user_id, u.display_name, m.stakeholder_id, c.appointed_at,
       ${stakeholderColumns('s', 'stakeholder')}
     FROM members m
     LEFT JOIN chairs c ON c.negotiation_id = m.negotiation_id AND c.user_id = m.user_id
     LEFT JOIN users u ON u.user_id = m.user_id
     ${joinStakeholder('s', 'm.negotiation_id', 'm.stakeholder_id')}
     WHERE m.negotiation_id = ? AND m.status = 'active' AND m.role = 'chair'
     ORDER BY c.ordinal IS NULL, c.ordinal, m.admitted_at`,
  ),
  forUser: db.prepare<[string], NegotiationRow & { stakeholder_id: string; role: Role }>(
    `SELECT n.negotiation_id, n.title, n.description, n.opened_at, n.opened_by,
       m.stakeholder_id, m.role, ${stakeholderColumns('s', 'stakeholder')}
     FROM members m
     JOIN negotiations n ON n.negotiation_id = m.negotiation_id
     ${joinStakeholder('s', 'm.negotiation_id', 'm.stakeholder_id')}
     WHERE m.user_id = ? AND m.status = 'active'
     ORDER BY n.opened_at DESC, n.negotiation_id`,
  ),
  members: db.prepare<[string], MemberRow>(
    `SELECT m.user_id, u.display_name, u.email, m.stakeholder_id, m.role, m.status,
       m.invitation_id, m.admitted_at, m.revoked_at, m.revoked_reason,
       ${stakeholderColumns('s', 'stakeholder')}
     FROM members m
     LEFT JOIN users u ON u.user_id = m.user_id
     ${joinStakeholder('s', 'm.negotiation_id', 'm.stakeholder_id')}
     WHERE m.negotiation_id = ?
     ORDER BY m.status, s.position, u.display_name, m.user_id`,
  ),
  membership: db.prepare<[string, string], { stakeholder_id: string; role: Role }>(
    `SELECT stakeholder_id, role FROM members
     WHERE negotiation_id = ? AND user_id = ? AND status = 'active'`,
  ),
  invitations: db.prepare<[string], InvitationRow>(
    `SELECT ${invitationColumns}, ${stakeholderColumns('s', 'stakeholder')}
     FROM invitations i
     ${joinStakeholder('s', 'i.negotiation_id', 'i.stakeholder_id')}
     WHERE i.negotiation_id = ?
     ORDER BY i.invited_at DESC, i.invitation_id`,
  ),
  forAcceptance: db.prepare<
    [string],
    InvitationRow & { token_hash: string; negotiation_title: string | null }
  >(
    `SELECT ${invitationColumns}, i.token_hash, n.title AS negotiation_title,
       ${stakeholderColumns('s', 'stakeholder')}
     FROM invitations i
     LEFT JOIN negotiations n ON n.negotiation_id = i.negotiation_id
     ${joinStakeholder('s', 'i.negotiation_id', 'i.stakeholder_id')}
     WHERE i.invitation_id = ?`,
  ),
}));

const toStakeholder = (row: StakeholderRow): StakeholderView => ({
  stakeholderId: row.stakeholder_id,
  negotiationId: row.negotiation_id,
  kind: row.kind,
  name: row.name,
  shortCode: row.short_code,
  groupIds: JSON.parse(row.group_ids) as string[],
  registeredAt: row.registered_at,
});

const invitationStatus = (row: InvitationRow, now: Date): InvitationStatus =>
  row.status === 'accepted'
    ? 'accepted'
    : row.expires_at <= now.toISOString()
      ? 'expired'
      : 'pending';

export function negotiationQueries(db: ReadModelDb) {
  const s = () => statements(db);
  return {
    getNegotiation(negotiationId: string): NegotiationView | undefined {
      const row = s().negotiation.get(negotiationId);
      if (!row) return undefined;
      const chairs = s()
        .chairs.all(negotiationId)
        .map((chair): ChairView => ({
          userId: chair.user_id,
          displayName: chair.display_name,
          stakeholderId: chair.stakeholder_id,
          stakeholder: stakeholderRef(chair.stakeholder_id, chair, 'stakeholder'),
          appointedAt: chair.appointed_at,
        }));
      return {
        negotiationId: row.negotiation_id,
        title: row.title,
        description: row.description,
        openedAt: row.opened_at,
        openedBy: row.opened_by,
        stakeholders: s().stakeholders.all(negotiationId).map(toStakeholder),
        chairs,
      };
    },

    listNegotiationsForUser(userId: string): NegotiationForUser[] {
      return s()
        .forUser.all(userId)
        .map((row) => ({
          negotiationId: row.negotiation_id,
          title: row.title,
          description: row.description,
          openedAt: row.opened_at,
          stakeholderId: row.stakeholder_id,
          stakeholder: stakeholderRef(row.stakeholder_id, row, 'stakeholder'),
          role: row.role,
        }));
    },

    listStakeholders(negotiationId: string): StakeholderView[] {
      return s().stakeholders.all(negotiationId).map(toStakeholder);
    },

    getStakeholder(negotiationId: string, stakeholderId: string): StakeholderView | undefined {
      const row = s().stakeholder.get(negotiationId, stakeholderId);
      return row && toStakeholder(row);
    },

    /** Current and revoked members with their e-mail addresses: gate it by 'members.manage'. */
    listMembers(negotiationId: string): MemberView[] {
      return s()
        .members.all(negotiationId)
        .map((row) => ({
          userId: row.user_id,
          displayName: row.display_name,
          email: row.email,
          stakeholderId: row.stakeholder_id,
          stakeholder: stakeholderRef(row.stakeholder_id, row, 'stakeholder'),
          role: row.role,
          status: row.status,
          invitationId: row.invitation_id,
          admittedAt: row.admitted_at,
          revokedAt: row.revoked_at,
          revokedReason: row.revoked_reason,
        }));
    },

    /** What the user acts as in the negotiation; undefined if not (or no longer) a member. */
    getMembership(negotiationId: string, userId: string): Membership | undefined {
      const row = s().membership.get(negotiationId, userId);
      return row && { stakeholderId: row.stakeholder_id, role: row.role };
    },

    /** Newest first, without token hashes: gate it by 'invitations.manage'. */
    listInvitations(negotiationId: string, now: Date = new Date()): InvitationView[] {
      return s()
        .invitations.all(negotiationId)
        .map((row) => ({
          invitationId: row.invitation_id,
          negotiationId: row.negotiation_id,
          email: row.email,
          stakeholderId: row.stakeholder_id,
          stakeholder: stakeholderRef(row.stakeholder_id, row, 'stakeholder'),
          role: row.role,
          status: invitationStatus(row, now),
          expiresAt: row.expires_at,
          invitedBy: row.invited_by,
          invitedAt: row.invited_at,
          acceptedBy: row.accepted_by,
          acceptedAt: row.accepted_at,
        }));
    },

    /** The accept flow's read, with the token hash to compare: never send it to a client. */
    getInvitationForAcceptance(
      invitationId: string,
      now: Date = new Date(),
    ): InvitationForAcceptance | undefined {
      const row = s().forAcceptance.get(invitationId);
      if (!row) return undefined;
      return {
        invitationId: row.invitation_id,
        negotiationId: row.negotiation_id,
        negotiationTitle: row.negotiation_title,
        email: row.email,
        stakeholderId: row.stakeholder_id,
        stakeholder: stakeholderRef(row.stakeholder_id, row, 'stakeholder'),
        role: row.role,
        status: invitationStatus(row, now),
        expiresAt: row.expires_at,
        tokenHash: row.token_hash,
      };
    },
  };
}
