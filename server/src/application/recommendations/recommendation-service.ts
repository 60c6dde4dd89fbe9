/**
 * Recommendations' use cases. Submitting checks the paragraphs named are in the document and the
 * document in the negotiation; endorsing and withdrawing are one command each. Taking one up is
 * ONE step for the delegate: the service tables the delegation's amendment (pre-filled by the
 * client from the recommendation, confirmed by the delegate) carrying the recommendation's id;
 * the uptake reactor then records the uptake on the recommendation from the log, durably and
 * once, and the service waits a bounded while for it so the answer reads its own write.
 * Reading tells each recommendation's fate (uptake-reader.ts); the uptake report renders it off
 * the event loop.
 *
 *   const { recommendationId } = await recommendations.submit(negotiationId, id, input, meta);
 *   const { amendmentId } = await recommendations.takeUp(recommendationId, amendmentId, body, meta);
 */
import type {
  CommandMeta,
  RecommendationInput,
  TakeUpBody,
  UptakeReportFormat,
} from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import { renderExport, type ExportLanguage, type RenderedExport } from '../../exports/index.js';
import { uptakeReportModel } from '../../recommendations/uptake-report.js';
import type { AmendmentService } from '../amendments/amendment-service.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import type { RecommendationRecord } from '../../readmodels/queries/recommendations.js';
import {
  readRecommendations,
  type RecommendationsRead,
  type UptakeReaderDeps,
} from './uptake-reader.js';

/** How long taking up waits for the uptake reactor before answering without it. */
const UPTAKE_WAIT_MS = 5_000;

type Done = Promise<{ position: bigint | undefined }>;

export interface RecommendationService {
  /** The negotiation a recommendation belongs to (for the caller's scope); 404 if none. */
  negotiationOf(recommendationId: string): string;
  list(negotiationId: string, upTo?: bigint): Promise<RecommendationsRead>;
  get(recommendationId: string, upTo?: bigint): Promise<RecommendationsRead>;
  submit(
    negotiationId: string,
    recommendationId: string,
    input: RecommendationInput,
    meta: CommandMeta,
  ): Done;
  endorse(recommendationId: string, meta: CommandMeta): Done;
  withdrawEndorsement(recommendationId: string, meta: CommandMeta): Done;
  withdraw(recommendationId: string, reason: string, meta: CommandMeta): Done;
  takeUp(recommendationId: string, amendmentId: string, body: TakeUpBody, meta: CommandMeta): Done;
  report(
    negotiationId: string,
    format: UptakeReportFormat,
    upTo?: bigint,
    labels?: ExportLanguage,
  ): Promise<RenderedExport>;
}

export interface RecommendationServiceDeps extends UptakeReaderDeps {
  commands: CommandService;
  queries: UptakeReaderDeps['queries'] & Pick<ReadModelQueries, 'getDocument' | 'getNegotiation'>;
  amendments: Pick<AmendmentService, 'table'>;
  /** The uptake reactor's answer: true once the amendment tabled at `position` is recorded. */
  uptakeRecordedBy(position: bigint, timeoutMs: number): Promise<boolean>;
}

export function createRecommendationService(
  deps: RecommendationServiceDeps,
): RecommendationService {
  const { commands, queries } = deps;
  const recordOf = (recommendationId: string, upTo?: bigint): RecommendationRecord => {
    const record = queries.recommendations.get(recommendationId, upTo);
    if (!record) throw new NotFoundError('Recommendation not found');
    return record;
  };
  const documentIn = (negotiationId: string, documentId: string, path: string) => {
    const document = queries.getDocument(documentId);
    if (!document || document.negotiationId !== negotiationId) {
      throw InvalidInputError.field(
        'unknown-document',
        'No such document in this negotiation',
        path,
        'not a document of this negotiation',
      );
    }
    return document;
  };
  const run = async (done: Promise<{ position: bigint | undefined }>) => ({
    position: (await done).position,
  });

  return {
    negotiationOf: (recommendationId) => recordOf(recommendationId).negotiationId,

    list: (negotiationId, upTo) =>
      readRecommendations(
        deps,
        negotiationId,
        queries.recommendations.list(negotiationId, upTo),
        upTo,
      ),

    get: async (recommendationId, upTo) => {
      const record = recordOf(recommendationId, upTo);
      return readRecommendations(deps, record.negotiationId, [record], upTo);
    },

    async submit(negotiationId, recommendationId, input, meta) {
      if (input.documentId !== null) {
        documentIn(negotiationId, input.documentId, 'body.documentId');
        const known = new Set((await deps.text.paragraphs(input.documentId)).map((p) => p.id));
        const unknown = input.paragraphIds.find((id) => !known.has(id));
        if (unknown !== undefined) {
          throw InvalidInputError.field(
            'unknown-paragraph',
            'No such paragraph in this document',
            'body.paragraphIds',
            `${unknown} is not a paragraph of the document`,
          );
        }
      }
      return run(
        commands.execute({
          type: 'SubmitRecommendation',
          data: { recommendationId, negotiationId, recommendation: input },
          meta,
        }),
      );
    },

    endorse: (recommendationId, meta) =>
      run(commands.execute({ type: 'EndorseRecommendation', data: { recommendationId }, meta })),

    withdrawEndorsement: (recommendationId, meta) =>
      run(commands.execute({ type: 'WithdrawEndorsement', data: { recommendationId }, meta })),

    withdraw: (recommendationId, reason, meta) =>
      run(
        commands.execute({
          type: 'WithdrawRecommendation',
          data: { recommendationId, reason },
          meta,
        }),
      ),

    async takeUp(recommendationId, amendmentId, body, meta) {
      const record = recordOf(recommendationId);
      if (record.steps.some((s) => s.kind === 'withdrawn')) {
        throw new ConflictError('recommendation-withdrawn', 'The recommendation was withdrawn', {
          detail: 'Its authors withdrew it; it can no longer be taken up.',
        });
      }
      const already = record.steps.find(
        (s) =>
          s.kind === 'taken-up' &&
          s.delegationId === meta.actor.stakeholderId &&
          s.amendmentId !== amendmentId,
      );
      if (already) {
        throw new ConflictError('already-taken-up', 'Your delegation already took it up', {
          detail: 'Revise the amendment it tabled instead of tabling another.',
          extensions: { amendmentId: already.kind === 'taken-up' ? already.amendmentId : null },
        });
      }
      documentIn(record.negotiationId, body.documentId, 'body.documentId');
      const { documentId, rationale, ...proposal } = body;
      const { position } = await deps.amendments.table(
        { ...proposal, amendmentId, documentId, rationale, recommendationId },
        meta,
      );
      if (position !== undefined) await deps.uptakeRecordedBy(position, UPTAKE_WAIT_MS);
      return { position };
    },

    async report(negotiationId, format, upTo, labels) {
      const { recommendations } = await readRecommendations(
        deps,
        negotiationId,
        queries.recommendations.list(negotiationId, upTo),
        upTo,
      );
      const times = recommendations.flatMap((r) => [r.submittedAt, ...r.timeline.map((t) => t.at)]);
      const generatedAt = times.sort().at(-1) ?? new Date().toISOString();
      const model = uptakeReportModel({
        negotiationTitle: queries.getNegotiation(negotiationId)?.title ?? '',
        generatedAt,
        recommendations: [...recommendations].reverse(),
        labels,
      });
      return renderExport(model, format);
    },
  };
}
