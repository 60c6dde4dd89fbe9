// Importing the facilitators' next text of a document (the chair only): preview the upload
// matched against the live text, then confirm it as the next revision.
//
//   POST /api/documents/:documentId/next-revision/preview            (raw DOCX or Markdown body)
//   POST /api/documents/:documentId/next-revision/:previewId/confirm { label?, renumber? }
import { nextRevisionContracts } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { ApiRouter } from '../http/api-router.js';
import { IMPORT_MAX_BYTES, importContentTypes, parseDraft } from '../imports/parse-draft.js';
import type { ApiDeps } from './api-deps.js';
import { importErrorAsProblem } from './import-routes.js';
import { assertOpen, authorize, documentScope, memberMeta } from './request-context.js';

export function nextRevisionRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  const service = () => deps.services.nextRevisions;

  api.implement(nextRevisionContracts.previewNextRevision, {
    summary:
      "Match the facilitators' next text (DOCX or Markdown, the raw request body) to the live text and preview it with its redline; nothing is recorded",
    tags: ['documents'],
    uploadLimit: IMPORT_MAX_BYTES,
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'revision.issue');
      assertOpen(scope);
      const mediaType = req.get('content-type')!.split(';')[0]!.trim().toLowerCase();
      let draft;
      try {
        // In the worker pool, off the event loop, within the import's limits.
        draft = await parseDraft(body, importContentTypes[mediaType]!);
      } catch (error) {
        throw importErrorAsProblem(error);
      }
      const preview = await service().preview(params.documentId, draft);
      return { status: 201, body: preview };
    },
  });

  api.implement(nextRevisionContracts.confirmNextRevision, {
    summary:
      'Write a previewed next text into the document (matched paragraphs keep their ids) and issue it as the next revision',
    tags: ['documents'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'revision.issue');
      assertOpen(scope);
      const { label, position, textRevision } = await service().confirm(
        params.documentId,
        params.previewId,
        {
          ...(body.label === undefined ? {} : { label: body.label }),
          ...(body.renumber === undefined ? {} : { renumber: body.renumber }),
        },
        memberMeta(req, scope.actor),
      );
      return {
        status: 201,
        body: { label, textRevision: textRevision.toString(), position: position?.toString() },
      };
    },
  });
}
