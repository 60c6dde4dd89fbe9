/**
 * A negotiation's schedule as the edges use it: the chair schedules sessions and opens, closes
 * and releases segments (one command each on `schedule-<negotiationId>`), and every member reads
 * the schedule with their own horizon. The command service waits for the read models and the
 * access refresh, so when `openSegment` answers, excluded roles' live connections are closed.
 *
 *   await schedule.openSegment({ negotiationId, segmentId, sessionId, title, access }, meta);
 *   schedule.view(negotiationId, 'observer');   // { sessions, openSegment, horizon }
 */
import {
  segmentAdmits,
  type CommandMeta,
  type Role,
  type ScheduleView,
  type SegmentAccess,
  type SegmentView,
} from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import type { ReadModelQueries, ScheduledSegment } from '../../readmodels/queries.js';
import { segmentGate } from './segment-gate.js';

type Done = Promise<{ position: bigint | undefined }>;

export interface ScheduleService {
  view(negotiationId: string, role: Role): ScheduleView;
  scheduleSession(
    input: {
      negotiationId: string;
      sessionId: string;
      title: string;
      startsOn: string;
      endsOn: string;
      timeZone: string;
    },
    meta: CommandMeta,
  ): Done;
  openSegment(
    input: {
      negotiationId: string;
      segmentId: string;
      sessionId: string;
      title: string;
      access: SegmentAccess;
    },
    meta: CommandMeta,
  ): Done;
  closeSegment(negotiationId: string, segmentId: string, meta: CommandMeta): Done;
  releaseSegment(negotiationId: string, segmentId: string, meta: CommandMeta): Done;
}

export function createScheduleService(deps: {
  commands: CommandService;
  queries: Pick<ReadModelQueries, 'listSessions' | 'listSegments'>;
}): ScheduleService {
  const run = async (command: Parameters<CommandService['execute']>[0]) => ({
    position: (await deps.commands.execute(command)).position,
  });
  return {
    view(negotiationId, role) {
      const segments = deps.queries.listSegments(negotiationId);
      const toView = (s: ScheduledSegment): SegmentView => ({
        segmentId: s.segmentId,
        sessionId: s.sessionId,
        title: s.title,
        access: s.access,
        openedAt: s.openedAt,
        closedAt: s.closedAt,
        releasedAt: s.releasedAt,
        admitsViewer: segmentAdmits(s.access, role),
      });
      const gate = segmentGate(segments, role);
      const open = segments.find((s) => !s.closed);
      return {
        negotiationId,
        sessions: deps.queries.listSessions(negotiationId).map((session) => ({
          ...session,
          segments: segments.filter((s) => s.sessionId === session.sessionId).map(toView),
        })),
        openSegment: open ? toView(open) : null,
        horizon: gate
          ? {
              position: gate.horizon.toString(),
              segmentId: gate.blocking.segmentId,
              segmentTitle: gate.blocking.title,
              since: gate.blocking.openedAt,
              segmentOpen: !gate.blocking.closed,
            }
          : null,
      };
    },
    scheduleSession: (data, meta) => run({ type: 'ScheduleSession', data, meta }),
    openSegment: (data, meta) => run({ type: 'OpenSegment', data, meta }),
    closeSegment: (negotiationId, segmentId, meta) =>
      run({ type: 'CloseSegment', data: { negotiationId, segmentId }, meta }),
    releaseSegment: (negotiationId, segmentId, meta) =>
      run({ type: 'ReleaseSegment', data: { negotiationId, segmentId }, meta }),
  };
}
