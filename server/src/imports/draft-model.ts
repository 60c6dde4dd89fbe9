/**
 * What an import reads and what it reports. A reader (DOCX or Markdown) turns a file into
 * `SourceBlock`s in reading order, keeping the hints a delegate's eye would use (heading
 * styles, list nesting, an italic opening); `recogniseDraft` turns blocks into Accord paragraphs
 * and a report of how each one was recognised and what was dropped or guessed.
 */
import type { ImportReport, InlineOptionSet, ParagraphKind, TextSpan } from '@accord/shared';
import type { ProcessingLimits } from '../config.js';

export { draftFormats, type DraftFormat, type ImportReport } from '@accord/shared';

/** A paragraph, heading or list item of the source, as plain text with its hints. */
export interface TextBlock {
  type: 'text';
  /**
   * Plain text, whitespace collapsed; may still start with typed numbering ("1.", "(a)"), holds
   * brackets and options in the notation of `@accord/shared` (notation.ts), and marks where a
   * footnote is referenced as "[^id]".
   */
  text: string;
  /** h1…h6 in Word or Markdown. */
  headingLevel?: number;
  /** A Word paragraph style that names what the paragraph is. */
  style?: 'title' | 'subtitle' | 'preambular' | 'operative' | 'subparagraph';
  /** Word numbering or a Markdown list: 0 for the outer level. */
  list?: { depth: number; ordered: boolean };
  /** The first words are in italics, as UN documents set preambular openings. */
  italicOpening: boolean;
  /** Every word is in italics (a subtitle on a cover page). */
  allItalic?: boolean;
}

/** Something the reader could not bring over as text, or chose not to. */
export interface DroppedBlock {
  type: 'dropped';
  what:
    | 'table'
    | 'image'
    | 'footnotes'
    | 'code'
    | 'html'
    | 'empty'
    /** A YAML block ("---" … "---") at the top of a Markdown file. */
    | 'front-matter'
    /** kramdown attribute lists ("{:toc}", "{: .class}"), which style the text but are not text. */
    | 'attribute-list'
    | 'table-of-contents';
  /** A few words to find it again in the source. */
  detail?: string;
}

/** The notes a draft's footnote references ("[^id]" in a TextBlock) point to. */
export interface FootnotesBlock {
  type: 'footnotes';
  notes: { id: string; text: string }[];
}

export type SourceBlock = TextBlock | DroppedBlock | FootnotesBlock;

/** A footnote of the draft, kept with the paragraph that refers to it. */
export interface ImportedFootnote {
  /** "1", "a", as the draft numbered it. */
  marker: string;
  text: string;
  /** Where the reference stood in the paragraph's text (a character offset). */
  at: number;
}

/**
 * One paragraph of the new document, with the negotiation data read from the draft. `text` holds
 * no bracket characters; the spans count its characters.
 */
export interface ImportedParagraph {
  kind: ParagraphKind;
  text: string;
  /** Every bracket pair, nested ones each, outer before inner; they nest (`spansNest`). */
  brackets: TextSpan[];
  /** Alternative words inside the paragraph ("[Option 1: shall] [Option 2: should]"). */
  inlineOptions: InlineOptionSet[];
  /** Footnotes referenced from the paragraph; their references were taken out of `text`. */
  footnotes: ImportedFootnote[];
}

/**
 * A set of alternative whole paragraphs ("Option 1: …", "Option 2: …", "Option 3: No text"), in
 * the draft's order. `paragraph` indexes `RecognisedDraft.paragraphs`; null is "No text".
 */
export interface ImportedParagraphOptionSet {
  options: { label: string; paragraph: number | null }[];
}

// The report's shape is part of the import contract (shared): the API answers it and the client
// shows it, so it is defined once there.
export type RecognisedParagraph = ImportReport['paragraphs'][number];
/** The signal that decided a paragraph's kind, strongest first. */
export type RecognisedBy = RecognisedParagraph['recognisedBy'];
export type ImportWarning = ImportReport['warnings'][number];
export type ImportWarningCode = ImportWarning['code'];

export interface RecognisedDraft {
  paragraphs: ImportedParagraph[];
  /** Whole-paragraph option sets; inline ones are on their paragraph. */
  paragraphOptionSets: ImportedParagraphOptionSet[];
  report: ImportReport;
}

export type DraftProblemCode =
  | 'corrupt-docx'
  | 'not-a-docx'
  | 'not-utf8-text'
  | 'empty-document'
  | 'too-many-paragraphs'
  | 'paragraph-too-long'
  | 'missing-title'
  | 'missing-symbol'
  /** The upload is larger than the import takes. */
  | 'file-too-large'
  /** A Word file's parts unpack beyond the limit (or lie about their size). */
  | 'docx-too-large-unpacked'
  | 'docx-too-many-entries'
  /** A large part unpacks to far more than its compressed size: a zip bomb. */
  | 'docx-compression-suspicious'
  | 'markdown-too-deep'
  /** Reading the file took too long or too much memory and was stopped. */
  | 'import-too-complex'
  /** Every import worker is busy and the queue is full: try again shortly. */
  | 'import-busy';

/**
 * A file that cannot be imported. Carries the HTTP status it answers with, so the API and
 * the CLI say the same thing; nothing is written before one of these can be thrown.
 */
export class DraftImportError extends Error {
  constructor(
    readonly code: DraftProblemCode,
    readonly status: number,
    readonly title: string,
    readonly detail: string,
  ) {
    super(`${title}: ${detail}`);
    this.name = 'DraftImportError';
  }
}

/** The limits one import is parsed under (see ProcessingLimits in config.ts). */
export type ImportLimits = Pick<
  ProcessingLimits,
  | 'importMaxBytes'
  | 'importMaxUnpackedBytes'
  | 'importMaxZipEntries'
  | 'importMaxZipRatio'
  | 'importMaxMarkdownDepth'
>;
