/**
 * The use cases of action pledges: register one on an adopted text, revise it, report progress,
 * withdraw it; read the pledges and one pledge's history; review an objective's pledges as of a
 * day; render the review forum's background paper. Links named by id are resolved against the
 * adopted text's objectives before any command is built, so an event never names an objective or
 * a paragraph the text does not have.
 */
import {
  reviewObjective,
  countStandings,
  pledgesOfObjective,
  REVIEW_WINDOW_DAYS_DEFAULT,
  type AdoptedTextView,
  type CommandMeta,
  type PledgeContentInput,
  type PledgeDetail,
  type PledgeList,
  type PledgePaperFormat,
  type PledgeReview,
  type ProgressReportInput,
  type RegisterPledgeBody,
} from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import type { EventStore } from '../../eventstore/port.js';
import { renderExport, type ExportLanguage, type RenderedExport } from '../../exports/index.js';
import { reviewPaperModel } from '../../pledges/review-paper.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { createAdoptedTexts } from './adopted-texts.js';

export interface ReviewRequest {
  documentId: string;
  objectiveId?: string | undefined;
  asOf?: string | undefined;
  windowDays?: number | undefined;
}

interface Deps {
  store: EventStore;
  commands: CommandService;
  queries: Pick<ReadModelQueries, 'listDocuments' | 'getDocument' | 'listStakeholders' | 'pledges'>;
  /** Today (YYYY-MM-DD) for a review that names no day; the clock by default. */
  today?: () => string;
}

const notFound = () => new NotFoundError('No such pledge');

/** The content with its links resolved: objectives named, plus the objective of each paragraph. */
function resolveLinks(text: AdoptedTextView | undefined, input: PledgeContentInput) {
  const { objectiveIds, paragraphIds, ...written } = input;
  if (!text) return { ...written, objectives: [], paragraphs: [] };
  const wantedObjectives = new Set(objectiveIds);
  const wantedParagraphs = new Set(paragraphIds);
  const objectives: { objectiveId: string; label: string }[] = [];
  const paragraphs: { paragraphId: string; ref: string }[] = [];
  for (const objective of text.objectives) {
    const linked = objective.paragraphs.filter((p) => wantedParagraphs.has(p.paragraphId));
    paragraphs.push(...linked);
    if (wantedObjectives.has(objective.objectiveId) || linked.length > 0) {
      objectives.push({ objectiveId: objective.objectiveId, label: objective.label });
    }
  }
  const unknownObjective = objectiveIds.find((id) => !objectives.some((o) => o.objectiveId === id));
  if (unknownObjective) {
    throw InvalidInputError.field(
      'unknown-objective',
      'No such objective in the adopted text',
      'body.content.objectiveIds',
      `${unknownObjective} is not an objective of ${text.title}`,
    );
  }
  const unknownParagraph = paragraphIds.find((id) => !paragraphs.some((p) => p.paragraphId === id));
  if (unknownParagraph) {
    throw InvalidInputError.field(
      'unknown-paragraph',
      'No such paragraph under an objective of the adopted text',
      'body.content.paragraphIds',
      `${unknownParagraph} is not an operative paragraph of ${text.title}`,
    );
  }
  return { ...written, objectives, paragraphs };
}

export function createPledgeService(deps: Deps) {
  const adoptedTexts = createAdoptedTexts(deps);
  const pledges = deps.queries.pledges;
  const today = deps.today ?? (() => new Date().toISOString().slice(0, 10));

  /** The pledges made towards one adopted text (as of `upTo`). */
  const pledgesTowards = (negotiationId: string, documentId: string, upTo?: bigint) =>
    pledges.listPledges(negotiationId, upTo).filter((p) => p.documentId === documentId);

  function existing(pledgeId: string) {
    const found = pledges.getPledge(pledgeId);
    if (!found) throw notFound();
    return found.pledge;
  }

  async function review(
    negotiationId: string,
    request: ReviewRequest,
    upTo?: bigint,
  ): Promise<PledgeReview> {
    const text = await adoptedTexts.get(request.documentId, upTo);
    if (!text || deps.queries.getDocument(request.documentId)?.negotiationId !== negotiationId) {
      throw new NotFoundError('No such adopted text in this negotiation', {
        code: 'unknown-adopted-text',
      });
    }
    const asOf = request.asOf ?? today();
    const windowDays = request.windowDays ?? REVIEW_WINDOW_DAYS_DEFAULT;
    const all = pledgesTowards(negotiationId, text.documentId, upTo);
    const objectives = text.objectives.map((o) => ({
      ...o,
      counts: countStandings(pledgesOfObjective(all, o.objectiveId), asOf, windowDays),
    }));
    const chosen = text.objectives.find((o) => o.objectiveId === request.objectiveId);
    if (request.objectiveId !== undefined && !chosen) {
      throw new NotFoundError('No such objective in the adopted text', {
        code: 'unknown-objective',
      });
    }
    return {
      documentId: text.documentId,
      asOf,
      windowDays,
      objectives,
      objective: chosen
        ? {
            objectiveId: chosen.objectiveId,
            label: chosen.label,
            ...reviewObjective(all, chosen.objectiveId, asOf, windowDays),
          }
        : null,
    };
  }

  return {
    async list(negotiationId: string, upTo?: bigint): Promise<PledgeList> {
      return {
        adoptedTexts: await adoptedTexts.list(negotiationId, upTo),
        pledges: pledges.listPledges(negotiationId, upTo),
      };
    },

    get(pledgeId: string, upTo?: bigint): PledgeDetail {
      const found = pledges.getPledge(pledgeId, upTo);
      if (!found) throw notFound();
      return found;
    },

    negotiationOf: (pledgeId: string) => pledges.negotiationOfPledge(pledgeId),

    /** The pledge's id comes from the request (its Idempotency-Key), so a retry names the same pledge. */
    async register(
      negotiationId: string,
      pledgeId: string,
      body: RegisterPledgeBody,
      meta: CommandMeta,
    ) {
      const document = deps.queries.getDocument(body.documentId);
      if (document?.negotiationId !== negotiationId) {
        throw new NotFoundError('No such document in this negotiation', {
          code: 'unknown-document',
        });
      }
      const text = await adoptedTexts.get(body.documentId);
      const outside = body.pledger.outsideActor;
      const own = deps.queries
        .listStakeholders(negotiationId)
        .find((s) => s.stakeholderId === meta.actor.stakeholderId);
      const { position } = await deps.commands.execute({
        type: 'RegisterPledge',
        data: {
          pledgeId,
          negotiationId,
          documentId: body.documentId,
          documentAdopted: text !== undefined,
          pledger:
            outside === undefined
              ? {
                  kind: body.pledger.kind,
                  name: own?.name ?? 'Unknown',
                  stakeholderId: meta.actor.stakeholderId,
                }
              : { kind: body.pledger.kind, name: outside, stakeholderId: null },
          content: resolveLinks(text, body.content),
        },
        meta,
      });
      return position;
    },

    async revise(pledgeId: string, content: PledgeContentInput, note: string, meta: CommandMeta) {
      const pledge = existing(pledgeId);
      const text = await adoptedTexts.get(pledge.documentId);
      const { position } = await deps.commands.execute({
        type: 'RevisePledge',
        data: { pledgeId, content: resolveLinks(text, content), note },
        meta,
      });
      return position;
    },

    async report(
      pledgeId: string,
      reportId: string,
      report: ProgressReportInput,
      meta: CommandMeta,
    ) {
      const { position } = await deps.commands.execute({
        type: 'ReportPledgeProgress',
        data: { pledgeId, reportId, report },
        meta,
      });
      return position;
    },

    async withdraw(pledgeId: string, reason: string, meta: CommandMeta) {
      const { position } = await deps.commands.execute({
        type: 'WithdrawPledge',
        data: { pledgeId, reason },
        meta,
      });
      return position;
    },

    review,

    /** The review forum's background paper: every objective's review, rendered off the event loop. */
    async paper(
      negotiationId: string,
      request: ReviewRequest,
      format: PledgePaperFormat,
      upTo?: bigint,
      labels?: ExportLanguage,
    ): Promise<RenderedExport> {
      const overview = await review(negotiationId, { ...request, objectiveId: undefined }, upTo);
      const text = (await adoptedTexts.get(request.documentId, upTo))!;
      const all = pledgesTowards(negotiationId, text.documentId, upTo);
      const objectives = text.objectives.map((o) => ({
        label: o.label,
        ...reviewObjective(all, o.objectiveId, overview.asOf, overview.windowDays),
      }));
      const model = reviewPaperModel({
        text,
        asOf: overview.asOf,
        windowDays: overview.windowDays,
        objectives,
        labels,
      });
      return renderExport(model, format);
    },
  };
}

export type PledgeService = ReturnType<typeof createPledgeService>;
