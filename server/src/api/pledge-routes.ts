// Action pledges on adopted texts: register, revise, report progress on and withdraw a pledge
// (the decider checks each acts for their own stakeholder), read the pledges and one pledge's
// history, review an objective's pledges, download the review forum's background paper; and the
// public read-only pages' endpoints, which need no account and stop at the public horizon.
//
//   GET  /api/negotiations/:negotiationId/pledges               list (+ adopted texts, objectives)
//   POST /api/negotiations/:negotiationId/pledges               register
//   GET  /api/pledges/:pledgeId                                 one, with its history
//   POST /api/pledges/:pledgeId/reports                         report progress
//   GET  /api/negotiations/:negotiationId/pledge-review/paper?documentId=…&format=pdf
//   GET  /api/public/negotiations/:negotiationId/pledges        no account needed
//   GET  /api/public/negotiations/:negotiationId/pledge-review  no account needed
import { pledgeContracts, type PledgePaperFormat } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import { NotFoundError } from '../application/errors.js';
import { publicHorizon } from '../application/pledges/public-horizon.js';
import { labelLanguage } from '../exports/i18n/index.js';
import type { ApiRouter } from '../http/api-router.js';
import type { ApiDeps } from './api-deps.js';
import { authorize, memberMeta, negotiationScope, newId } from './request-context.js';
import { created, done } from './responses.js';

const EXTENSIONS: Record<PledgePaperFormat, string> = { html: 'html', pdf: 'pdf', docx: 'docx' };
/**
 * Public pages are the same for every visitor: shared caches may keep them a minute, so a busy
 * public page costs the server one replay a minute rather than one per visit.
 */
const PUBLIC_CACHE = { 'Cache-Control': 'public, max-age=60' };

export function pledgeRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  const pledges = deps.services.pledges;

  /** The member's scope in the negotiation a pledge belongs to; 404 for an unknown pledge. */
  function pledgeScope(pledgeId: string, session: SignedInUser) {
    const negotiationId = pledges.negotiationOf(pledgeId);
    if (!negotiationId) throw new NotFoundError('No such pledge');
    return negotiationScope(deps, negotiationId, session);
  }

  /** A visitor's horizon in a negotiation that exists; 404 otherwise, as for a member. */
  function visitorHorizon(negotiationId: string) {
    if (!deps.queries.getNegotiation(negotiationId))
      throw new NotFoundError('Negotiation not found');
    return publicHorizon(deps.queries.listSegments(negotiationId));
  }

  api.implement(pledgeContracts.listPledges, {
    summary:
      "The negotiation's adopted texts with their objectives, and the pledges made towards them",
    tags: ['pledges'],
    handler: async ({ params, session }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'pledge.read');
      return { body: await pledges.list(params.negotiationId, scope.segments?.horizon) };
    },
  });

  api.implement(pledgeContracts.registerPledge, {
    summary:
      'Register an action pledge on an adopted text (for your own stakeholder, or an outside actor by the secretariat)',
    tags: ['pledges'],
    handler: async ({ params, body, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'pledge.register');
      const pledgeId = newId(req, 'pledge');
      const position = await pledges.register(
        params.negotiationId,
        pledgeId,
        body,
        memberMeta(req, scope.actor),
      );
      return created({ pledgeId }, position);
    },
  });

  api.implement(pledgeContracts.getPledge, {
    summary: 'One pledge and its history: the pledge as it stood after each change and report',
    tags: ['pledges'],
    handler: ({ params, session }) => {
      const scope = pledgeScope(params.pledgeId, session);
      authorize(scope, 'pledge.read');
      return Promise.resolve({ body: pledges.get(params.pledgeId, scope.segments?.horizon) });
    },
  });

  api.implement(pledgeContracts.revisePledge, {
    summary: 'Revise a pledge (its own members, or the secretariat for an outside actor)',
    tags: ['pledges'],
    handler: async ({ params, body, session, req }) => {
      const scope = pledgeScope(params.pledgeId, session);
      authorize(scope, 'pledge.report');
      return done(
        await pledges.revise(
          params.pledgeId,
          body.content,
          body.note,
          memberMeta(req, scope.actor),
        ),
      );
    },
  });

  api.implement(pledgeContracts.reportProgress, {
    summary: 'Report progress on a pledge: status, narrative, figures per indicator, period',
    tags: ['pledges'],
    handler: async ({ params, body, session, req }) => {
      const scope = pledgeScope(params.pledgeId, session);
      authorize(scope, 'pledge.report');
      const reportId = newId(req, 'pledge-report');
      const position = await pledges.report(
        params.pledgeId,
        reportId,
        body,
        memberMeta(req, scope.actor),
      );
      return created({ reportId }, position);
    },
  });

  api.implement(pledgeContracts.withdrawPledge, {
    summary: 'Withdraw a pledge, with a reason; its history stays',
    tags: ['pledges'],
    handler: async ({ params, body, session, req }) => {
      const scope = pledgeScope(params.pledgeId, session);
      authorize(scope, 'pledge.report');
      return done(
        await pledges.withdraw(params.pledgeId, body.reason, memberMeta(req, scope.actor)),
      );
    },
  });

  api.implement(pledgeContracts.review, {
    summary:
      "Review an adopted text's objectives as of a day: counts per objective, one objective's pledges and trend",
    tags: ['pledges'],
    handler: async ({ params, query, session }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'pledge.read');
      return { body: await pledges.review(params.negotiationId, query, scope.segments?.horizon) };
    },
  });

  api.implement(pledgeContracts.reviewPaper, {
    summary: "The review forum's background paper (HTML, PDF or DOCX), rendered off the event loop",
    tags: ['pledges'],
    handler: async ({ params, query, session, res }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'pledge.read');
      const { format, lang, ...request } = query;
      const file = await pledges.paper(
        params.negotiationId,
        request,
        format,
        scope.segments?.horizon,
        labelLanguage([lang], session),
      );
      const name = `pledge-review-${request.documentId.slice(0, 8)}.${EXTENSIONS[format]}`;
      res.set({
        'Cache-Control': 'no-store',
        'Content-Disposition': `attachment; filename="${name}"`,
      });
      res.status(200).type(file.contentType).send(file.bytes);
    },
  });

  api.implement(pledgeContracts.publicPledges, {
    summary: "A negotiation's pledges and its adopted texts' objectives, for anyone (no account)",
    tags: ['pledges'],
    handler: async ({ params }) => {
      const horizon = visitorHorizon(params.negotiationId);
      return { body: await pledges.list(params.negotiationId, horizon), headers: PUBLIC_CACHE };
    },
  });

  api.implement(pledgeContracts.publicReview, {
    summary: "The review per objective of a negotiation's pledges, for anyone (no account)",
    tags: ['pledges'],
    handler: async ({ params, query }) => {
      const horizon = visitorHorizon(params.negotiationId);
      return {
        body: await pledges.review(params.negotiationId, query, horizon),
        headers: PUBLIC_CACHE,
      };
    },
  });

  api.implement(pledgeContracts.publicPledge, {
    summary: 'One pledge with its history, for anyone (no account)',
    tags: ['pledges'],
    handler: ({ params }) => {
      const negotiationId = pledges.negotiationOf(params.pledgeId);
      if (!negotiationId) throw new NotFoundError('No such pledge');
      return Promise.resolve({
        body: pledges.get(params.pledgeId, visitorHorizon(negotiationId)),
        headers: PUBLIC_CACHE,
      });
    },
  });
}
