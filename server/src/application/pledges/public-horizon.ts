/**
 * Where a visitor without an account stops reading a negotiation: just before the first
 * unreleased segment that is not public opened. Members of some roles read further, but a public
 * page never shows what was said or done in a segment the public could not follow.
 */
import type { SegmentMark } from '@accord/shared';

/** Undefined when every segment is public or released: the visitor reads everything. */
export function publicHorizon(segments: readonly SegmentMark[]): bigint | undefined {
  let horizon: bigint | undefined;
  for (const segment of segments) {
    if (segment.released || segment.access === 'public') continue;
    const before = segment.openedPosition - 1n;
    if (horizon === undefined || before < horizon) horizon = before;
  }
  return horizon;
}
