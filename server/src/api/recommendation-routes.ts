// Recommendations of civil society and observers: every member reads them with their fates (as
// of their horizon while a segment excludes their role) and downloads the uptake report; civil
// society and observers submit, endorse and withdraw for their organisation; a delegate takes
// one up as the delegation's own amendment in one step.
import { recommendationContracts, type UptakeReportFormat } from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import { labelLanguage } from '../exports/i18n/index.js';
import type { ApiRouter } from '../http/api-router.js';
import type { ApiDeps } from './api-deps.js';
import {
  authorize,
  memberMeta,
  negotiationScope,
  newId,
  type NegotiationScope,
} from './request-context.js';
import { created, done } from './responses.js';

const EXTENSIONS: Record<UptakeReportFormat, string> = { html: 'html', pdf: 'pdf', docx: 'docx' };

/** Checks the reader may read recommendations and says up to where (a segment's horizon). */
function readableUpTo(scope: NegotiationScope): bigint | undefined {
  authorize(scope, 'recommendation.read');
  return scope.segments?.horizon;
}

export function recommendationRoutes(api: ApiRouter<SignedInUser>, deps: ApiDeps): void {
  const recommendations = deps.services.recommendations;
  /** The scope of the negotiation a recommendation belongs to; 404 for a stranger. */
  const recommendationScope = (recommendationId: string, session: SignedInUser) =>
    negotiationScope(deps, recommendations.negotiationOf(recommendationId), session);

  api.implement(recommendationContracts.listRecommendations, {
    summary: "A negotiation's recommendations, newest first, each with its fate and timeline",
    tags: ['recommendations'],
    handler: async ({ params, session }) => {
      const upTo = readableUpTo(negotiationScope(deps, params.negotiationId, session));
      return { body: await recommendations.list(params.negotiationId, upTo) };
    },
  });

  api.implement(recommendationContracts.getRecommendation, {
    summary: 'One recommendation with its uptake timeline',
    tags: ['recommendations'],
    handler: async ({ params, session }) => {
      const upTo = readableUpTo(recommendationScope(params.recommendationId, session));
      const read = await recommendations.get(params.recommendationId, upTo);
      const [recommendation] = read.recommendations;
      return { body: { recommendation: recommendation!, stakeholders: read.stakeholders } };
    },
  });

  api.implement(recommendationContracts.submitRecommendation, {
    summary: 'Submit a recommendation for your organisation (civil society or observer)',
    tags: ['recommendations'],
    handler: async ({ params, body, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'recommendation.submit');
      const recommendationId = newId(req, 'recommendation');
      const { position } = await recommendations.submit(
        params.negotiationId,
        recommendationId,
        body,
        memberMeta(req, scope.actor),
      );
      return created({ recommendationId }, position);
    },
  });

  api.implement(recommendationContracts.endorse, {
    summary: "Endorse another organisation's recommendation",
    tags: ['recommendations'],
    handler: async ({ params, session, req }) => {
      const scope = recommendationScope(params.recommendationId, session);
      authorize(scope, 'recommendation.endorse');
      const meta = memberMeta(req, scope.actor);
      return done((await recommendations.endorse(params.recommendationId, meta)).position);
    },
  });

  api.implement(recommendationContracts.withdrawEndorsement, {
    summary: "Take back your organisation's endorsement",
    tags: ['recommendations'],
    handler: async ({ params, session, req }) => {
      const scope = recommendationScope(params.recommendationId, session);
      authorize(scope, 'recommendation.endorse');
      const meta = memberMeta(req, scope.actor);
      return done(
        (await recommendations.withdrawEndorsement(params.recommendationId, meta)).position,
      );
    },
  });

  api.implement(recommendationContracts.withdraw, {
    summary: "Withdraw your organisation's recommendation; amendments that took it up stand",
    tags: ['recommendations'],
    handler: async ({ params, body, session, req }) => {
      const scope = recommendationScope(params.recommendationId, session);
      authorize(scope, 'recommendation.withdraw');
      const meta = memberMeta(req, scope.actor);
      return done(
        (await recommendations.withdraw(params.recommendationId, body.reason, meta)).position,
      );
    },
  });

  api.implement(recommendationContracts.takeUp, {
    summary:
      "Take a recommendation up: table it as your delegation's amendment, linked to it (one step)",
    tags: ['recommendations'],
    handler: async ({ params, body, session, req }) => {
      const scope = recommendationScope(params.recommendationId, session);
      authorize(scope, 'recommendation.takeUp');
      authorize(scope, 'amendment.table');
      const amendmentId = newId(req, 'amendment');
      const { position } = await recommendations.takeUp(
        params.recommendationId,
        amendmentId,
        body,
        memberMeta(req, scope.actor),
      );
      return created({ amendmentId }, position);
    },
  });

  api.implement(recommendationContracts.uptakeReport, {
    summary:
      'The uptake report (HTML, PDF or DOCX), generated from the record now, rendered off the event loop',
    tags: ['recommendations'],
    handler: async ({ params, query, session, res }) => {
      const upTo = readableUpTo(negotiationScope(deps, params.negotiationId, session));
      const file = await recommendations.report(
        params.negotiationId,
        query.format,
        upTo,
        labelLanguage([query.lang], session),
      );
      res.set({
        'Cache-Control': 'no-store',
        'Content-Disposition': `attachment; filename="recommendations-uptake.${EXTENSIONS[query.format]}"`,
      });
      res.status(200).type(file.contentType).send(file.bytes);
    },
  });
}
