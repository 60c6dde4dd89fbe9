/**
 * The one intermediate model every export format renders from. Builders turn the record (a
 * document's frame, a comparison, a roundtable's paper) into an `ExportModel`; renderers turn the
 * model into bytes, knowing nothing of the record. Everything a renderer prints is in the model,
 * including `generatedAt`, which builders take from the exported point, never from the clock, so
 * the same point always gives the same bytes.
 *
 *   const model: ExportModel = {
 *     variant: 'paper', title: 'Protecting children on the move', symbol: 'RT/1/v2',
 *     subtitle: 'Roundtable paper, version 2', language: 'en',
 *     generatedAt: '2026-03-04T09:00:00.000Z', metadata: [{ label: 'Co-chairs', value: 'Ghana, Norway' }],
 *     blocks: [
 *       { type: 'section', title: 'Background', eId: 'sec_background', blocks: [
 *         { type: 'prose', runs: [{ text: 'The roundtable…' }] } ] },
 *       { type: 'section', title: 'Text under discussion', eId: 'sec_text', blocks: [paragraphBlock] },
 *     ],
 *   };
 *   const { bytes, contentType, extension } = renderExport(model, 'docx'); // from ./index.js
 *
 * A run is plain text, a tracked change (insert/delete, attributed), or a `mark`: words the export
 * adds around the document's own words (brackets, sponsor tags, "Option 1:"), so every renderer
 * shows the same brackets and tags while keeping them apart from the text itself.
 */
import type {
  AmendmentKind,
  BracketCounts,
  ParagraphKind,
  ParagraphStatus,
  TextSpan,
} from '@accord/shared';
import type { ExportLanguage } from './i18n/index.js';

export interface MetadataLine {
  label: string;
  value: string;
  kind?: 'symbol' | 'instant';
}

/** Who made a change or tabled a proposal, and when. */
export interface Attribution {
  /** As shown to readers and used as Word's revision author: the delegation's name. */
  author: string;
  /** The stakeholder's short code ("EU", "G77"), for compact tags; the name when absent. */
  authorCode?: string;
  /** The stakeholder id, when the author is a stakeholder of the record. */
  stakeholderId?: string;
  /** UTC ISO instant. */
  date: string;
}

export type RunKind = 'text' | 'insert' | 'delete' | 'mark';

/**
 * What a `mark` run opens or closes: a bracket or an inline option. Structured formats (Akoma
 * Ntoso) nest elements by these; the others print the mark's text.
 */
export interface Delimiter {
  role: 'open' | 'close';
  element: 'bracket' | 'option';
  /** The bracket's or the option's id. */
  id: string;
  eId: string;
  /** Who placed the bracket or proposed the option. */
  by: Attribution;
  /** The bracket's note ("pending consultations"); empty when none. */
  note?: string;
  /** The option's label ("Option 2"). */
  label?: string;
  /** The eId of the inline option set the option belongs to. */
  optionSetEId?: string;
}

export interface Run {
  text: string;
  /** Plain text when absent. `insert`/`delete` carry `by`. */
  kind?: RunKind;
  by?: Attribution;
  /** The proposal (amendment) the run belongs to, when it shows one in place. */
  proposalId?: string;
  /** A `mark` that opens or closes a bracket or an inline option. */
  delimits?: Delimiter;
  /**
   * A `mark` naming who placed the bracket just closed ("EU"), in the compilation; formats that
   * can print it raised (superscript) do.
   */
  tag?: boolean;
}

/** An open bracket of a paragraph: a span of its plain words, who placed it and why. */
export interface BracketMark {
  id: string;
  eId: string;
  span: TextSpan;
  by: Attribution;
  /** Empty when none was given. */
  note: string;
}

/** An open set of alternative wordings inside one paragraph, each a span of its words. */
export interface InlineOptionSetMark {
  id: string;
  eId: string;
  options: { id: string; eId: string; label: string; span: TextSpan; by: Attribution }[];
}

/**
 * One alternative of an open whole-paragraph option set, shown on the paragraph it is: its label
 * on a line of its own above the paragraph ("Option 2"), as compilation texts print it. A "No
 * text" option is a paragraph of its own whose runs read "Option 3: No text", with no line above.
 */
export interface ParagraphOption {
  optionSetId: string;
  optionId: string;
  /** "Option 1", "Option 2", … */
  label: string;
  /** The line above the paragraph: the label, and in the compilation who proposed it. */
  line: string;
  noText: boolean;
  by: Attribution;
  /** AKN: the eId of the set's first option's paragraph, for the alternatives after it. */
  alternativeTo: string | null;
}

/** A pending proposal on a paragraph, listed with the paragraph and attributed. */
export interface ProposalNote {
  id: string;
  /** Stable AKN eId, derived from the amendment id. */
  eId: string;
  kind: AmendmentKind;
  /** Sponsor first, then co-sponsors; each dated when they joined (tabled date when unknown). */
  sponsors: Attribution[];
  /** Words the proposal replaces or deletes, or the context of an insertion. */
  originalText: string;
  proposedText: string;
  rationale: string;
  chairsCompromise: boolean;
  /** "Option 2" when several proposals compete for the same words, else null. */
  option: string | null;
  /** False when the proposal's words could not be found in the text as of the point. */
  placed: boolean;
  /**
   * For a sub-amendment: the id of the proposal it changes, listed just before it. Its words
   * replace that proposal's words, so it is not placed in the text.
   */
  subAmendmentOf?: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  /** The stable paragraph id (or the proposing amendment's id for a proposed new paragraph). */
  id: string;
  /** Stable AKN eId derived from `id`, never from the number. */
  eId: string;
  kind: ParagraphKind;
  /** "PP 3", "OP 12 (b)"; null for headings and for proposed new paragraphs. */
  label: string | null;
  chairStatus: ParagraphStatus;
  /** Whole-paragraph change: added or removed between two points, or proposed in a compilation. */
  change?: { kind: 'insert' | 'delete'; by?: Attribution; proposalId?: string };
  runs: Run[];
  proposals: ProposalNote[];
  /**
   * The open brackets and inline options of the paragraph, over its plain words `text`; the
   * runs already show them (as `mark` runs with `delimits`). Absent when there are none.
   */
  negotiation?: { text: string; brackets: BracketMark[]; optionSets: InlineOptionSetMark[] };
  /** Set when the paragraph is one alternative of an open whole-paragraph option set. */
  option?: ParagraphOption;
}

export type ExportBlock =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | ParagraphBlock
  /** Free text: a background, a summary, a note. */
  | { type: 'prose'; runs: Run[] }
  | { type: 'list'; ordered: boolean; items: Run[][] }
  /** A titled part with its own blocks (a paper's "Background", "Guiding questions"). */
  | { type: 'section'; title: string; eId: string; blocks: ExportBlock[] };

export interface ExportModel {
  /** 'clean' | 'compilation' | 'compare' for documents; other producers name their own. */
  variant: string;
  title: string;
  symbol: string;
  subtitle: string | null;
  /**
   * Lines under the title: "As of: Rev 1", "Compared: Rev 1 → now". `kind` says what renderers
   * treat apart: the symbol (AKN has its own element for it) and an instant (printed as a date
   * in the label language).
   */
  metadata: MetadataLine[];
  /** UTC ISO instant of the exported point; the date every format prints and embeds. */
  generatedAt: string;
  /** BCP 47 language of the text. */
  language: string;
  /**
   * The language of the words the export adds (headings, cover labels, statuses, proposals),
   * from exports/i18n; English when absent. Builders write their own labels in it too.
   */
  labels?: ExportLanguage;
  blocks: ExportBlock[];
  /**
   * Open brackets, option sets and options of the whole text at the exported point, for the
   * cover; absent for producers that have no negotiation text.
   */
  counts?: BracketCounts;
  /**
   * What the JSON format writes: the record the model was built from (the frame, the
   * comparison). The model itself when absent.
   */
  source?: unknown;
}

// The formats are part of the export contract (shared), so the API, the CLI and the client agree.
export { exportFormats, type ExportFormat } from '@accord/shared';

export interface RenderedExport {
  bytes: Buffer;
  contentType: string;
  extension: string;
}

/** Every paragraph block of a model, sections included, in reading order. */
export function paragraphBlocks(blocks: readonly ExportBlock[]): ParagraphBlock[] {
  return blocks.flatMap((b) =>
    b.type === 'paragraph' ? [b] : b.type === 'section' ? paragraphBlocks(b.blocks) : [],
  );
}

/** An AKN-safe eId from a stable id: letters, digits, `_` and `-` only. */
export const eIdOf = (prefix: string, id: string): string =>
  `${prefix}_${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** The plain words of runs as they read after the changes (insertions in, deletions out). */
export const textAfter = (runs: readonly Run[]): string =>
  runs
    .filter((r) => r.kind !== 'delete' && r.kind !== 'mark')
    .map((r) => r.text)
    .join('');
