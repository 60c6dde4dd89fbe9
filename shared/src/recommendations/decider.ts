// Decides commands on a recommendation. Civil society and observers submit for their own
// organisation; other such organisations endorse (once) and may take it back; only the author's
// organisation withdraws it. Taking it up is recorded from the amendment a delegation tabled with
// the recommendation's id: once per amendment, and even after a withdrawal, since the amendment
// exists and says where its words came from.
import { Conflict, Forbidden, NotFound, unreachable, type Decider } from '../decider.js';
import { assertCan } from '../permissions.js';
import type {
  EndorseRecommendation,
  RecommendationCommand,
  RecordRecommendationTakenUp,
  SubmitRecommendation,
  WithdrawEndorsement,
  WithdrawRecommendation,
} from './commands.js';
import type { RecommendationEvent } from './events.js';
import {
  evolveRecommendation,
  initialRecommendationState,
  type RecommendationState,
} from './state.js';

type Existing = Exclude<RecommendationState, { status: 'none' }>;

const existing = (state: RecommendationState): Existing => {
  if (state.status === 'none') throw new NotFound('No such recommendation');
  return state;
};

const open = (state: RecommendationState): Existing => {
  const found = existing(state);
  if (found.status === 'withdrawn') {
    throw new Conflict('The recommendation was withdrawn', { reason: 'recommendation-withdrawn' });
  }
  return found;
};

/** Themes are tags: trimmed, and one of each whatever its case. */
const distinctThemes = (themes: readonly string[]): string[] => {
  const seen = new Set<string>();
  return themes.filter((theme) => {
    const key = theme.toLocaleLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

function submit(command: SubmitRecommendation, state: RecommendationState): RecommendationEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'recommendation.submit');
  if (state.status !== 'none') {
    throw new Conflict('This recommendation was already submitted', {
      reason: 'recommendation-exists',
    });
  }
  const { recommendationId, negotiationId, recommendation: r } = command.data;
  return [
    {
      type: 'RecommendationSubmitted',
      data: {
        recommendationId,
        negotiationId,
        documentId: r.documentId,
        paragraphIds: [...new Set(r.paragraphIds)],
        themes: distinctThemes(r.themes),
        title: r.title,
        change: r.change,
        proposedText: r.proposedText,
        rationale: r.rationale,
        stakeholderId: actor.stakeholderId,
        submittedBy: actor.userId,
        submittedAt: now,
      },
    },
  ];
}

function endorse(
  command: EndorseRecommendation,
  state: RecommendationState,
): RecommendationEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'recommendation.endorse');
  const found = open(state);
  if (found.stakeholderId === actor.stakeholderId) {
    throw new Conflict('An organisation does not endorse its own recommendation', {
      reason: 'own-recommendation',
    });
  }
  if (found.endorserIds.has(actor.stakeholderId)) return [];
  return [
    {
      type: 'RecommendationEndorsed',
      data: {
        recommendationId: found.recommendationId,
        stakeholderId: actor.stakeholderId,
        endorsedBy: actor.userId,
        endorsedAt: now,
      },
    },
  ];
}

function unendorse(
  command: WithdrawEndorsement,
  state: RecommendationState,
): RecommendationEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'recommendation.endorse');
  const found = existing(state);
  if (!found.endorserIds.has(actor.stakeholderId)) return [];
  return [
    {
      type: 'RecommendationEndorsementWithdrawn',
      data: {
        recommendationId: found.recommendationId,
        stakeholderId: actor.stakeholderId,
        withdrawnBy: actor.userId,
        withdrawnAt: now,
      },
    },
  ];
}

function withdraw(
  command: WithdrawRecommendation,
  state: RecommendationState,
): RecommendationEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'recommendation.withdraw');
  const found = existing(state);
  if (found.stakeholderId !== actor.stakeholderId) {
    throw new Forbidden('Only its own organisation withdraws a recommendation', {
      reason: 'not-author',
    });
  }
  if (found.status === 'withdrawn') return [];
  return [
    {
      type: 'RecommendationWithdrawn',
      data: {
        recommendationId: found.recommendationId,
        reason: command.data.reason,
        withdrawnBy: actor.userId,
        withdrawnAt: now,
      },
    },
  ];
}

function takenUp(
  command: RecordRecommendationTakenUp,
  state: RecommendationState,
): RecommendationEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'recommendation.takeUp');
  const found = existing(state);
  if (found.takenUpBy.has(command.data.amendmentId)) return [];
  // One take-up per delegation: its first amendment is the one that counts. The service refuses
  // a second take-up up front, from the read model; two tabled at the same moment both pass that
  // check, and are told apart here, on the recommendation's own stream.
  if ([...found.takenUpBy.values()].includes(actor.stakeholderId)) return [];
  return [
    {
      type: 'RecommendationTakenUp',
      data: {
        recommendationId: found.recommendationId,
        delegationId: actor.stakeholderId,
        amendmentId: command.data.amendmentId,
        documentId: command.data.documentId,
        takenUpBy: actor.userId,
        takenUpAt: now,
      },
    },
  ];
}

export function decideRecommendation(
  command: RecommendationCommand,
  state: RecommendationState,
): RecommendationEvent[] {
  switch (command.type) {
    case 'SubmitRecommendation':
      return submit(command, state);
    case 'EndorseRecommendation':
      return endorse(command, state);
    case 'WithdrawEndorsement':
      return unendorse(command, state);
    case 'WithdrawRecommendation':
      return withdraw(command, state);
    case 'RecordRecommendationTakenUp':
      return takenUp(command, state);
    default:
      return unreachable(command);
  }
}

export const recommendationDecider: Decider<
  RecommendationCommand,
  RecommendationEvent,
  RecommendationState
> = {
  decide: decideRecommendation,
  evolve: evolveRecommendation,
  initialState: initialRecommendationState,
};
