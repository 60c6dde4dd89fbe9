// Events of a consultation on a draft (`consultation-<id>`). Opening freezes the revision's
// paragraphs and the questions into the stream, so the public page, the synthesis and the report
// read one stream and never change when the draft moves on. Each answer is one event; an
// anonymous one names nobody. Closing early is an event; closing at the end of the period is not:
// the period is in the opening event and every reader derives it from the clock (phase.ts).
import { z } from 'zod';
import { defineEvent, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema } from '../schema.js';

export const questionKindSchema = z.enum(['open', 'single', 'multiple']);
export type QuestionKind = z.infer<typeof questionKindSchema>;

export const consultationAudienceSchema = z.enum(['invited', 'public']);
export type ConsultationAudience = z.infer<typeof consultationAudienceSchema>;

export const consultationIdentitySchema = z.enum(['identified', 'anonymous']);
export type ConsultationIdentity = z.infer<typeof consultationIdentitySchema>;

export const consultationQuestionSchema = z.object({
  questionId: z.string().min(1).max(40),
  kind: questionKindSchema,
  prompt: z.string().min(1),
  /** Empty for an open question. */
  options: z.array(z.object({ optionId: z.string().min(1).max(40), label: z.string().min(1) })),
});
export type ConsultationQuestion = z.infer<typeof consultationQuestionSchema>;

export const consultationParagraphSchema = z.object({
  paragraphId: entityIdSchema,
  /** The number the revision gave it ("OP 4"), or "¶ n" when it published none. */
  ref: z.string().min(1).max(40),
  text: z.string(),
});
export type ConsultationParagraph = z.infer<typeof consultationParagraphSchema>;

const consultationOpened = z.object({
  consultationId: entityIdSchema,
  negotiationId: entityIdSchema,
  documentId: entityIdSchema,
  revisionLabel: z.string().min(1).max(60),
  title: z.string().min(1),
  intro: z.string(),
  opensAt: instantSchema,
  closesAt: instantSchema,
  questions: z.array(consultationQuestionSchema).min(1),
  audience: consultationAudienceSchema,
  /** For `invited`: the stakeholders whose members may answer; empty means every member. */
  invitedStakeholderIds: z.array(entityIdSchema),
  identity: consultationIdentitySchema,
  /** For `public`: the unguessable token of the answering link; null otherwise. */
  linkToken: z.string().nullable(),
  paragraphs: z.array(consultationParagraphSchema),
  openedBy: entityIdSchema,
  openedAt: instantSchema,
});

export const answerItemSchema = z.object({
  questionId: z.string().min(1).max(40),
  /** An open question's words; null for a choice question. */
  text: z.string().nullable(),
  optionIds: z.array(z.string().min(1).max(40)),
  /** Paragraphs of the consulted revision the answer is about. */
  paragraphIds: z.array(entityIdSchema),
});
export type AnswerItem = z.infer<typeof answerItemSchema>;

export const respondentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('anonymous') }),
  z.object({
    kind: z.literal('identified'),
    userId: entityIdSchema,
    stakeholderId: entityIdSchema,
  }),
]);
export type Respondent = z.infer<typeof respondentSchema>;

const consultationAnswered = z.object({
  consultationId: entityIdSchema,
  responseId: entityIdSchema,
  /** `members`: a signed-in member answered in the app; `link`: someone used the public link. */
  channel: z.enum(['members', 'link']),
  respondent: respondentSchema,
  /**
   * A SHA-256 that stands for one respondent in this consultation (of a member, or of the random
   * cookie of a browser), so each answers once. Never an address, never readable as a person.
   */
  respondentKey: z.string().regex(/^[0-9a-f]{64}$/),
  answers: z.array(answerItemSchema).min(1),
  answeredAt: instantSchema,
});

const consultationClosed = z.object({
  consultationId: entityIdSchema,
  reason: z.string(),
  closedBy: entityIdSchema,
  closedAt: instantSchema,
});

export const consultationEventSchemas = {
  ConsultationOpened: defineEvent(1, consultationOpened),
  ConsultationAnswered: defineEvent(1, consultationAnswered),
  ConsultationClosed: defineEvent(1, consultationClosed),
};

export type ConsultationEvent = EventsOf<typeof consultationEventSchemas>;
export type ConsultationOpenedData = Extract<
  ConsultationEvent,
  { type: 'ConsultationOpened' }
>['data'];
export type ConsultationAnsweredData = Extract<
  ConsultationEvent,
  { type: 'ConsultationAnswered' }
>['data'];
