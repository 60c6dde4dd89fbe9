// Documents: creating one (with its first paragraphs), reading it numbered, and the chair's acts
// on it — mode, paragraph status, revisions, adoption.
import {
  documentContracts,
  frozenNumbering,
  numberParagraphs,
  revisionConcordance,
  suggestNextRevisionLabel,
} from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { ApiRouter } from '../http/api-router.js';
import { documentAt } from '../application/brackets/document-history.js';
import { assertGavelJustified } from '../application/desk/gavel-guard.js';
import { documentsAtHorizon } from '../application/segments/documents-at-horizon.js';
import { InvalidInputError, NotFoundError } from '../application/errors.js';
import type { EventStore } from '../eventstore/port.js';
import { RecordHistory } from '../timetravel/index.js';
import type { ApiDeps } from './api-deps.js';
import {
  assertOpen,
  authorize,
  documentScope,
  memberMeta,
  negotiationScope,
  newId,
} from './request-context.js';
import { created, done } from './responses.js';

export function documentRoutes(
  api: ApiRouter<SignedInUser>,
  deps: ApiDeps & { store: EventStore; history?: RecordHistory },
): void {
  const { commands, queries, text } = deps;
  const history = deps.history ?? new RecordHistory(deps.store);

  /** 422 unless the paragraph is in the document's text now. */
  const assertParagraph = async (documentId: string, paragraphId: string) => {
    const paragraph = (await text.paragraphs(documentId)).find((p) => p.id === paragraphId);
    if (!paragraph) {
      throw InvalidInputError.field(
        'unknown-paragraph',
        'No such paragraph in this document',
        'paragraphId',
        'not in the document',
      );
    }
    return paragraph;
  };

  api.implement(documentContracts.listDocuments, {
    summary: 'Documents with their latest revision and paragraph-status counts',
    tags: ['documents'],
    handler: async ({ params, session }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      const documents = queries.listDocuments(params.negotiationId);
      const horizon = scope.segments?.horizon;
      if (horizon === undefined) return { body: documents };
      // Behind a horizon: the list as the record stood then.
      const { state } = await history.at({ kind: 'position', position: horizon });
      return { body: documentsAtHorizon(documents, state) };
    },
  });

  api.implement(documentContracts.createDocument, {
    summary: 'Create a document, optionally with its first paragraphs',
    tags: ['documents'],
    handler: async ({ params, body, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'document.create');
      const documentId = newId(req, 'document');
      const result = await deps.services.documents.create(
        { documentId, negotiationId: params.negotiationId, ...body },
        memberMeta(req, scope.actor),
        (i) => newId(req, `paragraph-${i}`),
      );
      return created({ documentId }, result.position);
    },
  });

  api.implement(documentContracts.getDocument, {
    summary: 'A document: its record and its paragraphs, numbered, with their status',
    tags: ['documents'],
    handler: async ({ params, session }) => {
      const scope = documentScope(deps, params.documentId, session);
      // The live text and read model: past a reader's horizon, the frame as of it instead.
      scope.assertLive();
      const document = queries.getDocument(params.documentId)!;
      const [paragraphs, folded] = await Promise.all([
        text.paragraphs(params.documentId),
        documentAt(deps.store, params.documentId),
      ]);
      const statuses = new Map(document.paragraphStatuses.map((s) => [s.paragraphId, s]));
      // Numbered against the last revision's numbers: an insertion since reads "OP 5 bis".
      const frozen =
        folded.state.status === 'none' ? new Map<string, string>() : frozenNumbering(folded.state);
      const numbered = numberParagraphs(paragraphs, frozen);
      return {
        body: {
          ...document,
          you: scope.actor,
          nextRevisionLabel: suggestNextRevisionLabel(document.revisions.map((r) => r.label)),
          numbering: [...frozen],
          paragraphs: paragraphs.map((p, i) => ({
            ...p,
            label: numbered[i]!.label,
            status: statuses.get(p.id)?.status ?? 'open',
            statusReason: statuses.get(p.id)?.reason,
          })),
        },
      };
    },
  });

  api.implement(documentContracts.getConcordance, {
    summary: 'Old number → new number for each paragraph, as a revision published its numbers',
    tags: ['documents'],
    handler: async ({ params, session }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'record.read');
      scope.assertLive();
      const { state } = await documentAt(deps.store, params.documentId);
      const view = revisionConcordance(state, params.label);
      if (!view)
        throw new NotFoundError(
          'No concordance: no such revision, or it predates recorded numbers',
        );
      return { body: view };
    },
  });

  api.implement(documentContracts.changeMode, {
    summary: 'Switch between open drafting and formal mode',
    tags: ['documents'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'document.changeMode');
      assertOpen(scope);
      const result = await commands.execute({
        type: 'ChangeDocumentMode',
        data: { documentId: params.documentId, mode: body.mode },
        meta: memberMeta(req, scope.actor),
      });
      return done(result.position);
    },
  });

  api.implement(documentContracts.setParagraphStatus, {
    summary: 'Mark a paragraph open, bracketed or agreed ad ref',
    tags: ['documents'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'paragraph.setStatus');
      assertOpen(scope);
      await assertParagraph(params.documentId, params.paragraphId);
      await assertGavelJustified({ store: deps.store, history, text }, { ...params, ...body });
      const result = await commands.execute({
        type: 'SetParagraphStatus',
        data: { ...params, ...body },
        meta: memberMeta(req, scope.actor),
      });
      return done(result.position);
    },
  });

  api.implement(documentContracts.issueRevision, {
    summary: 'Issue a revision (Zero draft, Rev 1, …) freezing the text as it is now',
    tags: ['documents'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'revision.issue');
      assertOpen(scope);
      const document = queries.getDocument(params.documentId)!;
      const label = body.label ?? suggestNextRevisionLabel(document.revisions.map((r) => r.label));
      const { position, textRevision } = await deps.services.documents.issueRevision(
        params.documentId,
        label,
        memberMeta(req, scope.actor),
        body.renumber,
      );
      return {
        status: 201,
        body: {
          label,
          textRevision: textRevision.toString(),
          position: position?.toString(),
        },
      };
    },
  });

  api.implement(documentContracts.adoptDocument, {
    summary: 'Adopt the document as of its latest revision; its record closes',
    tags: ['documents'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'document.adopt');
      assertOpen(scope);
      const result = await commands.execute({
        type: 'AdoptDocument',
        data: { documentId: params.documentId, revisionLabel: body.revisionLabel },
        meta: memberMeta(req, scope.actor),
      });
      return done(result.position);
    },
  });
}
