// Importing the facilitators' next text of an existing document: an upload (a Word or Markdown
// file, the raw request body, as for a new import) is matched paragraph by paragraph against the
// live text and answered as a preview with its redline; confirming the preview writes the new
// text into the document, keeping matched paragraphs' ids, and issues it as the next revision.
import { z } from 'zod';
import { entityIdSchema, labelText } from '../schema.js';
import { paragraphKindSchema } from '../vocabulary.js';
import { commandDoneSchema, documentParams } from './common.js';
import { defineEndpoint } from './endpoint.js';
import { importContentTypes, importReportSchema } from './imports.js';

export const redlineRunSchema = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
});
export type RedlineRun = z.infer<typeof redlineRunSchema>;

export const paragraphMatchViewSchema = z.object({
  /** The live paragraph this one continues: it keeps that id, and what points at it. */
  paragraphId: z.string(),
  /** Its number in the live text now. */
  label: z.string().nullable(),
  /** Word similarity, 0 to 1 (see paragraph-matching.ts). */
  similarity: z.number(),
  /** Paired because the numbers agree and the words are still alike, or by the words alone. */
  how: z.enum(['number', 'text']),
});
export type ParagraphMatchView = z.infer<typeof paragraphMatchViewSchema>;

/** Why confirming is refused for a paragraph the chair agreed ad ref: it would change. */
export const lockedChangeSchema = z.enum(['words', 'kind', 'removed']);

export const nextRevisionParagraphSchema = z.object({
  /** Its number in the uploaded text; null for headings. */
  label: z.string().nullable(),
  kind: paragraphKindSchema,
  text: z.string(),
  /** Null for a paragraph that is new in this text. */
  match: paragraphMatchViewSchema.nullable(),
  /** The live words → the uploaded words, word by word; one insert run for a new paragraph. */
  redline: z.array(redlineRunSchema),
  /** The matched paragraph is agreed ad ref and this text would change it: confirm is refused. */
  lockedChange: lockedChangeSchema.nullable(),
});
export type NextRevisionParagraph = z.infer<typeof nextRevisionParagraphSchema>;

export const removedParagraphSchema = z.object({
  paragraphId: z.string(),
  label: z.string().nullable(),
  text: z.string(),
  /** Agreed ad ref: it may not be removed, so confirm is refused. */
  locked: z.boolean(),
  /**
   * It holds open brackets or options: removing the paragraph does not lift them, so the chair
   * should settle them (or keep the paragraph) first.
   */
  bracketed: z.boolean(),
});
export type RemovedParagraph = z.infer<typeof removedParagraphSchema>;

export const nextRevisionPreviewSchema = z.object({
  previewId: entityIdSchema,
  /** After this the preview is forgotten and the file must be uploaded again. */
  expiresAt: z.string(),
  /** The label a confirm without one gives the revision ("Rev 2"). */
  suggestedLabel: z.string(),
  paragraphs: z.array(nextRevisionParagraphSchema),
  /** Live paragraphs no uploaded one continues: confirming deletes them. */
  removed: z.array(removedParagraphSchema),
  totals: z.object({
    /** Paragraphs of the uploaded text. */
    paragraphs: z.number().int(),
    matchedByNumber: z.number().int(),
    matchedByText: z.number().int(),
    /** Matched, with other words or another kind. */
    changed: z.number().int(),
    new: z.number().int(),
    removed: z.number().int(),
    /** Agreed ad ref paragraphs the text would change or remove; confirm is refused while > 0. */
    lockedChanges: z.number().int(),
  }),
  /** How the upload was read, as for a new import (warnings, brackets found, …). */
  report: importReportSchema,
});
export type NextRevisionPreview = z.infer<typeof nextRevisionPreviewSchema>;

export const nextRevisionParams = documentParams.extend({ previewId: entityIdSchema });

export const nextRevisionContracts = {
  previewNextRevision: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/next-revision/preview',
    params: documentParams,
    upload: { contentTypes: Object.keys(importContentTypes) },
    status: 201,
    response: nextRevisionPreviewSchema,
  }),
  confirmNextRevision: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/next-revision/:previewId/confirm',
    params: nextRevisionParams,
    body: z.strictObject({
      label: labelText(60).optional(),
      /** Renumber cleanly (default), or keep the bis/ter numbers until a later revision. */
      renumber: z.boolean().optional(),
    }),
    status: 201,
    response: commandDoneSchema.extend({ label: z.string(), textRevision: z.string() }),
  }),
};
