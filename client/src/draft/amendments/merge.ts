// Which chair's compromises an amendment can be merged into: pending ones on the same document,
// other than itself, those on the same paragraph first (the usual case), then by when tabled.
import type { Amendment } from '../../api/types.js';

export function mergeCandidates(
  amendment: Amendment,
  amendments: readonly Amendment[],
): Amendment[] {
  return amendments
    .filter(
      (a) =>
        a.chairsCompromise &&
        a.status === 'pending' &&
        a.amendmentId !== amendment.amendmentId &&
        a.documentId === amendment.documentId,
    )
    .sort(
      (a, b) =>
        Number(b.paragraphId === amendment.paragraphId) -
          Number(a.paragraphId === amendment.paragraphId) || a.tabledAt.localeCompare(b.tabledAt),
    );
}

/** The amendments the chair has merged into this compromise. */
export const mergedInto = (compromise: Amendment, amendments: readonly Amendment[]): Amendment[] =>
  amendments.filter((a) => a.status === 'merged' && a.mergedInto === compromise.amendmentId);

/** A short quote of the words an amendment proposes (or removes), for pickers and summaries. */
export function excerpt(amendment: Amendment, max = 60): string {
  const words = amendment.proposal.proposedText || amendment.proposal.originalText;
  return words.length > max ? `${words.slice(0, max)}…` : words;
}
