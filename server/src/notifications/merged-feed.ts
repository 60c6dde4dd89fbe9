// One change feed made of several, so socket.io hears the projector's changes and new inbox
// entries through the single `changes` option it takes.
import type { ReadModelChange } from '../readmodels/projection.js';

type Listener = (changes: ReadModelChange[]) => void;

export interface ChangeFeedLike {
  on(event: 'changes', listener: Listener): unknown;
  off(event: 'changes', listener: Listener): unknown;
}

export function mergeChangeFeeds(...feeds: ChangeFeedLike[]): ChangeFeedLike {
  return {
    on(event, listener) {
      for (const feed of feeds) feed.on(event, listener);
      return this;
    },
    off(event, listener) {
      for (const feed of feeds) feed.off(event, listener);
      return this;
    },
  };
}
