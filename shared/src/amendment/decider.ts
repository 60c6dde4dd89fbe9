// Decides commands on an amendment. Sponsors revise and withdraw while it is pending; only the
// chair decides it, and may restore a rejection or a merge (never an acceptance, whose words are
// in the text). A chair acts as the chair: their amendments are the chair's compromises, and
// they neither co-sponsor nor act as sponsor of their delegation's amendments.
//
// Sub-amendments: rules that need other amendments (the parent pending, one level deep, no
// parent decided before its subs) are the server's, with `sub-amendments.ts`; this decider keeps
// what one stream can know, and records the parent's side (`AdoptSubAmendment`,
// `WithdrawWithParent`).
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
  AdoptSubAmendment,
  AmendmentCommand,
  CosponsorAmendment,
  MergeAmendment,
  RejectAmendment,
  RestoreAmendment,
  ReviseAmendment,
  TableAmendment,
  WithdrawAmendment,
  WithdrawWithParent,
} from './commands.js';
import type { AmendmentEvent } from './events.js';
import { proposesWords, sameProposal } from './proposal.js';
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
    case 'RestoreAmendment':
      return restore(command, state);
    case 'AdoptSubAmendment':
      return adoptSubAmendment(command, state);
    case 'WithdrawWithParent':
      return withdrawWithParent(command, state);
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
  const { parentAmendmentId, recommendationId } = command.data;
  if (parentAmendmentId === amendmentId) {
    throw new Invalid('An amendment cannot amend itself', { reason: 'sub-amendment-of-itself' });
  }
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
        ...(parentAmendmentId !== undefined ? { parentAmendmentId } : {}),
        ...(recommendationId !== undefined ? { recommendationId } : {}),
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
  const { parentAmendmentId } = amendment;
  return [
    {
      type: 'AmendmentAccepted',
      data: {
        amendmentId: amendment.amendmentId,
        decidedBy: actor.userId,
        decidedAt: now,
        ...(parentAmendmentId !== null ? { parentAmendmentId } : {}),
      },
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

function restore(command: RestoreAmendment, state: AmendmentState): AmendmentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'amendment.restore');
  const amendment = requireAmendment(state, command.data.amendmentId);
  if (amendment.status === 'accepted') {
    throw new Conflict('An accepted amendment cannot be restored: its words are in the text', {
      reason: 'amendment-accepted',
    });
  }
  if (amendment.status !== 'rejected' && amendment.status !== 'merged') {
    throw new IllegalTransition(`the amendment is ${amendment.status}`, 'restore', {
      reason: `amendment-${amendment.status}`,
    });
  }
  return [
    {
      type: 'AmendmentRestored',
      data: {
        amendmentId: amendment.amendmentId,
        from: amendment.status,
        reason: command.data.reason,
        restoredBy: actor.userId,
        restoredAt: now,
      },
    },
  ];
}

/** Idempotent by the sub-amendment, so the server may repeat it after a crash. */
function adoptSubAmendment(command: AdoptSubAmendment, state: AmendmentState): AmendmentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'amendment.decide');
  const { subAmendmentId, proposedText } = command.data;
  if (state.status !== 'none' && state.adoptedSubAmendmentIds.includes(subAmendmentId)) return [];
  const amendment = requirePending(state, command.data.amendmentId, 'adopt a sub-amendment into');
  if (subAmendmentId === amendment.amendmentId) {
    throw new Invalid('An amendment cannot amend itself', { reason: 'sub-amendment-of-itself' });
  }
  if (!proposesWords(amendment.proposal)) {
    throw new Conflict('This amendment proposes no words to change', {
      reason: 'parent-proposes-no-words',
    });
  }
  return [
    {
      type: 'AmendmentRevised',
      data: {
        amendmentId: amendment.amendmentId,
        revision: amendment.revision + 1,
        proposal: { ...amendment.proposal, proposedText },
        rationale: amendment.rationale,
        revisedBy: actor.userId,
        revisedAt: now,
        subAmendmentId,
      },
    },
  ];
}

/** A sub-amendment falls with its parent; one already decided or withdrawn stays as it is. */
function withdrawWithParent(command: WithdrawWithParent, state: AmendmentState): AmendmentEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'amendment.withdraw');
  const amendment = requireAmendment(state, command.data.amendmentId);
  const { parentAmendmentId } = command.data;
  if (amendment.parentAmendmentId !== parentAmendmentId) {
    throw new Invalid('This is not a sub-amendment of that amendment', {
      reason: 'not-a-sub-amendment',
    });
  }
  if (amendment.status !== 'pending') return [];
  return [
    {
      type: 'AmendmentWithdrawn',
      data: {
        amendmentId: amendment.amendmentId,
        reason: '',
        withdrawnBy: actor.userId,
        withdrawnAt: now,
        withParentAmendmentId: parentAmendmentId,
      },
    },
  ];
}

function requireAmendment(
  state: AmendmentState,
  amendmentId: string,
): Exclude<AmendmentState, { status: 'none' }> {
  if (state.status === 'none')
    throw new NotFound('No such amendment', { reason: 'unknown-amendment' });
  if (state.amendmentId !== amendmentId) {
    throw new Invalid('The command names another amendment', { reason: 'wrong-aggregate' });
  }
  return state;
}

function requirePending(state: AmendmentState, amendmentId: string, attempted: string): Pending {
  requireAmendment(state, amendmentId);
  if (state.status !== 'pending') {
    throw new IllegalTransition(`the amendment is ${state.status}`, attempted, {
      reason: `amendment-${state.status}`,
    });
  }
  return state;
}

/**
 * Any member acting for the sponsoring stakeholder may act as sponsor, not only the one who tabled.
 * A chair's compromise is the chair's: only a chair acts on it, and a chair acts on no other.
 */
function assertSponsor(amendment: Pending, actor: Actor, attempted: string): void {
  if (amendment.chairsCompromise !== (actor.role === 'chair')) {
    throw new Forbidden(
      amendment.chairsCompromise
        ? `Only the chair may ${attempted} the chair's compromise`
        : `The chair acts as the chair and may not ${attempted} a delegation's amendment`,
      { reason: 'not-the-sponsor' },
    );
  }
  if (!amendment.chairsCompromise && amendment.sponsorStakeholderId !== actor.stakeholderId) {
    throw new Forbidden(`Only the sponsor may ${attempted} this amendment`, {
      reason: 'not-the-sponsor',
    });
  }
}
