// Sub-amendments: an amendment tabled to a pending amendment, proposing other words for it. The
// rules that look across amendments live here, pure, for the server to enforce and the client and
// exports to present:
// - only a pending amendment that proposes words (insert, replace, new paragraph) takes one;
// - one level deep: a sub-amendment takes none itself. Deeper chains are rare in practice and
//   would make "decided before its parent" a tree walk for every reader, so they are refused;
// - a parent is decided only once none of its sub-amendments is pending, so the queue lists
//   sub-amendments before their parent.
import type { Proposal } from './proposal.js';
import { proposesWords } from './proposal.js';

export interface AmendmentLink {
  amendmentId: string;
  /** Null (or absent) for an amendment to the text. */
  parentAmendmentId?: string | null;
  status: string;
}

export type SubAmendmentRefusal =
  'parent-not-pending' | 'sub-amendment-too-deep' | 'parent-proposes-no-words';

/** Why `parent` cannot take a sub-amendment now, or null when it can. */
export function refusalToAmend(
  parent: AmendmentLink & { proposal: Proposal },
): SubAmendmentRefusal | null {
  if (parent.status !== 'pending') return 'parent-not-pending';
  if (parent.parentAmendmentId) return 'sub-amendment-too-deep';
  if (!proposesWords(parent.proposal)) return 'parent-proposes-no-words';
  return null;
}

/** The pending sub-amendments of `parentId`, in the order given. */
export const pendingSubAmendmentIds = (
  amendments: readonly AmendmentLink[],
  parentId: string,
): string[] =>
  amendments
    .filter((a) => a.parentAmendmentId === parentId && a.status === 'pending')
    .map((a) => a.amendmentId);

/**
 * The same amendments with every sub-amendment moved just before its parent (in their own
 * order), everything else in the order given: the order the chair decides them in.
 */
export function subAmendmentsFirst<T extends AmendmentLink>(amendments: readonly T[]): T[] {
  return nestSubAmendments(amendments).flatMap(({ amendment, subAmendments }) => [
    ...subAmendments,
    amendment,
  ]);
}

export interface NestedAmendment<T> {
  amendment: T;
  /** In the order given; empty for most. */
  subAmendments: T[];
}

/**
 * Amendments to the text, each with its sub-amendments under it, for lists and compilations. A
 * sub-amendment whose parent is not among them (filtered out) stands on its own.
 */
export function nestSubAmendments<T extends AmendmentLink>(
  amendments: readonly T[],
): NestedAmendment<T>[] {
  const present = new Set(amendments.map((a) => a.amendmentId));
  const subsOf = new Map<string, T[]>();
  for (const a of amendments) {
    if (!a.parentAmendmentId || !present.has(a.parentAmendmentId)) continue;
    subsOf.set(a.parentAmendmentId, [...(subsOf.get(a.parentAmendmentId) ?? []), a]);
  }
  return amendments
    .filter((a) => !a.parentAmendmentId || !present.has(a.parentAmendmentId))
    .map((amendment) => ({
      amendment,
      subAmendments: subsOf.get(amendment.amendmentId) ?? [],
    }));
}
