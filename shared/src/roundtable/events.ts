// Events of a `roundtable-<id>` stream: scheduled, the draft paper edited and signed off, paper
// versions issued (each with the hash of every rendered file), concluded.
import { z } from 'zod';
import { defineEvent, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema, labelText } from '../schema.js';
import {
  backgroundSchema,
  coChairsSchema,
  guidingQuestionsSchema,
  roundtableCoverageSchema,
} from './commands.js';
import { paperFileSchema } from './paper.js';

const roundtableScheduled = z.object({
  roundtableId: entityIdSchema,
  negotiationId: entityIdSchema,
  theme: labelText(300),
  coChairStakeholderIds: coChairsSchema,
  date: z.iso.date(),
  coverage: roundtableCoverageSchema,
  invitedStakeholderIds: z.array(entityIdSchema),
  scheduledBy: entityIdSchema,
  scheduledAt: instantSchema,
});

/** Every change to what the co-chairs sign (coverage, background, questions) starts a new draft. */
const roundtableCoverageChanged = z.object({
  roundtableId: entityIdSchema,
  coverage: roundtableCoverageSchema,
  draft: z.number().int().min(2),
  changedBy: entityIdSchema,
  changedAt: instantSchema,
});

const roundtableDraftEdited = z.object({
  roundtableId: entityIdSchema,
  background: backgroundSchema,
  guidingQuestions: guidingQuestionsSchema,
  draft: z.number().int().min(2),
  /** The co-chair delegation the editor acted for. */
  stakeholderId: entityIdSchema,
  editedBy: entityIdSchema,
  editedAt: instantSchema,
});

const roundtableDraftSigned = z.object({
  roundtableId: entityIdSchema,
  draft: z.number().int().min(1),
  /** The co-chair delegation that signed off. */
  stakeholderId: entityIdSchema,
  signedOffBy: entityIdSchema,
  signedOffAt: instantSchema,
});

const roundtablePaperIssued = z.object({
  roundtableId: entityIdSchema,
  version: z.number().int().min(1),
  draft: z.number().int().min(1),
  recordPosition: z.string().regex(/^(0|[1-9][0-9]{0,19})$/),
  files: z.array(paperFileSchema).min(1),
  /** The co-chair delegations whose sign-off the version carries. */
  signedOffBy: z.array(entityIdSchema),
  issuedBy: entityIdSchema,
  issuedAt: instantSchema,
});

const roundtableConcluded = z.object({
  roundtableId: entityIdSchema,
  summary: labelText(20_000),
  concludedBy: entityIdSchema,
  concludedAt: instantSchema,
});

export const roundtableEventSchemas = {
  RoundtableScheduled: defineEvent(1, roundtableScheduled),
  RoundtableCoverageChanged: defineEvent(1, roundtableCoverageChanged),
  RoundtableDraftEdited: defineEvent(1, roundtableDraftEdited),
  RoundtableDraftSigned: defineEvent(1, roundtableDraftSigned),
  RoundtablePaperIssued: defineEvent(1, roundtablePaperIssued),
  RoundtableConcluded: defineEvent(1, roundtableConcluded),
};

export type RoundtableEvent = EventsOf<typeof roundtableEventSchemas>;
