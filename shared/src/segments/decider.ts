// Decides commands on a negotiation's schedule. Only the chair schedules sessions and opens,
// closes and releases segments; one segment runs at a time, and it belongs to a scheduled session.
import {
  Conflict,
  IllegalTransition,
  Invalid,
  NotFound,
  unreachable,
  type Decider,
} from '../decider.js';
import { assertCan } from '../permissions.js';
import type {
  CloseSegment,
  OpenSegment,
  ReleaseSegment,
  ScheduleSession,
  SegmentsCommand,
} from './commands.js';
import type { SegmentsEvent } from './events.js';
import {
  evolveSchedule,
  initialScheduleState,
  openSegment,
  type ScheduleState,
  type SegmentRecord,
} from './state.js';

export function decideSchedule(command: SegmentsCommand, state: ScheduleState): SegmentsEvent[] {
  if (state.negotiationId !== null && state.negotiationId !== command.data.negotiationId) {
    throw new Invalid('The command names another negotiation', { reason: 'wrong-aggregate' });
  }
  switch (command.type) {
    case 'ScheduleSession':
      return scheduleSession(command, state);
    case 'OpenSegment':
      return openNewSegment(command, state);
    case 'CloseSegment':
      return closeSegment(command, state);
    case 'ReleaseSegment':
      return releaseSegment(command, state);
    default:
      return unreachable(command);
  }
}

export const scheduleDecider: Decider<SegmentsCommand, SegmentsEvent, ScheduleState> = {
  decide: decideSchedule,
  evolve: evolveSchedule,
  initialState: initialScheduleState,
};

function scheduleSession(command: ScheduleSession, state: ScheduleState): SegmentsEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'session.schedule');
  const { negotiationId, sessionId, title, startsOn, endsOn, timeZone } = command.data;
  // ISO dates compare as strings.
  if (endsOn < startsOn) {
    throw new Invalid('A session ends on or after the day it starts', {
      reason: 'session-ends-before-start',
    });
  }
  if (state.sessions.some((s) => s.sessionId === sessionId)) {
    throw new Conflict('This session is already scheduled', { reason: 'session-exists' });
  }
  return [
    {
      type: 'SessionScheduled',
      data: {
        negotiationId,
        sessionId,
        title,
        startsOn,
        endsOn,
        timeZone,
        scheduledBy: actor.userId,
        scheduledAt: now,
      },
    },
  ];
}

function openNewSegment(command: OpenSegment, state: ScheduleState): SegmentsEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'segment.open');
  const { negotiationId, segmentId, sessionId, title, access } = command.data;
  if (!state.sessions.some((s) => s.sessionId === sessionId)) {
    throw new NotFound('No such session', { reason: 'unknown-session' });
  }
  if (state.segments.some((s) => s.segmentId === segmentId)) {
    throw new Conflict('This segment was already opened', { reason: 'segment-exists' });
  }
  if (openSegment(state)) {
    throw new Conflict('Another segment is under way; close it first', {
      reason: 'segment-under-way',
    });
  }
  return [
    {
      type: 'SegmentOpened',
      data: {
        negotiationId,
        segmentId,
        sessionId,
        title,
        access,
        openedBy: actor.userId,
        openedAt: now,
      },
    },
  ];
}

function closeSegment(command: CloseSegment, state: ScheduleState): SegmentsEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'segment.close');
  const { negotiationId, segmentId } = command.data;
  const segment = requireSegment(state, segmentId);
  if (segment.closedAt !== null) return [];
  return [
    {
      type: 'SegmentClosed',
      data: { negotiationId, segmentId, closedBy: actor.userId, closedAt: now },
    },
  ];
}

/** Material is released once the segment is over: a running segment's text is still moving. */
function releaseSegment(command: ReleaseSegment, state: ScheduleState): SegmentsEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'segment.release');
  const { negotiationId, segmentId } = command.data;
  const segment = requireSegment(state, segmentId);
  if (segment.closedAt === null) {
    throw new IllegalTransition('the segment is under way', 'release', {
      reason: 'segment-under-way',
    });
  }
  if (segment.releasedAt !== null) return [];
  return [
    {
      type: 'SegmentReleased',
      data: { negotiationId, segmentId, releasedBy: actor.userId, releasedAt: now },
    },
  ];
}

function requireSegment(state: ScheduleState, segmentId: string): SegmentRecord {
  const segment = state.segments.find((s) => s.segmentId === segmentId);
  if (!segment) throw new NotFound('No such segment', { reason: 'unknown-segment' });
  return segment;
}
