// The import of a draft (DOCX or Markdown) into a new document: the request the chair console
// sends and the recognition report the server answers with (server/src/imports/draft-model.ts).
import type { DocumentMode, ParagraphKind } from '@accord/shared';
import { postFile, uploadType } from './upload.js';

export interface RecognisedParagraph {
  index: number;
  kind: ParagraphKind;
  label: string | null;
  recognisedBy: 'style' | 'numbering' | 'opening-word' | 'context' | 'default';
  evidence: string;
  numberingRemoved?: string;
  excerpt: string;
}

export interface ImportWarning {
  code: string;
  message: string;
  at?: number;
}

export interface ImportReport {
  format: 'docx' | 'markdown';
  bytes: number;
  counts: Record<ParagraphKind, number> & { total: number };
  found: { title: string | null; symbol: string | null };
  paragraphs: RecognisedParagraph[];
  warnings: ImportWarning[];
}

export interface ImportAnswer {
  report: ImportReport;
  /** The new document, once imported (absent on a dry run). */
  documentId?: string;
  position?: string;
}

export interface ImportRequest {
  title: string;
  symbol: string;
  mode: DocumentMode;
  dryRun: boolean;
}

/** The route's query: title and symbol only when given (the draft's own may be used instead). */
export function importPath(negotiationId: string, request: ImportRequest): string {
  const query = new URLSearchParams();
  if (request.title.trim()) query.set('title', request.title.trim());
  if (request.symbol.trim()) query.set('symbol', request.symbol.trim());
  query.set('mode', request.mode);
  query.set('dryRun', String(request.dryRun));
  return `/negotiations/${encodeURIComponent(negotiationId)}/imports?${query}`;
}

export function importDraft(
  negotiationId: string,
  file: File,
  request: ImportRequest,
): Promise<ImportAnswer> {
  return postFile<ImportAnswer>(importPath(negotiationId, request), file, uploadType(file));
}
