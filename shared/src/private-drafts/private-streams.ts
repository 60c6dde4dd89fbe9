// The one rule for what is private in the log: every event of a `privatedraft-` stream. Every
// path that shows events beyond their owner (the activity feed, live notices, time travel,
// exports, metrics, logs) asks this predicate instead of spelling the category itself.
import { parseStreamName, type StreamCategory } from '../ids.js';

/** Categories whose events only their owner's members may ever read. */
export const privateStreamCategories: readonly StreamCategory[] = Object.freeze(['privatedraft']);

export function isPrivateStream(streamName: string): boolean {
  const parsed = parseStreamName(streamName);
  return parsed !== null && privateStreamCategories.includes(parsed.category);
}

/** Whether a stream-name prefix filter would let a private stream through (a guard for filters). */
export const admitsPrivateStreams = (prefixes: readonly string[]): boolean =>
  prefixes.some((prefix) =>
    privateStreamCategories.some(
      (category) => `${category}-`.startsWith(prefix) || prefix.startsWith(`${category}-`),
    ),
  );
