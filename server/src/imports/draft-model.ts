/**
 * What an import reads and what it reports. A reader (DOCX or Markdown) turns a file into
 * `SourceBlock`s in reading order, keeping the hints a delegate's eye would use (heading
 * styles, list nesting, an italic opening); `recogniseDraft` turns blocks into Accord paragraphs
 * and a report of how each one was recognised and what was dropped or guessed.
 */
import type { ParagraphKind } from '@accord/shared';
import type { ProcessingLimits } from '../config.js';

export const draftFormats = ['docx', 'markdown'] as const;
export type DraftFormat = (typeof draftFormats)[number];

/** A paragraph, heading or list item of the source, as plain text with its hints. */
export interface TextBlock {
  type: 'text';
  /** Plain text, whitespace collapsed; may still start with typed numbering ("1.", "(a)"). */
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

/** Something the reader could not bring over as text. */
export interface DroppedBlock {
  type: 'dropped';
  what: 'table' | 'image' | 'footnotes' | 'code' | 'html' | 'empty';
  /** A few words to find it again in the source. */
  detail?: string;
}

export type SourceBlock = TextBlock | DroppedBlock;

export interface ImportedParagraph {
  kind: ParagraphKind;
  text: string;
}

/** The signal that decided a paragraph's kind, strongest first. */
export type RecognisedBy = 'style' | 'numbering' | 'opening-word' | 'context' | 'default';

export interface RecognisedParagraph {
  /** 0-based position among the imported paragraphs. */
  index: number;
  kind: ParagraphKind;
  /** The number it will carry ("PP 3", "OP 1 (a)"), derived; null for headings. */
  label: string | null;
  recognisedBy: RecognisedBy;
  /** In words: "Word numbering, level 2", "opening “Decides”". */
  evidence: string;
  /** Typed numbering taken off the front of the text ("OP 12", "(b)", "3."), if any. */
  numberingRemoved?: string;
  /** The first words, to find it in the source. */
  excerpt: string;
}

export type ImportWarningCode =
  | 'table-dropped'
  | 'image-dropped'
  | 'footnotes-dropped'
  | 'code-dropped'
  | 'html-dropped'
  | 'empty-paragraphs-dropped'
  | 'kind-defaulted'
  | 'level-flattened'
  | 'subparagraph-without-parent'
  | 'chapeau-as-heading'
  | 'title-from-draft'
  | 'symbol-from-draft'
  | 'front-matter-dropped'
  | 'status-note-removed'
  | 'converter-message';

export interface ImportWarning {
  code: ImportWarningCode;
  message: string;
  /** Index of the imported paragraph it concerns, or the one it came after (-1: before all). */
  at?: number;
}

export interface ImportReport {
  format: DraftFormat;
  bytes: number;
  counts: Record<ParagraphKind, number> & { total: number };
  /** Title and symbol found in the draft's front matter (not imported as paragraphs). */
  found: { title: string | null; symbol: string | null };
  paragraphs: RecognisedParagraph[];
  warnings: ImportWarning[];
}

export interface RecognisedDraft {
  paragraphs: ImportedParagraph[];
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
