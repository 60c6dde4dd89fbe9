// Decides commands on a negotiation: who takes part (stakeholders), who acts for them (members,
// invitations) and who chairs. Role checks go through the permission matrix.
import { Conflict, Forbidden, Invalid, NotFound, unreachable, type Decider } from '../decider.js';
import { normaliseEmail } from '../email.js';
import type { Actor, EventOf } from '../messages.js';
import { assertCan, can, type Action } from '../permissions.js';
import { defaultRoleFor, roleFitsStakeholder } from '../roles.js';
import type { Role } from '../vocabulary.js';
import type {
  AcceptInvitation,
  AdmitMember,
  AppointChairs,
  ChangeMemberRole,
  InviteMember,
  NegotiationCommand,
  OpenNegotiation,
  RegisterStakeholder,
  RevokeMember,
} from './commands.js';
import type { NegotiationEvent } from './events.js';
import {
  evolveNegotiation,
  initialNegotiationState,
  type Member,
  type NegotiationState,
  type OpenNegotiationState,
  type Stakeholder,
} from './state.js';

export function decideNegotiation(
  command: NegotiationCommand,
  state: NegotiationState,
): NegotiationEvent[] {
  if (command.type === 'OpenNegotiation') return openNegotiation(command, state);
  const negotiation = requireOpen(state, command.data.negotiationId);
  switch (command.type) {
    case 'RegisterStakeholder':
      return registerStakeholder(command, negotiation);
    case 'AppointChairs':
      return appointChairs(command, negotiation);
    case 'InviteMember':
      return inviteMember(command, negotiation);
    case 'AcceptInvitation':
      return acceptInvitation(command, negotiation);
    case 'AdmitMember':
      return admitMember(command, negotiation);
    case 'ChangeMemberRole':
      return changeMemberRole(command, negotiation);
    case 'RevokeMember':
      return revokeMember(command, negotiation);
    default:
      return unreachable(command);
  }
}

export const negotiationDecider: Decider<NegotiationCommand, NegotiationEvent, NegotiationState> = {
  decide: decideNegotiation,
  evolve: evolveNegotiation,
  initialState: initialNegotiationState,
};

function openNegotiation(command: OpenNegotiation, state: NegotiationState): NegotiationEvent[] {
  if (state.status !== 'not-opened') {
    throw new Conflict('This negotiation is already open', { reason: 'already-open' });
  }
  const { negotiationId, title, description, secretariat } = command.data;
  const { actor, now } = command.meta;
  // The opener becomes the secretariat's first member, so someone can register the others.
  return [
    {
      type: 'NegotiationOpened',
      data: { negotiationId, title, description, openedBy: actor.userId, openedAt: now },
    },
    {
      type: 'StakeholderRegistered',
      data: {
        negotiationId,
        stakeholderId: secretariat.stakeholderId,
        kind: 'secretariat',
        name: secretariat.name,
        shortCode: secretariat.shortCode,
        groupIds: [],
        registeredAt: now,
      },
    },
    {
      type: 'MemberAdmitted',
      data: {
        negotiationId,
        userId: actor.userId,
        stakeholderId: secretariat.stakeholderId,
        role: 'secretariat',
        invitationId: null,
        admittedAt: now,
      },
    },
  ];
}

function registerStakeholder(
  command: RegisterStakeholder,
  negotiation: OpenNegotiationState,
): NegotiationEvent[] {
  assertMemberMay(negotiation, command.meta.actor, 'stakeholders.manage');
  const { negotiationId, stakeholderId, kind, name, shortCode } = command.data;
  if (negotiation.stakeholders[stakeholderId]) {
    throw new Conflict('This stakeholder is already registered', { reason: 'stakeholder-exists' });
  }
  const sameCode = Object.values(negotiation.stakeholders).find(
    (s) => s.shortCode.toUpperCase() === shortCode.toUpperCase(),
  );
  if (sameCode) {
    throw new Conflict(`The short code ${shortCode} is taken by ${sameCode.name}`, {
      reason: 'short-code-taken',
    });
  }
  const groupIds = command.data.kind === 'delegation' ? command.data.groupIds : [];
  if (new Set(groupIds).size !== groupIds.length) {
    throw new Invalid('A group is listed twice', { reason: 'duplicate-group' });
  }
  for (const groupId of groupIds) {
    if (negotiation.stakeholders[groupId]?.kind !== 'group') {
      throw new Invalid(`Register the group ${groupId} before its members`, {
        reason: 'unknown-group',
      });
    }
  }
  return [
    {
      type: 'StakeholderRegistered',
      data: {
        negotiationId,
        stakeholderId,
        kind,
        name,
        shortCode,
        groupIds,
        registeredAt: command.meta.now,
      },
    },
  ];
}

function appointChairs(
  command: AppointChairs,
  negotiation: OpenNegotiationState,
): NegotiationEvent[] {
  const { actor, now } = command.meta;
  assertMemberMay(negotiation, actor, 'chairs.appoint');
  const { negotiationId, userIds } = command.data;
  if (new Set(userIds).size !== userIds.length) {
    throw new Invalid('A chair is listed twice', { reason: 'duplicate-chair' });
  }
  for (const userId of userIds) {
    const { stakeholder } = requireMember(negotiation, userId);
    assertRoleFits('chair', stakeholder);
  }
  const changes: EventOf<NegotiationEvent, 'MemberRoleChanged'>[] = [];
  for (const member of Object.values(negotiation.members)) {
    const appointed = userIds.includes(member.userId);
    if (appointed && member.role !== 'chair') {
      changes.push(roleChanged(negotiationId, member, 'chair', actor, now));
    } else if (!appointed && member.role === 'chair') {
      const kind = requireStakeholder(negotiation, member.stakeholderId).kind;
      changes.push(roleChanged(negotiationId, member, defaultRoleFor[kind], actor, now));
    }
  }
  if (changes.length === 0) return [];
  assertManagersRemain(negotiation, changes);
  return [
    {
      type: 'ChairsAppointed',
      data: { negotiationId, userIds, appointedBy: actor.userId, appointedAt: now },
    },
    ...changes,
  ];
}

function inviteMember(
  command: InviteMember,
  negotiation: OpenNegotiationState,
): NegotiationEvent[] {
  const { actor, now } = command.meta;
  const { negotiationId, invitationId, email, stakeholderId, role, tokenHash, expiresAt } =
    command.data;
  assertMemberMay(negotiation, actor, 'invitations.manage');
  if (role === 'chair') assertCan(actor.role, 'chairs.appoint');
  if (negotiation.invitations[invitationId]) {
    throw new Conflict('This invitation already exists', { reason: 'invitation-exists' });
  }
  assertRoleFits(role, requireStakeholder(negotiation, stakeholderId));
  if (Date.parse(expiresAt) <= Date.parse(now)) {
    throw new Invalid('An invitation must expire in the future', { reason: 'expiry-in-past' });
  }
  return [
    {
      type: 'MemberInvited',
      data: {
        negotiationId,
        invitationId,
        email: normaliseEmail(email),
        stakeholderId,
        role,
        tokenHash,
        expiresAt,
        invitedBy: actor.userId,
        invitedAt: now,
      },
    },
  ];
}

function acceptInvitation(
  command: AcceptInvitation,
  negotiation: OpenNegotiationState,
): NegotiationEvent[] {
  const { actor, now } = command.meta;
  const { negotiationId, invitationId, tokenHash, userId } = command.data;
  if (userId !== actor.userId) {
    throw new Forbidden('Only the invitee can accept an invitation', { reason: 'not-the-invitee' });
  }
  const invitation = negotiation.invitations[invitationId];
  if (!invitation) throw new NotFound('No such invitation', { reason: 'unknown-invitation' });
  // The token is checked first, so someone without it learns nothing about the invitation.
  if (invitation.tokenHash !== tokenHash) {
    throw new Forbidden('This invitation link is not valid', {
      reason: 'invitation-token-mismatch',
    });
  }
  if (invitation.status === 'accepted') {
    throw new Conflict('This invitation has already been used', { reason: 'invitation-used' });
  }
  if (Date.parse(now) >= Date.parse(invitation.expiresAt)) {
    throw new Conflict('This invitation has expired', { reason: 'invitation-expired' });
  }
  assertNotMember(negotiation, userId);
  const { stakeholderId, role } = invitation;
  return [
    { type: 'InvitationAccepted', data: { negotiationId, invitationId, userId, acceptedAt: now } },
    {
      type: 'MemberAdmitted',
      data: { negotiationId, userId, stakeholderId, role, invitationId, admittedAt: now },
    },
  ];
}

function admitMember(command: AdmitMember, negotiation: OpenNegotiationState): NegotiationEvent[] {
  const { actor, now } = command.meta;
  const { negotiationId, userId, stakeholderId, role } = command.data;
  assertMemberMay(negotiation, actor, 'members.manage');
  if (role === 'chair') assertCan(actor.role, 'chairs.appoint');
  assertNotMember(negotiation, userId);
  assertRoleFits(role, requireStakeholder(negotiation, stakeholderId));
  return [
    {
      type: 'MemberAdmitted',
      data: { negotiationId, userId, stakeholderId, role, invitationId: null, admittedAt: now },
    },
  ];
}

function changeMemberRole(
  command: ChangeMemberRole,
  negotiation: OpenNegotiationState,
): NegotiationEvent[] {
  const { actor, now } = command.meta;
  const { negotiationId, userId, role } = command.data;
  assertMemberMay(negotiation, actor, 'members.manage');
  const { member, stakeholder } = requireMember(negotiation, userId);
  if (member.role === role) return [];
  if (role === 'chair' || member.role === 'chair') assertCan(actor.role, 'chairs.appoint');
  assertRoleFits(role, stakeholder);
  const change = roleChanged(negotiationId, member, role, actor, now);
  assertManagersRemain(negotiation, [change]);
  return [change];
}

function revokeMember(
  command: RevokeMember,
  negotiation: OpenNegotiationState,
): NegotiationEvent[] {
  const { actor, now } = command.meta;
  const { negotiationId, userId, reason = '' } = command.data;
  assertMemberMay(negotiation, actor, 'members.manage');
  const { member } = requireMember(negotiation, userId);
  if (member.role === 'chair') assertCan(actor.role, 'chairs.appoint');
  const managersLeft = Object.values(negotiation.members).filter(
    (m) => m.userId !== userId && can(m.role, 'members.manage'),
  );
  if (managersLeft.length === 0) {
    throw new Conflict('The last member who can manage members cannot be revoked', {
      reason: 'last-manager',
    });
  }
  return [
    {
      type: 'MemberRevoked',
      data: { negotiationId, userId, reason, revokedBy: actor.userId, revokedAt: now },
    },
  ];
}

function requireOpen(state: NegotiationState, negotiationId: string): OpenNegotiationState {
  if (state.status !== 'open') throw new NotFound('No such negotiation', { reason: 'not-opened' });
  if (state.negotiationId !== negotiationId) {
    throw new Invalid('The command names another negotiation', { reason: 'wrong-aggregate' });
  }
  return state;
}

/**
 * The server resolves the actor from this stream; checking again here means a stale or forged
 * actor (revoked, or a role changed a moment ago) is refused by the domain itself.
 */
function assertMemberMay(negotiation: OpenNegotiationState, actor: Actor, action: Action): void {
  const member = negotiation.members[actor.userId];
  if (!member || member.stakeholderId !== actor.stakeholderId || member.role !== actor.role) {
    throw new Forbidden('You are not a member of this negotiation in that role', {
      reason: 'not-a-member',
    });
  }
  assertCan(actor.role, action);
}

function requireStakeholder(negotiation: OpenNegotiationState, stakeholderId: string): Stakeholder {
  const stakeholder = negotiation.stakeholders[stakeholderId];
  if (!stakeholder) throw new NotFound('No such stakeholder', { reason: 'unknown-stakeholder' });
  return stakeholder;
}

function requireMember(
  negotiation: OpenNegotiationState,
  userId: string,
): { member: Member; stakeholder: Stakeholder } {
  const member = negotiation.members[userId];
  if (!member) throw new NotFound('This user is not a member', { reason: 'not-a-member' });
  return { member, stakeholder: requireStakeholder(negotiation, member.stakeholderId) };
}

/** A user acts for exactly one stakeholder per negotiation. */
function assertNotMember(negotiation: OpenNegotiationState, userId: string): void {
  if (negotiation.members[userId]) {
    throw new Conflict('This user is already a member of the negotiation', {
      reason: 'already-member',
    });
  }
}

function assertRoleFits(role: Role, stakeholder: Stakeholder): void {
  if (!roleFitsStakeholder(role, stakeholder.kind)) {
    throw new Invalid(`A member of a ${stakeholder.kind} cannot be ${role}`, {
      reason: 'role-does-not-fit',
    });
  }
}

/** Nobody could admit, re-role or revoke anyone again if the last manager lost the right. */
function assertManagersRemain(
  negotiation: OpenNegotiationState,
  changes: readonly EventOf<NegotiationEvent, 'MemberRoleChanged'>[],
): void {
  const roleAfter = (member: Member): Role =>
    changes.find((c) => c.data.userId === member.userId)?.data.to ?? member.role;
  const managers = Object.values(negotiation.members).filter((m) =>
    can(roleAfter(m), 'members.manage'),
  );
  if (managers.length === 0) {
    throw new Conflict('Someone must remain who can manage members', { reason: 'last-manager' });
  }
}

function roleChanged(
  negotiationId: string,
  member: Member,
  to: Role,
  actor: Actor,
  now: string,
): EventOf<NegotiationEvent, 'MemberRoleChanged'> {
  return {
    type: 'MemberRoleChanged',
    data: {
      negotiationId,
      userId: member.userId,
      from: member.role,
      to,
      changedBy: actor.userId,
      changedAt: now,
    },
  };
}
