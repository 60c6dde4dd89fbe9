/**
 * Amendments' use cases that reach beyond the amendment's own stream. Tabling reads the live
 * text to anchor the proposal and quote the words, or (a sub-amendment) the parent's proposal.
 * A parent is decided only once its sub-amendments are; accepting a sub-amendment revises its
 * parent (by the chair, naming it) instead of the text; withdrawing a parent withdraws its pending
 * sub-amendments with it. Follow-up commands get ids derived from the request's, so a retried
 * request repeats none of them. Accepting is a decision whose
 * decision goes into `amendment-<id>`, the words into the document's text. The service records
 * the decision only; the amendment-text reactor applies the words from the log, retrying until
 * they are in, so an accepted amendment's words always reach the text.
 *
 * So that the chair (and every editor) sees the words when the request answers, the service
 * then waits a bounded while for the reactor. Within the bound the answer says the text
 * changed; past it the decision stands, the text follows, and the answer says so
 * (`textApplied: false`) rather than failing a decision that was recorded.
 *
 *   const { position } = await amendments.table(amendmentId, documentId, input, rationale, meta);
 *   const { position, textApplied } = await amendments.accept(amendmentId, meta);
 */
import {
  isParagraphLocked,
  type AmendmentView,
  type CommandMeta,
  type DocumentState,
} from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import { derivedId } from '../../commands/event-ids.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { DocumentText } from '../ports.js';
import { proposalAt, type ProposalInput } from './proposal.js';
import {
  assertNoPendingSubAmendments,
  assertParentPending,
  subAmendmentProposal,
  type AmendmentReads,
} from './sub-amendment-guards.js';

/** How long `accept` waits for the words to reach the text before answering without them. */
export const DEFAULT_TEXT_WAIT_MS = 5_000;

export interface AcceptResult {
  position: bigint | undefined;
  /** True once the amendment's words are in the text; false when they are still on their way. */
  textApplied: boolean;
  /** True when this command id had decided it already (a retried request). */
  duplicate: boolean;
}

export interface TableInput extends ProposalInput {
  amendmentId: string;
  documentId: string;
  rationale: string;
  /** A sub-amendment: `proposedText` replaces this pending amendment's proposed words. */
  parentAmendmentId?: string | undefined;
  /** Taking up this recommendation (recommendations/): the amendment carries its id. */
  recommendationId?: string | undefined;
}

type Done = Promise<{ position: bigint | undefined }>;

export interface AmendmentService {
  /** Tables an amendment on behalf of the actor's delegation, anchored in the live text. */
  table(input: TableInput, meta: CommandMeta): Done;
  accept(amendmentId: string, meta: CommandMeta): Promise<AcceptResult>;
  reject(amendmentId: string, reason: string, meta: CommandMeta): Done;
  /** The caller has checked that the compromise belongs to the same document. */
  merge(amendmentId: string, intoAmendmentId: string, meta: CommandMeta): Done;
  /** The sponsor withdraws it; its pending sub-amendments fall with it. */
  withdraw(amendmentId: string, reason: string | undefined, meta: CommandMeta): Done;
  /** The chair undoes a rejection or a merge, with a reason. */
  restore(amendmentId: string, reason: string, meta: CommandMeta): Done;
}

export function createAmendmentService(deps: {
  commands: CommandService;
  queries: AmendmentReads;
  text: Pick<DocumentText, 'assertAmendmentApplies' | 'paragraphs' | 'anchor'>;
  /** The document's state now: a paragraph agreed ad ref takes no amendment. */
  documentState(documentId: string): Promise<DocumentState>;
  /** The amendment-text reactor's answer: true once the acceptance at `position` is applied. */
  textAppliedBy(position: bigint, timeoutMs: number): Promise<boolean>;
  textWaitMs?: number;
  /** Refuses (409 `deadline-passed`) once the chair's deadline for amendments has passed. */
  assertBeforeDeadline?(documentId: string, now: string): Promise<void>;
}): AmendmentService {
  const waitMs = deps.textWaitMs ?? DEFAULT_TEXT_WAIT_MS;
  const { commands, queries } = deps;
  const amendmentOf = (amendmentId: string): AmendmentView => {
    const amendment = queries.getAmendment(amendmentId);
    if (!amendment) throw new NotFoundError('Amendment not found');
    return amendment;
  };
  /** A decision on a parent waits for its sub-amendments; one on a sub-amendment, for nothing. */
  const decidable = (amendmentId: string): AmendmentView => {
    const amendment = amendmentOf(amendmentId);
    if (amendment.status === 'pending') assertNoPendingSubAmendments(queries, amendment);
    return amendment;
  };
  const position = async (done: Promise<{ position: bigint | undefined }>) => ({
    position: (await done).position,
  });

  return {
    async table(input, meta) {
      const { amendmentId, documentId, rationale, parentAmendmentId, recommendationId } = input;
      await deps.assertBeforeDeadline?.(documentId, meta.now);
      const { paragraphId, proposal } =
        parentAmendmentId === undefined
          ? {
              paragraphId: input.paragraphId,
              proposal: await proposalAt(deps.text, documentId, input),
            }
          : subAmendmentProposal(queries, documentId, parentAmendmentId, input.proposedText);
      return position(
        commands.execute({
          type: 'TableAmendment',
          data: {
            amendmentId,
            documentId,
            paragraphId,
            proposal,
            rationale,
            ...(parentAmendmentId === undefined ? {} : { parentAmendmentId }),
            ...(recommendationId === undefined ? {} : { recommendationId }),
          },
          meta,
        }),
      );
    },

    async accept(amendmentId, meta) {
      const amendment = decidable(amendmentId);
      if (amendment.parentAmendmentId !== null) {
        return acceptSubAmendment(amendment, amendment.parentAmendmentId, meta);
      }
      const document = await deps.documentState(amendment.documentId);
      // A new paragraph after a locked one leaves its words alone; anything else would change them.
      const changesWords = amendment.proposal.kind !== 'add-paragraph';
      if (
        changesWords &&
        document.status !== 'none' &&
        isParagraphLocked(document, amendment.paragraphId)
      ) {
        throw new ConflictError('paragraph-locked', 'The paragraph is agreed ad ref', {
          detail: 'Its words are locked until the chair reopens it, with a reason.',
          extensions: { reason: 'paragraph-locked' },
        });
      }
      // Refuse a decision the text could never carry out (its words or paragraph are gone).
      await deps.text.assertAmendmentApplies(amendment.documentId, amendmentId);
      const result = await deps.commands.execute({
        type: 'AcceptAmendment',
        data: { amendmentId },
        meta,
      });
      const textApplied =
        result.position === undefined ? true : await deps.textAppliedBy(result.position, waitMs);
      return { position: result.position, textApplied, duplicate: result.duplicate };
    },

    reject(amendmentId, reason, meta) {
      decidable(amendmentId);
      return position(
        commands.execute({ type: 'RejectAmendment', data: { amendmentId, reason }, meta }),
      );
    },

    merge(amendmentId, intoAmendmentId, meta) {
      decidable(amendmentId);
      return position(
        commands.execute({ type: 'MergeAmendment', data: { amendmentId, intoAmendmentId }, meta }),
      );
    },

    async withdraw(amendmentId, reason, meta) {
      const amendment = amendmentOf(amendmentId);
      let result = await commands.execute({
        type: 'WithdrawAmendment',
        data: { amendmentId, ...(reason === undefined ? {} : { reason }) },
        meta,
      });
      const subs = queries
        .listAmendments(amendment.documentId, { paragraphId: amendment.paragraphId })
        .filter((a) => a.parentAmendmentId === amendmentId && a.status === 'pending');
      for (const sub of subs) {
        result = await commands.execute({
          type: 'WithdrawWithParent',
          data: { amendmentId: sub.amendmentId, parentAmendmentId: amendmentId },
          meta: { ...meta, commandId: derivedId(meta.commandId, `sub/${sub.amendmentId}`) },
        });
      }
      return { position: result.position };
    },

    restore(amendmentId, reason, meta) {
      assertParentPending(queries, amendmentOf(amendmentId));
      return position(
        commands.execute({ type: 'RestoreAmendment', data: { amendmentId, reason }, meta }),
      );
    },
  };

  /**
   * The sub-amendment's words become its parent's proposal: the acceptance, then the parent's
   * revision by the chair naming it (idempotent, so a retry completes a half-done acceptance).
   * The text changes only when the parent is accepted.
   */
  async function acceptSubAmendment(
    sub: AmendmentView,
    parentAmendmentId: string,
    meta: CommandMeta,
  ): Promise<AcceptResult> {
    assertParentPending(queries, sub);
    const accepted = await commands.execute({
      type: 'AcceptAmendment',
      data: { amendmentId: sub.amendmentId },
      meta,
    });
    const revised = await commands.execute({
      type: 'AdoptSubAmendment',
      data: {
        amendmentId: parentAmendmentId,
        subAmendmentId: sub.amendmentId,
        proposedText: sub.proposal.proposedText,
      },
      meta: { ...meta, commandId: derivedId(meta.commandId, 'adopt-into-parent') },
    });
    return {
      position: revised.position ?? accepted.position,
      textApplied: true,
      duplicate: accepted.duplicate,
    };
  }
}
