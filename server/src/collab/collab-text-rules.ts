/**
 * The gateway's `textRules` hook: which paragraphs of a document are locked (agreed ad ref and
 * not reopened), read from the documents' read model, which folds the chair's gavels. The
 * gateway asks once when it loads a document and again whenever `../application/access-refresh.ts`
 * sees a gavel or a reopening, so checking an update costs a set lookup, not a query.
 */
import type { ReadModelQueries } from '../readmodels/queries.js';
import type { CollabHooks } from './collab-hooks.js';
import { OPEN_TEXT, type TextRules } from './schema-check.js';

export function createCollabTextRules(deps: {
  queries: Pick<ReadModelQueries, 'getDocument'>;
}): NonNullable<CollabHooks['textRules']> {
  return (documentId) => {
    const document = deps.queries.getDocument(documentId);
    // An unknown document has no connections to judge; the upgrade refuses them anyway.
    if (!document) return Promise.resolve(OPEN_TEXT);
    const lockedParagraphIds = new Set(
      document.paragraphStatuses
        .filter((status) => status.status === 'agreed-ad-ref')
        .map((status) => status.paragraphId),
    );
    return Promise.resolve<TextRules>({ lockedParagraphIds });
  };
}
