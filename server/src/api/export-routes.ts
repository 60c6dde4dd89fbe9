// Exports of a document as files: clean text, compilation text or a comparison of two points, in
// DOCX, PDF, HTML, Markdown, Akoma Ntoso or JSON, now or as of any point. Anyone who may read the
// document may export what they can read; an export only reads the record.
//
//   GET /api/documents/:documentId/export?format=docx&variant=compilation&asOf=revision:Rev 1
//   GET /api/documents/:documentId/export?format=akn&variant=compare&from=revision:Zero draft&to=now
import { exportContracts, ORIGINAL_LANGUAGE, type AsOf } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { EventStore } from '../eventstore/port.js';
import { createBracketReader } from '../application/brackets/bracket-reader.js';
import { createTranslationService } from '../application/translations/translation-service.js';
import {
  buildDocumentExport,
  exportFileName,
  parseExportRequest,
  renderExport,
} from '../exports/index.js';
import { labelLanguage } from '../exports/i18n/index.js';
import { languageVersionRequest, languageVersionModel } from '../exports/language-version-model.js';
import type { ApiRouter } from '../http/api-router.js';
import { RecordHistory } from '../timetravel/index.js';
import type { ApiDeps } from './api-deps.js';
import { authorize, documentScope } from './request-context.js';

export function exportRoutes(
  api: ApiRouter<SignedInUser>,
  deps: ApiDeps & { store: EventStore; history?: RecordHistory },
): void {
  const history = deps.history ?? new RecordHistory(deps.store);
  const brackets = createBracketReader({ store: deps.store, history, text: deps.text });
  const translations = createTranslationService(deps);
  // Brackets and options as of the exported point, for every format and the cover's counts.
  const timeTravel = {
    store: deps.store,
    history,
    negotiationText: (documentId: string, asOf: AsOf) => brackets.list(documentId, asOf),
  };

  api.implement(exportContracts.exportDocument, {
    summary:
      'The document as a file: clean, compilation or comparison; DOCX, PDF, HTML, Markdown, Akoma Ntoso or JSON',
    tags: ['record', 'exports'],
    handler: async ({ params, query, session, res }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'document.export');
      const { format, request: asked } = parseExportRequest(query);
      // A language version (?language=fr) is the clean text now, in that language. Translations
      // are read as they stand now: past a reader's segment horizon they are refused.
      const language = languageVersionRequest(asked, query.language, ORIGINAL_LANGUAGE);
      if (language) scope.assertLive();
      // Past a reader's horizon every point is clamped to it (request-context.ts).
      const at = (point: AsOf): AsOf => scope.clamp(point) ?? point;
      const request =
        asked.variant === 'compare'
          ? { ...asked, from: at(asked.from), to: at(asked.to) }
          : { ...asked, asOf: at(asked.asOf) };
      // Labels: ?lang=, else the language version's language, else the reader's interface language.
      const labels = labelLanguage([query.lang, language], session);
      const built = await buildDocumentExport(timeTravel, params.documentId, request, labels);
      const model = language
        ? languageVersionModel(built, await translations.version(params.documentId, language))
        : built;
      const file = await renderExport(model, format);
      const name = exportFileName(model, request.variant, file.extension, language);
      res
        .status(200)
        .set({
          'Content-Type': file.contentType,
          'Content-Disposition': `attachment; filename="${name.replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
          'Content-Length': String(file.bytes.length),
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'private, no-store',
        })
        .end(file.bytes);
    },
  });
}
