/**
 * The demo's recommendations: civil-society and observer organisations put wording forward
 * while delegations react to the amendments; others endorse; a delegation takes one up as its own
 * amendment, which stays pending (accepting it would add a paragraph and renumber the demo's
 * text that other tests and screens rely on). Two stay on themes only, and nobody takes them up.
 * The organisations and their wording are invented for this demo.
 */
import type { RecommendationInput } from '@accord/shared';
import type { SeedContext } from './seed-context.js';
import type { Step } from './seed-schedule.js';

interface DemoRecommendation {
  key: string;
  /** The person who submits it for their organisation. */
  by: string;
  /** Paragraph keys it concerns. */
  on: string[];
  input: Omit<RecommendationInput, 'documentId' | 'paragraphIds'>;
  /** People whose organisations endorse it. */
  endorsedBy: string[];
  /** People whose delegations take it up, with where the amendment goes. */
  takenUpBy: string[];
}

export const demoRecommendations: readonly DemoRecommendation[] = [
  {
    key: 'work-thresholds',
    by: 'cso1',
    on: ['op6'],
    input: {
      title: 'Heat thresholds for outdoor work, with no loss of pay',
      themes: ['Outdoor work', 'Labour rights'],
      change: 'new-paragraph',
      proposedText:
        'Urge employers and labour inspectorates to set heat thresholds above which outdoor work is rescheduled or paused, with rest, shade and drinking water provided and no loss of pay for the workers concerned;',
      rationale:
        'Farm, construction and delivery workers cannot stop on their own when the heat becomes dangerous; a threshold that everyone knows in advance protects them without costing them a day’s wage.',
    },
    endorsedBy: ['cso3', 'obs1'],
    takenUpBy: ['slm'],
  },
  {
    key: 'health-records',
    by: 'cso2',
    on: ['op8'],
    input: {
      title: 'Count heat deaths where they happen, including at work and at home',
      themes: ['Health data'],
      change: 'new-paragraph',
      proposedText:
        'Encourage health authorities to record the place of death or injury in heat-related cases, including workplaces and private homes, so that prevention reaches those who die unseen;',
      rationale:
        'Most heat deaths happen alone at home or on a work site and are recorded as heart failure; without the place, nobody can tell where help is needed.',
    },
    endorsedBy: ['obs1'],
    takenUpBy: [],
  },
  {
    key: 'schools',
    by: 'cso3',
    on: [],
    input: {
      title: 'Heat-safe schools and school calendars',
      themes: ['Youth', 'Education'],
      change: 'new-paragraph',
      proposedText:
        'Invite education authorities to teach heat safety in schools and to adapt school hours, calendars and sports events during heatwaves;',
      rationale:
        'Children and teenagers spend most of their day at school, often in rooms that overheat.',
    },
    endorsedBy: ['cso1'],
    takenUpBy: [],
  },
  {
    key: 'forecast-access',
    by: 'obs2',
    on: [],
    input: {
      title: 'Open heat forecasts for local authorities',
      themes: ['Early warning'],
      change: 'new-paragraph',
      proposedText:
        'Encourage national meteorological services to share heat forecasts and thresholds openly with local authorities and health services, free of charge;',
      rationale: 'A warning system is only as good as the forecasts its local operators can read.',
    },
    endorsedBy: [],
    takenUpBy: [],
  },
];

export function recommendationSteps(ctx: SeedContext): Step[] {
  const recommendationId = (key: string) => ctx.idOf(`recommendation/${key}`);
  const amendmentId = (key: string, person: string) =>
    ctx.idOf(`recommendation/${key}/amendment/${person}`);
  const services = () => ctx.core.services.recommendations;
  const submitted: Step[] = [];
  for (const r of demoRecommendations) {
    submitted.push({
      label: `submit the recommendation "${r.input.title}"`,
      phase: 'reactions',
      async run(now) {
        await services().submit(
          ctx.negotiationId,
          recommendationId(r.key),
          {
            ...r.input,
            documentId: r.on.length > 0 ? ctx.documentId : null,
            paragraphIds: r.on.map((key) => ctx.paragraphId(key)),
          },
          ctx.meta(`recommendation/${r.key}`, ctx.actorOf(r.by, 'recommendation.submit'), now),
        );
      },
    });
    for (const person of r.endorsedBy) {
      submitted.push({
        label: `${person} endorses "${r.input.title}"`,
        phase: 'reactions',
        async run(now) {
          await services().endorse(
            recommendationId(r.key),
            ctx.meta(
              `recommendation/${r.key}/endorse/${person}`,
              ctx.actorOf(person, 'recommendation.endorse'),
              now,
            ),
          );
        },
      });
    }
    for (const person of r.takenUpBy) {
      submitted.push({
        label: `${person} takes up "${r.input.title}"`,
        phase: 'reactions',
        async run(now) {
          await services().takeUp(
            recommendationId(r.key),
            amendmentId(r.key, person),
            {
              documentId: ctx.documentId,
              paragraphId: ctx.paragraphId(r.on[0]!),
              kind: 'add-paragraph',
              proposedText: r.input.proposedText,
              rationale: 'Taken up from a civil-society recommendation.',
            },
            ctx.meta(
              `recommendation/${r.key}/take-up/${person}`,
              ctx.actorOf(person, 'recommendation.takeUp'),
              now,
            ),
          );
        },
      });
    }
  }
  return submitted;
}
