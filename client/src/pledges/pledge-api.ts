// The pledge endpoints the app calls, typed by the pledge contracts in @accord/shared, kept beside
// the pledge screens; the public pages call the `/public/…` ones, which need no session.
import {
  pledgeContracts as pledges,
  type ChangeNotice,
  type EndpointInput,
  type PledgePaperFormat,
} from '@accord/shared';
import { call, fileUrl } from '../api/call.js';

export type RegisterPledgeInput = NonNullable<EndpointInput<typeof pledges.registerPledge>['body']>;
export type ReviseInput = NonNullable<EndpointInput<typeof pledges.revisePledge>['body']>;
export type ReportInput = NonNullable<EndpointInput<typeof pledges.reportProgress>['body']>;
export interface ReviewQuery {
  documentId: string;
  objectiveId?: string | undefined;
  asOf: string;
  windowDays: number;
}

export const pledgeApi = {
  list: (negotiationId: string) => call(pledges.listPledges, { params: { negotiationId } }),
  get: (pledgeId: string) => call(pledges.getPledge, { params: { pledgeId } }),
  register: (negotiationId: string, body: RegisterPledgeInput) =>
    call(pledges.registerPledge, { params: { negotiationId }, body }),
  revise: (pledgeId: string, body: ReviseInput) =>
    call(pledges.revisePledge, { params: { pledgeId }, body }),
  report: (pledgeId: string, body: ReportInput) =>
    call(pledges.reportProgress, { params: { pledgeId }, body }),
  withdraw: (pledgeId: string, reason: string) =>
    call(pledges.withdrawPledge, { params: { pledgeId }, body: { reason } }),
  review: (negotiationId: string, query: ReviewQuery) =>
    call(pledges.review, { params: { negotiationId }, query }),
  publicList: (negotiationId: string) => call(pledges.publicPledges, { params: { negotiationId } }),
  publicGet: (pledgeId: string) => call(pledges.publicPledge, { params: { pledgeId } }),
  publicReview: (negotiationId: string, query: ReviewQuery) =>
    call(pledges.publicReview, { params: { negotiationId }, query }),
};

export const reviewPaperUrl = (
  negotiationId: string,
  query: ReviewQuery,
  format: PledgePaperFormat,
) =>
  fileUrl(pledges.reviewPaper, {
    params: { negotiationId },
    query: { documentId: query.documentId, asOf: query.asOf, windowDays: query.windowDays, format },
  });

export const isPledgeNotice = (notice: ChangeNotice) => notice.kind === 'pledge';
