// What the consultation decider needs from its stream: the consultation as opened, whether it
// was closed early, and who has already answered (by respondent key) so each answers once.
import type { ConsultationEvent, ConsultationOpenedData } from './events.js';

export type ConsultationState =
  | { status: 'none' }
  | {
      status: 'opened';
      opened: ConsultationOpenedData;
      closedAt: string | null;
      respondentKeys: ReadonlySet<string>;
      responseIds: ReadonlySet<string>;
    };

export const initialConsultationState = (): ConsultationState => ({ status: 'none' });

export function evolveConsultation(
  state: ConsultationState,
  event: ConsultationEvent,
): ConsultationState {
  switch (event.type) {
    case 'ConsultationOpened':
      return {
        status: 'opened',
        opened: event.data,
        closedAt: null,
        respondentKeys: new Set(),
        responseIds: new Set(),
      };
    case 'ConsultationAnswered':
      if (state.status === 'none') return state;
      return {
        ...state,
        respondentKeys: new Set([...state.respondentKeys, event.data.respondentKey]),
        responseIds: new Set([...state.responseIds, event.data.responseId]),
      };
    case 'ConsultationClosed':
      return state.status === 'none' ? state : { ...state, closedAt: event.data.closedAt };
  }
}
