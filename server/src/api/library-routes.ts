// The agreed-language library: search adopted texts for precedent wording and read them (every
// member), import or withdraw an earlier text (chair or secretariat), and cite a passage in a
// draft (whoever may put words in the text; the server checks the words against both sides).
import { libraryContracts } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { ApiRouter } from '../http/api-router.js';
import { NotFoundError } from '../application/errors.js';
import type { ApiDeps } from './api-deps.js';
import {
  assertOpen,
  authorize,
  documentScope,
  memberMeta,
  negotiationScope,
  newId,
  type NegotiationScope,
} from './request-context.js';
import { created, done } from './responses.js';

/**
 * Checks the reader may search the library and says up to where: behind a segment's horizon,
 * texts added later (adopted in the segment, or anywhere since) are not theirs to see yet.
 */
function readableUpTo(scope: NegotiationScope): bigint | undefined {
  authorize(scope, 'library.read');
  return scope.segments?.horizon;
}

export function libraryRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  const library = deps.services.library;

  api.implement(libraryContracts.search, {
    summary: 'Search the agreed-language library (SQLite FTS5; every word must match)',
    tags: ['library'],
    handler: ({ params, query, session }) => {
      const upTo = readableUpTo(negotiationScope(deps, params.negotiationId, session));
      const hits = library.search(query.q, {
        ...(query.language ? { language: query.language } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
        ...(upTo === undefined ? {} : { upTo }),
      });
      return Promise.resolve({ body: { hits } });
    },
  });

  api.implement(libraryContracts.listTexts, {
    summary: 'The texts in the agreed-language library, newest first',
    tags: ['library'],
    handler: ({ params, session }) => {
      const upTo = readableUpTo(negotiationScope(deps, params.negotiationId, session));
      return Promise.resolve({ body: { texts: library.listTexts(upTo) } });
    },
  });

  api.implement(libraryContracts.getText, {
    summary: 'One library text with its paragraphs',
    tags: ['library'],
    handler: ({ params, session }) => {
      const upTo = readableUpTo(negotiationScope(deps, params.negotiationId, session));
      const text = library.getText(params.libraryTextId, upTo);
      if (!text) throw new NotFoundError('No such text in the library');
      return Promise.resolve({ body: text });
    },
  });

  api.implement(libraryContracts.importText, {
    summary: 'Import an earlier adopted text into the library (chair or secretariat)',
    tags: ['library'],
    handler: async ({ params, body, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'library.add');
      const libraryTextId = newId(req, 'library-text');
      const position = await library.importText(
        params.negotiationId,
        libraryTextId,
        body,
        memberMeta(req, scope.actor),
      );
      return created({ libraryTextId }, position);
    },
  });

  api.implement(libraryContracts.withdrawText, {
    summary: 'Withdraw a text from the library (chair or secretariat); its citations stay',
    tags: ['library'],
    handler: async ({ params, body, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'library.withdraw');
      return done(
        await library.withdraw(params.libraryTextId, body.reason, memberMeta(req, scope.actor)),
      );
    },
  });

  api.implement(libraryContracts.listCitations, {
    summary: "A document's citations of agreed language, with where their words are now",
    tags: ['library'],
    handler: async ({ params, session }) => {
      documentScope(deps, params.documentId, session).assertLive();
      return { body: { citations: await library.citations(params.documentId) } };
    },
  });

  api.implement(libraryContracts.cite, {
    summary: 'Record that words in a paragraph were taken from a library text (checked both ways)',
    tags: ['library'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'library.cite');
      assertOpen(scope);
      const citationId = newId(req, 'citation');
      const position = await library.cite(
        params.documentId,
        scope.mode,
        citationId,
        body,
        memberMeta(req, scope.actor),
      );
      return created({ citationId }, position);
    },
  });
}
