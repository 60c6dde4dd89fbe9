// Checks every remote awareness state against the shared schema before anything draws it:
// a state without a valid identity is removed, a malformed caret is dropped, and each is
// counted as skipped. It must be the first 'change' listener of the awareness, so the caret
// plugin and the presence list only ever see what passed.
import { sanitizeAwarenessState } from '@accord/shared';
import type { Awareness } from 'y-protocols/awareness';
import type { SkippedItems } from '../skippedItems.js';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export function guardAwareness(awareness: Awareness, skipped: SkippedItems): () => void {
  const onChange = ({ added, updated, removed }: AwarenessChange) => {
    for (const clientId of [...added, ...updated]) {
      // Our own state is ours; the server sets what others see of it.
      if (clientId === awareness.clientID) continue;
      const { state, skipped: dropped } = sanitizeAwarenessState(awareness.states.get(clientId));
      // The states map is written directly: going through the API would announce a change
      // of ours and send it to the server.
      if (state === null) awareness.states.delete(clientId);
      else awareness.states.set(clientId, state);
      if (dropped > 0) skipped.add(`presence:${clientId}`);
      else skipped.delete(`presence:${clientId}`);
    }
    for (const clientId of removed) skipped.delete(`presence:${clientId}`);
  };
  awareness.on('change', onChange);
  return () => awareness.off('change', onChange);
}
