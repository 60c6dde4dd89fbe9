// Documents: creating one (with its first paragraphs), reading it numbered, and the chair's acts
// on it — mode, paragraph status, revisions, adoption.
import { z } from 'zod';
import {
  documentModeSchema,
  entityIdSchema,
  freeText,
  labelText,
  numberParagraphs,
  paragraphKindSchema,
  paragraphStatusSchema,
  suggestNextRevisionLabel,
} from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { ApiRouter } from '../http/api-router.js';
import { InvalidInputError } from '../application/errors.js';
import type { ApiDeps } from './api-deps.js';
import { DOCUMENT_LIMITS } from '../application/documents/document-service.js';
import {
  assertOpen,
  authorize,
  documentScope,
  memberMeta,
  negotiationScope,
  newId,
} from './request-context.js';
import { created, done } from './responses.js';

const DocumentParams = z.object({ documentId: entityIdSchema });

const CreateDocumentBody = z.strictObject({
  title: labelText(300),
  symbol: z.string().trim().min(1).max(80),
  mode: documentModeSchema,
  paragraphs: z
    .array(
      z.strictObject({
        kind: paragraphKindSchema,
        text: z.string().max(DOCUMENT_LIMITS.paragraphText),
      }),
    )
    .max(DOCUMENT_LIMITS.paragraphs)
    .default([]),
});

export function documentRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  const { commands, queries, text } = deps;

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

  api.route({
    method: 'get',
    path: '/negotiations/:negotiationId/documents',
    summary: 'Documents with their latest revision and paragraph-status counts',
    tags: ['documents'],
    params: z.object({ negotiationId: entityIdSchema }),
    handler: ({ params, session }) => {
      negotiationScope(deps, params.negotiationId, session);
      return Promise.resolve({ body: queries.listDocuments(params.negotiationId) });
    },
  });

  api.route({
    method: 'post',
    path: '/negotiations/:negotiationId/documents',
    summary: 'Create a document, optionally with its first paragraphs',
    tags: ['documents'],
    params: z.object({ negotiationId: entityIdSchema }),
    body: CreateDocumentBody,
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

  api.route({
    method: 'get',
    path: '/documents/:documentId',
    summary: 'A document: its record and its paragraphs, numbered, with their status',
    tags: ['documents'],
    params: DocumentParams,
    handler: async ({ params, session }) => {
      const scope = documentScope(deps, params.documentId, session);
      const document = queries.getDocument(params.documentId)!;
      const paragraphs = await text.paragraphs(params.documentId);
      const statuses = new Map(document.paragraphStatuses.map((s) => [s.paragraphId, s]));
      const numbered = numberParagraphs(paragraphs);
      return {
        body: {
          ...document,
          you: scope.actor,
          nextRevisionLabel: suggestNextRevisionLabel(document.revisions.map((r) => r.label)),
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

  api.route({
    method: 'put',
    path: '/documents/:documentId/mode',
    summary: 'Switch between open drafting and formal mode',
    tags: ['documents'],
    params: DocumentParams,
    body: z.strictObject({ mode: documentModeSchema }),
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

  api.route({
    method: 'put',
    path: '/documents/:documentId/paragraphs/:paragraphId/status',
    summary: 'Mark a paragraph open, bracketed or agreed ad ref',
    tags: ['documents'],
    params: z.object({ documentId: entityIdSchema, paragraphId: entityIdSchema }),
    body: z.strictObject({ status: paragraphStatusSchema, reason: freeText(500).optional() }),
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'paragraph.setStatus');
      assertOpen(scope);
      await assertParagraph(params.documentId, params.paragraphId);
      const result = await commands.execute({
        type: 'SetParagraphStatus',
        data: { ...params, ...body },
        meta: memberMeta(req, scope.actor),
      });
      return done(result.position);
    },
  });

  api.route({
    method: 'post',
    path: '/documents/:documentId/revisions',
    summary: 'Issue a revision (Zero draft, Rev 1, …) freezing the text as it is now',
    tags: ['documents'],
    params: DocumentParams,
    body: z.strictObject({ label: labelText(60).optional() }),
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

  api.route({
    method: 'post',
    path: '/documents/:documentId/adopt',
    summary: 'Adopt the document as of its latest revision; its record closes',
    tags: ['documents'],
    params: DocumentParams,
    body: z.strictObject({ revisionLabel: labelText(60) }),
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
