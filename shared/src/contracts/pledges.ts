// Action pledges on an adopted text: list and register them, read one with its history (the
// pledge as it stood at each step), revise, report progress, withdraw; the review of an
// objective's pledges as of a day with its trend, and the review forum's background paper
// (HTML, PDF, DOCX). The `/public/…` endpoints answer without an account: pledges and the
// adopted texts' objective labels, nothing else of the negotiation.
import { z } from 'zod';
import { pledgeContentInputSchema, progressReportInputSchema } from '../pledges/commands.js';
import { pledgerKindSchema } from '../pledges/events.js';
import { REVIEW_WINDOW_DAYS_MAX } from '../pledges/limits.js';
import { objectiveViewSchema } from '../pledges/objectives.js';
import { reviewRowSchema, standingCountsSchema, trendPointSchema } from '../pledges/review.js';
import { pledgeStepSchema, pledgeViewSchema } from '../pledges/view.js';
import { entityIdSchema, freeText, labelText } from '../schema.js';
import { commandDoneSchema, createdSchema, negotiationParams, reportLangSchema } from './common.js';
import { defineEndpoint } from './endpoint.js';

/** An adopted text of the negotiation that pledges are made towards, with its objectives. */
export const adoptedTextViewSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  symbol: z.string(),
  adoptedAt: z.string(),
  objectives: z.array(objectiveViewSchema),
});
export type AdoptedTextView = z.infer<typeof adoptedTextViewSchema>;

export const pledgeListSchema = z.object({
  adoptedTexts: z.array(adoptedTextViewSchema),
  pledges: z.array(pledgeViewSchema),
});
export type PledgeList = z.infer<typeof pledgeListSchema>;

export const pledgeDetailSchema = z.object({
  pledge: pledgeViewSchema,
  history: z.array(pledgeStepSchema),
});
export type PledgeDetail = z.infer<typeof pledgeDetailSchema>;

export const pledgeReviewSchema = z.object({
  documentId: z.string(),
  asOf: z.string(),
  windowDays: z.number().int(),
  /** Every objective of the text with its counts on `asOf`. */
  objectives: z.array(objectiveViewSchema.extend({ counts: standingCountsSchema })),
  /** The objective reviewed in detail, when one was asked for. */
  objective: z
    .object({
      objectiveId: z.string(),
      label: z.string(),
      rows: z.array(reviewRowSchema),
      counts: standingCountsSchema,
      trend: z.array(trendPointSchema),
    })
    .nullable(),
});
export type PledgeReview = z.infer<typeof pledgeReviewSchema>;

export const pledgeParams = z.object({ pledgeId: entityIdSchema });

export const pledgePaperFormatSchema = z.enum(['html', 'pdf', 'docx']);
export type PledgePaperFormat = z.infer<typeof pledgePaperFormatSchema>;

const reviewQuery = z.object({
  documentId: entityIdSchema,
  objectiveId: entityIdSchema.optional(),
  /** The day of the review (YYYY-MM-DD); today when absent. */
  asOf: z.iso.date().optional(),
  windowDays: z.coerce.number().int().min(1).max(REVIEW_WINDOW_DAYS_MAX).optional(),
});

export const registerPledgeBodySchema = z.strictObject({
  documentId: entityIdSchema,
  pledger: z.strictObject({
    kind: pledgerKindSchema,
    /** Required when the secretariat registers an outside actor; otherwise the stakeholder's name. */
    outsideActor: labelText(200).optional(),
  }),
  content: pledgeContentInputSchema,
});
export type RegisterPledgeBody = z.infer<typeof registerPledgeBodySchema>;

export const pledgeContracts = {
  listPledges: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/pledges',
    params: negotiationParams,
    response: pledgeListSchema,
  }),
  registerPledge: defineEndpoint({
    method: 'post',
    path: '/negotiations/:negotiationId/pledges',
    params: negotiationParams,
    body: registerPledgeBodySchema,
    status: 201,
    response: createdSchema('pledgeId'),
  }),
  getPledge: defineEndpoint({
    method: 'get',
    path: '/pledges/:pledgeId',
    params: pledgeParams,
    response: pledgeDetailSchema,
  }),
  revisePledge: defineEndpoint({
    method: 'put',
    path: '/pledges/:pledgeId',
    params: pledgeParams,
    body: z.strictObject({ content: pledgeContentInputSchema, note: freeText(2_000) }),
    response: commandDoneSchema,
  }),
  reportProgress: defineEndpoint({
    method: 'post',
    path: '/pledges/:pledgeId/reports',
    params: pledgeParams,
    body: progressReportInputSchema,
    status: 201,
    response: createdSchema('reportId'),
  }),
  withdrawPledge: defineEndpoint({
    method: 'post',
    path: '/pledges/:pledgeId/withdraw',
    params: pledgeParams,
    body: z.strictObject({ reason: labelText(1_000) }),
    response: commandDoneSchema,
  }),
  review: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/pledge-review',
    params: negotiationParams,
    query: reviewQuery,
    response: pledgeReviewSchema,
  }),
  reviewPaper: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/pledge-review/paper',
    params: negotiationParams,
    query: reviewQuery.extend({ format: pledgePaperFormatSchema, lang: reportLangSchema }),
    file: { description: "The review forum's background paper on the text's pledges" },
  }),
  publicPledges: defineEndpoint({
    method: 'get',
    path: '/public/negotiations/:negotiationId/pledges',
    params: negotiationParams,
    access: 'public',
    response: pledgeListSchema,
  }),
  publicPledge: defineEndpoint({
    method: 'get',
    path: '/public/pledges/:pledgeId',
    params: pledgeParams,
    access: 'public',
    response: pledgeDetailSchema,
  }),
  /** The review per objective, for anyone (no account), as far as the public may follow. */
  publicReview: defineEndpoint({
    method: 'get',
    path: '/public/negotiations/:negotiationId/pledge-review',
    params: negotiationParams,
    query: reviewQuery,
    access: 'public',
    response: pledgeReviewSchema,
  }),
};
