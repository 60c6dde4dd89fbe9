/**
 * The uptake report of a negotiation's recommendations, as an export model (rendered to HTML, PDF
 * or DOCX by the export renderers, in the worker pool): how many were submitted, taken up,
 * accepted and are in the final text, overall, by theme and by organisation, then each
 * recommendation with its fate. Pure; `generatedAt` is the record's point, never the clock, so
 * the same record gives the same bytes.
 *
 * The report's own words are in the label language (exports/i18n); the recommendations' words
 * stay as their authors wrote them.
 *
 *   const model = uptakeReportModel({ negotiationTitle, generatedAt, recommendations, labels: 'fr' });
 */
import {
  uptakeFigures,
  type RecommendationView,
  type UptakeCounts,
  type UptakeRow,
} from '@accord/shared';
import { exportLabels, type ExportLabels, type ExportLanguage } from '../exports/i18n/index.js';
import type { ExportBlock, ExportModel } from '../exports/model.js';

export interface UptakeReportInput {
  negotiationTitle: string;
  /** The time of the last event the report reflects (UTC ISO). */
  generatedAt: string;
  recommendations: readonly RecommendationView[];
  /** The language of the report's own words; English when absent. */
  labels?: ExportLanguage;
}

const countsLine = (t: ExportLabels, c: UptakeCounts) =>
  t('report.uptake.counts', {
    submitted: c.submitted,
    takenUp: c.takenUp,
    accepted: c.accepted,
    inFinalText: c.inFinalText,
  });

const prose = (text: string): ExportBlock => ({ type: 'prose', runs: [{ text }] });

const rowsList = (t: ExportLabels, rows: readonly UptakeRow[]): ExportBlock =>
  rows.length === 0
    ? prose(t('report.uptake.none'))
    : {
        type: 'list',
        ordered: false,
        items: rows.map((row) => [
          { text: t('report.uptake.row', { key: row.key, counts: countsLine(t, row) }) },
        ]),
      };

const nameOf = (ref: { name: string | null; stakeholderId: string }) =>
  ref.name ?? ref.stakeholderId;

function fateLine(t: ExportLabels, r: RecommendationView): string {
  const parts = [t(`report.uptake.fate.${r.fate}`)];
  if (r.uptake.length > 0) {
    parts.push(
      t('report.uptake.takenUpBy', { names: t.list(r.uptake.map((u) => nameOf(u.delegation))) }),
    );
  }
  if (r.finalText) {
    parts.push(
      t('report.uptake.finalText', {
        ref: r.finalText.ref,
        revision: r.finalText.revisionLabel,
        words: t.quote(r.finalText.words),
      }),
    );
  }
  return parts.join(t('report.uptake.separator'));
}

function recommendationSection(t: ExportLabels, r: RecommendationView, index: number): ExportBlock {
  const targets = [
    ...r.paragraphs.map((p) => p.label ?? t('paper.aParagraph')),
    ...r.themes.map((theme) => t('report.uptake.theme', { name: t.quote(theme) })),
  ];
  return {
    type: 'section',
    title: `${index + 1}. ${r.title}`,
    eId: `sec_rec_${index + 1}`,
    blocks: [
      prose(
        t('report.uptake.from', { organisation: nameOf(r.organisation), targets: t.list(targets) }),
      ),
      prose(t('report.uptake.proposed', { words: t.quote(r.proposedText) })),
      ...(r.rationale.trim() === '' ? [] : [prose(t('proposal.rationale', { text: r.rationale }))]),
      ...(r.endorsers.length === 0
        ? []
        : [prose(t('report.uptake.endorsed', { names: t.list(r.endorsers.map(nameOf)) }))]),
      prose(t('report.uptake.fate', { fate: fateLine(t, r) })),
    ],
  };
}

export function uptakeReportModel(input: UptakeReportInput): ExportModel {
  const t = exportLabels(input.labels);
  const figures = uptakeFigures(
    input.recommendations.map((r) => ({
      fate: r.fate,
      themes: r.themes,
      organisation: nameOf(r.organisation),
    })),
  );
  return {
    variant: 'uptake-report',
    title: t('report.uptake.title'),
    symbol: '',
    subtitle: input.negotiationTitle,
    metadata: [{ label: t('cover.generated'), value: input.generatedAt, kind: 'instant' }],
    generatedAt: input.generatedAt,
    language: t.language,
    labels: t.language,
    blocks: [
      {
        type: 'section',
        title: t('report.uptake.figures'),
        eId: 'sec_figures',
        blocks: [
          prose(t('report.uptake.all', { counts: countsLine(t, figures.totals) })),
          { type: 'heading', level: 3, text: t('report.uptake.byTheme') },
          rowsList(t, figures.byTheme),
          { type: 'heading', level: 3, text: t('report.uptake.byOrganisation') },
          rowsList(t, figures.byOrganisation),
        ],
      },
      {
        type: 'section',
        title: t('report.uptake.list'),
        eId: 'sec_list',
        blocks:
          input.recommendations.length === 0
            ? [prose(t('report.uptake.noneSubmitted'))]
            : input.recommendations.map((r, index) => recommendationSection(t, r, index)),
      },
      {
        type: 'section',
        title: t('report.uptake.method'),
        eId: 'sec_method',
        blocks: [prose(t('report.uptake.methodText'))],
      },
    ],
    source: { figures, recommendations: input.recommendations },
  };
}
