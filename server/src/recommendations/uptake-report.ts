/**
 * The uptake report of a negotiation's recommendations, as an export model (rendered to HTML, PDF
 * or DOCX by the export renderers, in the worker pool): how many were submitted, taken up,
 * accepted and are in the final text, overall, by theme and by organisation, then each
 * recommendation with its fate. Pure; `generatedAt` is the record's point, never the clock, so
 * the same record gives the same bytes.
 *
 *   const model = uptakeReportModel({ negotiationTitle, generatedAt, recommendations });
 */
import {
  uptakeFigures,
  type RecommendationFate,
  type RecommendationView,
  type UptakeCounts,
  type UptakeRow,
} from '@accord/shared';
import type { ExportBlock, ExportModel } from '../exports/model.js';

export interface UptakeReportInput {
  negotiationTitle: string;
  /** The time of the last event the report reflects (UTC ISO). */
  generatedAt: string;
  recommendations: readonly RecommendationView[];
}

const FATE_WORDS: Record<RecommendationFate, string> = {
  'not-taken-up': 'Not taken up',
  withdrawn: 'Withdrawn by its authors',
  'taken-up': 'Taken up; the amendment is pending',
  'not-accepted': 'Taken up; not accepted',
  accepted: 'Accepted into the text',
  'in-final-text': 'In the adopted text',
};

const countsLine = (c: UptakeCounts) =>
  `submitted ${c.submitted} · taken up ${c.takenUp} · accepted ${c.accepted} · in the final text ${c.inFinalText}`;

const prose = (text: string): ExportBlock => ({ type: 'prose', runs: [{ text }] });

const rowsList = (rows: readonly UptakeRow[]): ExportBlock =>
  rows.length === 0
    ? prose('None.')
    : {
        type: 'list',
        ordered: false,
        items: rows.map((row) => [{ text: `${row.key}: ${countsLine(row)}` }]),
      };

const nameOf = (ref: { name: string | null; stakeholderId: string }) =>
  ref.name ?? ref.stakeholderId;

function fateLine(r: RecommendationView): string {
  const parts = [FATE_WORDS[r.fate]];
  if (r.uptake.length > 0) {
    parts.push(`taken up by ${r.uptake.map((u) => nameOf(u.delegation)).join(', ')}`);
  }
  if (r.finalText) {
    parts.push(`${r.finalText.ref} of ${r.finalText.revisionLabel}: “${r.finalText.words}”`);
  }
  return parts.join('; ');
}

function recommendationSection(r: RecommendationView, index: number): ExportBlock {
  const targets = [
    ...r.paragraphs.map((p) => p.label ?? 'a paragraph'),
    ...r.themes.map((t) => `theme “${t}”`),
  ];
  return {
    type: 'section',
    title: `${index + 1}. ${r.title}`,
    eId: `sec_rec_${index + 1}`,
    blocks: [
      prose(`From ${nameOf(r.organisation)}, on ${targets.join(', ')}.`),
      prose(`Proposed wording: “${r.proposedText}”`),
      ...(r.rationale.trim() === '' ? [] : [prose(`Rationale: ${r.rationale}`)]),
      ...(r.endorsers.length === 0
        ? []
        : [prose(`Endorsed by ${r.endorsers.map(nameOf).join(', ')}.`)]),
      prose(`Fate: ${fateLine(r)}.`),
    ],
  };
}

export function uptakeReportModel(input: UptakeReportInput): ExportModel {
  const figures = uptakeFigures(
    input.recommendations.map((r) => ({
      fate: r.fate,
      themes: r.themes,
      organisation: nameOf(r.organisation),
    })),
  );
  return {
    variant: 'uptake-report',
    title: 'Recommendations and their uptake',
    symbol: '',
    subtitle: input.negotiationTitle,
    metadata: [{ label: 'Record as of', value: input.generatedAt, kind: 'instant' }],
    generatedAt: input.generatedAt,
    language: 'en',
    blocks: [
      {
        type: 'section',
        title: 'In figures',
        eId: 'sec_figures',
        blocks: [
          prose(`All recommendations: ${countsLine(figures.totals)}.`),
          { type: 'heading', level: 3, text: 'By theme' },
          rowsList(figures.byTheme),
          { type: 'heading', level: 3, text: 'By organisation' },
          rowsList(figures.byOrganisation),
        ],
      },
      {
        type: 'section',
        title: 'Each recommendation and its fate',
        eId: 'sec_list',
        blocks:
          input.recommendations.length === 0
            ? [prose('No recommendation was submitted.')]
            : input.recommendations.map(recommendationSection),
      },
      {
        type: 'section',
        title: 'How the fate is established',
        eId: 'sec_method',
        blocks: [
          prose(
            'A recommendation is taken up when a delegation tables it as its own amendment, and accepted when the chair accepts that amendment. It is in the final text when, in the adopted revision, the words the amendment proposed stand in the paragraph it amended (for a new paragraph, in any paragraph), or the words it deleted are gone.',
          ),
        ],
      },
    ],
    source: { figures, recommendations: input.recommendations },
  };
}
