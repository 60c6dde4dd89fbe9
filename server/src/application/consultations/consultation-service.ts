/**
 * Consultations on a draft: opening one on an issued revision (its paragraphs, numbered as that
 * revision published them, are frozen into the opening event, and a public one gets an
 * unguessable link token), answering as a member or through the public link, closing early, the
 * synthesis and the consultation report. Who may answer is decided here (membership, invitation,
 * the link); the decider checks the period, the questions and that each respondent answers once.
 * A respondent is a SHA-256 key: of the member for the app, of the browser's random cookie for
 * the link. No address and no anonymous member's identity reaches the log.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  consultationPhase,
  sameRevisionLabel,
  synthesise,
  type Actor,
  type AnswerInput,
  type CommandMeta,
  type ConsultationInput,
  type ConsultationSummaryView,
  type ConsultationSynthesisView,
  type Respondent,
} from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import { consultationReportModel } from '../../consultations/report-model.js';
import type { EventStore } from '../../eventstore/port.js';
import { renderExport, type ExportLanguage, type RenderedExport } from '../../exports/index.js';
import type { StoredConsultation } from '../../readmodels/queries/consultations.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import { paragraphsAt } from '../../text/text-points.js';
import { documentAt } from '../brackets/document-history.js';
import { InvalidInputError, NotFoundError } from '../errors.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The key that stands for a member in one consultation. */
export const memberRespondentKey = (consultationId: string, userId: string) =>
  sha256(`member:${consultationId}:${userId}`);
/** The key that stands for a browser (its random respondent cookie) in one consultation. */
export const browserRespondentKey = (consultationId: string, cookie: string) =>
  sha256(`browser:${consultationId}:${cookie}`);

export const summaryOf = (stored: StoredConsultation, now: string): ConsultationSummaryView => {
  const { opened } = stored;
  return {
    consultationId: opened.consultationId,
    negotiationId: opened.negotiationId,
    documentId: opened.documentId,
    documentTitle: stored.documentTitle,
    revisionLabel: opened.revisionLabel,
    title: opened.title,
    opensAt: opened.opensAt,
    closesAt: opened.closesAt,
    closedAt: stored.closedAt,
    phase: consultationPhase({ ...opened, closedAt: stored.closedAt }, now),
    audience: opened.audience,
    identity: opened.identity,
    responses: stored.responses,
  };
};

export interface AnswerRequest {
  answers: AnswerInput[];
  responseId: string;
  commandId: string;
  now: string;
}

export interface ConsultationService {
  list(negotiationId: string, upTo?: bigint): StoredConsultation[];
  get(consultationId: string): StoredConsultation | undefined;
  byLinkToken(token: string): StoredConsultation | undefined;
  /** Whether the member may answer it in the app (invited, or any member of a public one). */
  mayAnswer(stored: StoredConsultation, actor: Actor): boolean;
  hasAnswered(consultationId: string, respondentKey: string): boolean;
  open(
    negotiationId: string,
    consultationId: string,
    input: ConsultationInput,
    meta: CommandMeta,
  ): Promise<bigint | undefined>;
  answerAsMember(
    stored: StoredConsultation,
    actor: Actor,
    request: AnswerRequest,
  ): Promise<bigint | undefined>;
  answerByLink(
    stored: StoredConsultation,
    browserCookie: string,
    request: AnswerRequest,
  ): Promise<bigint | undefined>;
  close(consultationId: string, reason: string, meta: CommandMeta): Promise<bigint | undefined>;
  synthesis(stored: StoredConsultation, now: string): ConsultationSynthesisView;
  report(
    stored: StoredConsultation,
    format: 'html' | 'pdf' | 'docx',
    now: string,
    labels?: ExportLanguage,
  ): Promise<RenderedExport>;
}

interface Deps {
  commands: CommandService;
  store: EventStore;
  queries: Pick<ReadModelQueries, 'consultations' | 'getDocument'>;
}

export function createConsultationService(deps: Deps): ConsultationService {
  const { commands, queries } = deps;

  /** The revision's paragraphs as it published them: headings and empty lines left out. */
  async function revisionParagraphs(documentId: string, revisionLabel: string) {
    const { state } = await documentAt(deps.store, documentId);
    const revision =
      state.status === 'none'
        ? undefined
        : state.revisions.find((r) => sameRevisionLabel(r.label, revisionLabel));
    if (!revision) {
      throw InvalidInputError.field(
        'unknown-revision',
        'No such revision of this document',
        'body.revisionLabel',
        `${revisionLabel} has not been issued`,
      );
    }
    const labels = new Map(revision.numbering ?? []);
    const paragraphs = (await paragraphsAt(deps.store, documentId, BigInt(revision.textRevision)))
      .filter((p) => p.kind !== 'heading' && p.text.trim() !== '')
      .map((p, index) => ({
        paragraphId: p.id,
        ref: (labels.get(p.id) ?? `¶ ${index + 1}`).slice(0, 40),
        text: p.text.trim(),
      }));
    return { label: revision.label, paragraphs };
  }

  async function answer(
    stored: StoredConsultation,
    respondent: Respondent,
    respondentKey: string,
    channel: 'members' | 'link',
    request: AnswerRequest,
  ) {
    const { position } = await commands.execute({
      type: 'AnswerConsultation',
      data: {
        consultationId: stored.opened.consultationId,
        responseId: request.responseId,
        channel,
        respondent,
        respondentKey,
        linkToken: channel === 'link' ? stored.opened.linkToken : null,
        answers: request.answers,
      },
      meta: { commandId: request.commandId, actor: null, now: request.now },
    });
    return position;
  }

  function synthesisOf(stored: StoredConsultation, now: string): ConsultationSynthesisView {
    const answers = queries.consultations.answers(stored.opened.consultationId);
    return { consultation: summaryOf(stored, now), ...synthesise(stored.opened, answers) };
  }

  return {
    list: (negotiationId, upTo) => queries.consultations.list(negotiationId, upTo),
    get: (consultationId) => queries.consultations.get(consultationId),
    byLinkToken: (token) => queries.consultations.byLinkToken(token),
    hasAnswered: (consultationId, key) => queries.consultations.hasAnswered(consultationId, key),

    mayAnswer(stored, actor) {
      const { audience, invitedStakeholderIds } = stored.opened;
      return (
        audience === 'public' ||
        invitedStakeholderIds.length === 0 ||
        invitedStakeholderIds.includes(actor.stakeholderId)
      );
    },

    async open(negotiationId, consultationId, input, meta) {
      const document = queries.getDocument(input.documentId);
      if (!document || document.negotiationId !== negotiationId) {
        throw new NotFoundError('Document not found', { code: 'unknown-document' });
      }
      const revision = await revisionParagraphs(input.documentId, input.revisionLabel);
      const { position } = await commands.execute({
        type: 'OpenConsultation',
        data: {
          ...input,
          revisionLabel: revision.label,
          consultationId,
          negotiationId,
          // 32 random bytes: as hard to guess as a session token.
          linkToken: input.audience === 'public' ? randomBytes(32).toString('base64url') : null,
          paragraphs: revision.paragraphs,
        },
        meta,
      });
      return position;
    },

    answerAsMember(stored, actor, request) {
      const respondent: Respondent =
        stored.opened.identity === 'identified'
          ? { kind: 'identified', userId: actor.userId, stakeholderId: actor.stakeholderId }
          : { kind: 'anonymous' };
      const key = memberRespondentKey(stored.opened.consultationId, actor.userId);
      return answer(stored, respondent, key, 'members', request);
    },

    answerByLink(stored, browserCookie, request) {
      const key = browserRespondentKey(stored.opened.consultationId, browserCookie);
      return answer(stored, { kind: 'anonymous' }, key, 'link', request);
    },

    async close(consultationId, reason, meta) {
      const { position } = await commands.execute({
        type: 'CloseConsultation',
        data: { consultationId, reason },
        meta,
      });
      return position;
    },

    synthesis: synthesisOf,

    report(stored, format, now, labels) {
      const view = synthesisOf(stored, now);
      const { consultation, ...synthesis } = view;
      // A closed consultation's report is dated by its end, so it always gives the same bytes.
      const end = stored.closedAt ?? stored.opened.closesAt;
      const generatedAt = consultation.phase === 'closed' ? end : now;
      return renderExport(
        consultationReportModel({ consultation, synthesis, generatedAt, labels }),
        format,
      );
    },
  };
}
