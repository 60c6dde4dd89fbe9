// Consultations on a draft: list and open them on a negotiation (chair or secretariat open),
// read one and answer it as a member, close it early, read its synthesis and download it as a
// consultation report; and the public page's two endpoints, reached with the link's token and
// no session.
import { z } from 'zod';
import { answerInputSchema, consultationInputSchema } from '../consultations/commands.js';
import {
  consultationAudienceSchema,
  consultationIdentitySchema,
  questionKindSchema,
} from '../consultations/events.js';
import { CONSULTATION_QUESTIONS_MAX } from '../consultations/limits.js';
import { entityIdSchema, freeText } from '../schema.js';
import { commandDoneSchema, createdSchema, negotiationParams, reportLangSchema } from './common.js';
import { defineEndpoint } from './endpoint.js';

export const consultationPhaseSchema = z.enum(['scheduled', 'open', 'closed']);

export const consultationSummarySchema = z.object({
  consultationId: z.string(),
  negotiationId: z.string(),
  documentId: z.string(),
  documentTitle: z.string().nullable(),
  revisionLabel: z.string(),
  title: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  phase: consultationPhaseSchema,
  audience: consultationAudienceSchema,
  identity: consultationIdentitySchema,
  responses: z.number(),
});
export type ConsultationSummaryView = z.infer<typeof consultationSummarySchema>;

const questionViewSchema = z.object({
  questionId: z.string(),
  kind: questionKindSchema,
  prompt: z.string(),
  options: z.array(z.object({ optionId: z.string(), label: z.string() })),
});
const paragraphViewSchema = z.object({
  paragraphId: z.string(),
  ref: z.string(),
  text: z.string(),
});

/** What a respondent needs to answer: the questions and the revision's paragraphs. */
const answerableSchema = z.object({
  title: z.string(),
  intro: z.string(),
  revisionLabel: z.string(),
  documentTitle: z.string().nullable(),
  opensAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  phase: consultationPhaseSchema,
  identity: consultationIdentitySchema,
  questions: z.array(questionViewSchema),
  paragraphs: z.array(paragraphViewSchema),
});

export const consultationViewSchema = consultationSummarySchema
  .extend(answerableSchema.shape)
  .extend({
    invitedStakeholderIds: z.array(z.string()),
    /** The public link's path (`/consult/<token>`), for those who manage the consultation only. */
    linkPath: z.string().nullable(),
    you: z.object({
      mayAnswer: z.boolean(),
      answered: z.boolean(),
      mayManage: z.boolean(),
      mayReadSynthesis: z.boolean(),
    }),
  });
export type ConsultationView = z.infer<typeof consultationViewSchema>;

export const publicConsultationViewSchema = answerableSchema.extend({
  /** Whether this browser has already answered. */
  answered: z.boolean(),
});
export type PublicConsultationView = z.infer<typeof publicConsultationViewSchema>;

const excerptSchema = z.object({
  responseId: z.string(),
  questionId: z.string(),
  text: z.string(),
  refs: z.array(z.string()),
});

export const consultationSynthesisSchema = z.object({
  consultation: consultationSummarySchema,
  responses: z.number(),
  anonymous: z.number(),
  identified: z.number(),
  throughLink: z.number(),
  questions: z.array(
    z.object({
      questionId: z.string(),
      kind: questionKindSchema,
      prompt: z.string(),
      answered: z.number(),
      options: z.array(z.object({ optionId: z.string(), label: z.string(), count: z.number() })),
      texts: z.array(excerptSchema),
    }),
  ),
  paragraphs: z.array(
    z.object({
      paragraphId: z.string(),
      ref: z.string(),
      text: z.string(),
      answers: z.number(),
      excerpts: z.array(excerptSchema),
    }),
  ),
  participation: z.array(z.object({ day: z.string(), count: z.number(), cumulative: z.number() })),
});
export type ConsultationSynthesisView = z.infer<typeof consultationSynthesisSchema>;

const consultationParams = z.object({ consultationId: entityIdSchema });
/** The link's token: 32 random bytes in base64url. */
export const consultationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{40,64}$/);
const tokenParams = z.object({ token: consultationTokenSchema });

export const consultationReportFormats = ['html', 'pdf', 'docx'] as const;
export const consultationReportFormatSchema = z.enum(consultationReportFormats);

const answersBody = z.array(answerInputSchema).min(1).max(CONSULTATION_QUESTIONS_MAX);

export const consultationContracts = {
  listConsultations: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/consultations',
    params: negotiationParams,
    response: z.object({ consultations: z.array(consultationSummarySchema) }),
  }),
  openConsultation: defineEndpoint({
    method: 'post',
    path: '/negotiations/:negotiationId/consultations',
    params: negotiationParams,
    body: consultationInputSchema,
    status: 201,
    response: createdSchema('consultationId'),
  }),
  getConsultation: defineEndpoint({
    method: 'get',
    path: '/consultations/:consultationId',
    params: consultationParams,
    response: consultationViewSchema,
  }),
  answerConsultation: defineEndpoint({
    method: 'post',
    path: '/consultations/:consultationId/answers',
    params: consultationParams,
    body: z.strictObject({ answers: answersBody }),
    status: 201,
    response: createdSchema('responseId'),
  }),
  closeConsultation: defineEndpoint({
    method: 'post',
    path: '/consultations/:consultationId/close',
    params: consultationParams,
    body: z.strictObject({ reason: freeText(1_000) }),
    response: commandDoneSchema,
  }),
  consultationSynthesis: defineEndpoint({
    method: 'get',
    path: '/consultations/:consultationId/synthesis',
    params: consultationParams,
    response: consultationSynthesisSchema,
  }),
  consultationReport: defineEndpoint({
    method: 'get',
    path: '/consultations/:consultationId/report',
    params: consultationParams,
    query: z.object({
      format: consultationReportFormatSchema.default('pdf'),
      lang: reportLangSchema,
    }),
    file: { description: 'The consultation report as a file' },
  }),
  publicConsultation: defineEndpoint({
    method: 'get',
    path: '/public/consultations/:token',
    access: 'public',
    params: tokenParams,
    response: publicConsultationViewSchema,
  }),
  publicAnswer: defineEndpoint({
    method: 'post',
    path: '/public/consultations/:token/answers',
    access: 'public',
    params: tokenParams,
    body: z.strictObject({
      answers: answersBody,
      /**
       * A field people never see and so leave empty; form-filling robots fill it. A non-empty
       * value is answered like success and recorded nowhere.
       */
      website: z.string().max(200).optional(),
    }),
    status: 201,
    response: z.object({ responseId: z.string().nullable() }),
  }),
};
