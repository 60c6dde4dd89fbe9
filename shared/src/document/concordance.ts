// The concordance a revision publishes: each paragraph's number before it (in the last revision
// that recorded numbers) and in it, so delegates can follow their references across a
// renumbering. Pure, from the document's folded state.
import { concordance, type ConcordanceRow } from '../numbering.js';
import { sameRevisionLabel } from './revision-labels.js';
import type { DocumentState } from './state.js';

export interface RevisionConcordance {
  revision: string;
  previous: string | null;
  renumbered: boolean;
  rows: ConcordanceRow[];
}

/** Undefined when no such revision was issued or it predates recorded numbers. */
export function revisionConcordance(
  state: DocumentState,
  label: string,
): RevisionConcordance | undefined {
  if (state.status === 'none') return undefined;
  const at = state.revisions.findIndex((r) => sameRevisionLabel(r.label, label));
  const revision = state.revisions[at];
  if (!revision?.numbering) return undefined;
  const previous = state.revisions.slice(0, at).findLast((r) => r.numbering !== null);
  return {
    revision: revision.label,
    previous: previous?.label ?? null,
    renumbered: revision.renumbered,
    rows: concordance(new Map(previous?.numbering ?? []), new Map(revision.numbering)),
  };
}
