// An amendment's lifecycle: pending until withdrawn by its sponsor or decided by the chair; a
// rejection or a merge the chair restores makes it pending again.
import { unreachable } from '../decider.js';
import type { AmendmentEvent } from './events.js';
import type { Proposal } from './proposal.js';

interface AmendmentInfo {
  amendmentId: string;
  documentId: string;
  paragraphId: string;
  proposal: Proposal;
  rationale: string;
  sponsorStakeholderId: string;
  chairsCompromise: boolean;
  /** In the order they joined. */
  cosponsorStakeholderIds: readonly string[];
  /** 1 as tabled, +1 per revision. */
  revision: number;
  tabledAt: string;
  /** The amendment this one amends (a sub-amendment), or null. */
  parentAmendmentId: string | null;
  /** Sub-amendments whose words the chair accepted into this one, in that order. */
  adoptedSubAmendmentIds: readonly string[];
}

export type AmendmentState =
  | { status: 'none' }
  | ({ status: 'pending' } & AmendmentInfo)
  | ({ status: 'withdrawn'; reason: string } & AmendmentInfo)
  | ({ status: 'accepted' } & AmendmentInfo)
  | ({ status: 'rejected'; reason: string } & AmendmentInfo)
  | ({ status: 'merged'; intoAmendmentId: string } & AmendmentInfo);

export type AmendmentStatus = AmendmentState['status'];

export const initialAmendmentState = (): AmendmentState => ({ status: 'none' });

export function evolveAmendment(state: AmendmentState, event: AmendmentEvent): AmendmentState {
  if (event.type === 'AmendmentTabled') {
    const { amendmentId, documentId, paragraphId, proposal, rationale } = event.data;
    const { sponsorStakeholderId, chairsCompromise, tabledAt } = event.data;
    return {
      status: 'pending',
      amendmentId,
      documentId,
      paragraphId,
      proposal,
      rationale,
      sponsorStakeholderId,
      chairsCompromise,
      cosponsorStakeholderIds: [],
      revision: 1,
      tabledAt,
      parentAmendmentId: event.data.parentAmendmentId ?? null,
      adoptedSubAmendmentIds: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'AmendmentCosponsored':
      return {
        ...state,
        cosponsorStakeholderIds: [...state.cosponsorStakeholderIds, event.data.stakeholderId],
      };
    case 'AmendmentRevised': {
      const { proposal, rationale, revision, subAmendmentId } = event.data;
      const adoptedSubAmendmentIds =
        subAmendmentId === undefined
          ? state.adoptedSubAmendmentIds
          : [...state.adoptedSubAmendmentIds, subAmendmentId];
      return { ...state, proposal, rationale, revision, adoptedSubAmendmentIds };
    }
    case 'AmendmentWithdrawn':
      return { ...state, status: 'withdrawn', reason: event.data.reason };
    case 'AmendmentAccepted':
      return { ...state, status: 'accepted' };
    case 'AmendmentRejected':
      return { ...state, status: 'rejected', reason: event.data.reason };
    case 'AmendmentMerged':
      return { ...state, status: 'merged', intoAmendmentId: event.data.intoAmendmentId };
    case 'AmendmentRestored':
      return { ...infoOf(state), status: 'pending' };
    default:
      return unreachable(event);
  }
}

/** The amendment's facts without what its last decision added (a reason, a merge target). */
function infoOf(state: Exclude<AmendmentState, { status: 'none' }>): AmendmentInfo {
  const { amendmentId, documentId, paragraphId, proposal, rationale } = state;
  const { sponsorStakeholderId, chairsCompromise, cosponsorStakeholderIds, revision } = state;
  const { tabledAt, parentAmendmentId, adoptedSubAmendmentIds } = state;
  return {
    amendmentId,
    documentId,
    paragraphId,
    proposal,
    rationale,
    sponsorStakeholderId,
    chairsCompromise,
    cosponsorStakeholderIds,
    revision,
    tabledAt,
    parentAmendmentId,
    adoptedSubAmendmentIds,
  };
}
