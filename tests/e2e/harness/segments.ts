// The demo runs a government-only segment, behind which civil society and observers read the
// record as it stood when it opened. Tests that need every role to read the live record have the
// chair close and release it first.
import { z } from 'zod';
import type { ApiSession } from './accord.js';

const scheduleSchema = z.looseObject({
  openSegment: z.looseObject({ segmentId: z.string() }).nullable(),
});

/** Closes and releases the segment under way, if any (`chair` must be signed in as a chair). */
export async function releaseOpenSegment(chair: ApiSession, negotiationId: string): Promise<void> {
  const schedule = await chair.get(`/api/negotiations/${negotiationId}/schedule`, scheduleSchema);
  if (!schedule.openSegment) return;
  const segment = `/api/negotiations/${negotiationId}/segments/${schedule.openSegment.segmentId}`;
  await chair.send('POST', `${segment}/close`, {});
  await chair.send('POST', `${segment}/release`, {});
}
