/**
 * Composes a consultation report from its synthesis, pure: the cover (title, revision, period,
 * how many answered and how), then per question the count of each option with a bar drawn in
 * characters (every format prints them alike) and the open answers, then per paragraph of the
 * revision the answers attached to it, then participation day by day. Rendered like every export
 * (`renderExport`, in the worker pool); `generatedAt` is the end of the consultation or, while it
 * runs, the time asked, so a closed consultation always gives the same bytes.
 *
 *   const model = consultationReportModel({ consultation, synthesis, generatedAt });
 *   const { bytes } = await renderExport(model, 'pdf');
 */
import type { ConsultationSynthesis, ConsultationSynthesisView } from '@accord/shared';
import { eIdOf, type ExportBlock, type ExportModel } from '../exports/model.js';

export interface ReportInput {
  consultation: ConsultationSynthesisView['consultation'];
  synthesis: ConsultationSynthesis;
  generatedAt: string;
}

const BAR_WIDTH = 24;

/** "████████░░░░ 8 (40%)": a bar as long as the share of respondents who chose the option. */
export function textBar(count: number, of: number): string {
  const share = of === 0 ? 0 : count / of;
  const filled = Math.round(share * BAR_WIDTH);
  return `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)} ${count} (${Math.round(share * 100)}%)`;
}

const quoted = (text: string, refs: readonly string[]) =>
  refs.length === 0 ? `“${text}”` : `“${text}” (${refs.join(', ')})`;

function questionBlocks(synthesis: ConsultationSynthesis): ExportBlock[] {
  return synthesis.questions.map((q, index) => {
    const blocks: ExportBlock[] = [
      { type: 'prose', runs: [{ text: `Answered by ${q.answered} of ${synthesis.responses}.` }] },
    ];
    if (q.options.length > 0) {
      blocks.push({
        type: 'list',
        ordered: false,
        items: q.options.map((o) => [
          { text: `${o.label}: ` },
          { text: textBar(o.count, q.answered), kind: 'mark' as const },
        ]),
      });
    }
    if (q.texts.length > 0) {
      blocks.push({
        type: 'list',
        ordered: false,
        items: q.texts.map((t) => [{ text: quoted(t.text, t.refs) }]),
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

function paragraphBlocks(synthesis: ConsultationSynthesis): ExportBlock[] {
  return synthesis.paragraphs
    .filter((p) => p.answers > 0)
    .map((p) => ({
      type: 'section' as const,
      title: `${p.ref}: ${p.answers} ${p.answers === 1 ? 'answer' : 'answers'}`,
      eId: eIdOf('sec_paragraph', p.paragraphId),
      blocks: [
        { type: 'prose' as const, runs: [{ text: p.text }] },
        ...(p.excerpts.length > 0
          ? [
              {
                type: 'list' as const,
                ordered: false,
                items: p.excerpts.map((e) => [{ text: `“${e.text}”` }]),
              },
            ]
          : []),
      ],
    }));
}

export function consultationReportModel(input: ReportInput): ExportModel {
  const { consultation: c, synthesis } = input;
  const quiet = synthesis.paragraphs.filter((p) => p.answers === 0).map((p) => p.ref);
  return {
    variant: 'consultation-report',
    title: c.title,
    symbol: `${c.documentTitle ?? 'Draft'}, ${c.revisionLabel}`,
    subtitle: 'Consultation report',
    metadata: [
      {
        label: 'Period',
        value: `${c.opensAt.slice(0, 10)} to ${(c.closedAt ?? c.closesAt).slice(0, 10)}`,
      },
      {
        label: 'Audience',
        value: c.audience === 'public' ? 'Anyone with the link' : 'Invited members',
      },
      { label: 'Answers', value: c.identity === 'anonymous' ? 'Anonymous' : 'Identified' },
      {
        label: 'Respondents',
        value: `${synthesis.responses} (${synthesis.throughLink} through the public link)`,
      },
    ],
    generatedAt: input.generatedAt,
    language: 'en',
    blocks: [
      { type: 'heading', level: 1, text: 'Answers per question' },
      ...questionBlocks(synthesis),
      { type: 'heading', level: 1, text: 'Answers per paragraph' },
      ...paragraphBlocks(synthesis),
      ...(quiet.length > 0
        ? [
            {
              type: 'prose' as const,
              runs: [{ text: `No answer was attached to ${quiet.join(', ')}.` }],
            },
          ]
        : []),
      { type: 'heading', level: 1, text: 'Participation over time' },
      {
        type: 'list',
        ordered: false,
        items: synthesis.participation.map((d) => [
          { text: `${d.day}: ${d.count} (${d.cumulative} in all)` },
        ]),
      },
    ],
    source: { consultation: c, synthesis },
  };
}
