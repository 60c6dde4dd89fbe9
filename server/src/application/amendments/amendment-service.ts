/**
 * Amendments' use cases that reach beyond the amendment's own stream. Tabling reads the live
 * text to anchor the proposal and quote the words. Accepting is a decision whose
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
import { isParagraphLocked, type CommandMeta, type DocumentState } from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { DocumentText } from '../ports.js';
import { proposalAt, type ProposalInput } from './proposal.js';

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
}

export interface AmendmentService {
  /** Tables an amendment on behalf of the actor's delegation, anchored in the live text. */
  table(input: TableInput, meta: CommandMeta): Promise<{ position: bigint | undefined }>;
  accept(amendmentId: string, meta: CommandMeta): Promise<AcceptResult>;
}

export function createAmendmentService(deps: {
  commands: CommandService;
  queries: Pick<ReadModelQueries, 'getAmendment'>;
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
  return {
    async table(input, meta) {
      const { amendmentId, documentId, paragraphId, rationale } = input;
      await deps.assertBeforeDeadline?.(documentId, meta.now);
      const result = await deps.commands.execute({
        type: 'TableAmendment',
        data: {
          amendmentId,
          documentId,
          paragraphId,
          proposal: await proposalAt(deps.text, documentId, input),
          rationale,
        },
        meta,
      });
      return { position: result.position };
    },

    async accept(amendmentId, meta) {
      const amendment = deps.queries.getAmendment(amendmentId);
      if (!amendment) throw new NotFoundError('Amendment not found');
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
  };
}
