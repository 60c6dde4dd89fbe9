// A document's process: read its deadlines and silence procedures; the chair sets and clears
// deadlines and starts or withdraws a silence; a delegation breaks silence with a statement.
import { processContracts } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { ApiRouter } from '../http/api-router.js';
import type { ApiDeps } from './api-deps.js';
import { assertOpen, authorize, documentScope, memberMeta, newId } from './request-context.js';
import { created, done } from './responses.js';

export function processRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  const { services } = deps;

  api.implement(processContracts.getProcess, {
    summary: 'Deadlines and silence procedures of a document, with every break and statement',
    tags: ['process'],
    handler: async ({ params, session }) => {
      documentScope(deps, params.documentId, session).assertLive();
      return { body: await services.process.view(params.documentId) };
    },
  });

  api.implement(processContracts.setDeadline, {
    summary: 'Set the deadline for amendments or for positions (chair)',
    tags: ['process'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'deadline.set');
      assertOpen(scope);
      const meta = memberMeta(req, scope.actor);
      const { documentId, kind } = params;
      return done(
        (await services.process.setDeadline(documentId, kind, body.deadline, body.timeZone, meta))
          .position,
      );
    },
  });

  api.implement(processContracts.clearDeadline, {
    summary: 'Clear the deadline for amendments or for positions (chair)',
    tags: ['process'],
    handler: async ({ params, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'deadline.set');
      assertOpen(scope);
      const meta = memberMeta(req, scope.actor);
      return done(
        (await services.process.clearDeadline(params.documentId, params.kind, meta)).position,
      );
    },
  });

  api.implement(processContracts.startSilence, {
    summary:
      'Put the text, or listed paragraphs, under a silence procedure until a deadline (chair)',
    tags: ['process'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'silence.start');
      assertOpen(scope);
      const silenceId = newId(req, 'silence');
      const result = await services.process.startSilence(
        {
          documentId: params.documentId,
          silenceId,
          paragraphIds: body.paragraphIds ?? null,
          until: body.until,
          timeZone: body.timeZone,
          note: body.note ?? '',
        },
        memberMeta(req, scope.actor),
      );
      return created({ silenceId }, result.position);
    },
  });

  api.implement(processContracts.withdrawSilence, {
    summary: 'Withdraw a running silence procedure, with a reason (chair)',
    tags: ['process'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'silence.withdraw');
      assertOpen(scope);
      const { documentId, silenceId } = params;
      const meta = memberMeta(req, scope.actor);
      return done(
        (await services.process.withdrawSilence(documentId, silenceId, body.reason, meta)).position,
      );
    },
  });

  api.implement(processContracts.breakSilence, {
    summary: 'Break silence on behalf of your delegation, with a written statement',
    tags: ['process'],
    handler: async ({ params, body, session, req }) => {
      const scope = documentScope(deps, params.documentId, session);
      authorize(scope, 'silence.break');
      assertOpen(scope);
      const { documentId, silenceId } = params;
      const meta = memberMeta(req, scope.actor);
      return done(
        (await services.process.breakSilence(documentId, silenceId, body.statement, meta)).position,
      );
    },
  });
}
