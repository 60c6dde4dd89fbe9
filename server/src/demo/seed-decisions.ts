/**
 * The demo's latest day: the chair gavels paragraphs agreed ad ref, accepts the one amendment
 * nobody objects to (through the same service as the API, so its words reach the text by the
 * same reactor) and issues Rev 1; the secretariat schedules a roundtable whose paper the
 * co-chairs draft and begin to sign off.
 */
import type { DemoAmendment } from './demo-negotiation.js';
import type { SeedContext } from './seed-context.js';
import { issueRevision, presidingChairOf } from './seed-drafting.js';
import { DAY_MS, type Step } from './seed-schedule.js';

export function decisionSteps(ctx: SeedContext, accepted: DemoAmendment): Step[] {
  const { demo, documentId } = ctx;
  const chair = presidingChairOf(ctx);
  const steps: Step[] = [];

  for (const key of demo.agreedAdRef) {
    steps.push({
      label: `gavel ${key}`,
      phase: 'decisions',
      async run(now) {
        await ctx.execute({
          type: 'SetParagraphStatus',
          data: { documentId, paragraphId: ctx.paragraphId(key), status: 'agreed-ad-ref' },
          meta: ctx.meta(`gavel/${key}`, ctx.actorOf(chair.key, 'paragraph.setStatus', true), now),
        });
      },
    });
  }

  steps.push({
    label: `accept ${accepted.key}`,
    phase: 'decisions',
    async run(now) {
      const actor = ctx.actorOf(chair.key, 'amendment.decide', true);
      const result = await ctx.core.services.amendments.accept(
        ctx.amendmentId(accepted.key),
        ctx.meta(`accept/${accepted.key}`, actor, now),
      );
      // Rev 1 must carry the accepted words; the reactor has them in the text by now.
      if (!result.textApplied) {
        throw new Error(`Demo: the words of ${accepted.key} did not reach the text in time`);
      }
    },
  });

  steps.push({
    label: 'issue Rev 1',
    phase: 'decisions',
    run: (now) => issueRevision(ctx, 'Rev 1', 'revision/rev-1', now),
  });
  return steps;
}

/** The roundtable after Rev 1; `today` is the seed's "now", from which its date is counted. */
export function roundtableSteps(ctx: SeedContext, today: Date): Step[] {
  const { demo, roundtableId, negotiationId, documentId } = ctx;
  const { roundtable } = demo;
  const secretariat = demo.people.find((p) => p.role === 'secretariat')!;
  const drafter = ctx.delegateOf(roundtable.coChairs[0]);
  const steps: Step[] = [];

  steps.push({
    label: 'schedule the roundtable',
    phase: 'decisions',
    async run(now) {
      const meets = new Date(today.getTime() + roundtable.inDays * DAY_MS);
      await ctx.execute({
        type: 'ScheduleRoundtable',
        data: {
          roundtableId,
          negotiationId,
          theme: roundtable.theme,
          coChairStakeholderIds: roundtable.coChairs.map(ctx.stakeholderId),
          date: meets.toISOString().slice(0, 10),
          coverage: { documentId, paragraphIds: roundtable.covers.map(ctx.paragraphId) },
          invitedStakeholderIds: roundtable.invited.map(ctx.stakeholderId),
        },
        meta: ctx.meta(
          'roundtable/schedule',
          ctx.actorOf(secretariat.key, 'roundtable.schedule'),
          now,
        ),
      });
    },
  });
  steps.push({
    label: 'draft the roundtable paper',
    phase: 'decisions',
    async run(now) {
      const actor = ctx.actingFor(
        ctx.actorOf(drafter.key, 'record.read'),
        roundtable.coChairs[0],
        'the roundtable draft',
      );
      await ctx.execute({
        type: 'EditRoundtableDraft',
        data: {
          roundtableId,
          background: roundtable.background,
          guidingQuestions: roundtable.guidingQuestions,
        },
        meta: ctx.meta('roundtable/draft', actor, now),
      });
    },
  });
  for (const key of roundtable.signedOffBy) {
    steps.push({
      label: `sign off the roundtable paper for ${key}`,
      phase: 'decisions',
      async run(now) {
        const person = ctx.delegateOf(key);
        const actor = ctx.actingFor(ctx.actorOf(person.key, 'record.read'), key, 'a sign-off');
        // The draft the co-chairs wrote: the one after scheduling.
        await ctx.execute({
          type: 'SignOffRoundtablePaper',
          data: { roundtableId, draft: 2 },
          meta: ctx.meta(`roundtable/sign-off/${key}`, actor, now),
        });
      },
    });
  }
  return steps;
}
