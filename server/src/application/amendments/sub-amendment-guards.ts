/**
 * The server's side of the sub-amendment rules (`@accord/shared` sub-amendments.ts): the checks
 * that look at other amendments through the read models, as application errors the HTTP edge
 * turns into problems. One amendment's stream cannot see its sub-amendments, so these run before
 * its command.
 */
import {
  pendingSubAmendmentIds,
  refusalToAmend,
  type AmendmentView,
  type ProposalInput,
} from '@accord/shared';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';

export type AmendmentReads = Pick<ReadModelQueries, 'getAmendment' | 'listAmendments'>;

const refusals = {
  'parent-not-pending': 'Only a pending amendment can be amended',
  'sub-amendment-too-deep': 'A sub-amendment cannot itself be amended',
  'parent-proposes-no-words': 'This amendment proposes no words to change',
} as const;

/**
 * The proposal of a sub-amendment to `parentAmendmentId`: the parent's, with `proposedText` in
 * place of its proposed words. Refuses a parent that cannot take one now.
 */
export function subAmendmentProposal(
  queries: AmendmentReads,
  documentId: string,
  parentAmendmentId: string,
  proposedText: string,
): { paragraphId: string; proposal: ProposalInput } {
  const parent = queries.getAmendment(parentAmendmentId);
  if (!parent || parent.documentId !== documentId) {
    throw new NotFoundError('The amendment to amend is not in this document', {
      code: 'unknown-parent-amendment',
    });
  }
  const refusal = refusalToAmend(parent);
  if (refusal !== null) {
    throw new ConflictError(refusal, refusals[refusal], {
      extensions: { reason: refusal, parentAmendmentId },
    });
  }
  if (proposedText.trim() === '') {
    throw InvalidInputError.field(
      'invalid-input',
      'A sub-amendment proposes words',
      'body.proposedText',
      'Write the words that should replace the amendment’s proposed words.',
    );
  }
  // The parent's anchor and quoted words, as stored; the command schema checks them again.
  const proposal = { ...parent.proposal, proposedText } as ProposalInput;
  return { paragraphId: parent.paragraphId, proposal };
}

/** A parent is decided only after its sub-amendments: 409 `sub-amendments-pending` names them. */
export function assertNoPendingSubAmendments(
  queries: AmendmentReads,
  amendment: AmendmentView,
): void {
  const pending = pendingSubAmendmentIds(
    queries.listAmendments(amendment.documentId, { paragraphId: amendment.paragraphId }),
    amendment.amendmentId,
  );
  if (pending.length === 0) return;
  throw new ConflictError('sub-amendments-pending', 'Sub-amendments to it are still pending', {
    detail: 'Decide its sub-amendments first: they change the words this amendment proposes.',
    extensions: { reason: 'sub-amendments-pending', subAmendmentIds: pending },
  });
}

/** A sub-amendment is decided or restored only while its parent is pending. */
export function assertParentPending(queries: AmendmentReads, amendment: AmendmentView): void {
  if (amendment.parentAmendmentId === null) return;
  const parent = queries.getAmendment(amendment.parentAmendmentId);
  if (parent?.status === 'pending') return;
  throw new ConflictError('parent-not-pending', 'The amendment it amends is no longer pending', {
    extensions: { reason: 'parent-not-pending', parentAmendmentId: amendment.parentAmendmentId },
  });
}
