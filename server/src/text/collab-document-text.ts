/**
 * The API's view of documents' live text, served by the collaboration gateway: reading
 * paragraphs, anchoring ranges, creating a text, and applying an accepted amendment (or the
 * work of a bracket or option) as one server transaction, attributed and stored like any edit.
 */
import { randomUUID } from 'node:crypto';
import { docTextStream, type Actor } from '@accord/shared';
import type * as Y from 'yjs';
import type { DocumentText, WordsAnchor } from '../application/ports.js';
import type { EventStore, RecordedEvent } from '../eventstore/port.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../application/errors.js';
import type { ReadModelQueries } from '../readmodels/queries.js';
import { resolveAnchor, type ResolvedAnchor, type TextAnchor } from './anchors.js';
import {
  findParagraph,
  insertParagraphs,
  replaceParagraphText,
  textFragment,
  type Paragraph,
} from './doc-structure.js';
import { TEXT_UPDATED, type Attribution } from './text-history.js';
import { applyTextEdits, insertedWordsAnchors } from './text-work.js';

/**
 * What the text needs of whoever holds the live documents: the Yjs gateway (collab/) provides
 * it, so that every server change is stored and broadcast exactly like a typed one.
 */
export interface LiveDocuments {
  readParagraphs(documentId: string): Promise<Paragraph[]>;
  createAnchor(
    documentId: string,
    paragraphId: string,
    start: number,
    end: number,
  ): Promise<TextAnchor>;
  resolveAnchor(documentId: string, anchor: TextAnchor): Promise<ResolvedAnchor | null>;
  createDocumentText(
    documentId: string,
    paragraphs: readonly Paragraph[],
    attribution: Attribution,
  ): Promise<{ revision: bigint | undefined }>;
  applyServerChange(
    documentId: string,
    attribution: Attribution,
    change: (doc: Y.Doc) => void,
  ): Promise<{ revision: bigint | undefined }>;
}

/** The words a stored piece of text work inserted, in order, as `findTextWork` answers. */
function placedBy(event: RecordedEvent): WordsAnchor[] {
  const update = event.type === TEXT_UPDATED && event.data instanceof Uint8Array;
  return update ? insertedWordsAnchors(event.data as Uint8Array) : [];
}

/**
 * How far nodes' clocks, and the moments two nodes' reactors read the text, may lie apart, for
 * reading a text's log back to a decision.
 */
const CLOCK_MARGIN_MS = 5 * 60_000;

type StoredProposal = NonNullable<ReturnType<ReadModelQueries['getAmendment']>>['proposal'];

const anchorLost = () =>
  new ConflictError('anchor-lost', 'The words this amendment changes are no longer in the text', {
    detail: 'Ask the sponsor to revise it against the current text.',
  });

/** Checks, then changes: Yjs cannot roll back a transaction that throws half-way. */
function applyProposal(doc: Y.Doc, paragraphId: string, proposal: StoredProposal): void {
  const paragraph = findParagraph(doc, paragraphId);
  if (!paragraph) throw anchorLost();
  switch (proposal.kind) {
    case 'insert':
    case 'delete':
    case 'replace': {
      const range = resolveAnchor(doc, { paragraphId, ...proposal.anchor });
      if (!range || range.paragraphId !== paragraphId) throw anchorLost();
      // An insertion point is the anchor's start; deletions and replacements span the anchored words.
      const end = proposal.kind === 'insert' ? range.start : range.end;
      replaceParagraphText(doc, paragraphId, range.start, end, proposal.proposedText);
      return;
    }
    case 'add-paragraph':
      insertParagraphs(doc, paragraph.index + 1, [
        { id: randomUUID(), kind: proposal.paragraphKind, text: proposal.proposedText },
      ]);
      return;
    case 'delete-paragraph':
      textFragment(doc).delete(paragraph.index, 1);
      return;
  }
}

export function createCollabDocumentText(deps: {
  collab: LiveDocuments;
  store: EventStore;
  queries: Pick<ReadModelQueries, 'getAmendment'>;
}): DocumentText {
  const { collab, store, queries } = deps;
  const rangeError = (error: unknown): never => {
    if (error instanceof RangeError) {
      throw InvalidInputError.field(
        'invalid-range',
        'That range is not in the paragraph',
        'body.range',
        error.message,
        error.message,
      );
    }
    throw error;
  };

  /**
   * The update in the text's log that applied an amendment or a piece of text work, if any.
   * Read from the end back to `notBefore` less a margin for the clocks of several nodes: such
   * an update is stamped no earlier than the decision it carries out (see the reactors), so the
   * scan never reads the text's whole history.
   */
  async function appliedInLog(
    documentId: string,
    key: 'amendmentId' | 'workId',
    id: string,
    notBefore: string | null | undefined,
  ): Promise<RecordedEvent | undefined> {
    const since = Date.parse(notBefore ?? new Date().toISOString()) - CLOCK_MARGIN_MS;
    for await (const event of store.readStream(docTextStream(documentId), {
      direction: 'backwards',
    })) {
      if (event.metadata[key] === id) return event;
      const occurredAt = event.metadata.occurredAt;
      if (typeof occurredAt === 'string' && Date.parse(occurredAt) < since) return undefined;
    }
    return undefined;
  }

  return {
    paragraphs: (documentId) => collab.readParagraphs(documentId),

    async anchor(documentId, paragraphId, start, end) {
      const anchor = await collab
        .createAnchor(documentId, paragraphId, start, end)
        .catch(rangeError);
      const resolved = await collab.resolveAnchor(documentId, anchor);
      return { start: anchor.start, end: anchor.end, text: resolved?.text ?? '' };
    },

    async create(documentId, paragraphs, by: Actor, at?: string) {
      await collab.createDocumentText(documentId, paragraphs, {
        userId: by.userId,
        stakeholderId: by.stakeholderId,
        ...(at === undefined ? {} : { occurredAt: at }),
      });
    },

    async assertAmendmentApplies(documentId, amendmentId) {
      const amendment = queries.getAmendment(amendmentId);
      if (!amendment) throw new NotFoundError('Amendment not found');
      const paragraphs = await collab.readParagraphs(documentId);
      if (!paragraphs.some((p) => p.id === amendment.paragraphId)) throw anchorLost();
      const { proposal } = amendment;
      if (proposal.anchor) {
        const range = await collab.resolveAnchor(documentId, {
          paragraphId: amendment.paragraphId,
          ...proposal.anchor,
        });
        if (!range || range.paragraphId !== amendment.paragraphId) throw anchorLost();
      }
    },

    async applyAmendment(documentId, amendmentId, by: Actor, at?: string) {
      const amendment = queries.getAmendment(amendmentId);
      if (!amendment) throw new NotFoundError('Amendment not found');
      // The caller checked the log before asking, but on several nodes another node's reactor may
      // have had the words applied since, by this document's previous owner. Asked again here,
      // once the live copy is loaded: from now on only this copy writes the text (a stale
      // writer's append fails on the expected revision), so the words go in once.
      await collab.readParagraphs(documentId);
      if (await appliedInLog(documentId, 'amendmentId', amendmentId, amendment.decidedAt)) return;
      await collab.applyServerChange(
        documentId,
        {
          userId: by.userId,
          stakeholderId: amendment.sponsorStakeholderId,
          amendmentId,
          ...(at === undefined ? {} : { occurredAt: at }),
        },
        (doc) => applyProposal(doc, amendment.paragraphId, amendment.proposal),
      );
    },

    async resolveAnchors(documentId, anchors) {
      return Promise.all(
        anchors.map(async (anchor) => {
          const span = await collab.resolveAnchor(documentId, { paragraphId: '', ...anchor });
          return span && { ...span };
        }),
      );
    },

    async applyTextWork(documentId, work, edits) {
      // Asked again on the loaded live copy, as for an amendment (above).
      await collab.readParagraphs(documentId);
      const done = await appliedInLog(documentId, 'workId', work.workId, work.at);
      if (done) return { placed: placedBy(done) };
      let placed: ({ start: string; end: string } | null)[] = [];
      await collab.applyServerChange(
        documentId,
        {
          userId: work.by.userId,
          stakeholderId: work.by.stakeholderId,
          workId: work.workId,
          ...(work.at === undefined ? {} : { occurredAt: work.at }),
        },
        (doc) => {
          placed = applyTextEdits(doc, edits);
        },
      );
      return { placed };
    },

    async findTextWork(documentId, workId, since) {
      const stream = docTextStream(documentId);
      for await (const event of store.readAll({
        fromPosition: since,
        filter: { on: 'streamName', prefixes: [stream] },
      })) {
        if (event.streamId !== stream || event.metadata.workId !== workId) continue;
        return { placed: placedBy(event) };
      }
      return null;
    },

    async textRevision(documentId) {
      for await (const last of store.readStream(docTextStream(documentId), {
        direction: 'backwards',
        maxCount: 1,
      }))
        return last.revision;
      return undefined;
    },
  };
}
