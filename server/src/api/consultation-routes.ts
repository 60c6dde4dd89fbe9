// Consultations on a draft: a negotiation's consultations and opening one (chair or secretariat),
// one consultation with the member's answer form, answering, closing early, the synthesis and
// the consultation report; and the public page's endpoints, reached with the link's token and no
// session, behind their own limits: a small body, a per-address budget, one answer per browser
// (the respondent cookie) and a honeypot field.
import { can, consultationContracts, type ConsultationView } from '@accord/shared';
import { ipKeyGenerator } from 'express-rate-limit';
import type { SignedInUser } from '../accounts/account-service.js';
import {
  memberRespondentKey,
  browserRespondentKey,
  summaryOf,
} from '../application/consultations/consultation-service.js';
import { NotFoundError, RateLimitedError, TooLargeError } from '../application/errors.js';
import { labelLanguage } from '../exports/i18n/index.js';
import type { ApiRouter } from '../http/api-router.js';
import { MemoryRateBudgetStore, type RateBudgetStore } from '../limits/budget-stores.js';
import type { RateLimit } from '../limits/rate-limit.js';
import type { StoredConsultation } from '../readmodels/queries/consultations.js';
import type { ApiDeps } from './api-deps.js';
import {
  newRespondentCookieValue,
  respondentCookie,
  respondentCookieOf,
} from './consultation-respondent.js';
import {
  authorize,
  commandIdOf,
  memberMeta,
  negotiationScope,
  newId,
  type NegotiationScope,
} from './request-context.js';
import { created, done } from './responses.js';

/** A public answer is a few short texts; far below the API's general body limit. */
export const PUBLIC_ANSWER_BYTES_MAX = 32 * 1024;
/** Public answers per address: ten at once, then one every six minutes. */
export const PUBLIC_ANSWER_RATE: RateLimit = { perSecond: 1 / 360, burst: 10 };

export interface ConsultationRouteOptions {
  /** Where the per-address budget of public answers is kept (shared by nodes when in Redis). */
  publicBudget?: RateBudgetStore;
  publicRate?: RateLimit;
}

const nowIso = () => new Date().toISOString();

export function consultationRoutes(
  api: ApiRouter<SignedInUser>,
  deps: ApiDeps,
  options: ConsultationRouteOptions = {},
): void {
  const consultations = deps.services.consultations;
  const publicBudget = options.publicBudget ?? new MemoryRateBudgetStore();
  const publicRate = options.publicRate ?? PUBLIC_ANSWER_RATE;

  /** The consultation and the reader's scope; 404 for a non-member or past their horizon. */
  function consultationScope(
    consultationId: string,
    session: SignedInUser,
  ): { stored: StoredConsultation; scope: NegotiationScope } {
    const stored = consultations.get(consultationId);
    if (!stored) throw new NotFoundError('Consultation not found');
    const scope = negotiationScope(deps, stored.opened.negotiationId, session);
    const horizon = scope.segments?.horizon;
    if (horizon !== undefined && stored.position > horizon) {
      throw new NotFoundError('Consultation not found');
    }
    return { stored, scope };
  }

  function publicConsultation(token: string): StoredConsultation {
    const stored = consultations.byLinkToken(token);
    if (!stored) throw new NotFoundError('No such consultation link');
    return stored;
  }

  api.implement(consultationContracts.listConsultations, {
    summary: "A negotiation's consultations, newest first",
    tags: ['consultations'],
    handler: ({ params, session }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'consultation.read');
      const now = nowIso();
      const list = consultations
        .list(params.negotiationId, scope.segments?.horizon)
        .map((stored) => summaryOf(stored, now));
      return Promise.resolve({ body: { consultations: list } });
    },
  });

  api.implement(consultationContracts.openConsultation, {
    summary: 'Open a consultation on an issued revision (chair or secretariat)',
    tags: ['consultations'],
    handler: async ({ params, body, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'consultation.open');
      const consultationId = newId(req, 'consultation');
      const position = await consultations.open(
        params.negotiationId,
        consultationId,
        body,
        memberMeta(req, scope.actor),
      );
      return created({ consultationId }, position);
    },
  });

  api.implement(consultationContracts.getConsultation, {
    summary: 'One consultation: its questions, the revision it is on, and what you may do',
    tags: ['consultations'],
    handler: ({ params, session }) => {
      const { stored, scope } = consultationScope(params.consultationId, session);
      authorize(scope, 'consultation.read');
      const { opened } = stored;
      const role = scope.actor.role;
      const mayManage = can(role, 'consultation.open');
      const view: ConsultationView = {
        ...summaryOf(stored, nowIso()),
        intro: opened.intro,
        identity: opened.identity,
        questions: opened.questions,
        paragraphs: opened.paragraphs,
        invitedStakeholderIds: opened.invitedStakeholderIds,
        linkPath: mayManage && opened.linkToken ? `/consult/${opened.linkToken}` : null,
        you: {
          mayAnswer:
            can(role, 'consultation.answer') && consultations.mayAnswer(stored, scope.actor),
          answered: consultations.hasAnswered(
            opened.consultationId,
            memberRespondentKey(opened.consultationId, scope.actor.userId),
          ),
          mayManage,
          mayReadSynthesis: can(role, 'consultation.synthesis'),
        },
      };
      return Promise.resolve({ body: view });
    },
  });

  api.implement(consultationContracts.answerConsultation, {
    summary: 'Answer a consultation as a member (identified or anonymous, as it was set)',
    tags: ['consultations'],
    handler: async ({ params, body, session, req }) => {
      const { stored, scope } = consultationScope(params.consultationId, session);
      authorize(scope, 'consultation.answer');
      if (!consultations.mayAnswer(stored, scope.actor)) {
        throw new NotFoundError('This consultation is not open to your organisation', {
          code: 'not-invited',
        });
      }
      const responseId = newId(req, 'consultation-response');
      const position = await consultations.answerAsMember(stored, scope.actor, {
        answers: body.answers,
        responseId,
        commandId: commandIdOf(req),
        now: nowIso(),
      });
      return created({ responseId }, position);
    },
  });

  api.implement(consultationContracts.closeConsultation, {
    summary: 'Close a consultation before the end of its period (chair or secretariat)',
    tags: ['consultations'],
    handler: async ({ params, body, session, req }) => {
      const { scope } = consultationScope(params.consultationId, session);
      authorize(scope, 'consultation.close');
      return done(
        await consultations.close(params.consultationId, body.reason, memberMeta(req, scope.actor)),
      );
    },
  });

  api.implement(consultationContracts.consultationSynthesis, {
    summary: 'The synthesis: answers per question and per paragraph, participation over time',
    tags: ['consultations'],
    handler: ({ params, session }) => {
      const { stored, scope } = consultationScope(params.consultationId, session);
      authorize(scope, 'consultation.synthesis');
      // Answers are read as they are now: a reader behind a horizon waits for the release.
      scope.segments?.refuseLiveRead();
      return Promise.resolve({ body: consultations.synthesis(stored, nowIso()) });
    },
  });

  api.implement(consultationContracts.consultationReport, {
    summary: 'The consultation report (HTML, PDF or DOCX), rendered in the worker pool',
    tags: ['consultations'],
    handler: async ({ params, query, session, res }) => {
      const { stored, scope } = consultationScope(params.consultationId, session);
      authorize(scope, 'consultation.synthesis');
      scope.segments?.refuseLiveRead();
      const file = await consultations.report(
        stored,
        query.format,
        nowIso(),
        labelLanguage([query.lang], session),
      );
      const name = `consultation-${stored.opened.consultationId.slice(0, 8)}.${file.extension}`;
      res.set({
        'Cache-Control': 'no-store',
        'Content-Disposition': `attachment; filename="${name}"`,
      });
      res.status(200).type(file.contentType).send(file.bytes);
    },
  });

  api.implement(consultationContracts.publicConsultation, {
    summary: 'A public consultation as its link shows it, without an account',
    tags: ['consultations'],
    handler: ({ params, req, res }) => {
      const stored = publicConsultation(params.token);
      let cookie = respondentCookieOf(req);
      if (!cookie) {
        cookie = newRespondentCookieValue();
        res.append('Set-Cookie', respondentCookie(req, cookie));
      }
      const { opened } = stored;
      const summary = summaryOf(stored, nowIso());
      res.set('Cache-Control', 'no-store');
      return Promise.resolve({
        body: {
          title: opened.title,
          intro: opened.intro,
          revisionLabel: opened.revisionLabel,
          documentTitle: stored.documentTitle,
          opensAt: opened.opensAt,
          closesAt: opened.closesAt,
          closedAt: stored.closedAt,
          phase: summary.phase,
          identity: opened.identity,
          questions: opened.questions,
          paragraphs: opened.paragraphs,
          answered: consultations.hasAnswered(
            opened.consultationId,
            browserRespondentKey(opened.consultationId, cookie),
          ),
        },
      });
    },
  });

  // Before the route validates anything: a public answer larger than this is refused unread.
  api.router.post('/public/consultations/:token/answers', (req, _res, next) => {
    const declared = Number(req.get('content-length') ?? '0');
    const size =
      Number.isFinite(declared) && declared > 0
        ? declared
        : JSON.stringify(req.body ?? null).length;
    if (size > PUBLIC_ANSWER_BYTES_MAX) {
      next(
        new TooLargeError('answer-too-large', 'The answer is too long', {
          detail: `An answer takes at most ${PUBLIC_ANSWER_BYTES_MAX} bytes.`,
        }),
      );
      return;
    }
    next();
  });

  api.implement(consultationContracts.publicAnswer, {
    summary: 'Answer a public consultation without an account (limited per address and browser)',
    tags: ['consultations'],
    handler: async ({ params, body, req, res }) => {
      // The address is a key of a budget (in memory, or in Redis until its bucket has refilled);
      // it is never stored with the answer.
      if (!publicBudget.take(`consult:${ipKeyGenerator(req.ip ?? 'unknown')}`, publicRate)) {
        throw new RateLimitedError('rate-limited', 'Too many answers from this address', {
          detail: 'Wait a few minutes, then try again.',
        });
      }
      const stored = publicConsultation(params.token);
      res.set('Cache-Control', 'no-store');
      // Only robots fill the hidden field: tell them it worked and record nothing.
      if (body.website !== undefined && body.website.trim() !== '') {
        return { status: 201, body: { responseId: null } };
      }
      let cookie = respondentCookieOf(req);
      if (!cookie) {
        cookie = newRespondentCookieValue();
        res.append('Set-Cookie', respondentCookie(req, cookie));
      }
      const responseId = newId(req, 'consultation-response');
      await consultations.answerByLink(stored, cookie, {
        answers: body.answers,
        responseId,
        commandId: commandIdOf(req),
        now: nowIso(),
      });
      return { status: 201, body: { responseId } };
    },
  });
}
