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
import type { AmendmentKind, ParagraphConsensus, Stance, TargetConsensus } from '@accord/shared';
import {
  type ExportBlock,
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
}

const stanceWords: Record<Stance, string> = {
  support: 'supports',
  'can-accept': 'can accept',
  reservation: 'has a reservation',
  objection: 'objects',
  abstain: 'abstains',
};

const statusWords: Record<ParagraphConsensus['status'], string> = {
  'agreed-ad-ref': 'agreed ad ref',
  consensus: 'converging: every delegation has stated a position and none objects',
  'no-objection-so-far': 'no objection so far: not every delegation has stated a position',
  contested: 'diverging: at least one delegation objects',
  'pending-reservations': 'no objection, but reservations are pending',
  'no-positions': 'no delegation has stated a position yet',
};

const proposalWords: Record<AmendmentKind, string> = {
  insert: 'to insert words',
  delete: 'to delete words',
  replace: 'to replace words',
  'add-paragraph': 'to add a paragraph after it',
  'delete-paragraph': 'to delete the paragraph',
};

const kindWords: Record<string, string> = {
  'civil-society': 'civil society',
  observer: 'observer',
};

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

/** One target's convergence and divergence, in sentences a delegate reads at a glance. */
function standingLines(consensus: TargetConsensus): Run[][] {
  const lines: Run[][] = [];
  const { breadth, tally } = consensus;
  lines.push(
    text(
      `Support or can accept: ${breadth.supporting} of ${breadth.of} delegations` +
        (tally.silent > 0 ? `; ${tally.silent} silent` : ''),
    ),
  );
  const supporters = consensus.delegations.filter(
    (d) => d.stance === 'support' || d.stance === 'can-accept',
  );
  if (supporters.length > 0) lines.push(text(`Converging: ${names(supporters)}`));
  for (const d of consensus.objectors) {
    lines.push(text(`Objects: ${d.name}${d.statement ? ` — “${d.statement}”` : ''}`));
  }
  for (const d of consensus.reservations) {
    lines.push(text(`Reservation: ${d.name}${d.statement ? ` — “${d.statement}”` : ''}`));
  }
  if (consensus.undecided.length > 0) {
    lines.push(text(`Undecided (their groups disagree): ${names(consensus.undecided)}`));
  }
  for (const g of consensus.groups) {
    lines.push(
      text(`${g.name} (group) ${stanceWords[g.stance]}${g.statement ? ` — “${g.statement}”` : ''}`),
    );
  }
  return lines;
}

function convergenceBlocks(input: PaperInput, covered: ReadonlySet<string>): ExportBlock[] {
  const { consensus } = input.frame;
  const blocks: ExportBlock[] = [];
  for (const paragraph of consensus.paragraphs) {
    if (!covered.has(paragraph.paragraphId) || paragraph.kind === 'heading') continue;
    const label = paragraph.label ?? 'Paragraph';
    // Relative to the section it sits in: one level below the section's title.
    blocks.push({ type: 'heading', level: 1, text: `${label}: ${statusWords[paragraph.status]}` });
    blocks.push({ type: 'list', ordered: false, items: standingLines(paragraph) });
    for (const amendment of consensus.amendments) {
      if (amendment.paragraphId !== paragraph.paragraphId) continue;
      const sponsor = nameOf(input.stakeholders, amendment.sponsorStakeholderId);
      blocks.push({
        type: 'prose',
        runs: [
          {
            text: `Proposal by ${sponsor} ${proposalWords[amendment.kind]}: ${statusWords[amendment.status]}`,
            kind: 'mark',
            proposalId: amendment.amendmentId,
          },
        ],
      });
      blocks.push({ type: 'list', ordered: false, items: standingLines(amendment) });
    }
  }
  if (blocks.length === 0) blocks.push({ type: 'prose', runs: text('No paragraph is covered.') });
  return blocks;
}

function inputBlocks(input: PaperInput, covered: ReadonlySet<string>): ExportBlock[] {
  const labels = new Map(input.frame.paragraphs.map((p) => [p.id, p.label ?? 'a heading']));
  const isInput = (stakeholderId: string) => {
    const kind = input.stakeholders[stakeholderId]?.kind;
    return kind === 'civil-society' || kind === 'observer';
  };
  const by = (stakeholderId: string) => {
    const s = input.stakeholders[stakeholderId];
    return `${nameOf(input.stakeholders, stakeholderId)} (${kindWords[s?.kind ?? ''] ?? 'stakeholder'})`;
  };
  const items: Run[][] = [];
  for (const paragraph of input.frame.consensus.paragraphs) {
    if (!covered.has(paragraph.paragraphId)) continue;
    const label = labels.get(paragraph.paragraphId) ?? 'a paragraph';
    for (const s of paragraph.notCounted) {
      if (!isInput(s.stakeholderId)) continue;
      items.push(
        text(
          `${by(s.stakeholderId)} on ${label}: ${stanceWords[s.stance]}` +
            (s.statement ? ` — “${s.statement}”` : ''),
        ),
      );
    }
  }
  for (const amendment of input.frame.consensus.amendments) {
    if (!covered.has(amendment.paragraphId)) continue;
    const sponsor = nameOf(input.stakeholders, amendment.sponsorStakeholderId);
    for (const s of amendment.notCounted) {
      if (!isInput(s.stakeholderId)) continue;
      items.push(
        text(
          `${by(s.stakeholderId)} on the proposal by ${sponsor} to ${labels.get(amendment.paragraphId) ?? 'a paragraph'}: ` +
            `${stanceWords[s.stance]}${s.statement ? ` — “${s.statement}”` : ''}`,
        ),
      );
    }
  }
  for (const comment of input.comments) {
    if (!covered.has(comment.paragraphId) || !isInput(comment.stakeholderId)) continue;
    const where = labels.get(comment.paragraphId) ?? 'a paragraph';
    const on = comment.quote ? ` (on “${comment.quote}”)` : '';
    const verb = comment.replyTo ? 'replied on' : 'commented on';
    items.push(text(`${by(comment.stakeholderId)} ${verb} ${where}${on}: ${comment.body}`));
  }
  return items.length > 0
    ? [{ type: 'list', ordered: false, items }]
    : [
        {
          type: 'prose',
          runs: text('Civil society and observers have made no input on these paragraphs yet.'),
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
    edition.kind === 'issued' ? String(edition.version) : `draft ${roundtable.draft}, not issued`;
  const invited = roundtable.invitedStakeholderIds.map((id) => nameOf(input.stakeholders, id));
  const questions = roundtable.guidingQuestions.map((q) => text(q));
  return {
    variant: 'paper',
    title: roundtable.theme,
    symbol: paperSymbol(roundtable.roundtableId, edition),
    subtitle:
      edition.kind === 'issued'
        ? `Roundtable paper, version ${edition.version}`
        : `Roundtable paper, draft ${roundtable.draft} (preview, not issued)`,
    metadata: [
      { label: 'Co-chairs', value: coChairs.join(' and ') },
      { label: 'Date', value: roundtable.date },
      { label: 'Version', value: version },
      {
        label: 'Covers',
        value: `${coveredLabels.join(', ') || 'no numbered paragraph'} of ${frame.document.symbol}`,
      },
      ...(invited.length > 0 ? [{ label: 'Invited', value: invited.join(', ') }] : []),
      { label: 'Record position', value: input.recordPosition },
      { label: 'Generated from the record as of', value: compilation.generatedAt },
    ],
    generatedAt: compilation.generatedAt,
    language: compilation.language,
    blocks: [
      {
        type: 'section',
        title: 'Background',
        eId: 'sec_background',
        blocks: prose(roundtable.background).length
          ? prose(roundtable.background)
          : [{ type: 'prose', runs: text('The co-chairs have not written a background yet.') }],
      },
      {
        type: 'section',
        title: `Text under discussion (${frame.document.symbol})`,
        eId: 'sec_text',
        blocks: textBlocks.length
          ? textBlocks
          : [{ type: 'prose', runs: text('None of the covered paragraphs is in the text.') }],
      },
      {
        type: 'section',
        title: 'Where positions converge and diverge',
        eId: 'sec_positions',
        blocks: convergenceBlocks(input, covered),
      },
      {
        type: 'section',
        title: 'Inputs from civil society and observers',
        eId: 'sec_inputs',
        blocks: inputBlocks(input, covered),
      },
      {
        type: 'section',
        title: 'Guiding questions',
        eId: 'sec_questions',
        blocks: questions.length
          ? [{ type: 'list', ordered: true, items: questions }]
          : [{ type: 'prose', runs: text('The co-chairs have not set guiding questions yet.') }],
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
