// Decides commands on an amendment. Sponsors revise and withdraw while it is pending; only the
// chair decides it; once decided or withdrawn it never changes again.
import {
  Conflict,
  Forbidden,
  IllegalTransition,
  Invalid,
  NotFound,
  unreachable,
  type Decider,
} from '../decider.js';
import type { Actor } from '../messages.js';
import { assertCan } from '../permissions.js';
import type {
  AcceptAmendment,
  AmendmentCommand,
  CosponsorAmendment,
  MergeAmendment,
  RejectAmendment,
  ReviseAmendment,
  TableAmendment,
  WithdrawAmendment,
} from './commands.js';
import type { AmendmentEvent } from './events.js';
import { sameProposal } from './proposal.js';
import { evolveAmendment, initialAmendmentState, type AmendmentState } from './state.js';

type Pending = Extract<AmendmentState, { status: 'pending' }>;

export function decideAmendment(
  command: AmendmentCommand,
  state: AmendmentState,
): AmendmentEvent[] {
  switch (command.type) {
    case 'TableAmendment':
      return table(command, state);
    case 'CosponsorAmendment':
      return cosponsor(command, state);
    case 'ReviseAmendment':
      return revise(command, state);
    case 'WithdrawAmendment':
      return withdraw(command, state);
    case 'AcceptAmendment':
      return accept(command, state);
    case 'RejectAmendment':
      return reject(command, state);
    case 'MergeAmendment':
      return merge(command, state);
    default:
      return unreachable(command);
  }
}

export const amendmentDecider: Decider<AmendmentCommand, AmendmentEvent, AmendmentState> = {
  decide: decideAmendment,
  evolve: evolveAmendment,
  initialState: initialAmendmentState,
};

function table(command: TableAmendment, state: AmendmentState): AmendmentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'amendment.table');
  if (state.status !== 'none') {
    throw new Conflict('This amendment has already been tabled', { reason: 'amendment-exists' });
  }
  const { amendmentId, documentId, paragraphId, proposal, rationale } = command.data;
  return [
    {
      type: 'AmendmentTabled',
      data: {
        amendmentId,
        documentId,
        paragraphId,
        proposal,
        rationale,
        sponsorStakeholderId: actor.stakeholderId,
        chairsCompromise: actor.role === 'chair',
        tabledBy: actor.userId,
        tabledAt: now,
      },
    },
  ];
}

function cosponsor(command: CosponsorAmendment, state: AmendmentState): AmendmentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'amendment.cosponsor');
  const amendment = requirePending(state, command.data.amendmentId, 'co-sponsor');
  if (amendment.sponsorStakeholderId === actor.stakeholderId) {
    throw new Conflict('The sponsor cannot also co-sponsor', { reason: 'already-sponsor' });
  }
  if (amendment.cosponsorStakeholderIds.includes(actor.stakeholderId)) {
    throw new Conflict('Already a co-sponsor', { reason: 'already-cosponsor' });
  }
  return [
    {
      type: 'AmendmentCosponsored',
      data: {
        amendmentId: amendment.amendmentId,
        stakeholderId: actor.stakeholderId,
        cosponsoredBy: actor.userId,
        cosponsoredAt: now,
      },
    },
  ];
}

function revise(command: ReviseAmendment, state: AmendmentState): AmendmentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'amendment.revise');
  const amendment = requirePending(state, command.data.amendmentId, 'revise');
  assertSponsor(amendment, actor, 'revise');
  const { proposal, rationale = amendment.rationale } = command.data;
  if (sameProposal(proposal, amendment.proposal) && rationale === amendment.rationale) return [];
  return [
    {
      type: 'AmendmentRevised',
      data: {
        amendmentId: amendment.amendmentId,
        revision: amendment.revision + 1,
        proposal,
        rationale,
        revisedBy: actor.userId,
        revisedAt: now,
      },
    },
  ];
}

function withdraw(command: WithdrawAmendment, state: AmendmentState): AmendmentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'amendment.withdraw');
  const amendment = requirePending(state, command.data.amendmentId, 'withdraw');
  assertSponsor(amendment, actor, 'withdraw');
  return [
    {
      type: 'AmendmentWithdrawn',
      data: {
        amendmentId: amendment.amendmentId,
        reason: command.data.reason ?? '',
        withdrawnBy: actor.userId,
        withdrawnAt: now,
      },
    },
  ];
}

function accept(command: AcceptAmendment, state: AmendmentState): AmendmentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'amendment.decide');
  const amendment = requirePending(state, command.data.amendmentId, 'accept');
  return [
    {
      type: 'AmendmentAccepted',
      data: { amendmentId: amendment.amendmentId, decidedBy: actor.userId, decidedAt: now },
    },
  ];
}

function reject(command: RejectAmendment, state: AmendmentState): AmendmentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'amendment.decide');
  const amendment = requirePending(state, command.data.amendmentId, 'reject');
  return [
    {
      type: 'AmendmentRejected',
      data: {
        amendmentId: amendment.amendmentId,
        reason: command.data.reason,
        decidedBy: actor.userId,
        decidedAt: now,
      },
    },
  ];
}

/** The server checks that `intoAmendmentId` is a pending chair's compromise on the same document. */
function merge(command: MergeAmendment, state: AmendmentState): AmendmentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'amendment.decide');
  const amendment = requirePending(state, command.data.amendmentId, 'merge');
  const { intoAmendmentId } = command.data;
  if (intoAmendmentId === amendment.amendmentId) {
    throw new Invalid('An amendment cannot be merged into itself', { reason: 'merge-into-self' });
  }
  return [
    {
      type: 'AmendmentMerged',
      data: {
        amendmentId: amendment.amendmentId,
        intoAmendmentId,
        decidedBy: actor.userId,
        decidedAt: now,
      },
    },
  ];
}

function requirePending(state: AmendmentState, amendmentId: string, attempted: string): Pending {
  if (state.status === 'none')
    throw new NotFound('No such amendment', { reason: 'unknown-amendment' });
  if (state.amendmentId !== amendmentId) {
    throw new Invalid('The command names another amendment', { reason: 'wrong-aggregate' });
  }
  if (state.status !== 'pending') {
    throw new IllegalTransition(`the amendment is ${state.status}`, attempted, {
      reason: `amendment-${state.status}`,
    });
  }
  return state;
}

/** Any member acting for the sponsoring stakeholder may act as sponsor, not only the one who tabled. */
function assertSponsor(amendment: Pending, actor: Actor, attempted: string): void {
  if (amendment.sponsorStakeholderId !== actor.stakeholderId) {
    throw new Forbidden(`Only the sponsor may ${attempted} this amendment`, {
      reason: 'not-the-sponsor',
    });
  }
}
