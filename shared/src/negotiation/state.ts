// The state of one negotiation as folded from its stream: stakeholders, members, invitations.
// Plain records (not Maps) so the server can snapshot it as JSON.
import { unreachable } from '../decider.js';
import type { Role, StakeholderKind } from '../vocabulary.js';
import type { NegotiationEvent } from './events.js';

export interface Stakeholder {
  stakeholderId: string;
  kind: StakeholderKind;
  name: string;
  shortCode: string;
  /** The negotiating groups a delegation belongs to; empty for every other kind. */
  groupIds: readonly string[];
}

export interface Member {
  userId: string;
  stakeholderId: string;
  role: Role;
}

export interface Invitation {
  invitationId: string;
  email: string;
  stakeholderId: string;
  role: Role;
  tokenHash: string;
  expiresAt: string;
  status: 'pending' | 'accepted';
}

export type NegotiationState =
  | { status: 'not-opened' }
  | {
      status: 'open';
      negotiationId: string;
      title: string;
      description: string;
      stakeholders: Readonly<Record<string, Stakeholder>>;
      /** Current members by user id; a revoked member is no longer here. */
      members: Readonly<Record<string, Member>>;
      invitations: Readonly<Record<string, Invitation>>;
    };

export type OpenNegotiationState = Extract<NegotiationState, { status: 'open' }>;

export const initialNegotiationState = (): NegotiationState => ({ status: 'not-opened' });

export function evolveNegotiation(
  state: NegotiationState,
  event: NegotiationEvent,
): NegotiationState {
  if (event.type === 'NegotiationOpened') {
    const { negotiationId, title, description } = event.data;
    return {
      status: 'open',
      negotiationId,
      title,
      description,
      stakeholders: {},
      members: {},
      invitations: {},
    };
  }
  // Every other event belongs to an opened negotiation; a stream that says otherwise is ignored
  // rather than crashing readers.
  if (state.status !== 'open') return state;
  switch (event.type) {
    case 'StakeholderRegistered': {
      const { stakeholderId, kind, name, shortCode, groupIds } = event.data;
      const stakeholder = { stakeholderId, kind, name, shortCode, groupIds };
      return { ...state, stakeholders: { ...state.stakeholders, [stakeholderId]: stakeholder } };
    }
    case 'ChairsAppointed':
      // The roles change through the MemberRoleChanged events that accompany it.
      return state;
    case 'MemberInvited': {
      const { invitationId, email, stakeholderId, role, tokenHash, expiresAt } = event.data;
      const invitation: Invitation = {
        invitationId,
        email,
        stakeholderId,
        role,
        tokenHash,
        expiresAt,
        status: 'pending',
      };
      return { ...state, invitations: { ...state.invitations, [invitationId]: invitation } };
    }
    case 'InvitationAccepted': {
      const invitation = state.invitations[event.data.invitationId];
      if (!invitation) return state;
      const accepted = { ...invitation, status: 'accepted' as const };
      return {
        ...state,
        invitations: { ...state.invitations, [invitation.invitationId]: accepted },
      };
    }
    case 'MemberAdmitted': {
      const { userId, stakeholderId, role } = event.data;
      return { ...state, members: { ...state.members, [userId]: { userId, stakeholderId, role } } };
    }
    case 'MemberRoleChanged': {
      const member = state.members[event.data.userId];
      if (!member) return state;
      const changed = { ...member, role: event.data.to };
      return { ...state, members: { ...state.members, [member.userId]: changed } };
    }
    case 'MemberRevoked': {
      const { [event.data.userId]: _revoked, ...members } = state.members;
      return { ...state, members };
    }
    default:
      return unreachable(event);
  }
}
