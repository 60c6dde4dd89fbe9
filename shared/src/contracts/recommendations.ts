// Recommendations of civil society and observers: list a negotiation's recommendations with
// their fates, read one with its uptake timeline, submit, endorse and take back an endorsement,
// withdraw, take one up as the delegation's own amendment (one step), and download the
// negotiation's uptake report.
import { z } from 'zod';
import { tableAmendmentBodySchema } from './amendments.js';
import { recommendationInputSchema } from '../recommendations/commands.js';
import { recommendationChangeSchema } from '../recommendations/events.js';
import { recommendationFates } from '../recommendations/fate.js';
import { entityIdSchema, freeText } from '../schema.js';
import {
  commandDoneSchema,
  createdSchema,
  negotiationParams,
  reportLangSchema,
  stakeholderRefViewSchema,
} from './common.js';
import { defineEndpoint } from './endpoint.js';

export const recommendationFateSchema = z.enum(recommendationFates);

export const timelineEntryKinds = [
  'submitted',
  'endorsed',
  'endorsement-withdrawn',
  'withdrawn',
  'taken-up',
  'amendment-accepted',
  'amendment-rejected',
  'amendment-merged',
  'amendment-withdrawn',
  'amendment-restored',
  'in-revision',
  'in-final-text',
  'not-in-final-text',
] as const;

/** One step of a recommendation's uptake; which fields are set depends on the kind. */
export const timelineEntrySchema = z.object({
  kind: z.enum(timelineEntryKinds),
  at: z.string(),
  stakeholderId: z.string().optional(),
  delegationId: z.string().optional(),
  amendmentId: z.string().optional(),
  label: z.string().optional(),
  revisionLabel: z.string().optional(),
  ref: z.string().optional(),
  words: z.string().optional(),
});
export type TimelineEntryView = z.infer<typeof timelineEntrySchema>;

export const recommendationViewSchema = z.object({
  recommendationId: z.string(),
  negotiationId: z.string(),
  documentId: z.string().nullable(),
  /** The targeted paragraphs with their current numbers ("OP 14"); null for a number unknown. */
  paragraphs: z.array(z.object({ paragraphId: z.string(), label: z.string().nullable() })),
  themes: z.array(z.string()),
  title: z.string(),
  change: recommendationChangeSchema,
  proposedText: z.string(),
  rationale: z.string(),
  organisation: stakeholderRefViewSchema,
  submittedAt: z.string(),
  withdrawn: z.boolean(),
  endorsers: z.array(stakeholderRefViewSchema),
  uptake: z.array(
    z.object({
      delegation: stakeholderRefViewSchema,
      amendmentId: z.string(),
      documentId: z.string(),
    }),
  ),
  fate: recommendationFateSchema,
  finalText: z.object({ ref: z.string(), words: z.string(), revisionLabel: z.string() }).nullable(),
  timeline: z.array(timelineEntrySchema),
});
export type RecommendationView = z.infer<typeof recommendationViewSchema>;

/** Names for the ids a timeline carries. */
const withStakeholders = { stakeholders: z.array(stakeholderRefViewSchema) };

export const uptakeReportFormats = ['html', 'pdf', 'docx'] as const;
export const uptakeReportFormatSchema = z.enum(uptakeReportFormats);
export type UptakeReportFormat = z.infer<typeof uptakeReportFormatSchema>;

const recommendationParams = z.object({ recommendationId: entityIdSchema });

/** Taking up: the amendment as the delegate confirms it, pre-filled from the recommendation. */
export const takeUpBodySchema = tableAmendmentBodySchema
  .omit({ parentAmendmentId: true })
  .extend({ documentId: entityIdSchema });
export type TakeUpBody = z.output<typeof takeUpBodySchema>;

export const recommendationContracts = {
  listRecommendations: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/recommendations',
    params: negotiationParams,
    response: z.object({
      recommendations: z.array(recommendationViewSchema),
      ...withStakeholders,
    }),
  }),
  submitRecommendation: defineEndpoint({
    method: 'post',
    path: '/negotiations/:negotiationId/recommendations',
    params: negotiationParams,
    body: recommendationInputSchema,
    status: 201,
    response: createdSchema('recommendationId'),
  }),
  getRecommendation: defineEndpoint({
    method: 'get',
    path: '/recommendations/:recommendationId',
    params: recommendationParams,
    response: z.object({ recommendation: recommendationViewSchema, ...withStakeholders }),
  }),
  endorse: defineEndpoint({
    method: 'post',
    path: '/recommendations/:recommendationId/endorse',
    params: recommendationParams,
    response: commandDoneSchema,
  }),
  withdrawEndorsement: defineEndpoint({
    method: 'post',
    path: '/recommendations/:recommendationId/withdraw-endorsement',
    params: recommendationParams,
    response: commandDoneSchema,
  }),
  withdraw: defineEndpoint({
    method: 'post',
    path: '/recommendations/:recommendationId/withdraw',
    params: recommendationParams,
    body: z.strictObject({ reason: freeText(1000).default('') }),
    response: commandDoneSchema,
  }),
  takeUp: defineEndpoint({
    method: 'post',
    path: '/recommendations/:recommendationId/take-up',
    params: recommendationParams,
    body: takeUpBodySchema,
    status: 201,
    response: createdSchema('amendmentId'),
  }),
  uptakeReport: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/recommendations/report',
    params: negotiationParams,
    query: z.object({ format: uptakeReportFormatSchema.default('pdf'), lang: reportLangSchema }),
    file: { description: 'The uptake report, generated from the record now' },
  }),
};
