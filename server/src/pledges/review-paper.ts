/**
 * The background paper a review forum takes stock from, composed pure from the review of every
 * objective of an adopted text on one day: per objective, the counts (on track, at risk, off
 * track, achieved, silent) and each pledge with its latest report. Rendered to HTML, PDF or DOCX
 * by the export renderers in the worker pool; dated by the review's day, never by the clock, so
 * the same review always gives the same bytes. The paper's own words are in the label language
 * (exports/i18n); titles, names and narratives stay as their authors wrote them.
 */
import {
  pledgerKinds,
  type AdoptedTextView,
  type PledgerKind,
  type ReviewRow,
  type StandingCounts,
} from '@accord/shared';
import { exportLabels, type ExportLabels, type ExportLanguage } from '../exports/i18n/index.js';
import type { ExportBlock, ExportModel, Run } from '../exports/index.js';

export interface ReviewPaperInput {
  text: AdoptedTextView;
  asOf: string;
  windowDays: number;
  objectives: readonly { label: string; rows: readonly ReviewRow[]; counts: StandingCounts }[];
  /** The language of the paper's own words; English when absent. */
  labels?: ExportLanguage;
}

const text = (words: string): Run => ({ text: words });

const isPledgerKind = (kind: string): kind is PledgerKind =>
  (pledgerKinds as readonly string[]).includes(kind);

const countsLine = (t: ExportLabels, counts: StandingCounts): string =>
  t('report.pledges.counts', {
    onTrack: counts['on-track'],
    atRisk: counts['at-risk'],
    offTrack: counts['off-track'],
    achieved: counts.achieved,
    silent: counts.silent,
  });

function pledgeItem(t: ExportLabels, row: ReviewRow): Run[] {
  const kind = isPledgerKind(row.pledgerKind)
    ? t(`report.pledges.kind.${row.pledgerKind}`)
    : row.pledgerKind;
  const who = t('report.pledges.pledger', { name: row.pledgerName, kind });
  const report = row.latestReport;
  const latest = report
    ? t('report.pledges.latest', {
        from: t.date(report.period.from),
        to: t.date(report.period.to),
        narrative: report.narrative.trim() || t('report.pledges.noNarrative'),
      })
    : t('report.pledges.noReport');
  const item = t('report.pledges.item', {
    who,
    standing: t(`report.pledges.standing.${row.standing}`),
    latest,
  });
  return [text(row.title), text(` — ${item}`)];
}

export function reviewPaperModel(input: ReviewPaperInput): ExportModel {
  const t = exportLabels(input.labels);
  const total = input.objectives.reduce(
    (sum, o) => sum + Object.values(o.counts).reduce((a, b) => a + b, 0),
    0,
  );
  const blocks: ExportBlock[] = [
    {
      type: 'section',
      title: t('report.pledges.about'),
      eId: 'sec_about',
      blocks: [
        {
          type: 'prose',
          runs: [
            text(
              t('report.pledges.aboutText', {
                title: t.quote(input.text.title),
                asOf: t.date(input.asOf),
                days: input.windowDays,
                links: total,
                objectives: input.objectives.length,
              }),
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
        { type: 'prose', runs: [text(countsLine(t, objective.counts))] },
        objective.rows.length === 0
          ? { type: 'prose', runs: [text(t('report.pledges.noPledge'))] }
          : {
              type: 'list',
              ordered: false,
              items: objective.rows.map((row) => pledgeItem(t, row)),
            },
      ],
    })),
  ];
  return {
    variant: 'pledge-review',
    title: t('report.pledges.title', { title: input.text.title }),
    symbol: input.text.symbol,
    subtitle: t('report.pledges.subtitle'),
    metadata: [
      ...(input.text.symbol
        ? [{ label: t('cover.symbol'), value: input.text.symbol, kind: 'symbol' as const }]
        : []),
      { label: t('cover.asOf'), value: t.date(input.asOf) },
      {
        label: t('report.pledges.window'),
        value: t('report.pledges.windowDays', { days: input.windowDays }),
      },
      { label: t('report.pledges.adopted'), value: t.date(input.text.adoptedAt) },
    ],
    generatedAt: `${input.asOf}T00:00:00.000Z`,
    language: t.language,
    labels: t.language,
    blocks,
  };
}
