// Which paragraph the chair is in, read from the awareness states of the live text: the
// projector follows it. A state is the chair's when the identity the server wrote into it says
// so (a client cannot claim it: the relay overwrites `user`).
import { sanitizeAwarenessState, type AwarenessUser } from '@accord/shared';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { PARAGRAPH } from '../draft/anchors.js';

/** Whether an awareness identity is a chair's, as the server wrote it. */
export const isChairIdentity = (user: AwarenessUser): boolean => user.role === 'chair';

/** The id of the paragraph holding a relative position, or null when it does not resolve. */
export function paragraphAt(doc: Y.Doc, position: unknown): string | null {
  let absolute: Y.AbsolutePosition | null;
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromJSON(position),
      doc,
    );
  } catch {
    // A position naming items this copy has not received yet: nothing to follow.
    return null;
  }
  let node: Y.AbstractType<unknown> | null = absolute?.type ?? null;
  while (node !== null) {
    if (node instanceof Y.XmlElement && node.nodeName === PARAGRAPH) {
      const id: unknown = node.getAttribute('id');
      return typeof id === 'string' ? id : null;
    }
    node = node.parent as Y.AbstractType<unknown> | null;
  }
  return null;
}

/**
 * The paragraph under the chair's caret; with two chairs in the text (co-facilitators), the
 * one who moved last. Null when no chair has a caret in the text.
 */
export function chairParagraph(
  doc: Y.Doc,
  awareness: Awareness,
  isChair: (user: AwarenessUser) => boolean,
): string | null {
  let best: { paragraphId: string; updated: number } | null = null;
  for (const [clientId, raw] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const { state } = sanitizeAwarenessState(raw);
    if (!state?.cursor || !isChair(state.user)) continue;
    const paragraphId = paragraphAt(doc, state.cursor.head);
    if (paragraphId === null) continue;
    const updated = awareness.meta.get(clientId)?.lastUpdated ?? 0;
    if (best === null || updated >= best.updated) best = { paragraphId, updated };
  }
  return best?.paragraphId ?? null;
}
