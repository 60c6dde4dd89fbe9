// Events of a `process-<documentId>` stream: the chair's deadlines for amendments and
// positions, and the silence procedure (started, broken, ended, and what its end did).
import { z } from 'zod';
import { defineEvent, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema } from '../schema.js';

/** What a deadline closes: tabling amendments, or stating positions. */
export const deadlineKindSchema = z.enum(['amendments', 'positions']);
export type DeadlineKind = z.infer<typeof deadlineKindSchema>;
export const deadlineKinds = deadlineKindSchema.options;

/** How a silence procedure ended. */
export const silenceOutcomeSchema = z.enum(['adopted', 'broken', 'withdrawn']);
export type SilenceOutcome = z.infer<typeof silenceOutcomeSchema>;

/** Who acted, as the record names them: the user and the stakeholder they acted for. */
const partyRef = z.object({ userId: entityIdSchema, stakeholderId: entityIdSchema });

const deadlineSet = z.object({
  documentId: entityIdSchema,
  kind: deadlineKindSchema,
  deadline: instantSchema,
  /** The chair's IANA time zone, kept only so the deadline can be shown as the chair set it. */
  timeZone: z.string(),
  setBy: entityIdSchema,
  setAt: instantSchema,
});

const deadlineCleared = z.object({
  documentId: entityIdSchema,
  kind: deadlineKindSchema,
  clearedBy: entityIdSchema,
  clearedAt: instantSchema,
});

const silenceStarted = z.object({
  documentId: entityIdSchema,
  silenceId: entityIdSchema,
  /** Null: the whole text; otherwise the paragraphs under silence. */
  paragraphIds: z.array(entityIdSchema).nullable(),
  until: instantSchema,
  timeZone: z.string(),
  note: z.string(),
  startedBy: partyRef,
  startedAt: instantSchema,
});

/** A delegation breaks silence before the deadline; its statement is on the record for all. */
const silenceBroken = z.object({
  documentId: entityIdSchema,
  silenceId: entityIdSchema,
  statement: z.string(),
  brokenBy: partyRef,
  brokenAt: instantSchema,
});

const silenceEnded = z.object({
  documentId: entityIdSchema,
  silenceId: entityIdSchema,
  outcome: silenceOutcomeSchema,
  /** The chair's reason for a withdrawal; empty otherwise. */
  reason: z.string(),
  endedAt: instantSchema,
});

/** A part of an adopted silence's outcome that could not be carried out, and why. */
const outcomeProblem = z.object({
  /** Null when it concerns the whole text. */
  paragraphId: entityIdSchema.nullable(),
  reason: z.string(),
  detail: z.string(),
});

/**
 * What an adopted silence did to the document: the revision adopted (whole text) or the
 * paragraphs agreed ad ref, and what could not be done. Recorded once, by the server.
 */
const silenceOutcomeRecorded = z.object({
  documentId: entityIdSchema,
  silenceId: entityIdSchema,
  adoptedRevisionLabel: z.string().nullable(),
  agreedParagraphIds: z.array(entityIdSchema),
  problems: z.array(outcomeProblem),
  recordedAt: instantSchema,
});

export const processEventSchemas = {
  DeadlineSet: defineEvent(1, deadlineSet),
  DeadlineCleared: defineEvent(1, deadlineCleared),
  SilenceStarted: defineEvent(1, silenceStarted),
  SilenceBroken: defineEvent(1, silenceBroken),
  SilenceEnded: defineEvent(1, silenceEnded),
  SilenceOutcomeRecorded: defineEvent(1, silenceOutcomeRecorded),
};

export type ProcessEvent = EventsOf<typeof processEventSchemas>;
export type SilenceOutcomeProblem = z.infer<typeof outcomeProblem>;
