// What the recommendation decider needs to know: whether it exists and is withdrawn, whose it
// is, who endorses it now, and which amendments already took it up (a repeat records nothing).
import type { RecommendationEvent } from './events.js';

export type RecommendationState =
  | { status: 'none' }
  | {
      status: 'submitted' | 'withdrawn';
      recommendationId: string;
      stakeholderId: string;
      endorserIds: ReadonlySet<string>;
      takenUpBy: ReadonlyMap<string, string>;
    };

export const initialRecommendationState = (): RecommendationState => ({ status: 'none' });

export function evolveRecommendation(
  state: RecommendationState,
  event: RecommendationEvent,
): RecommendationState {
  if (event.type === 'RecommendationSubmitted') {
    return {
      status: 'submitted',
      recommendationId: event.data.recommendationId,
      stakeholderId: event.data.stakeholderId,
      endorserIds: new Set(),
      takenUpBy: new Map(),
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'RecommendationEndorsed':
      return { ...state, endorserIds: new Set([...state.endorserIds, event.data.stakeholderId]) };
    case 'RecommendationEndorsementWithdrawn':
      return {
        ...state,
        endorserIds: new Set(
          [...state.endorserIds].filter((id) => id !== event.data.stakeholderId),
        ),
      };
    case 'RecommendationWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'RecommendationTakenUp':
      return {
        ...state,
        takenUpBy: new Map([...state.takenUpBy, [event.data.amendmentId, event.data.delegationId]]),
      };
  }
}
