// A negotiation's schedule: its sessions and their segments, oldest first. At most one segment
// is open at a time; closed segments stay in the record, released or not.
import { unreachable } from '../decider.js';
import type { SegmentAccess, SegmentsEvent } from './events.js';

export interface SessionRecord {
  sessionId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
}

export interface SegmentRecord {
  segmentId: string;
  sessionId: string;
  title: string;
  access: SegmentAccess;
  openedAt: string;
  closedAt: string | null;
  releasedAt: string | null;
}

export interface ScheduleState {
  negotiationId: string | null;
  sessions: SessionRecord[];
  segments: SegmentRecord[];
}

export const initialScheduleState = (): ScheduleState => ({
  negotiationId: null,
  sessions: [],
  segments: [],
});

/** The segment under way, if any. */
export const openSegment = (state: ScheduleState): SegmentRecord | undefined =>
  state.segments.find((s) => s.closedAt === null);

export function evolveSchedule(state: ScheduleState, event: SegmentsEvent): ScheduleState {
  const negotiationId = state.negotiationId ?? event.data.negotiationId;
  switch (event.type) {
    case 'SessionScheduled': {
      const { sessionId, title, startsOn, endsOn, timeZone } = event.data;
      const session: SessionRecord = { sessionId, title, startsOn, endsOn, timeZone };
      return { ...state, negotiationId, sessions: [...state.sessions, session] };
    }
    case 'SegmentOpened': {
      const { segmentId, sessionId, title, access, openedAt } = event.data;
      const segment: SegmentRecord = {
        segmentId,
        sessionId,
        title,
        access,
        openedAt,
        closedAt: null,
        releasedAt: null,
      };
      return { ...state, negotiationId, segments: [...state.segments, segment] };
    }
    case 'SegmentClosed':
      return updateSegment(state, event.data.segmentId, { closedAt: event.data.closedAt });
    case 'SegmentReleased':
      return updateSegment(state, event.data.segmentId, { releasedAt: event.data.releasedAt });
    default:
      return unreachable(event);
  }
}

function updateSegment(
  state: ScheduleState,
  segmentId: string,
  change: Partial<SegmentRecord>,
): ScheduleState {
  return {
    ...state,
    segments: state.segments.map((s) => (s.segmentId === segmentId ? { ...s, ...change } : s)),
  };
}
