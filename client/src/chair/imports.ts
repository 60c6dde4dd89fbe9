// The import of a draft (DOCX or Markdown) into a new document: the request the chair console
// sends; the recognition report it answers with is the import contract's (@accord/shared).
import type { DocumentMode, ImportAnswer } from '@accord/shared';
import { postFile, uploadType } from './upload.js';

export type { ImportAnswer, ImportReport } from '@accord/shared';

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
