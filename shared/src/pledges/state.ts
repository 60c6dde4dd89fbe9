// The state the pledge decider needs: whether the pledge exists or was withdrawn, who may speak
// for it, the keys of its indicators (report figures must name one) and the reports it holds.
import type { PledgeEvent } from './events.js';

export type PledgeState =
  | { status: 'none' }
  | {
      status: 'active' | 'withdrawn';
      /** The pledging stakeholder; null when the secretariat registered an outside actor. */
      pledgerStakeholderId: string | null;
      indicatorRefs: ReadonlySet<string>;
      reportIds: ReadonlySet<string>;
    };

export const initialPledgeState = (): PledgeState => ({ status: 'none' });

const refsOf = (indicators: readonly { ref: string }[]) => new Set(indicators.map((i) => i.ref));

export function evolvePledge(state: PledgeState, event: PledgeEvent): PledgeState {
  switch (event.type) {
    case 'PledgeRegistered':
      return {
        status: 'active',
        pledgerStakeholderId: event.data.pledger.stakeholderId,
        indicatorRefs: refsOf(event.data.content.indicators),
        reportIds: new Set(),
      };
    case 'PledgeRevised':
      return state.status === 'none'
        ? state
        : { ...state, indicatorRefs: refsOf(event.data.content.indicators) };
    case 'PledgeProgressReported':
      return state.status === 'none'
        ? state
        : { ...state, reportIds: new Set([...state.reportIds, event.data.reportId]) };
    case 'PledgeWithdrawn':
      return state.status === 'none' ? state : { ...state, status: 'withdrawn' };
  }
}
