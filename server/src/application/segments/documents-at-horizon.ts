/**
 * The list of a negotiation's documents as a reader behind a horizon may see it: only documents
 * that existed then, each with its latest revision, adoption, paragraph-status counts and pending
 * amendments taken from the record folded up to the horizon (not from the current read models).
 */
import {
  amendmentsOf,
  type ConsensusState,
  type DocumentSummary,
  type ParagraphStatus,
} from '@accord/shared';

export function documentsAtHorizon(
  current: readonly DocumentSummary[],
  state: ConsensusState,
): DocumentSummary[] {
  return current.flatMap((summary) => {
    const record = state.documents[summary.documentId];
    if (!record) return [];
    const latest = record.revisions.at(-1);
    const statuses = Object.values(record.paragraphStatuses).map((s) => s.status);
    const count = (status: ParagraphStatus) => statuses.filter((s) => s === status).length;
    const sameLatest = summary.latestRevision?.label === latest?.label;
    return [
      {
        ...summary,
        title: record.title,
        symbol: record.symbol,
        mode: record.mode,
        adopted: record.adopted !== null,
        adoption: record.adopted
          ? { ...record.adopted, adoptedBy: summary.adoption?.adoptedBy ?? '' }
          : null,
        latestRevision: latest
          ? {
              label: latest.label,
              textRevision: latest.textRevision,
              sequence: latest.sequence,
              issuedBy: sameLatest ? (summary.latestRevision?.issuedBy ?? '') : '',
              issuedAt: latest.issuedAt,
            }
          : null,
        paragraphStatusCounts: {
          bracketed: count('bracketed'),
          'agreed-ad-ref': count('agreed-ad-ref'),
        },
        pendingAmendments: amendmentsOf(state, summary.documentId).filter(
          (a) => a.status === 'pending',
        ).length,
      },
    ];
  });
}
