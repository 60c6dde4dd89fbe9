/**
 * What an entry of the activity feed (and a live toast) says, as data rather than a sentence:
 * a stable `type` (the event it reports) and the facts a sentence needs — names, titles,
 * labels, vocabulary values, counts. The server describes events this way; the client turns
 * an entry into words in the reader's language through its message catalogue.
 *
 * Names are as recorded (people's display names, stakeholders' names, documents' titles) and
 * absent when unknown, so the reader's language says "a member" instead. Entries never hold
 * e-mail addresses, tokens or hashes.
 *
 *   { type: 'AmendmentAccepted', params: { sponsor: 'Brazil', chairsCompromise: false } }
 */
import { z } from 'zod';
import {
  amendmentKindSchema,
  documentModeSchema,
  paragraphStatusSchema,
  roleSchema,
  stakeholderKindSchema,
  stanceSchema,
} from './vocabulary.js';
import { deadlineKindSchema, silenceOutcomeSchema } from './process/events.js';
import { progressStatusSchema } from './pledges/events.js';

const name = z.string().optional();

/** How an amendment is named: its sponsor's, or the chair's compromise. */
const amendmentRef = {
  sponsor: name,
  chairsCompromise: z.boolean(),
};
const documentRef = { title: name };
const roundtableRef = { theme: name };

const entry = <T extends string, P extends z.ZodRawShape>(type: T, params: P) =>
  z.object({ type: z.literal(type), params: z.object(params) });

export const activityDescriptionSchema = z.discriminatedUnion('type', [
  entry('NegotiationOpened', { actor: name, title: name }),
  entry('StakeholderRegistered', {
    stakeholder: name,
    code: name,
    stakeholderKind: stakeholderKindSchema,
  }),
  entry('ChairsAppointed', { people: z.array(z.string()), count: z.number().int() }),
  entry('MemberInvited', { stakeholder: name, role: roleSchema }),
  entry('InvitationAccepted', { actor: name }),
  entry('MemberAdmitted', { actor: name, stakeholder: name, role: roleSchema }),
  entry('MemberRoleChanged', { actor: name, role: roleSchema, previousRole: roleSchema }),
  entry('MemberRevoked', { actor: name, stakeholder: name }),
  entry('DocumentCreated', { actor: name, symbol: name, ...documentRef, mode: documentModeSchema }),
  entry('DocumentModeChanged', { ...documentRef, mode: documentModeSchema }),
  entry('ParagraphStatusSet', { actor: name, ...documentRef, status: paragraphStatusSchema }),
  entry('RevisionIssued', { ...documentRef, label: name }),
  entry('DocumentAdopted', { ...documentRef, label: name }),
  entry('AmendmentTabled', {
    ...amendmentRef,
    ...documentRef,
    amendmentKind: amendmentKindSchema,
  }),
  entry('AmendmentCosponsored', { ...amendmentRef, stakeholder: name }),
  entry('AmendmentRevised', amendmentRef),
  entry('AmendmentWithdrawn', amendmentRef),
  entry('AmendmentAccepted', amendmentRef),
  entry('AmendmentRejected', amendmentRef),
  entry('AmendmentMerged', amendmentRef),
  /** The chair undid a rejection or a merge; `reason` is the chair's, as written. */
  entry('AmendmentRestored', { ...amendmentRef, reason: z.string() }),
  /** On a paragraph: `title` names the document; on an amendment: `sponsor`/`chairsCompromise`. */
  entry('PositionStated', {
    stakeholder: name,
    stance: stanceSchema,
    on: z.enum(['paragraph', 'amendment']),
    ...documentRef,
    sponsor: name,
    chairsCompromise: z.boolean().optional(),
  }),
  entry('PositionWithdrawn', {
    stakeholder: name,
    on: z.enum(['paragraph', 'amendment']),
    ...documentRef,
    sponsor: name,
    chairsCompromise: z.boolean().optional(),
  }),
  entry('CommentPosted', { actor: name, stakeholder: name, ...documentRef }),
  entry('CommentReplied', { actor: name, stakeholder: name, ...documentRef }),
  entry('CommentResolved', { actor: name, ...documentRef }),
  entry('CommentReopened', { actor: name, ...documentRef }),
  entry('RoundtableScheduled', { actor: name, ...roundtableRef }),
  entry('RoundtableCoverageChanged', { actor: name, ...roundtableRef }),
  entry('RoundtableDraftEdited', { stakeholder: name, ...roundtableRef }),
  entry('RoundtableDraftSigned', { stakeholder: name, ...roundtableRef }),
  entry('RoundtablePaperIssued', { actor: name, ...roundtableRef, version: z.number().int() }),
  entry('RoundtableConcluded', { actor: name, ...roundtableRef }),
  /** Deadlines: the instant, and the chair's time zone so it reads as the chair set it. */
  entry('DeadlineSet', {
    actor: name,
    ...documentRef,
    deadlineKind: deadlineKindSchema,
    deadline: z.string(),
    timeZone: z.string(),
  }),
  entry('DeadlineCleared', { actor: name, ...documentRef, deadlineKind: deadlineKindSchema }),
  /** `paragraphs`: how many are under silence; absent for the whole text. */
  entry('SilenceStarted', {
    actor: name,
    ...documentRef,
    until: z.string(),
    timeZone: z.string(),
    paragraphs: z.number().int().optional(),
  }),
  /** The statement itself is on the record (the process view); the entry names who broke it. */
  entry('SilenceBroken', { actor: name, stakeholder: name, ...documentRef }),
  entry('SilenceEnded', { ...documentRef, outcome: silenceOutcomeSchema }),
  /** Recommendations: `recommendation` is its title; `stakeholder` the organisation or delegation. */
  entry('RecommendationSubmitted', { stakeholder: name, recommendation: name }),
  entry('RecommendationEndorsed', { stakeholder: name, recommendation: name }),
  entry('RecommendationWithdrawn', { stakeholder: name, recommendation: name }),
  entry('RecommendationTakenUp', { stakeholder: name, organisation: name, recommendation: name }),
  /** Consultations: `consultation` is its title. An answer line never names who answered. */
  entry('ConsultationOpened', { actor: name, consultation: name, ...documentRef, label: name }),
  entry('ConsultationAnswered', { consultation: name }),
  entry('ConsultationClosed', { actor: name, consultation: name }),
  /** Pledges: `pledger` as the pledge names it, `pledge` its title. */
  entry('PledgeRegistered', { pledger: name, pledge: name, ...documentRef }),
  entry('PledgeRevised', { pledger: name, pledge: name }),
  entry('PledgeProgressReported', { pledger: name, pledge: name, status: progressStatusSchema }),
  entry('PledgeWithdrawn', { pledger: name, pledge: name }),
]);

export type ActivityDescription = z.infer<typeof activityDescriptionSchema>;
export type ActivityType = ActivityDescription['type'];
/** The parameters of one type of entry. */
export type ActivityParams<T extends ActivityType> = Extract<
  ActivityDescription,
  { type: T }
>['params'];
