/**
 * What a member's role may read and do in a negotiation while segments exclude it: the gate the
 * request context resolves once per request from the `schedule_segments` read model.
 *
 *   const gate = segmentGate(queries.listSegments(negotiationId), 'civil-society');
 *   gate?.clamp(parseAsOf('now')!)          // → { kind: 'position', position: <horizon> }
 *   gate?.assertMayAct()                    // 403 segment-closed while the segment runs
 *   gate?.refuseLiveRead()                  // 403 segment-closed for reads of current state
 */
import {
  blockingSegment,
  roles,
  excludingOpenSegment,
  formatAsOf,
  type AsOf,
  type Role,
  type SegmentMark,
} from '@accord/shared';
import { ForbiddenError } from '../errors.js';

export interface SegmentGate {
  /** The last log position the role may read. */
  horizon: bigint;
  /** The segment that sets the horizon (the earliest unreleased one excluding the role). */
  blocking: SegmentMark;
  /** The segment under way that excludes the role, if any: while it runs the role may not act. */
  running: SegmentMark | undefined;
  /** The point to read at: `asOf` if it is at or before the horizon, else the horizon. */
  clamp(asOf: AsOf | undefined, revisionIssuedAt?: (label: string) => string | undefined): AsOf;
  assertMayAct(): void;
  /** Reads answered from current read models would show what lies past the horizon. */
  refuseLiveRead(): never;
}

/** The problem a refusal carries: the segment, and where the role's reading stops. */
function segmentClosed(gate: Pick<SegmentGate, 'horizon'>, segment: SegmentMark, what: string) {
  return new ForbiddenError('segment-closed', 'A segment you may not follow is under way', {
    detail: `"${segment.title}" is not open to your role; ${what}. You read the text as it stood at position ${gate.horizon} until its material is released.`,
    extensions: {
      segmentId: segment.segmentId,
      segmentTitle: segment.title,
      since: segment.openedAt,
      horizon: gate.horizon.toString(),
      asOf: formatAsOf({ kind: 'position', position: gate.horizon }),
    },
  });
}

/** The roles an unreleased segment excludes: the socket.io gateway tells them nothing but segment news. */
export const excludedRoles = (segments: readonly SegmentMark[]): Role[] =>
  roles.filter((role) => blockingSegment(segments, role) !== undefined);

/** Null when the role reads everything (no unreleased segment excludes it). */
export function segmentGate(segments: readonly SegmentMark[], role: Role): SegmentGate | null {
  const blocking = blockingSegment(segments, role);
  if (!blocking) return null;
  const horizon = blocking.openedPosition - 1n;
  const running = excludingOpenSegment(segments, role);
  const atHorizon: AsOf = { kind: 'position', position: horizon };
  const since = Date.parse(blocking.openedAt);
  const gate: SegmentGate = {
    horizon,
    blocking,
    running,
    clamp(asOf, revisionIssuedAt) {
      if (asOf === undefined) return atHorizon;
      switch (asOf.kind) {
        case 'now':
          return atHorizon;
        case 'position':
          return asOf.position > horizon ? atHorizon : asOf;
        // Times and revisions are compared by the clock: anything stamped at or after the
        // segment opened lies past the horizon (the log was appended after the opening).
        case 'time':
          return asOf.ms >= since ? atHorizon : asOf;
        case 'revision': {
          const issuedAt = revisionIssuedAt?.(asOf.label);
          return issuedAt === undefined || Date.parse(issuedAt) >= since ? atHorizon : asOf;
        }
      }
    },
    assertMayAct() {
      if (running) throw segmentClosed(gate, running, 'you may not act while it runs');
    },
    refuseLiveRead() {
      throw segmentClosed(gate, blocking, 'read the document as of your horizon instead');
    },
  };
  return gate;
}
