// Roundtables: scheduling one in a negotiation, the co-chairs' background and guiding questions
// and their sign-off, issuing numbered paper versions generated from the record, downloading an
// issued file byte for byte, previewing the current draft, and concluding with a summary.
//
//   POST /api/negotiations/:negotiationId/roundtables        schedule (chair, secretariat)
//   PUT  /api/roundtables/:roundtableId/draft                 background + questions (co-chairs)
//   POST /api/roundtables/:roundtableId/sign-off              { draft } (co-chairs)
//   POST /api/roundtables/:roundtableId/papers                issue the next version
//   GET  /api/roundtables/:roundtableId/papers/:version?format=pdf
import {
  actsForCoChair,
  roundtableContracts,
  type RoundtableCoverage,
  type RoundtablePaperFormat,
} from '@accord/shared';
import type { SignedInUser } from '../accounts/account-service.js';
import type { EventStore } from '../eventstore/port.js';
import { labelLanguage } from '../exports/i18n/index.js';
import type { ApiRouter } from '../http/api-router.js';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../application/errors.js';
import type { RoundtableView } from '../readmodels/queries.js';
import { digestHeader } from '../roundtables/paper-files.js';
import { createBracketReader } from '../application/brackets/bracket-reader.js';
import { createRoundtablePapers } from '../application/roundtables/roundtable-paper-service.js';
import { RecordHistory } from '../timetravel/index.js';
import type { ApiDeps } from './api-deps.js';
import {
  authorize,
  memberMeta,
  negotiationScope,
  newId,
  type NegotiationScope,
} from './request-context.js';
import { created, done } from './responses.js';

const EXTENSIONS: Record<RoundtablePaperFormat, string> = {
  docx: 'docx',
  pdf: 'pdf',
  html: 'html',
  md: 'md',
  akn: 'akn.xml',
  json: 'json',
};

const invalid = (code: string, title: string, path: string, message: string) =>
  InvalidInputError.field(code, title, path, message, message);

export function roundtableRoutes(
  api: ApiRouter<SignedInUser>,
  deps: ApiDeps & { store: EventStore; history?: RecordHistory },
): void {
  const { commands, queries, text, store } = deps;
  const history = deps.history ?? new RecordHistory(store);
  const brackets = createBracketReader({ store, history, text });
  const papers = createRoundtablePapers({
    store,
    history,
    queries,
    commands,
    negotiationText: (documentId, asOf) => brackets.list(documentId, asOf),
  });

  /** The roundtable and the user's membership in its negotiation; 404 for non-members. */
  const roundtableScope = (
    roundtableId: string,
    user: SignedInUser,
  ): { roundtable: RoundtableView; scope: NegotiationScope } => {
    const roundtable = queries.getRoundtable(roundtableId);
    if (!roundtable) throw new NotFoundError('Roundtable not found');
    const scope = negotiationScope(deps, roundtable.negotiationId, user);
    authorize(scope, 'record.read');
    // Roundtables are read as they stand now: behind a segment's horizon, not at all.
    scope.segments?.refuseLiveRead();
    return { roundtable, scope };
  };

  const assertCoChair = (roundtable: RoundtableView, scope: NegotiationScope) => {
    const coChairStakeholderIds = roundtable.coChairs.map((c) => c.stakeholderId);
    if (actsForCoChair({ coChairStakeholderIds }, scope.actor)) return;
    throw new ForbiddenError('forbidden', 'Only the co-chair delegations may do this', {
      detail: `The co-chairs are ${roundtable.coChairs.map((c) => c.name ?? c.stakeholderId).join(' and ')}.`,
      extensions: { reason: 'not-a-co-chair' },
    });
  };

  /** What the roundtable covers must be a document of the negotiation and paragraphs in it. */
  const checkCoverage = async (negotiationId: string, coverage: RoundtableCoverage) => {
    const document = queries.getDocument(coverage.documentId);
    if (document?.negotiationId !== negotiationId) {
      throw invalid(
        'unknown-document',
        'No such document in this negotiation',
        'body.coverage.documentId',
        'not a document of this negotiation',
      );
    }
    const ids = new Set((await text.paragraphs(coverage.documentId)).map((p) => p.id));
    const missing = coverage.paragraphIds.findIndex((id) => !ids.has(id));
    if (missing >= 0) {
      throw invalid(
        'unknown-paragraph',
        'No such paragraph in the document',
        `body.coverage.paragraphIds.${missing}`,
        'not a paragraph of the document',
      );
    }
  };

  api.implement(roundtableContracts.listRoundtables, {
    summary: "A negotiation's roundtables by date, with their drafts and issued paper versions",
    tags: ['roundtables'],
    handler: ({ params, session }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'record.read');
      scope.segments?.refuseLiveRead();
      return Promise.resolve({ body: queries.listRoundtables(params.negotiationId) });
    },
  });

  api.implement(roundtableContracts.scheduleRoundtable, {
    summary: 'Schedule a roundtable: theme, two co-chair delegations, date, coverage, invitees',
    tags: ['roundtables'],
    handler: async ({ params, body, session, req }) => {
      const scope = negotiationScope(deps, params.negotiationId, session);
      authorize(scope, 'roundtable.schedule');
      const stakeholders = new Map(
        queries.listStakeholders(params.negotiationId).map((s) => [s.stakeholderId, s]),
      );
      body.coChairStakeholderIds.forEach((id, i) => {
        if (stakeholders.get(id)?.kind !== 'delegation') {
          throw invalid(
            'co-chair-not-delegation',
            'Co-chairs are delegations of this negotiation',
            `body.coChairStakeholderIds.${i}`,
            'not a delegation of this negotiation',
          );
        }
      });
      body.invitedStakeholderIds.forEach((id, i) => {
        if (!stakeholders.has(id)) {
          throw invalid(
            'unknown-stakeholder',
            'Invite stakeholders of this negotiation',
            `body.invitedStakeholderIds.${i}`,
            'not a stakeholder of this negotiation',
          );
        }
      });
      await checkCoverage(params.negotiationId, body.coverage);
      const roundtableId = newId(req, 'roundtable');
      const result = await commands.execute({
        type: 'ScheduleRoundtable',
        data: { roundtableId, negotiationId: params.negotiationId, ...body },
        meta: memberMeta(req, scope.actor),
      });
      return created({ roundtableId }, result.position);
    },
  });

  api.implement(roundtableContracts.getRoundtable, {
    summary: 'One roundtable: co-chairs, coverage, draft, sign-offs, issued versions',
    tags: ['roundtables'],
    handler: ({ params, session }) =>
      Promise.resolve({ body: roundtableScope(params.roundtableId, session).roundtable }),
  });

  api.implement(roundtableContracts.editDraft, {
    summary: "The co-chairs' background and guiding questions; a change clears the sign-offs",
    tags: ['roundtables'],
    handler: async ({ params, body, session, req }) => {
      const { roundtable, scope } = roundtableScope(params.roundtableId, session);
      assertCoChair(roundtable, scope);
      const result = await commands.execute({
        type: 'EditRoundtableDraft',
        data: { roundtableId: params.roundtableId, ...body },
        meta: memberMeta(req, scope.actor),
      });
      return done(result.position);
    },
  });

  api.implement(roundtableContracts.changeCoverage, {
    summary: 'Change the document and paragraphs a roundtable covers; clears the sign-offs',
    tags: ['roundtables'],
    handler: async ({ params, body, session, req }) => {
      const { roundtable, scope } = roundtableScope(params.roundtableId, session);
      authorize(scope, 'roundtable.schedule');
      await checkCoverage(roundtable.negotiationId, body);
      const result = await commands.execute({
        type: 'ChangeRoundtableCoverage',
        data: { roundtableId: params.roundtableId, coverage: body },
        meta: memberMeta(req, scope.actor),
      });
      return done(result.position);
    },
  });

  api.implement(roundtableContracts.signOff, {
    summary: 'Sign off the current draft on behalf of your co-chair delegation',
    tags: ['roundtables'],
    handler: async ({ params, body, session, req }) => {
      const { roundtable, scope } = roundtableScope(params.roundtableId, session);
      assertCoChair(roundtable, scope);
      const result = await commands.execute({
        type: 'SignOffRoundtablePaper',
        data: { roundtableId: params.roundtableId, draft: body.draft },
        meta: memberMeta(req, scope.actor),
      });
      return done(result.position);
    },
  });

  api.implement(roundtableContracts.listPapers, {
    summary: 'The issued paper versions, each with the SHA-256 of every file',
    tags: ['roundtables'],
    handler: ({ params, session }) =>
      Promise.resolve({ body: roundtableScope(params.roundtableId, session).roundtable.papers }),
  });

  api.implement(roundtableContracts.issuePaper, {
    summary:
      'Issue the next paper version from the record now; both co-chairs must have signed off the draft',
    tags: ['roundtables'],
    handler: async ({ params, body, session, req }) => {
      const { scope } = roundtableScope(params.roundtableId, session);
      authorize(scope, 'roundtable.issuePaper');
      const issued = await papers.issue(
        params.roundtableId,
        memberMeta(req, scope.actor),
        body.draft,
      );
      const { duplicate: _duplicate, ...answer } = issued;
      return { status: 201, body: { roundtableId: params.roundtableId, ...answer } };
    },
  });

  api.implement(roundtableContracts.downloadPaper, {
    summary: 'Download an issued file, byte for byte as issued (ETag and Repr-Digest: its SHA-256)',
    tags: ['roundtables'],
    handler: async ({ params, query, session, req, res }) => {
      const { roundtable } = roundtableScope(params.roundtableId, session);
      const { bytes, file } = await papers.download(
        params.roundtableId,
        params.version,
        query.format,
      );
      const etag = `"sha256-${file.sha256}"`;
      const name = `roundtable-${roundtable.roundtableId.slice(0, 8)}-v${params.version}.${EXTENSIONS[file.format]}`;
      res.set({
        ETag: etag,
        Digest: digestHeader(file.sha256),
        'Repr-Digest': `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`,
        // An issued version never changes.
        'Cache-Control': 'private, max-age=31536000, immutable',
        'Content-Disposition': `attachment; filename="${name}"`,
      });
      if (req.get('if-none-match') === etag) {
        res.status(304).end();
        return;
      }
      res.status(200).type(file.mediaType).send(bytes);
    },
  });

  api.implement(roundtableContracts.previewPaper, {
    summary: 'The current draft paper from the record now, rendered on the fly and not recorded',
    tags: ['roundtables'],
    handler: async ({ params, query, session, res }) => {
      const { roundtable } = roundtableScope(params.roundtableId, session);
      const file = await papers.preview(
        params.roundtableId,
        query.format,
        labelLanguage([query.lang], session),
      );
      const name = `roundtable-${roundtable.roundtableId.slice(0, 8)}-draft${roundtable.draft}.${EXTENSIONS[query.format]}`;
      res.set({
        'Cache-Control': 'no-store',
        'Content-Disposition': `inline; filename="${name}"`,
      });
      res.status(200).type(file.contentType).send(file.bytes);
    },
  });

  api.implement(roundtableContracts.concludeRoundtable, {
    summary: 'Conclude a roundtable with a summary; its papers stay downloadable',
    tags: ['roundtables'],
    handler: async ({ params, body, session, req }) => {
      const { scope } = roundtableScope(params.roundtableId, session);
      authorize(scope, 'roundtable.schedule');
      const result = await commands.execute({
        type: 'ConcludeRoundtable',
        data: { roundtableId: params.roundtableId, summary: body.summary },
        meta: memberMeta(req, scope.actor),
      });
      return done(result.position);
    },
  });
}
