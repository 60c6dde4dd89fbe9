/**
 * The demo's schedule: the second reading as a session, whose plenary segment (open to civil
 * society and observers) is over and released, and whose informal consultations among
 * governments are under way when people sign in. Civil society and observers therefore read the
 * draft as it stood when the informals began; delegations follow it live.
 *
 * Runs after the document's own steps, so that little of the demo lies past that horizon.
 */
import { createScheduleService } from '../application/segments/schedule-service.js';
import type { SeedContext } from './seed-context.js';
import { presidingChairOf } from './seed-drafting.js';
import type { Step } from './seed-schedule.js';

/** Whole days in the chair's time zone, around the seed's "today". */
const dateAround = (today: Date, days: number) =>
  new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);

export function segmentSteps(ctx: SeedContext, today: Date): Step[] {
  const { negotiationId } = ctx;
  const chair = presidingChairOf(ctx);
  const schedule = () =>
    createScheduleService({
      commands: ctx.core.commands,
      queries: ctx.core.readModels.queries,
    });
  const sessionId = ctx.idOf('session/second-reading');
  const plenaryId = ctx.idOf('segment/plenary');
  const informalsId = ctx.idOf('segment/informals');
  const asChair = (
    action: 'session.schedule' | 'segment.open' | 'segment.close' | 'segment.release',
  ) => ctx.actorOf(chair.key, action);
  const step = (label: string, run: (now: string) => Promise<unknown>): Step => ({
    label,
    phase: 'decisions',
    async run(now) {
      await run(now);
    },
  });

  return [
    step('schedule the second reading', (now) =>
      schedule().scheduleSession(
        {
          negotiationId,
          sessionId,
          title: `Second reading, ${dateAround(today, -1)} to ${dateAround(today, 1)}`,
          startsOn: dateAround(today, -1),
          endsOn: dateAround(today, 1),
          timeZone: 'Europe/Zurich',
        },
        ctx.meta('session/second-reading', asChair('session.schedule'), now),
      ),
    ),
    step('open the plenary to everyone', (now) =>
      schedule().openSegment(
        { negotiationId, segmentId: plenaryId, sessionId, title: 'Plenary', access: 'observers' },
        ctx.meta('segment/plenary/open', asChair('segment.open'), now),
      ),
    ),
    step('close the plenary', (now) =>
      schedule().closeSegment(
        negotiationId,
        plenaryId,
        ctx.meta('segment/plenary/close', asChair('segment.close'), now),
      ),
    ),
    step('release the plenary', (now) =>
      schedule().releaseSegment(
        negotiationId,
        plenaryId,
        ctx.meta('segment/plenary/release', asChair('segment.release'), now),
      ),
    ),
    step('open informal consultations among governments', (now) =>
      schedule().openSegment(
        {
          negotiationId,
          segmentId: informalsId,
          sessionId,
          title: 'Informal consultations',
          access: 'governments',
        },
        ctx.meta('segment/informals/open', asChair('segment.open'), now),
      ),
    ),
  ];
}
