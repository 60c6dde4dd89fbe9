// A negotiation's sessions and segments: every member reads the schedule (with their horizon when
// a segment excludes their role); the chair schedules sessions and opens, closes and releases
// segments.
//
//   GET  /api/negotiations/:negotiationId/schedule
//   POST /api/negotiations/:negotiationId/segments { sessionId, title, access: 'governments' }
import { segmentContracts } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import { createScheduleService } from '../application/segments/schedule-service.js';
import type { ApiRouter } from '../http/api-router.js';
import type { ApiDeps } from './api-deps.js';
import { authorize, memberMeta, negotiationScope, newId } from './request-context.js';
import { created, done } from './responses.js';

export function segmentRoutes(
  api: ApiRouter<SignedInUser>,
  deps: Pick<ApiDeps, 'commands' | 'queries'>,
): void {
  const schedule = createScheduleService(deps);

  api.implement(segmentContracts.getSchedule, {
    summary: 'Sessions and their segments with access levels, and where your reading stops',
    tags: ['segments'],
    handler: ({ params, session }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      return Promise.resolve({ body: schedule.view(params.negotiationId, scope.actor.role) });
    },
  });

  api.implement(segmentContracts.scheduleSession, {
    summary: 'Schedule a session over whole days in a time zone (chair)',
    tags: ['segments'],
    handler: async ({ params, body, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'session.schedule');
      const sessionId = newId(req, 'session');
      const result = await schedule.scheduleSession(
        { negotiationId: params.negotiationId, sessionId, ...body },
        memberMeta(req, scope.actor),
      );
      return created({ sessionId }, result.position);
    },
  });

  api.implement(segmentContracts.openSegment, {
    summary: 'Open a segment of a session with its access level; one at a time (chair)',
    tags: ['segments'],
    handler: async ({ params, body, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'segment.open');
      const segmentId = newId(req, 'segment');
      const result = await schedule.openSegment(
        { negotiationId: params.negotiationId, segmentId, ...body },
        memberMeta(req, scope.actor),
      );
      return created({ segmentId }, result.position);
    },
  });

  api.implement(segmentContracts.closeSegment, {
    summary: 'Close the segment under way (chair)',
    tags: ['segments'],
    handler: async ({ params, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'segment.close');
      const { negotiationId, segmentId } = params;
      const meta = memberMeta(req, scope.actor);
      return done((await schedule.closeSegment(negotiationId, segmentId, meta)).position);
    },
  });

  api.implement(segmentContracts.releaseSegment, {
    summary: "Release a closed segment's material to the roles it excluded (chair)",
    tags: ['segments'],
    handler: async ({ params, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'segment.release');
      const { negotiationId, segmentId } = params;
      const meta = memberMeta(req, scope.actor);
      return done((await schedule.releaseSegment(negotiationId, segmentId, meta)).position);
    },
  });
}
