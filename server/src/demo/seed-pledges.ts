/**
 * The demo's follow-up and review: a short declaration the negotiation adopted earlier, in its
 * own words, with action pledges towards its objectives — by two delegations, a city and a
 * logistics company (registered by the secretariat) and a civil-society network — and progress
 * reports over the past months: some on track, one at risk, one off track and since silent, one
 * achieved, and one pledge never reported on. Report periods end at month ends before the seed's
 * "today", so the review and its trend read the same whenever the demo is seeded.
 *
 * The declaration is created after the main draft, so the draft stays the negotiation's first
 * document (what the dashboard and the browser tests open), and before the government-only
 * segment opens, so civil society, observers and the public pages see it.
 */
import type { PledgeContentInput, PledgerKind, ProgressStatus } from '@accord/shared';
import { presidingChairOf } from './seed-drafting.js';
import type { SeedContext } from './seed-context.js';
import type { Step } from './seed-schedule.js';

interface DeclarationParagraph {
  key: string;
  kind: 'heading' | 'preambular' | 'operative';
  text: string;
}

export const demoDeclaration = {
  title: 'Port Aleva Declaration on Cooler Island Cities',
  symbol: 'A/HEAT/2026/DEC.1',
  paragraphs: [
    {
      key: 'pp1',
      kind: 'preambular',
      text: 'Conscious that heat now claims more lives in our cities than any other weather hazard,',
    },
    { key: 'h1', kind: 'heading', text: 'Objective 1: Warn every household before dangerous heat' },
    {
      key: 'op1',
      kind: 'operative',
      text: 'Commit to warning every household at least two days before a dangerous heat episode, in the languages its members speak;',
    },
    { key: 'h2', kind: 'heading', text: 'Objective 2: Cool the places where people live and work' },
    {
      key: 'op2',
      kind: 'operative',
      text: 'Commit to doubling shade and green cover in the hottest urban districts by 2030;',
    },
    {
      key: 'op3',
      kind: 'operative',
      text: 'Encourage employers to shift heavy work away from the hottest hours and to provide water, shade and rest;',
    },
    { key: 'h3', kind: 'heading', text: 'Objective 3: Reach those most at risk' },
    {
      key: 'op4',
      kind: 'operative',
      text: 'Commit to knowing, with their consent, who lives alone and needs a visit or a call when heat strikes;',
    },
  ] satisfies DeclarationParagraph[],
} as const;

interface DemoReport {
  /** The report's period ends this many month ends before the seed's "today". */
  monthsAgo: number;
  status: ProgressStatus;
  narrative: string;
  value: number;
}

interface DemoPledge {
  key: string;
  /** Who registers it: a member for their own stakeholder, or the secretariat for an outside actor. */
  by: string;
  kind: PledgerKind;
  outsideActor?: string;
  title: string;
  commitments: string;
  partners: string[];
  /** Declaration paragraph keys: a heading names its objective, an OP its paragraph. */
  links: string[];
  indicator: { name: string; unit: string; baseline: number; target: number };
  reports: DemoReport[];
}

export const demoPledges: readonly DemoPledge[] = [
  {
    key: 'mru-alerts',
    by: 'mru',
    kind: 'state',
    title: 'Heat alerts in six languages for every household',
    commitments:
      'Extend the national heat alert to text messages and community radio in the six languages spoken on the islands, and test it before each hot season.',
    partners: ['National Meteorological Office', 'Island Radio Network'],
    links: ['op1'],
    indicator: { name: 'Households reached by the alert', unit: '%', baseline: 40, target: 95 },
    reports: [
      {
        monthsAgo: 8,
        status: 'on-track',
        narrative: 'Text alerts now go out in four languages.',
        value: 61,
      },
      {
        monthsAgo: 5,
        status: 'on-track',
        narrative: 'Community radio joined the alert chain.',
        value: 72,
      },
      {
        monthsAgo: 2,
        status: 'at-risk',
        narrative: 'Two outer islands still lack a transmitter; funding is being sought.',
        value: 74,
      },
    ],
  },
  {
    key: 'hlv-clinics',
    by: 'hlv',
    kind: 'state',
    title: 'Heat-health warnings for rural clinics',
    commitments: 'Give every rural clinic a heat-health plan and a direct line to the forecasters.',
    partners: [],
    links: ['h1'],
    indicator: { name: 'Clinics with a plan', unit: 'clinics', baseline: 0, target: 120 },
    reports: [],
  },
  {
    key: 'city-trees',
    by: 'secretariat',
    kind: 'local-authority',
    outsideActor: 'City of Port Aleva',
    title: 'Ten thousand trees for the eastern districts',
    commitments: 'Plant and water ten thousand street trees in the four hottest districts.',
    partners: ['Port Aleva Residents’ Association'],
    links: ['op2'],
    indicator: { name: 'Trees planted', unit: 'trees', baseline: 0, target: 10000 },
    reports: [
      {
        monthsAgo: 9,
        status: 'on-track',
        narrative: 'The first planting season went to plan.',
        value: 2100,
      },
      {
        monthsAgo: 7,
        status: 'off-track',
        narrative: 'A dry spell killed many saplings; watering crews were short.',
        value: 2300,
      },
    ],
  },
  {
    key: 'coolline',
    by: 'secretariat',
    kind: 'business',
    outsideActor: 'Coolline Logistics',
    title: 'No midday loading during heat alerts',
    commitments:
      'Move outdoor loading to the early morning and evening whenever a heat alert is in force, at every depot.',
    partners: ['Dockworkers’ Union of Port Aleva'],
    links: ['op3'],
    indicator: { name: 'Depots applying the rule', unit: 'depots', baseline: 1, target: 9 },
    reports: [
      { monthsAgo: 3, status: 'achieved', narrative: 'All nine depots apply the rule.', value: 9 },
    ],
  },
  {
    key: 'fomw-calls',
    by: 'cso1',
    kind: 'civil-society',
    title: 'Check-in calls for older people who live alone',
    commitments:
      'Train volunteers to call older people who live alone on every heat-alert day, and visit those who do not answer.',
    partners: ['Healthy Cities Action Network'],
    links: ['h3'],
    indicator: { name: 'Volunteers trained', unit: 'volunteers', baseline: 0, target: 500 },
    reports: [
      {
        monthsAgo: 6,
        status: 'on-track',
        narrative: '180 volunteers trained in three cities.',
        value: 180,
      },
      {
        monthsAgo: 1,
        status: 'on-track',
        narrative: 'Calls reached 2,400 people this season.',
        value: 350,
      },
    ],
  },
];

/** The last day of the month `monthsAgo` months before `now` (YYYY-MM-DD). */
const monthEnd = (now: string, monthsAgo: number): string => {
  const day = new Date(now);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - monthsAgo + 1, 0))
    .toISOString()
    .slice(0, 10);
};
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function pledgeSteps(ctx: SeedContext): Step[] {
  const documentId = ctx.idOf('declaration');
  const paragraphId = (key: string) => ctx.idOf(`declaration/paragraph/${key}`);
  const chair = presidingChairOf(ctx).key;
  const { paragraphs } = demoDeclaration;
  const steps: Step[] = [
    {
      label: 'create the earlier declaration',
      phase: 'decisions',
      async run(now) {
        await ctx.core.services.documents.create(
          {
            documentId,
            negotiationId: ctx.negotiationId,
            title: demoDeclaration.title,
            symbol: demoDeclaration.symbol,
            mode: 'formal',
            paragraphs,
          },
          ctx.meta('declaration', ctx.actorOf(chair, 'document.create'), now),
          (i) => paragraphId(paragraphs[i]!.key),
        );
      },
    },
    {
      label: 'issue the declaration’s final text',
      phase: 'decisions',
      async run(now) {
        await ctx.core.services.documents.issueRevision(
          documentId,
          'Final text',
          ctx.meta('declaration/final', ctx.actorOf(chair, 'revision.issue'), now),
        );
      },
    },
    {
      label: 'adopt the declaration',
      phase: 'decisions',
      run: (now) =>
        ctx
          .execute({
            type: 'AdoptDocument',
            data: { documentId, revisionLabel: 'Final text' },
            meta: ctx.meta('declaration/adopt', ctx.actorOf(chair, 'document.adopt'), now),
          })
          .then(() => undefined),
    },
  ];

  for (const pledge of demoPledges) {
    const pledgeId = ctx.idOf(`pledge/${pledge.key}`);
    steps.push({
      label: `register the pledge "${pledge.title}"`,
      phase: 'decisions',
      async run(now) {
        const firstReport = Math.max(12, ...pledge.reports.map((r) => r.monthsAgo + 1));
        const content: PledgeContentInput = {
          title: pledge.title,
          commitments: pledge.commitments,
          partners: pledge.partners,
          timeline: { start: nextDay(monthEnd(now, firstReport)), end: monthEnd(now, -36) },
          indicators: [{ ref: 'main', ...pledge.indicator }],
          objectiveIds: pledge.links.filter((k) => k.startsWith('h')).map(paragraphId),
          paragraphIds: pledge.links.filter((k) => k.startsWith('op')).map(paragraphId),
        };
        await ctx.core.services.pledges.register(
          ctx.negotiationId,
          pledgeId,
          {
            documentId,
            pledger: {
              kind: pledge.kind,
              ...(pledge.outsideActor ? { outsideActor: pledge.outsideActor } : {}),
            },
            content,
          },
          ctx.meta(`pledge/${pledge.key}`, ctx.actorOf(pledge.by, 'pledge.register'), now),
        );
      },
    });
    pledge.reports.forEach((report, index) => {
      steps.push({
        label: `report on "${pledge.title}" (${index + 1})`,
        phase: 'decisions',
        async run(now) {
          const to = monthEnd(now, report.monthsAgo);
          const from = nextDay(monthEnd(now, report.monthsAgo + 3));
          await ctx.core.services.pledges.report(
            pledgeId,
            ctx.idOf(`pledge/${pledge.key}/report/${index}`),
            {
              status: report.status,
              period: { from, to },
              narrative: report.narrative,
              figures: [{ ref: 'main', value: report.value }],
            },
            ctx.meta(
              `pledge/${pledge.key}/report/${index}`,
              ctx.actorOf(pledge.by, 'pledge.report'),
              now,
            ),
          );
        },
      });
    });
  }
  return steps;
}
