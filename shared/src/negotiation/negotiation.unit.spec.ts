import { describe, it } from 'vitest';
import { Conflict, Forbidden, Invalid, NotFound } from '../decider.js';
import type { DomainError } from '../decider.js';
import { DeciderSpecification } from '../test-support/decider-spec.js';
import { actor, at, metaFor, NOW, uuid } from '../test-support/fixtures.js';
import type { Role, StakeholderKind } from '../vocabulary.js';
import type { NegotiationCommand } from './commands.js';
import { negotiationDecider } from './decider.js';
import type { NegotiationEvent } from './events.js';

const spec = DeciderSpecification.for(negotiationDecider);
const withReason = (reason: string) => (e: DomainError) => e.reason === reason;

const negotiationId = uuid(1);
const SECRETARIAT = uuid(10);
const G77 = uuid(11);
const KENYA = uuid(12);
const NORWAY = uuid(13);
const MGCY = uuid(14);
const IOM = uuid(15);

const ANA = uuid(100); // secretariat officer who opened the negotiation
const WANJIRU = uuid(101); // delegate of Kenya
const INGRID = uuid(102); // delegate of Norway
const AMARA = uuid(103); // civil society
const NEWCOMER = uuid(104);

const ana = actor(ANA, SECRETARIAT, 'secretariat');
const wanjiru = actor(WANJIRU, KENYA, 'delegate');
const ingridAsChair = actor(INGRID, NORWAY, 'chair');

const TOKEN_HASH = 'a'.repeat(64);
const OTHER_HASH = 'b'.repeat(64);
const INVITATION = uuid(200);

const opened: NegotiationEvent[] = [
  {
    type: 'NegotiationOpened',
    data: {
      negotiationId,
      title: 'Intergovernmental negotiations on the global compact',
      description: '',
      openedBy: ANA,
      openedAt: NOW,
    },
  },
  registered(SECRETARIAT, 'secretariat', 'UNSEC'),
  admitted(ANA, SECRETARIAT, 'secretariat'),
];

function registered(
  stakeholderId: string,
  kind: StakeholderKind,
  shortCode: string,
  groupIds: string[] = [],
): NegotiationEvent {
  return {
    type: 'StakeholderRegistered',
    data: {
      negotiationId,
      stakeholderId,
      kind,
      name: shortCode,
      shortCode,
      groupIds,
      registeredAt: NOW,
    },
  };
}

function admitted(userId: string, stakeholderId: string, role: Role): NegotiationEvent {
  return {
    type: 'MemberAdmitted',
    data: { negotiationId, userId, stakeholderId, role, invitationId: null, admittedAt: NOW },
  };
}

function roleChanged(userId: string, from: Role, to: Role, by = ANA): NegotiationEvent {
  return {
    type: 'MemberRoleChanged',
    data: { negotiationId, userId, from, to, changedBy: by, changedAt: NOW },
  };
}

function revoked(userId: string): NegotiationEvent {
  return {
    type: 'MemberRevoked',
    data: { negotiationId, userId, reason: '', revokedBy: ANA, revokedAt: NOW },
  };
}

const withStakeholders: NegotiationEvent[] = [
  ...opened,
  registered(G77, 'group', 'G77'),
  registered(KENYA, 'delegation', 'KEN', [G77]),
  registered(NORWAY, 'delegation', 'NOR'),
  registered(MGCY, 'civil-society', 'MGCY'),
  registered(IOM, 'observer', 'IOM'),
];

const withMembers: NegotiationEvent[] = [
  ...withStakeholders,
  admitted(WANJIRU, KENYA, 'delegate'),
  admitted(INGRID, NORWAY, 'delegate'),
  admitted(AMARA, MGCY, 'civil-society'),
];

const invited: NegotiationEvent = {
  type: 'MemberInvited',
  data: {
    negotiationId,
    invitationId: INVITATION,
    email: 'delegate@kenya.example',
    stakeholderId: KENYA,
    role: 'delegate',
    tokenHash: TOKEN_HASH,
    expiresAt: at('18:00'),
    invitedBy: ANA,
    invitedAt: NOW,
  },
};

describe('negotiation decider', () => {
  describe('OpenNegotiation', () => {
    const open: NegotiationCommand = {
      type: 'OpenNegotiation',
      data: {
        negotiationId,
        title: 'Intergovernmental negotiations on the global compact',
        description: '',
        secretariat: { stakeholderId: SECRETARIAT, name: 'UNSEC', shortCode: 'UNSEC' },
      },
      meta: { commandId: uuid(900), actor: { userId: ANA }, now: NOW },
    };

    it('opens the negotiation and admits the opener to its secretariat', () => {
      spec.given([]).when(open).then(opened);
    });

    it('refuses to open twice', () => {
      spec.given(opened).when(open).thenThrows(Conflict, withReason('already-open'));
    });
  });

  describe('RegisterStakeholder', () => {
    const register = (
      data: Extract<NegotiationCommand, { type: 'RegisterStakeholder' }>['data'],
      by = ana,
    ): NegotiationCommand => ({ type: 'RegisterStakeholder', data, meta: metaFor(by) });
    const kenya = register({
      negotiationId,
      stakeholderId: KENYA,
      kind: 'delegation',
      name: 'KEN',
      shortCode: 'KEN',
      groupIds: [G77],
    });

    it('registers a delegation with the groups it belongs to', () => {
      spec
        .given([...opened, registered(G77, 'group', 'G77')])
        .when(kenya)
        .then([registered(KENYA, 'delegation', 'KEN', [G77])]);
    });

    it('refuses a delegation whose group is not registered yet', () => {
      spec.given(opened).when(kenya).thenThrows(Invalid, withReason('unknown-group'));
    });

    it('refuses a group id that is not a group', () => {
      spec
        .given([...opened, registered(G77, 'delegation', 'G77')])
        .when(kenya)
        .thenThrows(Invalid, withReason('unknown-group'));
    });

    it('refuses a stakeholder registered twice, or a short code already taken', () => {
      spec
        .given(withStakeholders)
        .when(kenya)
        .thenThrows(Conflict, withReason('stakeholder-exists'));
      spec
        .given(withStakeholders)
        .when(
          register({
            negotiationId,
            stakeholderId: uuid(16),
            kind: 'observer',
            name: 'Kenya again',
            shortCode: 'KEN',
          }),
        )
        .thenThrows(Conflict, withReason('short-code-taken'));
    });

    it('is for the chair and the secretariat only', () => {
      spec
        .given(withMembers)
        .when(
          register(
            { negotiationId, stakeholderId: uuid(16), kind: 'group', name: 'AG', shortCode: 'AG' },
            wanjiru,
          ),
        )
        .thenThrows(Forbidden);
    });

    it('refuses an actor who is not the member the server says they are', () => {
      spec
        .given(opened)
        .when(register(kenya.data as never, actor(ANA, SECRETARIAT, 'chair')))
        .thenThrows(Forbidden, withReason('not-a-member'));
    });

    it('refuses a negotiation that was never opened', () => {
      spec.given([]).when(kenya).thenThrows(NotFound);
    });
  });

  describe('AppointChairs', () => {
    const appoint = (userIds: string[], by = ana): NegotiationCommand => ({
      type: 'AppointChairs',
      data: { negotiationId, userIds },
      meta: metaFor(by),
    });

    it('makes the appointed members chairs', () => {
      spec
        .given(withMembers)
        .when(appoint([INGRID, WANJIRU]))
        .then([
          {
            type: 'ChairsAppointed',
            data: { negotiationId, userIds: [INGRID, WANJIRU], appointedBy: ANA, appointedAt: NOW },
          },
          roleChanged(WANJIRU, 'delegate', 'chair'),
          roleChanged(INGRID, 'delegate', 'chair'),
        ]);
    });

    it('returns former chairs to the default role of their stakeholder', () => {
      spec
        .given([...withMembers, roleChanged(INGRID, 'delegate', 'chair')])
        .when(appoint([WANJIRU]))
        .then([
          {
            type: 'ChairsAppointed',
            data: { negotiationId, userIds: [WANJIRU], appointedBy: ANA, appointedAt: NOW },
          },
          roleChanged(WANJIRU, 'delegate', 'chair'),
          roleChanged(INGRID, 'chair', 'delegate'),
        ]);
    });

    it('changes nothing when the same chairs are appointed again', () => {
      spec
        .given([...withMembers, roleChanged(INGRID, 'delegate', 'chair')])
        .when(appoint([INGRID]))
        .thenNothingHappens();
    });

    it('refuses a chair from civil society, a non-member, or a delegate appointing', () => {
      spec
        .given(withMembers)
        .when(appoint([AMARA]))
        .thenThrows(Invalid, withReason('role-does-not-fit'));
      spec
        .given(withMembers)
        .when(appoint([NEWCOMER]))
        .thenThrows(NotFound);
      spec
        .given(withMembers)
        .when(appoint([INGRID], wanjiru))
        .thenThrows(Forbidden);
      spec
        .given(withMembers)
        .when(appoint([INGRID, INGRID]))
        .thenThrows(Invalid);
    });
  });

  describe('InviteMember and AcceptInvitation', () => {
    const invite = (
      overrides: Partial<Extract<NegotiationCommand, { type: 'InviteMember' }>['data']> = {},
      by = ana,
    ): NegotiationCommand => ({
      type: 'InviteMember',
      data: {
        negotiationId,
        invitationId: INVITATION,
        email: ' Delegate@Kenya.example',
        stakeholderId: KENYA,
        role: 'delegate',
        tokenHash: TOKEN_HASH,
        expiresAt: at('18:00'),
        ...overrides,
      },
      meta: metaFor(by),
    });
    const accept = (
      tokenHash = TOKEN_HASH,
      now = at('12:00'),
      userId = NEWCOMER,
    ): NegotiationCommand => ({
      type: 'AcceptInvitation',
      data: { negotiationId, invitationId: INVITATION, tokenHash, userId },
      meta: { commandId: uuid(901), actor: { userId: NEWCOMER }, now },
    });

    it('records the invitation with a normalised e-mail address', () => {
      spec.given(withMembers).when(invite()).then([invited]);
    });

    it('refuses a role that does not fit the stakeholder', () => {
      spec
        .given(withMembers)
        .when(invite({ stakeholderId: MGCY, role: 'delegate' }))
        .thenThrows(Invalid, withReason('role-does-not-fit'));
      spec
        .given(withMembers)
        .when(invite({ stakeholderId: IOM, role: 'chair' }))
        .thenThrows(Invalid, withReason('role-does-not-fit'));
    });

    it('refuses an unknown stakeholder, a past expiry, a duplicate id, a delegate inviting', () => {
      spec
        .given(withMembers)
        .when(invite({ stakeholderId: uuid(99) }))
        .thenThrows(NotFound);
      spec
        .given(withMembers)
        .when(invite({ expiresAt: at('09:00') }))
        .thenThrows(Invalid);
      spec
        .given([...withMembers, invited])
        .when(invite())
        .thenThrows(Conflict);
      spec.given(withMembers).when(invite({}, wanjiru)).thenThrows(Forbidden);
    });

    it('admits the invitee for the invited stakeholder and role', () => {
      spec
        .given([...withMembers, invited])
        .when(accept())
        .then([
          {
            type: 'InvitationAccepted',
            data: {
              negotiationId,
              invitationId: INVITATION,
              userId: NEWCOMER,
              acceptedAt: at('12:00'),
            },
          },
          {
            type: 'MemberAdmitted',
            data: {
              negotiationId,
              userId: NEWCOMER,
              stakeholderId: KENYA,
              role: 'delegate',
              invitationId: INVITATION,
              admittedAt: at('12:00'),
            },
          },
        ]);
    });

    it('refuses a wrong token, a used or expired invitation, an unknown one', () => {
      const given = [...withMembers, invited];
      const accepted: NegotiationEvent[] = [
        {
          type: 'InvitationAccepted',
          data: { negotiationId, invitationId: INVITATION, userId: NEWCOMER, acceptedAt: NOW },
        },
        admitted(NEWCOMER, KENYA, 'delegate'),
      ];
      spec
        .given(given)
        .when(accept(OTHER_HASH))
        .thenThrows(Forbidden, withReason('invitation-token-mismatch'));
      spec
        .given(given)
        .when(accept(TOKEN_HASH, at('18:00')))
        .thenThrows(Conflict, withReason('invitation-expired'));
      spec
        .given([...given, ...accepted])
        .when(accept())
        .thenThrows(Conflict, withReason('invitation-used'));
      spec.given(withMembers).when(accept()).thenThrows(NotFound);
    });

    it('refuses accepting on behalf of someone else, or by a user already a member', () => {
      spec
        .given([...withMembers, invited])
        .when(accept(TOKEN_HASH, at('12:00'), WANJIRU))
        .thenThrows(Forbidden);
      spec
        .given([...withMembers, invited, admitted(NEWCOMER, NORWAY, 'delegate')])
        .when(accept())
        .thenThrows(Conflict, withReason('already-member'));
    });
  });

  describe('AdmitMember, ChangeMemberRole, RevokeMember', () => {
    const admit = (
      userId: string,
      stakeholderId: string,
      role: Role,
      by = ana,
    ): NegotiationCommand => ({
      type: 'AdmitMember',
      data: { negotiationId, userId, stakeholderId, role },
      meta: metaFor(by),
    });
    const changeRole = (userId: string, role: Role, by = ana): NegotiationCommand => ({
      type: 'ChangeMemberRole',
      data: { negotiationId, userId, role },
      meta: metaFor(by),
    });
    const revoke = (userId: string, by = ana): NegotiationCommand => ({
      type: 'RevokeMember',
      data: { negotiationId, userId, reason: 'Left the delegation' },
      meta: metaFor(by),
    });

    it('admits a member directly', () => {
      spec
        .given(withStakeholders)
        .when(admit(NEWCOMER, IOM, 'observer'))
        .then([admitted(NEWCOMER, IOM, 'observer')]);
    });

    it('lets a user act for one stakeholder only', () => {
      spec
        .given(withMembers)
        .when(admit(WANJIRU, NORWAY, 'delegate'))
        .thenThrows(Conflict);
    });

    it('refuses roles that do not fit the stakeholder kind', () => {
      spec
        .given(withMembers)
        .when(admit(NEWCOMER, G77, 'observer'))
        .thenThrows(Invalid);
      spec
        .given(withMembers)
        .when(admit(NEWCOMER, SECRETARIAT, 'delegate'))
        .thenThrows(Invalid);
      spec.given(withMembers).when(changeRole(AMARA, 'chair')).thenThrows(Invalid);
    });

    it('accepts a delegate of a group', () => {
      spec
        .given(withMembers)
        .when(admit(NEWCOMER, G77, 'delegate'))
        .then([admitted(NEWCOMER, G77, 'delegate')]);
    });

    it('changes a role, and does nothing when it is already that role', () => {
      spec
        .given(withMembers)
        .when(changeRole(INGRID, 'chair'))
        .then([roleChanged(INGRID, 'delegate', 'chair')]);
      spec.given(withMembers).when(changeRole(INGRID, 'delegate')).thenNothingHappens();
    });

    it('lets a chair manage members but not a delegate', () => {
      const chaired = [...withMembers, roleChanged(INGRID, 'delegate', 'chair')];
      spec
        .given(chaired)
        .when(admit(NEWCOMER, MGCY, 'civil-society', ingridAsChair))
        .then([admitted(NEWCOMER, MGCY, 'civil-society')]);
      spec
        .given(chaired)
        .when(admit(NEWCOMER, MGCY, 'civil-society', wanjiru))
        .thenThrows(Forbidden);
    });

    it('revokes a member', () => {
      spec
        .given(withMembers)
        .when(revoke(WANJIRU))
        .then([
          {
            type: 'MemberRevoked',
            data: {
              negotiationId,
              userId: WANJIRU,
              reason: 'Left the delegation',
              revokedBy: ANA,
              revokedAt: NOW,
            },
          },
        ]);
    });

    it('refuses revoking a non-member and anyone acting once revoked', () => {
      spec.given(withMembers).when(revoke(NEWCOMER)).thenThrows(NotFound);
      spec
        .given([...withMembers, roleChanged(INGRID, 'delegate', 'chair'), revoked(INGRID)])
        .when(admit(NEWCOMER, IOM, 'observer', ingridAsChair))
        .thenThrows(Forbidden, withReason('not-a-member'));
    });

    it('keeps at least one member who can manage members', () => {
      spec.given(withMembers).when(revoke(ANA)).thenThrows(Conflict, withReason('last-manager'));
      spec
        .given(withMembers)
        .when(changeRole(ANA, 'chair'))
        .then([roleChanged(ANA, 'secretariat', 'chair')]);
    });
  });
});
