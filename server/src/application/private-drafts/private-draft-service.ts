/**
 * Private drafting: a delegation or a negotiating group drafts an amendment or a statement among
 * its members, then tables it. Who belongs: the delegates acting for the owner itself, and, when
 * the owner is a group, the delegates of its member delegations (a delegation's `groupIds`). The
 * service resolves what the actor speaks for from the read models and hands it to the decider,
 * which applies the rule.
 *
 * Tabling spans two streams and is an idempotent two-step, not a reactor: every id and command
 * id is derived from the draft id, so
 *   1. the amendment (or, for a statement, the comment) is tabled with command id
 *      `derivedId(draftId, 'table')` as `derivedId(draftId, 'amendment'|'comment')`, in the
 *      owner's name; a repeat finds that command already in the stream and appends nothing;
 *   2. the draft records `PrivateDraftTabled` naming it, with its own derived command id.
 * A crash or a lost answer between the two leaves the amendment without the link; tabling again
 * (any member may) skips step 1 (the amendment exists) and completes step 2. Nothing is tabled
 * twice, and the link is never lost while someone retries. Until then the draft still shows as
 * drafting to its members, and the amendment is public like any other.
 *
 *   const { tabledAs } = await privateDrafts.table(draftId, { range }, meta);
 */
import {
  COMMENT_BODY_MAX,
  type CommandMeta,
  type ParagraphKind,
  type PrivateDraftView,
  type StakeholderRefView,
  type StartPrivateDraftBody,
  type TabledAs,
} from '@accord/shared';
import { derivedId } from '../../commands/event-ids.js';
import type { CommandService } from '../../commands/command-service.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import type { AmendmentService } from '../amendments/amendment-service.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import type { DocumentText } from '../ports.js';

export interface TableDraftInput {
  range?: { start: number; end: number } | undefined;
  paragraphKind?: ParagraphKind | undefined;
}

export interface PrivateDraftService {
  /** The drafts the actor's delegation and its groups own on a document, and those owners. */
  list(
    negotiationId: string,
    documentId: string,
    meta: Pick<CommandMeta, 'actor'>,
  ): { owners: StakeholderRefView[]; drafts: PrivateDraftView[] };
  /** One draft; 404 when the actor does not speak for its owner, as when it does not exist. */
  get(negotiationId: string, draftId: string, meta: Pick<CommandMeta, 'actor'>): PrivateDraftView;
  start(
    negotiationId: string,
    documentId: string,
    draftId: string,
    input: StartPrivateDraftBody,
    meta: CommandMeta,
  ): Promise<{ position: bigint | undefined }>;
  edit(
    negotiationId: string,
    draftId: string,
    input: { text: string; rationale: string },
    meta: CommandMeta,
  ): Promise<{ position: bigint | undefined }>;
  comment(
    negotiationId: string,
    draftId: string,
    commentId: string,
    body: string,
    meta: CommandMeta,
  ): Promise<{ position: bigint | undefined }>;
  table(
    negotiationId: string,
    draftId: string,
    input: TableDraftInput,
    meta: CommandMeta,
  ): Promise<{ position: bigint | undefined; tabledAs: TabledAs }>;
  discard(
    negotiationId: string,
    draftId: string,
    meta: CommandMeta,
  ): Promise<{ position: bigint | undefined }>;
}

/** The ids tabling derives from a draft: the same on every retry. */
export const tablingIds = (draftId: string) => ({
  commandId: derivedId(draftId, 'table'),
  amendmentId: derivedId(draftId, 'amendment'),
  commentId: derivedId(draftId, 'comment'),
  recordCommandId: derivedId(draftId, 'record-tabled'),
});

export function createPrivateDraftService(deps: {
  commands: CommandService;
  queries: Pick<
    ReadModelQueries,
    'speaksFor' | 'getPrivateDraft' | 'listPrivateDrafts' | 'getAmendment' | 'listComments'
  >;
  amendments: Pick<AmendmentService, 'table'>;
  text: Pick<DocumentText, 'paragraphs'>;
}): PrivateDraftService {
  const { commands, queries } = deps;

  const actingFor = (negotiationId: string, meta: Pick<CommandMeta, 'actor'>): string[] =>
    queries.speaksFor(negotiationId, meta.actor.stakeholderId).map((s) => s.stakeholderId);

  const requireDraft = (
    negotiationId: string,
    draftId: string,
    meta: Pick<CommandMeta, 'actor'>,
  ): PrivateDraftView => {
    const draft = queries.getPrivateDraft(draftId, actingFor(negotiationId, meta));
    // The same answer for a draft of another delegation and for no draft at all.
    if (!draft || draft.negotiationId !== negotiationId) {
      throw new NotFoundError('Private draft not found');
    }
    return draft;
  };

  const service: PrivateDraftService = {
    list(negotiationId, documentId, meta) {
      const owners = queries.speaksFor(negotiationId, meta.actor.stakeholderId);
      const ids = owners.map((s) => s.stakeholderId);
      return { owners, drafts: queries.listPrivateDrafts(documentId, ids) };
    },

    get: requireDraft,

    async start(negotiationId, documentId, draftId, input, meta) {
      const paragraphs = await deps.text.paragraphs(documentId);
      if (!paragraphs.some((p) => p.id === input.paragraphId)) {
        throw InvalidInputError.field(
          'unknown-paragraph',
          'No such paragraph in this document',
          'body.paragraphId',
          'not in the document',
        );
      }
      const isAmendment = input.kind === 'amendment';
      const result = await commands.execute({
        type: 'StartPrivateDraft',
        data: {
          draftId,
          negotiationId,
          documentId,
          paragraphId: input.paragraphId,
          ownerStakeholderId: input.ownerStakeholderId ?? meta.actor.stakeholderId,
          kind: input.kind,
          amendmentKind: isAmendment ? (input.amendmentKind ?? null) : null,
          range: isAmendment ? (input.range ?? null) : null,
          text: input.text,
          rationale: input.rationale,
          actingFor: actingFor(negotiationId, meta),
        },
        meta,
      });
      return { position: result.position };
    },

    async edit(negotiationId, draftId, input, meta) {
      const result = await commands.execute({
        type: 'EditPrivateDraft',
        data: { draftId, ...input, actingFor: actingFor(negotiationId, meta) },
        meta,
      });
      return { position: result.position };
    },

    async comment(negotiationId, draftId, commentId, body, meta) {
      const result = await commands.execute({
        type: 'CommentOnPrivateDraft',
        data: { draftId, commentId, body, actingFor: actingFor(negotiationId, meta) },
        meta,
      });
      return { position: result.position };
    },

    async table(negotiationId, draftId, input, meta) {
      const draft = requireDraft(negotiationId, draftId, meta);
      if (draft.status === 'tabled' && draft.tabledAs) {
        return { position: undefined, tabledAs: draft.tabledAs };
      }
      if (draft.status === 'discarded') {
        throw new ConflictError('private-draft-discarded', 'The draft was discarded');
      }
      const ids = tablingIds(draftId);
      // Tabled in the owner's name: a group's draft becomes the group's amendment, whichever
      // member's delegation pressed the button.
      const asOwner: CommandMeta = {
        commandId: ids.commandId,
        actor: { ...meta.actor, stakeholderId: draft.owner.stakeholderId },
        now: meta.now,
      };
      const tabledAs = await tableOnce(draft, ids, asOwner, input);
      const result = await commands.execute({
        type: 'RecordPrivateDraftTabled',
        data: { draftId, tabledAs, actingFor: actingFor(negotiationId, meta) },
        meta: { ...meta, commandId: ids.recordCommandId },
      });
      return { position: result.position, tabledAs };
    },

    async discard(negotiationId, draftId, meta) {
      const result = await commands.execute({
        type: 'DiscardPrivateDraft',
        data: { draftId, actingFor: actingFor(negotiationId, meta) },
        meta,
      });
      return { position: result.position };
    },
  };

  /** Step 1 of tabling: the public amendment or comment, at most once. */
  async function tableOnce(
    draft: PrivateDraftView,
    ids: ReturnType<typeof tablingIds>,
    asOwner: CommandMeta,
    input: TableDraftInput,
  ): Promise<TabledAs> {
    if (draft.kind === 'statement') {
      const tabledAs: TabledAs = { kind: 'comment', commentId: ids.commentId };
      const words = draft.text.trim();
      if (words.length === 0 || words.length > COMMENT_BODY_MAX) {
        throw new ConflictError('statement-length', 'The statement cannot be posted as it is', {
          detail: `A statement is posted as a comment: between 1 and ${COMMENT_BODY_MAX} characters.`,
        });
      }
      const posted = queries
        .listComments(draft.documentId)
        .some((thread) => thread.commentId === ids.commentId);
      if (!posted) {
        await commands.execute({
          type: 'PostComment',
          data: {
            documentId: draft.documentId,
            commentId: ids.commentId,
            anchor: { paragraphId: draft.paragraphId },
            body: draft.text,
          },
          meta: asOwner,
        });
      }
      return tabledAs;
    }
    const tabledAs: TabledAs = { kind: 'amendment', amendmentId: ids.amendmentId };
    // Already tabled by an interrupted earlier attempt: its deadline check and anchor stand.
    if (queries.getAmendment(ids.amendmentId)) return tabledAs;
    if (!draft.amendmentKind) {
      throw new ConflictError('private-draft-incomplete', 'The draft does not say what it amends');
    }
    await deps.amendments.table(
      {
        amendmentId: ids.amendmentId,
        documentId: draft.documentId,
        paragraphId: draft.paragraphId,
        kind: draft.amendmentKind,
        range: input.range ?? draft.range ?? undefined,
        proposedText: draft.text,
        paragraphKind: input.paragraphKind,
        rationale: draft.rationale,
      },
      asOwner,
    );
    return tabledAs;
  }

  return service;
}
