// Importing a draft (a Word or Markdown file, sent as the raw request body) into a new document,
// and the report of how each paragraph was recognised and what was dropped or guessed.
import { z } from 'zod';
import { labelText } from '../schema.js';
import { documentModeSchema, paragraphKindSchema } from '../vocabulary.js';
import { bracketCountsSchema } from '../negotiation-text/brackets.js';
import { negotiationParams } from './common.js';
import { defineEndpoint } from './endpoint.js';

export const draftFormats = ['docx', 'markdown'] as const;
export type DraftFormat = (typeof draftFormats)[number];

export const DOCX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const MARKDOWN_CONTENT_TYPE = 'text/markdown';

/** Media types an import accepts, and the format each one means. */
export const importContentTypes: Readonly<Record<string, DraftFormat>> = {
  [DOCX_CONTENT_TYPE]: 'docx',
  [MARKDOWN_CONTENT_TYPE]: 'markdown',
  'text/x-markdown': 'markdown',
};

export const importTitleSchema = labelText(300);
export const importSymbolSchema = z.string().trim().min(1).max(80);

export const importWarningCodes = [
  'table-dropped',
  'image-dropped',
  'footnotes-dropped',
  'code-dropped',
  'html-dropped',
  'empty-paragraphs-dropped',
  'kind-defaulted',
  'level-flattened',
  'subparagraph-without-parent',
  'chapeau-as-heading',
  'title-from-draft',
  'symbol-from-draft',
  'front-matter-dropped',
  'status-note-removed',
  'converter-message',
  // What an import of a negotiation text recognises or sets aside (issue #14).
  'brackets-recognised',
  'options-recognised',
  'brackets-unbalanced',
  'editorial-note-dropped',
  'table-of-contents-dropped',
  'attribute-list-dropped',
  'footnote-kept',
  'article-kept',
  'section-recognised',
] as const;

/** Codes that say what was recognised, for the record: not something to look into. */
export const importRecognitionCodes: readonly (typeof importWarningCodes)[number][] = [
  'brackets-recognised',
  'options-recognised',
  'footnote-kept',
  'article-kept',
  'section-recognised',
];

/** Whether a report entry needs the importer's attention (otherwise it records a recognition). */
export const isImportWarning = (code: (typeof importWarningCodes)[number]): boolean =>
  !importRecognitionCodes.includes(code);

export const importReportSchema = z.object({
  format: z.enum(draftFormats),
  bytes: z.number(),
  counts: z.object({
    heading: z.number(),
    preambular: z.number(),
    operative: z.number(),
    subparagraph: z.number(),
    total: z.number(),
  }),
  /** Brackets, option sets and their alternatives read from the draft as data. */
  negotiation: bracketCountsSchema.optional(),
  /** Title and symbol found in the draft's front matter (not imported as paragraphs). */
  found: z.object({ title: z.string().nullable(), symbol: z.string().nullable() }),
  paragraphs: z.array(
    z.object({
      /** 0-based position among the imported paragraphs. */
      index: z.number(),
      kind: paragraphKindSchema,
      /** The number it will carry ("PP 3", "OP 1 (a)"), derived; null for headings. */
      label: z.string().nullable(),
      recognisedBy: z.enum(['style', 'numbering', 'opening-word', 'context', 'default']),
      /** In words: "Word numbering, level 2", "opening “Decides”". */
      evidence: z.string(),
      /** Typed numbering taken off the front of the text ("OP 12", "(b)", "3."), if any. */
      numberingRemoved: z.string().optional(),
      /** The first words, to find it in the source. */
      excerpt: z.string(),
    }),
  ),
  warnings: z.array(
    z.object({
      code: z.enum(importWarningCodes),
      message: z.string(),
      /** Index of the imported paragraph it concerns, or the one it came after (-1: before all). */
      at: z.number().optional(),
    }),
  ),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** A dry run answers the report alone (200); an import also the new document (201). */
export const importAnswerSchema = z.object({
  report: importReportSchema,
  documentId: z.string().optional(),
  position: z.string().optional(),
});
export type ImportAnswer = z.infer<typeof importAnswerSchema>;

export const importContracts = {
  importDraft: defineEndpoint({
    method: 'post',
    path: '/negotiations/:negotiationId/imports',
    params: negotiationParams,
    query: z.object({
      title: importTitleSchema.optional(),
      symbol: importSymbolSchema.optional(),
      mode: documentModeSchema.default('formal'),
      dryRun: z.enum(['true', 'false']).default('false'),
    }),
    upload: { contentTypes: Object.keys(importContentTypes) },
    status: 201,
    alsoAnswers: { 200: 'A dry run: what would be imported; nothing is recorded' },
    response: importAnswerSchema,
  }),
};
