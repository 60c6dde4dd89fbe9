/**
 * Composes a roundtable paper from the record, pure: the cover (theme, co-chairs, date, version),
 * the co-chairs' background, the current text of the paragraphs the roundtable covers with every
 * pending proposal in place and attributed (the compilation text's own blocks), where positions
 * converge and diverge (shared's consensus fold), the inputs of civil society and observers
 * (their comments and positions, attributed), and the guiding questions.
 *
 *   const model = paperModel({ roundtable, edition: { kind: 'issued', version: 2 }, compilation,
 *     frame, comments, stakeholders, recordPosition: '1234' });
 *   const { bytes } = await renderExport(model, 'pdf');
 */
import type { TargetConsensus } from '@accord/shared';
import {
  exportLabels,
  type ExportBlock,
  type ExportLabels,
  type ExportLanguage,
  type ExportModel,
  type ParagraphBlock,
  type Run,
} from '../exports/index.js';
import type { DocumentFrame, FrameParagraph } from '../timetravel/index.js';

export interface PaperStakeholder {
  name: string;
  shortCode: string;
  kind: string;
}

export interface PaperRoundtable {
  roundtableId: string;
  theme: string;
  date: string;
  coChairStakeholderIds: readonly string[];
  invitedStakeholderIds: readonly string[];
  coverage: { documentId: string; paragraphIds: readonly string[] };
  background: string;
  guidingQuestions: readonly string[];
  draft: number;
}

/** A comment (or reply) on a covered paragraph, as it stood at the paper's point. */
export interface PaperComment {
  commentId: string;
  paragraphId: string;
  body: string;
  stakeholderId: string;
  at: string;
  /** The words the comment is anchored to, when it is on a range. */
  quote?: string;
  /** Set on replies: the comment replied to. */
  replyTo?: string;
}

export type PaperEdition = { kind: 'issued'; version: number } | { kind: 'preview' };

export interface PaperInput {
  roundtable: PaperRoundtable;
  edition: PaperEdition;
  /** The compilation text of the covered document as of the paper's point. */
  compilation: ExportModel;
  /** The same document as of the same point. */
  frame: DocumentFrame;
  comments: readonly PaperComment[];
  stakeholders: Readonly<Record<string, PaperStakeholder>>;
  /** The global log position the paper is generated from. */
  recordPosition: string;
  /** The language of the paper's own words (headings, cover, standings); English when absent. */
  labels?: ExportLanguage;
}

/**
 * The paragraphs a roundtable covers, in document order. A heading stands for its section: the
 * heading and every paragraph after it up to the next heading.
 */
export function coveredParagraphIds(
  paragraphs: readonly Pick<FrameParagraph, 'id' | 'kind'>[],
  named: readonly string[],
): string[] {
  const wanted = new Set(named);
  const covered: string[] = [];
  let inSection = false;
  for (const p of paragraphs) {
    if (p.kind === 'heading') inSection = wanted.has(p.id);
    if (inSection || wanted.has(p.id)) covered.push(p.id);
  }
  return covered;
}

const text = (value: string): Run[] => [{ text: value }];

/** Blank lines separate paragraphs of prose. */
const prose = (value: string): ExportBlock[] =>
  value
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => ({ type: 'prose', runs: text(part.replace(/\s*\n\s*/g, ' ')) }));

function nameOf(stakeholders: PaperInput['stakeholders'], id: string): string {
  return stakeholders[id]?.name ?? `Stakeholder ${id.slice(0, 8)}`;
}

function names(list: readonly { name: string }[]): string {
  return list.map((d) => d.name).join(', ');
}

/** " — “their words”" after a line, when a statement was given. */
const said = (t: ExportLabels, statement: string | null | undefined) =>
  statement ? ` — ${t.quote(statement)}` : '';

/** One target's convergence and divergence, in sentences a delegate reads at a glance. */
function standingLines(consensus: TargetConsensus, t: ExportLabels): Run[][] {
  const lines: Run[][] = [];
  const { breadth, tally } = consensus;
  lines.push(
    text(
      t('paper.support', { supporting: breadth.supporting, of: breadth.of, silent: tally.silent }),
    ),
  );
  const supporters = consensus.delegations.filter(
    (d) => d.stance === 'support' || d.stance === 'can-accept',
  );
  if (supporters.length > 0) lines.push(text(t('paper.converging', { names: names(supporters) })));
  for (const d of consensus.objectors) {
    lines.push(text(`${t('paper.objects', { name: d.name })}${said(t, d.statement)}`));
  }
  for (const d of consensus.reservations) {
    lines.push(text(`${t('paper.reservation', { name: d.name })}${said(t, d.statement)}`));
  }
  if (consensus.undecided.length > 0) {
    lines.push(text(t('paper.undecided', { names: names(consensus.undecided) })));
  }
  for (const g of consensus.groups) {
    const stance = t(`paper.stance.${g.stance}`);
    lines.push(text(`${t('paper.group', { name: g.name, stance })}${said(t, g.statement)}`));
  }
  return lines;
}

function convergenceBlocks(
  input: PaperInput,
  covered: ReadonlySet<string>,
  t: ExportLabels,
): ExportBlock[] {
  const { consensus } = input.frame;
  const blocks: ExportBlock[] = [];
  for (const paragraph of consensus.paragraphs) {
    if (!covered.has(paragraph.paragraphId) || paragraph.kind === 'heading') continue;
    const label = paragraph.label ?? t('paper.paragraph');
    // Relative to the section it sits in: one level below the section's title.
    const status = t(`paper.status.${paragraph.status}`);
    blocks.push({ type: 'heading', level: 1, text: `${label}: ${status}` });
    blocks.push({ type: 'list', ordered: false, items: standingLines(paragraph, t) });
    for (const amendment of consensus.amendments) {
      if (amendment.paragraphId !== paragraph.paragraphId) continue;
      const sponsor = nameOf(input.stakeholders, amendment.sponsorStakeholderId);
      blocks.push({
        type: 'prose',
        runs: [
          {
            text: t('paper.proposalBy', {
              sponsor,
              what: t(`paper.proposal.${amendment.kind}`),
              status: t(`paper.status.${amendment.status}`),
            }),
            kind: 'mark',
            proposalId: amendment.amendmentId,
          },
        ],
      });
      blocks.push({ type: 'list', ordered: false, items: standingLines(amendment, t) });
    }
  }
  if (blocks.length === 0) blocks.push({ type: 'prose', runs: text(t('paper.noneCovered')) });
  return blocks;
}

function inputBlocks(
  input: PaperInput,
  covered: ReadonlySet<string>,
  t: ExportLabels,
): ExportBlock[] {
  const labels = new Map(input.frame.paragraphs.map((p) => [p.id, p.label ?? t('paper.aHeading')]));
  const isInput = (stakeholderId: string) => {
    const kind = input.stakeholders[stakeholderId]?.kind;
    return kind === 'civil-society' || kind === 'observer';
  };
  const by = (stakeholderId: string) => {
    // ICU select keys are plain words: civil society is `civilSociety` in the catalogue.
    const known = input.stakeholders[stakeholderId]?.kind;
    const kind = known === 'civil-society' ? 'civilSociety' : (known ?? 'other');
    return t('paper.by', { name: nameOf(input.stakeholders, stakeholderId), kind });
  };
  const items: Run[][] = [];
  for (const paragraph of input.frame.consensus.paragraphs) {
    if (!covered.has(paragraph.paragraphId)) continue;
    const label = labels.get(paragraph.paragraphId) ?? t('paper.aParagraph');
    for (const s of paragraph.notCounted) {
      if (!isInput(s.stakeholderId)) continue;
      const stance = t(`paper.stance.${s.stance}`);
      items.push(
        text(
          `${t('paper.inputOn', { by: by(s.stakeholderId), label, stance })}${said(t, s.statement)}`,
        ),
      );
    }
  }
  for (const amendment of input.frame.consensus.amendments) {
    if (!covered.has(amendment.paragraphId)) continue;
    const sponsor = nameOf(input.stakeholders, amendment.sponsorStakeholderId);
    for (const s of amendment.notCounted) {
      if (!isInput(s.stakeholderId)) continue;
      const values = {
        by: by(s.stakeholderId),
        sponsor,
        label: labels.get(amendment.paragraphId) ?? t('paper.aParagraph'),
        stance: t(`paper.stance.${s.stance}`),
      };
      items.push(text(`${t('paper.inputOnProposal', values)}${said(t, s.statement)}`));
    }
  }
  for (const comment of input.comments) {
    if (!covered.has(comment.paragraphId) || !isInput(comment.stakeholderId)) continue;
    const values = {
      by: by(comment.stakeholderId),
      reply: comment.replyTo ? 'yes' : 'no',
      where: labels.get(comment.paragraphId) ?? t('paper.aParagraph'),
      body: comment.body,
    };
    items.push(
      text(
        comment.quote
          ? t('paper.commentOn', { ...values, quote: t.quote(comment.quote) })
          : t('paper.comment', values),
      ),
    );
  }
  return items.length > 0
    ? [{ type: 'list', ordered: false, items }]
    : [
        {
          type: 'prose',
          runs: text(t('paper.noInput')),
        },
      ];
}

/** The paper's symbol: short, stable per roundtable, with the version (or "draft"). */
export function paperSymbol(roundtableId: string, edition: PaperEdition): string {
  const base = `RT/${roundtableId.slice(0, 8)}`;
  return edition.kind === 'issued' ? `${base}/v${edition.version}` : `${base}/draft`;
}

export function paperModel(input: PaperInput): ExportModel {
  const { roundtable, edition, frame, compilation } = input;
  const t = exportLabels(input.labels);
  const covered = new Set(coveredParagraphIds(frame.paragraphs, roundtable.coverage.paragraphIds));
  const pendingOn = new Map(
    frame.amendments.filter((a) => a.status === 'pending').map((a) => [a.amendmentId, a]),
  );
  // The compilation's own blocks: covered paragraphs, and new paragraphs proposed after them.
  const textBlocks = compilation.blocks.filter(
    (b): b is ParagraphBlock =>
      b.type === 'paragraph' &&
      (covered.has(b.id) || covered.has(pendingOn.get(b.id)?.paragraphId ?? '')),
  );
  const coChairs = roundtable.coChairStakeholderIds.map((id) => nameOf(input.stakeholders, id));
  const coveredLabels = frame.paragraphs
    .filter((p) => covered.has(p.id) && p.label)
    .map((p) => p.label!);
  const version =
    edition.kind === 'issued'
      ? String(edition.version)
      : t('paper.versionDraft', { draft: roundtable.draft });
  const invited = roundtable.invitedStakeholderIds.map((id) => nameOf(input.stakeholders, id));
  const questions = roundtable.guidingQuestions.map((q) => text(q));
  return {
    variant: 'paper',
    title: roundtable.theme,
    symbol: paperSymbol(roundtable.roundtableId, edition),
    subtitle:
      edition.kind === 'issued'
        ? t('paper.subtitleIssued', { version: edition.version })
        : t('paper.subtitleDraft', { draft: roundtable.draft }),
    metadata: [
      { label: t('paper.coChairs'), value: t.list(coChairs) },
      { label: t('paper.date'), value: roundtable.date },
      { label: t('paper.version'), value: version },
      {
        label: t('paper.covers'),
        value: t('paper.coversValue', {
          labels: coveredLabels.join(', ') || t('paper.noNumbered'),
          symbol: frame.document.symbol,
        }),
      },
      ...(invited.length > 0 ? [{ label: t('paper.invited'), value: invited.join(', ') }] : []),
      { label: t('paper.recordPosition'), value: input.recordPosition },
      { label: t('cover.generated'), value: compilation.generatedAt, kind: 'instant' as const },
    ],
    generatedAt: compilation.generatedAt,
    language: compilation.language,
    labels: t.language,
    blocks: [
      {
        type: 'section',
        title: t('paper.background'),
        eId: 'sec_background',
        blocks: prose(roundtable.background).length
          ? prose(roundtable.background)
          : [{ type: 'prose', runs: text(t('paper.noBackground')) }],
      },
      {
        type: 'section',
        title: t('paper.text', { symbol: frame.document.symbol }),
        eId: 'sec_text',
        blocks: textBlocks.length ? textBlocks : [{ type: 'prose', runs: text(t('paper.noText')) }],
      },
      {
        type: 'section',
        title: t('paper.positions'),
        eId: 'sec_positions',
        blocks: convergenceBlocks(input, covered, t),
      },
      {
        type: 'section',
        title: t('paper.inputs'),
        eId: 'sec_inputs',
        blocks: inputBlocks(input, covered, t),
      },
      {
        type: 'section',
        title: t('paper.questions'),
        eId: 'sec_questions',
        blocks: questions.length
          ? [{ type: 'list', ordered: true, items: questions }]
          : [{ type: 'prose', runs: text(t('paper.noQuestions')) }],
      },
    ],
    source: {
      roundtable: {
        roundtableId: roundtable.roundtableId,
        theme: roundtable.theme,
        date: roundtable.date,
        coChairs: roundtable.coChairStakeholderIds.map((id) => ({
          stakeholderId: id,
          name: nameOf(input.stakeholders, id),
        })),
        coverage: roundtable.coverage,
        coveredParagraphIds: [...covered],
        background: roundtable.background,
        guidingQuestions: roundtable.guidingQuestions,
        draft: roundtable.draft,
      },
      edition,
      recordPosition: input.recordPosition,
      asOf: frame.asOf,
      paragraphs: frame.paragraphs.filter((p) => covered.has(p.id)),
      amendments: frame.amendments.filter(
        (a) => a.status === 'pending' && covered.has(a.paragraphId),
      ),
      consensus: {
        rule: frame.consensus.rule,
        paragraphs: frame.consensus.paragraphs.filter((p) => covered.has(p.paragraphId)),
        amendments: frame.consensus.amendments.filter((a) => covered.has(a.paragraphId)),
      },
      comments: input.comments.filter((c) => covered.has(c.paragraphId)),
    },
  };
}
