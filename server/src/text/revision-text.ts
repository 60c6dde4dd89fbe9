/**
 * The next-revision service's view of the live text (`RevisionText`), served by the
 * collaboration gateway: the plan is written as one server transaction, stored and broadcast
 * like any typed update and attributed to the chair who confirmed it.
 */
import type { DocumentText } from '../application/ports.js';
import type { RevisionText } from '../application/revisions/next-revision-service.js';
import type { LiveDocuments } from './collab-document-text.js';
import { applyRevisionPlan } from './revise-text.js';

export function createRevisionText(deps: {
  collab: Pick<LiveDocuments, 'applyServerChange'>;
  text: Pick<DocumentText, 'paragraphs' | 'textRevision'>;
}): RevisionText {
  return {
    paragraphs: (documentId) => deps.text.paragraphs(documentId),
    textRevision: (documentId) => deps.text.textRevision(documentId),
    async revise(documentId, plan, work) {
      await deps.collab.applyServerChange(
        documentId,
        {
          userId: work.by.userId,
          stakeholderId: work.by.stakeholderId,
          workId: work.workId,
          ...(work.at === undefined ? {} : { occurredAt: work.at }),
        },
        // The plan is checked against the text before the first change (no half-way rollback).
        (doc) => applyRevisionPlan(doc, plan),
      );
    },
  };
}
