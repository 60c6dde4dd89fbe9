// Commands on a `document-<id>` stream. The text itself lives in the Yjs document; commands
// that name a paragraph carry its stable `paragraphId`, which the server checks exists.
import { z } from 'zod';
import type { CommandOf, CommandsOf } from '../messages.js';
import { entityIdSchema, freeText, labelText, streamRevisionInputSchema } from '../schema.js';
import { documentModeSchema, paragraphStatusSchema } from '../vocabulary.js';

/** A UN-style document symbol, e.g. "A/CONF.231/2026/L.1". */
export const documentSymbolSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9./()_ -]{0,79}$/);

export const createDocumentSchema = z.strictObject({
  documentId: entityIdSchema,
  negotiationId: entityIdSchema,
  title: labelText(300),
  symbol: documentSymbolSchema,
  mode: documentModeSchema,
});

export const changeDocumentModeSchema = z.strictObject({
  documentId: entityIdSchema,
  mode: documentModeSchema,
});

export const setParagraphStatusSchema = z.strictObject({
  documentId: entityIdSchema,
  paragraphId: entityIdSchema,
  status: paragraphStatusSchema,
  reason: freeText(500).optional(),
});

export const issueRevisionSchema = z.strictObject({
  documentId: entityIdSchema,
  /** "Zero draft", "Rev 1", "Final draft"; unique within the document. */
  label: labelText(60),
  /** The `doctext-` stream revision whose text this revision freezes. */
  textRevision: streamRevisionInputSchema,
});

export const adoptDocumentSchema = z.strictObject({
  documentId: entityIdSchema,
  /** The issued revision being adopted; it must be the latest. */
  revisionLabel: labelText(60),
});

export const documentCommandSchemas = {
  CreateDocument: createDocumentSchema,
  ChangeDocumentMode: changeDocumentModeSchema,
  SetParagraphStatus: setParagraphStatusSchema,
  IssueRevision: issueRevisionSchema,
  AdoptDocument: adoptDocumentSchema,
} as const;

export type DocumentCommand = CommandsOf<typeof documentCommandSchemas>;
export type CreateDocument = CommandOf<DocumentCommand, 'CreateDocument'>;
export type ChangeDocumentMode = CommandOf<DocumentCommand, 'ChangeDocumentMode'>;
export type SetParagraphStatus = CommandOf<DocumentCommand, 'SetParagraphStatus'>;
export type IssueRevision = CommandOf<DocumentCommand, 'IssueRevision'>;
export type AdoptDocument = CommandOf<DocumentCommand, 'AdoptDocument'>;
