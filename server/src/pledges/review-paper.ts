/**
 * The background paper a review forum takes stock from, composed pure from the review of every
 * objective of an adopted text on one day: per objective, the counts (on track, at risk, off
 * track, achieved, silent) and each pledge with its latest report. Rendered to HTML, PDF or DOCX
 * by the export renderers in the worker pool; dated by the review's day, never by the clock, so
 * the same review always gives the same bytes.
 */
import type { AdoptedTextView, ReviewRow, Standing, StandingCounts } from '@accord/shared';
import type { ExportBlock, ExportModel, Run } from '../exports/index.js';

export interface ReviewPaperInput {
  text: AdoptedTextView;
  asOf: string;
  windowDays: number;
  objectives: readonly { label: string; rows: readonly ReviewRow[]; counts: StandingCounts }[];
}

const STANDING_WORDS: Readonly<Record<Standing, string>> = {
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
  achieved: 'achieved',
  silent: 'silent',
};

const KIND_WORDS: Readonly<Record<string, string>> = {
  state: 'State',
  'local-authority': 'Local authority',
  business: 'Business',
  'civil-society': 'Civil society',
  'international-organisation': 'International organisation',
};

const text = (words: string): Run => ({ text: words });

const countsLine = (counts: StandingCounts): string =>
  (Object.keys(STANDING_WORDS) as Standing[])
    .map((standing) => `${counts[standing]} ${STANDING_WORDS[standing]}`)
    .join(' · ');

function pledgeItem(row: ReviewRow): Run[] {
  const who = `${row.pledgerName} (${KIND_WORDS[row.pledgerKind] ?? row.pledgerKind})`;
  const report = row.latestReport;
  const latest = report
    ? ` Latest report, ${report.period.from} to ${report.period.to}: ${report.narrative.trim() || 'no narrative.'}`
    : ' No report yet.';
  return [text(row.title), text(` — ${who}. Standing: ${STANDING_WORDS[row.standing]}.${latest}`)];
}

export function reviewPaperModel(input: ReviewPaperInput): ExportModel {
  const total = input.objectives.reduce(
    (sum, o) => sum + Object.values(o.counts).reduce((a, b) => a + b, 0),
    0,
  );
  const blocks: ExportBlock[] = [
    {
      type: 'section',
      title: 'About this paper',
      eId: 'sec_about',
      blocks: [
        {
          type: 'prose',
          runs: [
            text(
              `This paper takes stock of the action pledges made towards "${input.text.title}" as of ${input.asOf}. ` +
                `A pledge stands as its latest report says; a pledge with no report covering the last ${input.windowDays} days is counted as silent, ` +
                `except an achieved pledge, which stays achieved. ${total} pledge links are under way across ${input.objectives.length} objectives.`,
            ),
          ],
        },
      ],
    },
    ...input.objectives.map((objective, index): ExportBlock => ({
      type: 'section',
      title: objective.label,
      eId: `sec_objective_${index + 1}`,
      blocks: [
        { type: 'prose', runs: [text(countsLine(objective.counts))] },
        objective.rows.length === 0
          ? { type: 'prose', runs: [text('No pledge towards this objective is under way.')] }
          : { type: 'list', ordered: false, items: objective.rows.map(pledgeItem) },
      ],
    })),
  ];
  return {
    variant: 'pledge-review',
    title: `Follow-up and review: ${input.text.title}`,
    symbol: input.text.symbol,
    subtitle: 'Background paper for the review forum',
    metadata: [
      { label: 'As of', value: input.asOf },
      { label: 'Review window', value: `${input.windowDays} days` },
      { label: 'Adopted', value: input.text.adoptedAt.slice(0, 10) },
    ],
    generatedAt: `${input.asOf}T00:00:00.000Z`,
    language: 'en',
    blocks,
  };
}
