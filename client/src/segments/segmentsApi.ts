// The REST calls of a negotiation's schedule (sessions and segments), typed by the contracts in
// @accord/shared; a live `segment` change notice tells every view of the schedule to reload.
import { segmentContracts as segments, type SegmentAccess } from '@accord/shared';
import { call } from '../api/call.js';

export const segmentsApi = {
  schedule: (negotiationId: string) => call(segments.getSchedule, { params: { negotiationId } }),
  scheduleSession: (
    negotiationId: string,
    body: { title: string; startsOn: string; endsOn: string; timeZone: string },
  ) => call(segments.scheduleSession, { params: { negotiationId }, body }),
  openSegment: (
    negotiationId: string,
    body: { sessionId: string; title: string; access: SegmentAccess },
  ) => call(segments.openSegment, { params: { negotiationId }, body }),
  closeSegment: (negotiationId: string, segmentId: string) =>
    call(segments.closeSegment, { params: { negotiationId, segmentId } }),
  releaseSegment: (negotiationId: string, segmentId: string) =>
    call(segments.releaseSegment, { params: { negotiationId, segmentId } }),
};

/** The kind of live change notice the server sends when the schedule changed. */
export const SEGMENT_NOTICE_KIND = 'segment';
