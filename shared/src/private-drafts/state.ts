// One private draft, as much as deciding needs: its owner, what it is for, its status and where
// it went once tabled. The words live in the stream and the owner's read model, not here.
import { unreachable } from '../decider.js';
import type { PrivateDraftEvent, PrivateDraftKind, TabledAs } from './events.js';

export type PrivateDraftState =
  | { status: 'none' }
  | {
      status: 'drafting' | 'tabled' | 'discarded';
      draftId: string;
      ownerStakeholderId: string;
      documentId: string;
      paragraphId: string;
      kind: PrivateDraftKind;
      /** Set once tabled. */
      tabledAs: TabledAs | null;
      commentIds: Readonly<Record<string, true>>;
    };

export const initialPrivateDraftState = (): PrivateDraftState => ({ status: 'none' });

export function evolvePrivateDraft(
  state: PrivateDraftState,
  event: PrivateDraftEvent,
): PrivateDraftState {
  if (event.type === 'PrivateDraftStarted') {
    const { draftId, ownerStakeholderId, documentId, paragraphId, kind } = event.data;
    return {
      status: 'drafting',
      draftId,
      ownerStakeholderId,
      documentId,
      paragraphId,
      kind,
      tabledAs: null,
      commentIds: {},
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PrivateDraftEdited':
      return state;
    case 'PrivateDraftCommented':
      return { ...state, commentIds: { ...state.commentIds, [event.data.commentId]: true } };
    case 'PrivateDraftTabled':
      return { ...state, status: 'tabled', tabledAs: event.data.tabledAs };
    case 'PrivateDraftDiscarded':
      return { ...state, status: 'discarded' };
    default:
      return unreachable(event);
  }
}
