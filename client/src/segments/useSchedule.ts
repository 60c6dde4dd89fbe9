// The negotiation's schedule, kept live: reloaded on every `segment` notice, which is also the one
// notice a role behind a horizon still receives.
import { useLiveResource } from '../realtime/useLiveResource.js';
import { SEGMENT_NOTICE_KIND, segmentsApi } from './segmentsApi.js';

export function useSchedule(negotiationId: string) {
  return useLiveResource(
    `schedule:${negotiationId}`,
    () => segmentsApi.schedule(negotiationId),
    (n) => n.negotiationId === negotiationId && n.kind === SEGMENT_NOTICE_KIND,
  );
}
