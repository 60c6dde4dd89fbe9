// Brackets and options: reading them (now or as of a point) with their counts and burn-down, and
// the commands that place and lift brackets, propose alternatives and choose between them.
//
//   GET  /api/documents/:documentId/brackets?asOf=revision:Rev 1
//   POST /api/documents/:documentId/brackets { paragraphId, start, end, note? }
import { bracketContracts, parseAsOf } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import { createBracketReader } from '../application/brackets/bracket-reader.js';
import type { ApplicationServices } from '../application/services.js';
import type { EventStore } from '../eventstore/port.js';
import type { ApiRouter } from '../http/api-router.js';
import type { RecordHistory } from '../timetravel/index.js';
import type { ApiDeps } from './api-deps.js';
import { assertOpen, authorize, documentScope, memberMeta, newId } from './request-context.js';
import { created, done } from './responses.js';

export function bracketRoutes(
  api: ApiRouter<SignedInUser>,
  deps: Omit<ApiDeps, 'services'> & {
    store: EventStore;
    history: RecordHistory;
    services: Pick<ApplicationServices, 'brackets'>;
  },
): void {
  const brackets = () => deps.services.brackets;
  const reader = createBracketReader({ store: deps.store, history: deps.history, text: deps.text });

  api.implement(bracketContracts.listBrackets, {
    summary: 'Open brackets and option sets with their counts, now or as of a point',
    tags: ['brackets'],
    handler: async ({ params, query, session }) => {
      const scope = documentScope(deps, params.documentId, session);
      // asOfSchema has already checked the syntax; a horizon clamps the point.
      const asOf = scope.clamp(query.asOf === undefined ? undefined : parseAsOf(query.asOf)!);
      return { body: await reader.list(params.documentId, asOf) };
    },
  });

  api.implement(bracketContracts.bracketBurndown, {
    summary: 'Open brackets and options over time, with the revisions issued',
    tags: ['brackets'],
    handler: async ({ params, session }) => {
      // The burn-down runs to now: past a reader's horizon it is refused.
      documentScope(deps, params.documentId, session).assertLive();
      return { body: await reader.burndown(params.documentId) };
    },
  });

  api.implement(bracketContracts.placeBracket, {
    summary: 'Bracket words of a paragraph that your delegation does not accept yet',
    tags: ['brackets'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'bracket.place');
      assertOpen(scope);
      const bracketId = newId(req, 'bracket');
      const { position } = await brackets().place(
        { documentId: params.documentId, bracketId, ...body },
        memberMeta(req, scope.actor),
      );
      return created({ bracketId }, position);
    },
  });

  api.implement(bracketContracts.removeBracket, {
    summary: 'Lift a bracket, keeping its words (its delegation or the chair)',
    tags: ['brackets'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'bracket.remove');
      assertOpen(scope);
      const { position } = await brackets().remove(
        params.documentId,
        params.bracketId,
        body.reason,
        memberMeta(req, scope.actor),
      );
      return done(position);
    },
  });

  api.implement(bracketContracts.deleteBracketedWords, {
    summary: 'Delete a bracket together with its words (its delegation or the chair)',
    tags: ['brackets'],
    handler: async ({ params, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'bracket.remove');
      assertOpen(scope);
      const { position } = await brackets().deleteWords(
        params.documentId,
        params.bracketId,
        memberMeta(req, scope.actor),
      );
      return done(position);
    },
  });

  api.implement(bracketContracts.openOptionSet, {
    summary: 'Offer an alternative to words or to a whole paragraph: Option 1 and Option 2',
    tags: ['brackets'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'option.propose');
      assertOpen(scope);
      const optionSetId = newId(req, 'option-set');
      const optionId = newId(req, 'option');
      const { position } = await brackets().openOptionSet(
        {
          documentId: params.documentId,
          optionSetId,
          firstOptionId: newId(req, 'first-option'),
          optionId,
          newParagraphId: newId(req, 'option-paragraph'),
          scope: body.scope,
          paragraphId: body.paragraphId,
          span: body.span,
          words: body.words,
          noText: body.noText,
          kind: body.kind,
        },
        memberMeta(req, scope.actor),
      );
      return { status: 201, body: { optionSetId, optionId, position: position?.toString() } };
    },
  });

  api.implement(bracketContracts.addOption, {
    summary: 'Add another alternative to an option set',
    tags: ['brackets'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'option.propose');
      assertOpen(scope);
      const optionId = newId(req, 'option');
      const { position } = await brackets().addOption(
        params.documentId,
        params.optionSetId,
        {
          optionId,
          newParagraphId: newId(req, 'option-paragraph'),
          words: body.words,
          noText: body.noText,
          kind: body.kind,
        },
        memberMeta(req, scope.actor),
      );
      return created({ optionId }, position);
    },
  });

  api.implement(bracketContracts.chooseOption, {
    summary: 'Choose one option; the others are struck from the text and kept in the record',
    tags: ['brackets'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'option.choose');
      assertOpen(scope);
      const { position } = await brackets().choose(
        params.documentId,
        params.optionSetId,
        body.optionId,
        memberMeta(req, scope.actor),
      );
      return done(position);
    },
  });
}
