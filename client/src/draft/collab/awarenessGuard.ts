// Checks every remote awareness state against the shared schema before anything draws it:
// a state without a valid identity is removed, a malformed caret is dropped, and each is
// counted as skipped. A caret of the right shape must also point into this document's text:
// one that Yjs cannot resolve (no position at all, or a "type" that is not a type) would throw
// inside the caret plugin and take the editor down, so it is dropped too, on arrival and again
// whenever the text changes (what it points at may have been deleted and collected since).
// It must be the first 'change' listener of the awareness, so the caret plugin and the
// presence list only ever see what passed.
import { sanitizeAwarenessState, type AwarenessCursor } from '@accord/shared';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { FRAGMENT } from '../anchors.js';
import type { SkippedItems } from '../skippedItems.js';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** Whether Yjs can turn both ends of the caret into positions without throwing. */
export function cursorResolves(doc: Y.Doc, cursor: AwarenessCursor): boolean {
  for (const end of [cursor.anchor, cursor.head]) {
    // Resolving a named root would create that root in our copy: only the text's own name.
    if (end.tname != null && end.tname !== FRAGMENT) return false;
    try {
      Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(end), doc);
    } catch {
      return false;
    }
  }
  return true;
}

export function guardAwareness(awareness: Awareness, skipped: SkippedItems): () => void {
  const check = (clientId: number) => {
    const { state, skipped: dropped } = sanitizeAwarenessState(awareness.states.get(clientId));
    let unusable = dropped;
    if (state?.cursor && !cursorResolves(awareness.doc, state.cursor)) {
      delete state.cursor;
      unusable += 1;
    }
    // The states map is written directly: going through the API would announce a change
    // of ours and send it to the server.
    if (state === null) awareness.states.delete(clientId);
    else awareness.states.set(clientId, state);
    if (unusable > 0) skipped.add(`presence:${clientId}`);
    else skipped.delete(`presence:${clientId}`);
  };
  const onChange = ({ added, updated, removed }: AwarenessChange) => {
    for (const clientId of [...added, ...updated]) {
      // Our own state is ours; the server sets what others see of it.
      if (clientId !== awareness.clientID) check(clientId);
    }
    for (const clientId of removed) skipped.delete(`presence:${clientId}`);
  };
  // Before the editor redraws for a change of the text, carets that no longer resolve go.
  const onText = () => {
    for (const [clientId, state] of awareness.states) {
      if (clientId === awareness.clientID) continue;
      const cursor = (state as { cursor?: AwarenessCursor | null }).cursor;
      if (cursor && !cursorResolves(awareness.doc, cursor)) check(clientId);
    }
  };
  awareness.on('change', onChange);
  awareness.doc.on('beforeObserverCalls', onText);
  return () => {
    awareness.off('change', onChange);
    awareness.doc.off('beforeObserverCalls', onText);
  };
}
