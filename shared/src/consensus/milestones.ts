// The negotiation's notable moments — documents created, revisions issued, amendments accepted,
// paragraphs agreed ad ref, documents adopted — in log order, each with the time and the log
// position a time-travel view can jump to.
//
//   milestonesOf(state, negotiationId, { documentId })
import { toArray } from './appended-list.js';
import type { ConsensusState, Milestone, MilestoneKind } from './record.js';

export interface MilestoneFilter {
  documentId?: string;
  kinds?: readonly MilestoneKind[];
}

/** Oldest first; empty when the negotiation is unknown. */
export function milestonesOf(
  state: ConsensusState,
  negotiationId: string,
  filter: MilestoneFilter = {},
): Milestone[] {
  const negotiation = state.negotiations[negotiationId];
  if (!negotiation) return [];
  return toArray(negotiation.milestones).filter(
    (m) =>
      (filter.documentId === undefined || m.documentId === filter.documentId) &&
      (filter.kinds === undefined || filter.kinds.includes(m.kind)),
  );
}
