/**
 * Composes a consultation report from its synthesis, pure: the cover (title, revision, period,
 * how many answered and how), then per question the count of each option with a bar drawn in
 * characters (every format prints them alike) and the open answers, then per paragraph of the
 * revision the answers attached to it, then participation day by day. Rendered like every export
 * (`renderExport`, in the worker pool); `generatedAt` is the end of the consultation or, while it
 * runs, the time asked, so a closed consultation always gives the same bytes.
 *
 * The report's own words are in the label language (exports/i18n); questions, options and answers
 * stay as written.
 *
 *   const model = consultationReportModel({ consultation, synthesis, generatedAt, labels: 'ar' });
 *   const { bytes } = await renderExport(model, 'pdf');
 */
import type { ConsultationSynthesis, ConsultationSynthesisView } from '@accord/shared';
import { exportLabels, type ExportLabels, type ExportLanguage } from '../exports/i18n/index.js';
import { eIdOf, type ExportBlock, type ExportModel } from '../exports/model.js';

export interface ReportInput {
  consultation: ConsultationSynthesisView['consultation'];
  synthesis: ConsultationSynthesis;
  generatedAt: string;
  /** The language of the report's own words; English when absent. */
  labels?: ExportLanguage;
}

const BAR_WIDTH = 24;

/** "████████░░░░ 8 (40%)": a bar as long as the share of respondents who chose the option. */
export function textBar(count: number, of: number): string {
  const share = of === 0 ? 0 : count / of;
  const filled = Math.round(share * BAR_WIDTH);
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)} ${count} (${Math.round(share * 100)}%)`;
}

const quoted = (t: ExportLabels, text: string, refs: readonly string[]) =>
  refs.length === 0
    ? t.quote(text)
    : t('report.consultation.quoteRefs', { quote: t.quote(text), refs: t.list(refs) });

function questionBlocks(t: ExportLabels, synthesis: ConsultationSynthesis): ExportBlock[] {
  return synthesis.questions.map((q, index) => {
    const blocks: ExportBlock[] = [
      {
        type: 'prose',
        runs: [
          {
            text: t('report.consultation.answeredBy', {
              answered: q.answered,
              of: synthesis.responses,
            }),
          },
        ],
      },
    ];
    if (q.options.length > 0) {
      blocks.push({
        type: 'list',
        ordered: false,
        items: q.options.map((o) => [
          { text: `${t('report.consultation.option', { label: o.label })} ` },
          { text: textBar(o.count, q.answered), kind: 'mark' as const },
        ]),
      });
    }
    if (q.texts.length > 0) {
      blocks.push({
        type: 'list',
        ordered: false,
        items: q.texts.map((answer) => [{ text: quoted(t, answer.text, answer.refs) }]),
      });
    }
    return {
      type: 'section' as const,
      title: `${index + 1}. ${q.prompt}`,
      eId: eIdOf('sec_question', q.questionId),
      blocks,
    };
  });
}

function paragraphBlocks(t: ExportLabels, synthesis: ConsultationSynthesis): ExportBlock[] {
  return synthesis.paragraphs
    .filter((p) => p.answers > 0)
    .map((p) => ({
      type: 'section' as const,
      title: t('report.consultation.paragraphAnswers', { ref: p.ref, count: p.answers }),
      eId: eIdOf('sec_paragraph', p.paragraphId),
      blocks: [
        { type: 'prose' as const, runs: [{ text: p.text }] },
        ...(p.excerpts.length > 0
          ? [
              {
                type: 'list' as const,
                ordered: false,
                items: p.excerpts.map((e) => [{ text: t.quote(e.text) }]),
              },
            ]
          : []),
      ],
    }));
}

export function consultationReportModel(input: ReportInput): ExportModel {
  const { consultation: c, synthesis } = input;
  const t = exportLabels(input.labels);
  const quiet = synthesis.paragraphs.filter((p) => p.answers === 0).map((p) => p.ref);
  return {
    variant: 'consultation-report',
    title: c.title,
    symbol: `${c.documentTitle ?? t('report.consultation.draft')}, ${c.revisionLabel}`,
    subtitle: t('report.consultation.subtitle'),
    metadata: [
      {
        label: t('report.consultation.period'),
        value: t('report.consultation.periodValue', {
          from: t.date(c.opensAt),
          to: t.date(c.closedAt ?? c.closesAt),
        }),
      },
      {
        label: t('report.consultation.audience'),
        value: t('report.consultation.audienceValue', { audience: c.audience }),
      },
      {
        label: t('report.consultation.answers'),
        value: t('report.consultation.identityValue', { identity: c.identity }),
      },
      {
        label: t('report.consultation.respondents'),
        value: t('report.consultation.respondentsValue', {
          responses: synthesis.responses,
          link: synthesis.throughLink,
        }),
      },
      { label: t('cover.generated'), value: input.generatedAt, kind: 'instant' },
    ],
    generatedAt: input.generatedAt,
    language: t.language,
    labels: t.language,
    blocks: [
      { type: 'heading', level: 1, text: t('report.consultation.perQuestion') },
      ...questionBlocks(t, synthesis),
      { type: 'heading', level: 1, text: t('report.consultation.perParagraph') },
      ...paragraphBlocks(t, synthesis),
      ...(quiet.length > 0
        ? [
            {
              type: 'prose' as const,
              runs: [{ text: t('report.consultation.quiet', { refs: t.list(quiet) }) }],
            },
          ]
        : []),
      { type: 'heading', level: 1, text: t('report.consultation.overTime') },
      {
        type: 'list',
        ordered: false,
        items: synthesis.participation.map((d) => [
          {
            text: t('report.consultation.day', {
              day: t.date(d.day),
              count: d.count,
              cumulative: d.cumulative,
            }),
          },
        ]),
      },
    ],
    source: { consultation: c, synthesis },
  };
}
