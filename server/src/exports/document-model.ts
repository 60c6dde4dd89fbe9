/**
 * Export models of a document, pure: the clean text and the compilation text from a frame (with
 * where each pending amendment's words sit), the comparison from an attributed comparison. The
 * record is read in build.ts; the benchmark feeds generated frames straight in.
 *
 *   compilationModel({ frame, stakeholders, placements, generatedAt });
 */
import {
  nestSubAmendments,
  renderParagraphOption,
  type AmendmentRecord,
  type BracketCounts,
} from '@accord/shared';
import type { DocumentComparison, DocumentFrame, FrameParagraph } from '../timetravel/index.js';
import { BracketWeaver, bracketRuns } from './bracket-runs.js';
import { exportLabels, type ExportLabels, type ExportLanguage } from './i18n/index.js';
import {
  eIdOf,
  type Attribution,
  type ExportBlock,
  type ExportModel,
  type MetadataLine,
  type ParagraphBlock,
  type ParagraphOption,
  type ProposalNote,
  type Run,
} from './model.js';
import {
  countLines,
  negotiationSource,
  noNegotiationMarks,
  type NegotiationMarks,
} from './negotiation-marks.js';

export { exportVariants, type ExportVariant } from '@accord/shared';
import type { ExportVariant } from '@accord/shared';

export type { StakeholderName } from './negotiation-marks.js';
import type { StakeholderName } from './negotiation-marks.js';

export interface FrameModelInput {
  frame: DocumentFrame;
  /** Names of the stakeholders the amendments name, by id. */
  stakeholders: Readonly<Record<string, StakeholderName>>;
  /**
   * Where each pending in-text amendment's words are in its paragraph's text at the point
   * (resolved from its anchor). Amendments not here are placed by finding their original words.
   */
  placements?: ReadonlyMap<string, { start: number; end: number }>;
  /** Open brackets and options at the point (negotiation-marks.ts); none when absent. */
  marks?: NegotiationMarks;
  generatedAt: string;
  /** The language of the labels the export adds; English when absent. */
  labels?: ExportLanguage;
}

type FrameAmendment = DocumentFrame['amendments'][number];

/** "Clean text", "Compilation text", "Comparison", in the label language. */
export const variantTitle = (variant: ExportVariant, t: ExportLabels = exportLabels()): string =>
  t(`variant.${variant}`);

const paragraphEId = (paragraphId: string) => eIdOf('para', paragraphId);

function stakeholderAttribution(
  stakeholders: Readonly<Record<string, StakeholderName>>,
  stakeholderId: string,
  date: string,
): Attribution {
  const known = stakeholders[stakeholderId];
  return {
    author: known?.name ?? stakeholderId.slice(0, 8),
    authorCode: known?.shortCode ?? stakeholderId.slice(0, 8),
    stakeholderId,
    date,
  };
}

function pointLine(point: DocumentFrame['asOf'], t: ExportLabels): string {
  return point.revisionInForce
    ? t('cover.inForce', { point: point.asOf, revision: point.revisionInForce })
    : point.asOf;
}

function header(
  frame: Pick<DocumentFrame, 'document' | 'documentId'>,
  variant: ExportVariant,
  generatedAt: string,
  metadata: MetadataLine[],
  source: unknown,
  t: ExportLabels,
): Omit<ExportModel, 'blocks'> {
  return {
    variant,
    title: frame.document.title,
    symbol: frame.document.symbol,
    subtitle: variantTitle(variant, t),
    metadata: [
      { label: t('cover.symbol'), value: frame.document.symbol, kind: 'symbol' },
      ...metadata,
      { label: t('cover.generated'), value: generatedAt, kind: 'instant' },
    ],
    generatedAt,
    language: 'en',
    labels: t.language,
    source,
  };
}

function plainBlock(p: FrameParagraph, runs: Run[], proposals: ProposalNote[]): ParagraphBlock {
  return {
    type: 'paragraph',
    id: p.id,
    eId: paragraphEId(p.id),
    kind: p.kind,
    label: p.label,
    chairStatus: p.chairStatus,
    runs,
    proposals,
  };
}

/** The paragraph's open brackets and inline options, when it has any. */
function negotiationOf(
  p: FrameParagraph,
  marks: NegotiationMarks,
): ParagraphBlock['negotiation'] | undefined {
  const brackets = marks.bracketsByParagraph.get(p.id) ?? [];
  const optionSets = marks.inlineOptionsByParagraph.get(p.id) ?? [];
  return brackets.length + optionSets.length > 0
    ? { text: p.text, brackets, optionSets }
    : undefined;
}

/** The option as this variant prints it: "Option 2", "Option 2 (EU)" in the compilation. */
function shownOption(option: ParagraphOption, attribute: boolean): ParagraphOption {
  const line = attribute
    ? `${option.label} (${option.by.authorCode ?? option.by.author})`
    : option.label;
  return { ...option, line };
}

/** A "No text" alternative, shown as a paragraph of its own after the set's paragraphs. */
function noTextBlock(after: FrameParagraph, noText: ParagraphOption, attribute: boolean) {
  const option = shownOption(noText, attribute);
  const block: ParagraphBlock = {
    type: 'paragraph',
    id: option.optionId,
    eId: eIdOf('para-option', option.optionId),
    kind: after.kind === 'heading' ? 'operative' : after.kind,
    label: null,
    chairStatus: 'open',
    runs: [{ text: renderParagraphOption(option.line, null), kind: 'mark' }],
    proposals: [],
    option,
  };
  return block;
}

/** The paragraph's blocks: itself, labelled when it is an option, then any "No text" option. */
function withOptions(
  p: FrameParagraph,
  block: ParagraphBlock,
  marks: NegotiationMarks,
  attribute: boolean,
): ParagraphBlock[] {
  const option = marks.optionByParagraph.get(p.id);
  const own: ParagraphBlock = option ? { ...block, option: shownOption(option, attribute) } : block;
  const noText = marks.noTextOptions
    .filter((n) => n.afterParagraphId === p.id)
    .map((n) => noTextBlock(p, n.option, attribute));
  return [own, ...noText];
}

/** The cover's lines for the open brackets and options, when the model has them. */
const countMetadata = (marks: NegotiationMarks | undefined, t: ExportLabels) =>
  marks ? countLines(marks.counts, t) : [];

/** What the JSON format writes: the frame, and the brackets and options when there are any. */
const sourceOf = (frame: DocumentFrame, marks: NegotiationMarks | undefined) =>
  marks ? { ...frame, negotiationText: negotiationSource(frame.paragraphs, marks) } : frame;

/** The text as it stands, without proposals; brackets and options as the notation writes them. */
export function cleanModel(input: FrameModelInput): ExportModel {
  const { frame, generatedAt } = input;
  const t = exportLabels(input.labels);
  const marks = input.marks ?? noNegotiationMarks();
  return {
    ...header(
      frame,
      'clean',
      generatedAt,
      [
        { label: t('cover.asOf'), value: pointLine(frame.asOf, t) },
        ...countMetadata(input.marks, t),
      ],
      sourceOf(frame, input.marks),
      t,
    ),
    ...(input.marks ? { counts: input.marks.counts } : {}),
    blocks: frame.paragraphs.flatMap((p) => {
      const negotiation = negotiationOf(p, marks);
      const runs = negotiation
        ? bracketRuns(p.text, negotiation.brackets, negotiation.optionSets, { attribute: false })
        : p.text
          ? [{ text: p.text }]
          : [];
      const block = plainBlock(p, runs, []);
      return withOptions(p, negotiation ? { ...block, negotiation } : block, marks, false);
    }),
  };
}

interface Placed {
  amendment: FrameAmendment;
  start: number;
  end: number;
}

const IN_TEXT = new Set(['insert', 'delete', 'replace']);

function sponsorsOf(
  a: AmendmentRecord,
  stakeholders: Readonly<Record<string, StakeholderName>>,
): Attribution[] {
  return [a.sponsorStakeholderId, ...a.cosponsorStakeholderIds].map((id) =>
    stakeholderAttribution(stakeholders, id, a.tabledAt),
  );
}

/** "EU, NO" — the sponsor first, then the co-sponsors; "Chair" for a chair's compromise. */
function tagOf(a: AmendmentRecord, sponsors: Attribution[], t: ExportLabels): string {
  const codes = sponsors.map((s) => s.authorCode ?? s.author).join(', ');
  return a.chairsCompromise ? t('compilation.compromise', { codes }) : codes;
}

/** Where the amendment's words are: its resolved anchor, else its original words found once. */
function place(
  a: FrameAmendment,
  text: string,
  placements: ReadonlyMap<string, { start: number; end: number }> | undefined,
): { start: number; end: number } | null {
  const resolved = placements?.get(a.amendmentId);
  if (resolved && resolved.start >= 0 && resolved.end <= text.length) {
    return a.proposal.kind === 'insert'
      ? { start: resolved.start, end: resolved.start }
      : { start: resolved.start, end: Math.max(resolved.start, resolved.end) };
  }
  const words = a.proposal.originalText;
  if (a.proposal.kind === 'insert') {
    if (words === '') return { start: 0, end: 0 };
    const at = text.indexOf(words);
    // Without its anchor, an insertion goes after the words it quoted.
    return at < 0 ? null : { start: at + words.length, end: at + words.length };
  }
  const at = words === '' ? -1 : text.indexOf(words);
  return at < 0 ? null : { start: at, end: at + words.length };
}

/** Proposals whose ranges overlap (or share an insertion point) compete: they become options. */
function clusters(placed: Placed[]): Placed[][] {
  const sorted = [...placed].sort((x, y) => x.start - y.start || x.end - y.end);
  const groups: Placed[][] = [];
  let end = -1;
  for (const p of sorted) {
    const last = groups.at(-1);
    // Two insertions at one point compete too; an insertion just after a range does not.
    const samePoint = (q: Placed) => q.start === q.end && q.start === p.start && p.start === p.end;
    const overlaps = last !== undefined && (p.start < end || last.some(samePoint));
    if (overlaps) {
      last.push(p);
      end = Math.max(end, p.end);
    } else {
      groups.push([p]);
      end = p.end;
    }
  }
  return groups;
}

function inPlaceRuns(p: Placed, text: string, by: Attribution, tag: string): Run[] {
  const { amendment: a } = p;
  const proposalId = a.amendmentId;
  const runs: Run[] = [{ text: `[${tag}: `, kind: 'mark', proposalId }];
  if (a.proposal.kind !== 'insert' && p.end > p.start)
    runs.push({ text: text.slice(p.start, p.end), kind: 'delete', by, proposalId });
  if (a.proposal.proposedText)
    runs.push({ text: a.proposal.proposedText, kind: 'insert', by, proposalId });
  runs.push({ text: ']', kind: 'mark', proposalId });
  return runs;
}

/** The paragraph with every pending proposal in place, attributed; brackets and options visible. */
function compilationParagraph(
  p: FrameParagraph,
  pending: FrameAmendment[],
  input: FrameModelInput,
): ExportBlock[] {
  const { stakeholders, placements } = input;
  const t = exportLabels(input.labels);
  const marks = input.marks ?? noNegotiationMarks();
  const negotiation = negotiationOf(p, marks);
  const weaver = new BracketWeaver(
    p.text,
    negotiation?.brackets ?? [],
    negotiation?.optionSets ?? [],
    { attribute: true },
  );
  const notes = new Map<string, ProposalNote>();
  const placed: Placed[] = [];
  // A sub-amendment changes its parent's words, not the text: it is listed under the parent.
  const present = new Set(pending.map((a) => a.amendmentId));
  const parentOf = (a: FrameAmendment) =>
    a.parentAmendmentId && present.has(a.parentAmendmentId) ? a.parentAmendmentId : null;
  const inText = pending.filter((a) => parentOf(a) === null);
  for (const a of pending) {
    const sponsors = sponsorsOf(a, stakeholders);
    const parent = parentOf(a);
    const spot =
      IN_TEXT.has(a.proposal.kind) && parent === null ? place(a, p.text, placements) : null;
    notes.set(a.amendmentId, {
      id: a.amendmentId,
      eId: eIdOf('amdt', a.amendmentId),
      kind: a.proposal.kind,
      sponsors,
      originalText: a.proposal.originalText,
      proposedText: a.proposal.proposedText,
      rationale: a.rationale,
      chairsCompromise: a.chairsCompromise,
      option: null,
      placed: IN_TEXT.has(a.proposal.kind) && parent === null ? spot !== null : true,
      ...(parent === null ? {} : { subAmendmentOf: parent }),
    });
    if (spot) placed.push({ amendment: a, ...spot });
  }

  const runs: Run[] = [];
  for (const group of clusters(placed)) {
    const start = Math.min(...group.map((g) => g.start));
    const end = Math.max(...group.map((g) => g.end));
    // The words up to the proposal, and the bracket edges among the words it rewrites.
    runs.push(...weaver.passOver(start, end));
    if (group.length === 1) {
      const only = group[0]!;
      const note = notes.get(only.amendment.amendmentId)!;
      runs.push(
        ...inPlaceRuns(only, p.text, note.sponsors[0]!, tagOf(only.amendment, note.sponsors, t)),
      );
    } else {
      // Options: the words as they stand, then each proposal's wording for the same place.
      const original = p.text.slice(start, end);
      runs.push({ text: `[${t('compilation.option', { n: 1 })}: `, kind: 'mark' });
      runs.push({ text: original });
      group.forEach((g, i) => {
        const note = notes.get(g.amendment.amendmentId)!;
        note.option = t('compilation.option', { n: i + 2 });
        const proposalId = g.amendment.amendmentId;
        const wording =
          p.text.slice(start, g.start) +
          g.amendment.proposal.proposedText +
          p.text.slice(g.amendment.proposal.kind === 'insert' ? g.start : g.end, end);
        runs.push({
          text: ` / ${note.option} (${tagOf(g.amendment, note.sponsors, t)}): `,
          kind: 'mark',
          proposalId,
        });
        if (wording)
          runs.push({ text: wording, kind: 'insert', by: note.sponsors[0]!, proposalId });
        else runs.push({ text: t('compilation.deleteWords'), kind: 'mark', proposalId });
      });
      runs.push({ text: ']', kind: 'mark' });
    }
  }
  runs.push(...weaver.rest());

  // A proposed deletion of the whole paragraph shows the paragraph struck through, attributed.
  const deletion = inText.find((a) => a.proposal.kind === 'delete-paragraph');
  let shown = runs;
  if (deletion) {
    const note = notes.get(deletion.amendmentId)!;
    const by = note.sponsors[0]!;
    shown = [
      {
        text: `[${tagOf(deletion, note.sponsors, t)}: ${t('compilation.deleteParagraph')}: `,
        kind: 'mark',
        proposalId: deletion.amendmentId,
      },
      ...runs.map((r): Run =>
        r.kind === undefined || r.kind === 'text'
          ? { text: r.text, kind: 'delete', by, proposalId: deletion.amendmentId }
          : r,
      ),
      { text: ']', kind: 'mark', proposalId: deletion.amendmentId },
    ];
  }
  // A status set by hand before brackets were data bracketed the whole paragraph; with brackets
  // and options as data, the status only says that some are open, and they show themselves.
  if (p.chairStatus === 'bracketed' && !negotiation && !marks.optionByParagraph.has(p.id))
    shown = [{ text: '[', kind: 'mark' }, ...shown, { text: ']', kind: 'mark' }];

  const own = plainBlock(
    p,
    shown,
    nestSubAmendments(pending)
      .flatMap(({ amendment, subAmendments }) => [amendment, ...subAmendments])
      .map((a) => notes.get(a.amendmentId)!),
  );
  const blocks: ExportBlock[] = withOptions(
    p,
    negotiation ? { ...own, negotiation } : own,
    marks,
    true,
  );
  // Proposed new paragraphs follow the paragraph they were tabled after, in the order tabled.
  for (const a of inText) {
    if (a.proposal.kind !== 'add-paragraph') continue;
    const note = notes.get(a.amendmentId)!;
    const by = note.sponsors[0]!;
    blocks.push({
      type: 'paragraph',
      id: a.amendmentId,
      eId: eIdOf('para-proposed', a.amendmentId),
      kind: a.proposal.paragraphKind,
      label: null,
      chairStatus: 'open',
      change: { kind: 'insert', by, proposalId: a.amendmentId },
      runs: [
        {
          text: `[${tagOf(a, note.sponsors, t)}: ${t('compilation.newParagraph')}: `,
          kind: 'mark',
          proposalId: a.amendmentId,
        },
        { text: a.proposal.proposedText, kind: 'insert', by, proposalId: a.amendmentId },
        { text: ']', kind: 'mark', proposalId: a.amendmentId },
      ],
      proposals: [],
    });
  }
  return blocks;
}

/** Every pending proposal in place and attributed; brackets, options and ad ref status visible. */
export function compilationModel(input: FrameModelInput): ExportModel {
  const { frame, generatedAt } = input;
  const t = exportLabels(input.labels);
  const pendingByParagraph = new Map<string, FrameAmendment[]>();
  for (const a of frame.amendments) {
    if (a.status !== 'pending') continue;
    const list = pendingByParagraph.get(a.paragraphId) ?? [];
    list.push(a);
    pendingByParagraph.set(a.paragraphId, list);
  }
  const pendingCount = [...pendingByParagraph.values()].reduce((n, l) => n + l.length, 0);
  const adRef = frame.paragraphs.filter((p) => p.chairStatus === 'agreed-ad-ref').length;
  return {
    ...header(
      frame,
      'compilation',
      generatedAt,
      [
        { label: t('cover.asOf'), value: pointLine(frame.asOf, t) },
        { label: t('cover.pending'), value: String(pendingCount) },
        { label: t('cover.adRef'), value: String(adRef) },
        ...countMetadata(input.marks, t),
      ],
      sourceOf(frame, input.marks),
      t,
    ),
    ...(input.marks ? { counts: input.marks.counts } : {}),
    blocks: frame.paragraphs.flatMap((p) =>
      compilationParagraph(p, pendingByParagraph.get(p.id) ?? [], input),
    ),
  };
}

export interface ComparisonModelInput {
  comparison: DocumentComparison;
  document: Pick<DocumentFrame, 'document' | 'documentId'>;
  /** The chair's statuses at `to`, by paragraph id. */
  chairStatuses: Readonly<Record<string, FrameParagraph['chairStatus']>>;
  /** Open brackets and options at the later point, for the cover. */
  counts?: BracketCounts;
  generatedAt: string;
  /** The language of the labels the export adds; English when absent. */
  labels?: ExportLanguage;
}

/** Tracked-change style: every insertion and deletion attributed to the delegation that made it. */
export function comparisonModel(input: ComparisonModelInput): ExportModel {
  const { comparison, generatedAt } = input;
  const t = exportLabels(input.labels);
  const authorOf = (by: DocumentComparison['paragraphs'][number]['runs'][number]['by']) => {
    const first = by[0];
    if (!first) return { author: t('unattributed'), date: generatedAt };
    return stakeholderAttribution(comparison.stakeholders, first.stakeholderId, generatedAt);
  };
  const { summary } = comparison;
  const blocks: ExportBlock[] = comparison.paragraphs.map((p): ParagraphBlock => {
    const side = p.to ?? p.from!;
    const runs = p.runs
      .filter((r) => r.text.length > 0)
      .map((r): Run =>
        r.op === 'equal' ? { text: r.text } : { text: r.text, kind: r.op, by: authorOf(r.by) },
      );
    const whole =
      p.change === 'added' || p.change === 'removed'
        ? {
            kind: p.change === 'added' ? ('insert' as const) : ('delete' as const),
            by: authorOf(p.runs[0]?.by ?? []),
          }
        : undefined;
    return {
      type: 'paragraph',
      id: p.paragraphId,
      eId: paragraphEId(p.paragraphId),
      kind: side.kind,
      label: side.label,
      chairStatus: input.chairStatuses[p.paragraphId] ?? 'open',
      ...(whole ? { change: whole } : {}),
      runs,
      proposals: [],
    };
  });
  return {
    ...header(
      input.document,
      'compare',
      generatedAt,
      [
        { label: t('cover.from'), value: pointLine(comparison.from, t) },
        { label: t('cover.to'), value: pointLine(comparison.to, t) },
        {
          label: t('cover.changes'),
          value: t('cover.changeCounts', {
            added: summary.added,
            removed: summary.removed,
            modified: summary.modified,
            unchanged: summary.unchanged,
          }),
        },
        ...(input.counts ? countLines(input.counts, t) : []),
      ],
      comparison,
      t,
    ),
    ...(input.counts ? { counts: input.counts } : {}),
    blocks,
  };
}
