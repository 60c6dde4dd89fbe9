// Decides a pledge's commands. Who may pledge for whom: a delegate for their own state, civil
// society for their own organisation (or the business network it is), an observer for its
// international organisation, and the secretariat on behalf of an outside actor (a city, a
// company) that it names. Only the pledger's own members (or, for an outside actor, the
// secretariat) revise it, report on it or withdraw it; a withdrawn pledge takes nothing more.
import {
  Conflict,
  Forbidden,
  IllegalTransition,
  Invalid,
  NotFound,
  type Decider,
} from '../decider.js';
import { assertCan } from '../permissions.js';
import type { Actor } from '../messages.js';
import type { Role } from '../vocabulary.js';
import type {
  PledgeCommand,
  RegisterPledge,
  ReportPledgeProgress,
  RevisePledge,
  WithdrawPledge,
} from './commands.js';
import type { PledgeEvent, PledgerKind } from './events.js';
import { PLEDGE_REPORTS_MAX } from './limits.js';
import { evolvePledge, initialPledgeState, type PledgeState } from './state.js';

/** The kinds of actor each role may pledge as, for its own stakeholder. */
const ownKinds: Readonly<Record<Role, readonly PledgerKind[]>> = {
  chair: [],
  delegate: ['state'],
  'civil-society': ['civil-society', 'business'],
  observer: ['international-organisation'],
  secretariat: [],
};

/** The secretariat registers outside actors that take part in no negotiation. */
const onBehalfKinds: readonly PledgerKind[] = [
  'local-authority',
  'business',
  'civil-society',
  'international-organisation',
];

const partyOf = (actor: Actor) => ({ userId: actor.userId, stakeholderId: actor.stakeholderId });

function register(command: RegisterPledge, state: PledgeState): PledgeEvent[] {
  const { data, meta } = command;
  assertCan(meta.actor.role, 'pledge.register');
  if (state.status !== 'none') {
    throw new Conflict('This pledge is already registered', { reason: 'pledge-exists' });
  }
  if (!data.documentAdopted) {
    throw new Conflict('Pledges are made towards an adopted text', {
      reason: 'document-not-adopted',
    });
  }
  const { pledger } = data;
  if (pledger.stakeholderId === null) {
    if (meta.actor.role !== 'secretariat' || !onBehalfKinds.includes(pledger.kind)) {
      throw new Forbidden('Only the secretariat registers a pledge for an outside actor', {
        reason: 'pledge-not-yours',
      });
    }
  } else if (
    pledger.stakeholderId !== meta.actor.stakeholderId ||
    !ownKinds[meta.actor.role].includes(pledger.kind)
  ) {
    throw new Forbidden('You pledge for your own delegation or organisation only', {
      reason: 'pledge-not-yours',
    });
  }
  const { documentAdopted: _adopted, ...registered } = data;
  return [
    {
      type: 'PledgeRegistered',
      data: { ...registered, registeredBy: partyOf(meta.actor), registeredAt: meta.now },
    },
  ];
}

/** The pledge as one its actor may change: registered, not withdrawn, and theirs. */
function ownActive(actor: Actor, state: PledgeState, attempted: string) {
  if (state.status === 'none') throw new NotFound('No such pledge');
  if (state.status === 'withdrawn') {
    throw new IllegalTransition('the pledge was withdrawn', attempted, {
      reason: 'pledge-withdrawn',
    });
  }
  const mine =
    state.pledgerStakeholderId === null
      ? actor.role === 'secretariat'
      : state.pledgerStakeholderId === actor.stakeholderId;
  if (!mine) {
    throw new Forbidden("Only the pledger's own members change or report on a pledge", {
      reason: 'pledge-not-yours',
    });
  }
  return state;
}

function revise(command: RevisePledge, state: PledgeState): PledgeEvent[] {
  const { data, meta } = command;
  assertCan(meta.actor.role, 'pledge.report');
  ownActive(meta.actor, state, 'revise');
  return [
    {
      type: 'PledgeRevised',
      data: { ...data, revisedBy: partyOf(meta.actor), revisedAt: meta.now },
    },
  ];
}

function report(command: ReportPledgeProgress, state: PledgeState): PledgeEvent[] {
  const { data, meta } = command;
  assertCan(meta.actor.role, 'pledge.report');
  const active = ownActive(meta.actor, state, 'report');
  if (active.reportIds.has(data.reportId)) {
    throw new Conflict('This report is already recorded', { reason: 'report-exists' });
  }
  if (active.reportIds.size >= PLEDGE_REPORTS_MAX) {
    throw new Conflict(`A pledge holds at most ${PLEDGE_REPORTS_MAX} reports`, {
      reason: 'too-many-reports',
    });
  }
  const unknown = data.report.figures.find((f) => !active.indicatorRefs.has(f.ref));
  if (unknown) {
    throw new Invalid(`The pledge has no indicator "${unknown.ref}"`, {
      reason: 'unknown-indicator',
    });
  }
  return [
    {
      type: 'PledgeProgressReported',
      data: {
        pledgeId: data.pledgeId,
        reportId: data.reportId,
        ...data.report,
        reportedBy: partyOf(meta.actor),
        reportedAt: meta.now,
      },
    },
  ];
}

function withdraw(command: WithdrawPledge, state: PledgeState): PledgeEvent[] {
  const { data, meta } = command;
  assertCan(meta.actor.role, 'pledge.report');
  ownActive(meta.actor, state, 'withdraw');
  return [
    {
      type: 'PledgeWithdrawn',
      data: { ...data, withdrawnBy: partyOf(meta.actor), withdrawnAt: meta.now },
    },
  ];
}

export function decidePledge(command: PledgeCommand, state: PledgeState): PledgeEvent[] {
  switch (command.type) {
    case 'RegisterPledge':
      return register(command, state);
    case 'RevisePledge':
      return revise(command, state);
    case 'ReportPledgeProgress':
      return report(command, state);
    case 'WithdrawPledge':
      return withdraw(command, state);
  }
}

export const pledgeDecider: Decider<PledgeCommand, PledgeEvent, PledgeState> = {
  decide: decidePledge,
  evolve: evolvePledge,
  initialState: initialPledgeState,
};
