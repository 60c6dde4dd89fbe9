/**
 * The demo's process, on its latest day: the chair set deadlines for amendments and positions,
 * put OP 11 under silence — which Nahrim broke with a statement — and then put three preambular
 * paragraphs under a new silence that is still under way when people sign in (it ends days after
 * the seed's "today", so the banner counts down and delegations can break it).
 *
 * The chair acts through the same process service as the API's routes, so the running silence is
 * armed in the scheduler like one started live.
 */
import type { SeedContext } from './seed-context.js';
import { presidingChairOf } from './seed-drafting.js';
import { DAY_MS, type Step } from './seed-schedule.js';

/** Paragraphs without brackets, options or amendments: uncontroversial enough for silence. */
const UNDER_SILENCE = ['pp1', 'pp2', 'pp4'];
const BROKEN_ON = 'op11';

export function processSteps(ctx: SeedContext, today: Date): Step[] {
  const { documentId } = ctx;
  const chair = presidingChairOf(ctx);
  const process = () => ctx.core.services.process;
  const asChair = (action: 'deadline.set' | 'silence.start') =>
    ctx.actorOf(chair.key, action, true);
  // Deadlines count from the later of the seed's "today" and the clock: a demo seeded as of a
  // past day (tests, `seed --demo` with a date) still shows them ahead, since the scheduler ends
  // a silence by the real clock.
  const from = Math.max(today.getTime(), Date.now());
  const inDays = (days: number) => new Date(from + days * DAY_MS).toISOString();
  const brokenSilenceId = ctx.idOf('silence/broken');

  return [
    {
      label: 'set the deadline for amendments',
      phase: 'decisions',
      async run(now) {
        await process().setDeadline(
          documentId,
          'amendments',
          inDays(2),
          'Europe/Zurich',
          ctx.meta('deadline/amendments', asChair('deadline.set'), now),
        );
      },
    },
    {
      label: 'set the deadline for positions',
      phase: 'decisions',
      async run(now) {
        await process().setDeadline(
          documentId,
          'positions',
          inDays(4),
          'Europe/Zurich',
          ctx.meta('deadline/positions', asChair('deadline.set'), now),
        );
      },
    },
    {
      label: `put ${BROKEN_ON} under silence`,
      phase: 'decisions',
      async run(now) {
        await process().startSilence(
          {
            documentId,
            silenceId: brokenSilenceId,
            paragraphIds: [ctx.paragraphId(BROKEN_ON)],
            // Ends the next day: the break below comes well before. Counted from the clock too
            // when the seed runs in the past, or the scheduler ends it before the break.
            until: new Date(Math.max(Date.parse(now), Date.now()) + DAY_MS).toISOString(),
            timeZone: 'Europe/Zurich',
            note: 'The co-facilitators believe OP 11 can be agreed as it stands.',
          },
          ctx.meta(`silence/${BROKEN_ON}`, asChair('silence.start'), now),
        );
      },
    },
    {
      label: `NHR breaks silence on ${BROKEN_ON}`,
      phase: 'decisions',
      async run(now) {
        const person = ctx.delegateOf('NHR');
        const actor = ctx.actingFor(
          ctx.actorOf(person.key, 'silence.break', true),
          'NHR',
          'a break of silence',
        );
        await process().breakSilence(
          documentId,
          brokenSilenceId,
          'Nahrim breaks silence on OP 11: the review cycle must follow national reporting ' +
            'calendars, and we ask for one more informal consultation on it.',
          ctx.meta(`silence/${BROKEN_ON}/break`, actor, now),
        );
      },
    },
    {
      label: 'put the preambular paragraphs under silence',
      phase: 'decisions',
      async run(now) {
        await process().startSilence(
          {
            documentId,
            silenceId: ctx.idOf('silence/preamble'),
            paragraphIds: UNDER_SILENCE.map(ctx.paragraphId),
            until: inDays(3),
            timeZone: 'Europe/Zurich',
            note: 'PP 1, PP 2 and PP 4 are deemed agreed ad ref unless a delegation breaks silence.',
          },
          ctx.meta('silence/preamble', asChair('silence.start'), now),
        );
      },
    },
  ];
}
