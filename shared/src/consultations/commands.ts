// Commands of a consultation: open one on an issued revision (chair or secretariat), answer it
// (a member in the app, or anyone with a public link), close it early. The server fills in what
// it knows (the revision's paragraphs, the link token, the respondent's key); the decider checks
// the rest against the consultation's own stream.
import { z } from 'zod';
import type { AccountCommandMeta, CommandOf, CommandsOf } from '../messages.js';
import { entityIdSchema, freeText, instantSchema, labelText } from '../schema.js';
import {
  consultationAudienceSchema,
  consultationIdentitySchema,
  consultationParagraphSchema,
  questionKindSchema,
  respondentSchema,
} from './events.js';
import {
  CONSULTATION_ANSWER_PARAGRAPHS_MAX,
  CONSULTATION_ANSWER_TEXT_MAX,
  CONSULTATION_INTRO_MAX,
  CONSULTATION_INVITED_MAX,
  CONSULTATION_OPTION_LABEL_MAX,
  CONSULTATION_OPTIONS_MAX,
  CONSULTATION_PARAGRAPHS_MAX,
  CONSULTATION_PROMPT_MAX,
  CONSULTATION_QUESTIONS_MAX,
  CONSULTATION_TITLE_MAX,
} from './limits.js';

export const questionInputSchema = z.strictObject({
  kind: questionKindSchema,
  prompt: labelText(CONSULTATION_PROMPT_MAX),
  /** The choices of a single- or multiple-choice question; none for an open one. */
  options: z.array(labelText(CONSULTATION_OPTION_LABEL_MAX)).max(CONSULTATION_OPTIONS_MAX),
});
export type QuestionInput = z.infer<typeof questionInputSchema>;

/** A consultation as the chair or secretariat describes it. */
export const consultationInputSchema = z.strictObject({
  documentId: entityIdSchema,
  revisionLabel: labelText(60),
  title: labelText(CONSULTATION_TITLE_MAX),
  intro: freeText(CONSULTATION_INTRO_MAX),
  opensAt: instantSchema,
  closesAt: instantSchema,
  questions: z.array(questionInputSchema).min(1).max(CONSULTATION_QUESTIONS_MAX),
  audience: consultationAudienceSchema,
  invitedStakeholderIds: z.array(entityIdSchema).max(CONSULTATION_INVITED_MAX),
  identity: consultationIdentitySchema,
});
export type ConsultationInput = z.infer<typeof consultationInputSchema>;

export const openConsultationSchema = consultationInputSchema.extend({
  consultationId: entityIdSchema,
  negotiationId: entityIdSchema,
  linkToken: z.string().min(20).max(100).nullable(),
  paragraphs: z.array(consultationParagraphSchema).max(CONSULTATION_PARAGRAPHS_MAX),
});

/** One answer to one question, as a respondent gives it. */
export const answerInputSchema = z.strictObject({
  questionId: z.string().min(1).max(40),
  text: freeText(CONSULTATION_ANSWER_TEXT_MAX).nullable(),
  optionIds: z.array(z.string().min(1).max(40)).max(CONSULTATION_OPTIONS_MAX),
  paragraphIds: z.array(entityIdSchema).max(CONSULTATION_ANSWER_PARAGRAPHS_MAX),
});
export type AnswerInput = z.infer<typeof answerInputSchema>;

export const answerConsultationSchema = z.strictObject({
  consultationId: entityIdSchema,
  responseId: entityIdSchema,
  channel: z.enum(['members', 'link']),
  respondent: respondentSchema,
  respondentKey: z.string().regex(/^[0-9a-f]{64}$/),
  /** The link's token for a `link` answer; the decider checks it is this consultation's. */
  linkToken: z.string().max(100).nullable(),
  answers: z.array(answerInputSchema).min(1).max(CONSULTATION_QUESTIONS_MAX),
});

export const closeConsultationSchema = z.strictObject({
  consultationId: entityIdSchema,
  reason: freeText(1_000),
});

export const consultationCommandSchemas = {
  OpenConsultation: openConsultationSchema,
  AnswerConsultation: answerConsultationSchema,
  CloseConsultation: closeConsultationSchema,
} as const;

/**
 * An answer acts on no member's authority: the server has checked who may answer (membership,
 * invitation, or the public link) and the event must not carry an anonymous member's identity
 * in its metadata, so its meta has no actor.
 */
export type AnswerMeta = AccountCommandMeta & { actor: null };

export type ConsultationCommand = CommandsOf<
  typeof consultationCommandSchemas,
  { AnswerConsultation: AnswerMeta }
>;
export type OpenConsultation = CommandOf<ConsultationCommand, 'OpenConsultation'>;
export type AnswerConsultation = CommandOf<ConsultationCommand, 'AnswerConsultation'>;
export type CloseConsultation = CommandOf<ConsultationCommand, 'CloseConsultation'>;
