// Language versions of a document: everyone who reads the document reads its versions and their
// status; the secretariat (and the chair) submit a paragraph's translation, also once the text
// is adopted (adopted texts are what gets translated).
import { translationContracts } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import { translationBurndownOf } from '../application/translations/translation-burndown.js';
import { createTranslationService } from '../application/translations/translation-service.js';
import type { EventStore } from '../eventstore/port.js';
import type { ApiRouter } from '../http/api-router.js';
import type { ApiDeps } from './api-deps.js';
import { authorize, documentScope, memberMeta } from './request-context.js';
import { done } from './responses.js';

export function translationRoutes(
  api: ApiRouter<SignedInUser>,
  deps: ApiDeps & { store: EventStore },
): void {
  const translations = createTranslationService(deps);

  api.implement(translationContracts.getTranslations, {
    summary:
      'Each language version of the document: paragraphs current, out of date and missing, and day by day how many were current',
    tags: ['translations'],
    handler: async ({ params, session }) => {
      // Current state (the original's words now): refused past a reader's segment horizon.
      documentScope(deps, params.documentId, session).assertLive();
      const [summary, burndown] = await Promise.all([
        translations.summary(params.documentId),
        translationBurndownOf(deps, params.documentId, new Date()),
      ]);
      return { body: { ...summary, burndown } };
    },
  });

  api.implement(translationContracts.getLanguageVersion, {
    summary:
      'One language version beside the original, paragraph by paragraph, with the redline of the original where a translation is out of date',
    tags: ['translations'],
    handler: async ({ params, session }) => {
      documentScope(deps, params.documentId, session).assertLive();
      return { body: await translations.view(params.documentId, params.language) };
    },
  });

  api.implement(translationContracts.translateParagraph, {
    summary: 'Set the translation of one paragraph (secretariat, chair)',
    tags: ['translations'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'translation.edit');
      // No assertOpen: an adopted text is the one most often translated.
      const result = await translations.translate(
        { ...params, text: body.text, originalFingerprint: body.originalFingerprint },
        memberMeta(req, scope.actor),
      );
      return done(result.position);
    },
  });
}
