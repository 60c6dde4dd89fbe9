// A role's horizon in a negotiation: the last log position it may read while a segment that
// excludes it has not been released. Everything the role reads about the negotiation's documents
// is answered as of that position; null means it reads everything.
//
//   horizonFor([{ access: 'governments', openedPosition: 120n, released: false }], 'observer')
//   // → 119n: the log just before that segment opened
import type { Role } from '../vocabulary.js';
import { segmentAdmits } from './access.js';
import type { SegmentAccess } from './events.js';

/** A segment as the horizon needs it: the global log position of its `SegmentOpened`. */
export interface SegmentMark {
  segmentId: string;
  title: string;
  access: SegmentAccess;
  openedPosition: bigint;
  openedAt: string;
  closed: boolean;
  released: boolean;
}

/**
 * The position just before the first unreleased segment that excludes `role` opened. Positions
 * are strictly increasing, so "at or before opened − 1" leaves out the opening and all after.
 * Releasing that segment moves the horizon on to the next unreleased one (or removes it).
 */
export function horizonFor(segments: readonly SegmentMark[], role: Role): bigint | null {
  const blocking = blockingSegment(segments, role);
  return blocking ? blocking.openedPosition - 1n : null;
}

/** The earliest unreleased segment that excludes `role`, which sets its horizon. */
export function blockingSegment(
  segments: readonly SegmentMark[],
  role: Role,
): SegmentMark | undefined {
  let first: SegmentMark | undefined;
  for (const segment of segments) {
    if (segment.released || segmentAdmits(segment.access, role)) continue;
    if (!first || segment.openedPosition < first.openedPosition) first = segment;
  }
  return first;
}

/** The open segment that excludes `role`: while it runs, the role may not act. */
export const excludingOpenSegment = (
  segments: readonly SegmentMark[],
  role: Role,
): SegmentMark | undefined => segments.find((s) => !s.closed && !segmentAdmits(s.access, role));
