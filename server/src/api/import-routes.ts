// Importing a draft (a Word or Markdown file, sent as the raw body) into a new document.
import { importContracts } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { ApiRouter } from '../http/api-router.js';
import { ApplicationError, type ApplicationErrorKind } from '../application/errors.js';
import { DraftImportError } from '../imports/draft-model.js';
import { documentNaming } from '../imports/import-draft.js';
import { IMPORT_MAX_BYTES, importContentTypes, parseDraft } from '../imports/parse-draft.js';
import type { ApiDeps } from './api-deps.js';
import { authorize, memberMeta, negotiationScope, newId } from './request-context.js';

/** The importer states a status of its own; it is read back as the kind of refusal it means. */
const kindOfImportStatus = (status: number): ApplicationErrorKind =>
  status === 413
    ? 'too-large'
    : status === 503
      ? 'unavailable'
      : status === 400
        ? 'bad-request'
        : 'invalid-input';

/** The importer's refusal as an application error (kept as is otherwise). */
export const importErrorAsProblem = (error: unknown): unknown =>
  error instanceof DraftImportError
    ? new ApplicationError(kindOfImportStatus(error.status), error.code, error.title, {
        detail: error.detail,
      })
    : error;

export function importRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  api.implement(importContracts.importDraft, {
    summary:
      'Import a draft (DOCX or Markdown, the raw request body) into a new document; dryRun=true only reports what would be imported',
    tags: ['documents'],
    uploadLimit: IMPORT_MAX_BYTES,
    handler: async ({ params, query, body, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'document.create');
      const mediaType = req.get('content-type')!.split(';')[0]!.trim().toLowerCase();
      try {
        const draft = await parseDraft(body, importContentTypes[mediaType]!);
        if (query.dryRun === 'true') return { status: 200, body: { report: draft.report } };
        const naming = documentNaming(draft.report, query);
        const documentId = newId(req, 'document');
        // The draft's brackets and options become record, not bracket characters in the text.
        const result = await deps.services.brackets.createFromImport(
          { documentId, negotiationId: params.negotiationId, ...naming, mode: query.mode },
          draft,
          memberMeta(req, scope.actor),
          (i) => newId(req, `paragraph-${i}`),
        );
        return {
          status: 201,
          body: { documentId, position: result.position?.toString(), report: draft.report },
        };
      } catch (error) {
        throw importErrorAsProblem(error);
      }
    },
  });
}
