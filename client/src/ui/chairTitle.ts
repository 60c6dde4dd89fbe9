// How a chair is shown: as the Chair (or, when the negotiation has several, a Co-facilitator),
// never as their delegation, because a chair acts for the meeting, not for a government.
import type { MessageKey } from '../i18n/messages.en.js';

/** The message key naming a chair, or null for anyone else. */
export function chairTitleKey(
  isChair: boolean,
  chairCount: number,
): Extract<MessageKey, 'chairTitle.chair' | 'chairTitle.coFacilitator'> | null {
  if (!isChair) return null;
  return chairCount > 1 ? 'chairTitle.coFacilitator' : 'chairTitle.chair';
}
