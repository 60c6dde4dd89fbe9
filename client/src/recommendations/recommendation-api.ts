// The recommendation endpoints the app calls, typed by the contracts in @accord/shared
// (shared/src/contracts/recommendations.ts), and which live notices concern them.
import {
  recommendationContracts as recommendations,
  type ChangeNotice,
  type RecommendationInput,
  type TakeUpBody,
  type UptakeReportFormat,
} from '@accord/shared';
import { call, fileUrl } from '../api/call.js';

export type {
  RecommendationView as Recommendation,
  RecommendationFate,
  TimelineEntryView as TimelineEntry,
} from '@accord/shared';

export const recommendationApi = {
  list: (negotiationId: string) =>
    call(recommendations.listRecommendations, { params: { negotiationId } }),
  get: (recommendationId: string) =>
    call(recommendations.getRecommendation, { params: { recommendationId } }),
  submit: (negotiationId: string, body: RecommendationInput) =>
    call(recommendations.submitRecommendation, { params: { negotiationId }, body }),
  endorse: (recommendationId: string) =>
    call(recommendations.endorse, { params: { recommendationId } }),
  withdrawEndorsement: (recommendationId: string) =>
    call(recommendations.withdrawEndorsement, { params: { recommendationId } }),
  withdraw: (recommendationId: string) =>
    call(recommendations.withdraw, { params: { recommendationId }, body: { reason: '' } }),
  takeUp: (recommendationId: string, body: TakeUpBody) =>
    call(recommendations.takeUp, { params: { recommendationId }, body }),
  reportUrl: (negotiationId: string, format: UptakeReportFormat) =>
    fileUrl(recommendations.uptakeReport, { params: { negotiationId }, query: { format } }),
};

/** Notices that change what a recommendation shows: its own events and amendments' decisions. */
export const isRecommendationNotice = (notice: ChangeNotice): boolean =>
  notice.kind === 'recommendation' || notice.kind === 'amendment' || notice.kind === 'document';
