// Events of a `recommendation-<id>` stream: a civil-society or observer organisation submits a
// recommendation (wording, the paragraphs or themes it concerns, a rationale); other
// organisations endorse it or take their endorsement back; its author may withdraw it; and each
// delegation that tables it as its own amendment is recorded as taking it up, once per amendment.
import { z } from 'zod';
import { defineEvent, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema } from '../schema.js';

/** Whether the wording is the paragraph as it should read, or a new paragraph after it. */
export const recommendationChangeSchema = z.enum(['amend-paragraph', 'new-paragraph']);
export type RecommendationChange = z.infer<typeof recommendationChangeSchema>;

const recommendationSubmitted = z.object({
  recommendationId: entityIdSchema,
  negotiationId: entityIdSchema,
  /** The document its paragraphs belong to; null for a recommendation on themes only. */
  documentId: entityIdSchema.nullable(),
  paragraphIds: z.array(entityIdSchema),
  themes: z.array(z.string()),
  title: z.string(),
  change: recommendationChangeSchema,
  proposedText: z.string(),
  rationale: z.string(),
  /** The organisation (stakeholder) it is submitted for. */
  stakeholderId: entityIdSchema,
  submittedBy: entityIdSchema,
  submittedAt: instantSchema,
});

const recommendationEndorsed = z.object({
  recommendationId: entityIdSchema,
  stakeholderId: entityIdSchema,
  endorsedBy: entityIdSchema,
  endorsedAt: instantSchema,
});

const recommendationEndorsementWithdrawn = z.object({
  recommendationId: entityIdSchema,
  stakeholderId: entityIdSchema,
  withdrawnBy: entityIdSchema,
  withdrawnAt: instantSchema,
});

const recommendationWithdrawn = z.object({
  recommendationId: entityIdSchema,
  reason: z.string(),
  withdrawnBy: entityIdSchema,
  withdrawnAt: instantSchema,
});

/** Recorded from the amendment that carries the recommendation's id (the uptake reactor). */
const recommendationTakenUp = z.object({
  recommendationId: entityIdSchema,
  delegationId: entityIdSchema,
  amendmentId: entityIdSchema,
  documentId: entityIdSchema,
  takenUpBy: entityIdSchema,
  takenUpAt: instantSchema,
});

export const recommendationEventSchemas = {
  RecommendationSubmitted: defineEvent(1, recommendationSubmitted),
  RecommendationEndorsed: defineEvent(1, recommendationEndorsed),
  RecommendationEndorsementWithdrawn: defineEvent(1, recommendationEndorsementWithdrawn),
  RecommendationWithdrawn: defineEvent(1, recommendationWithdrawn),
  RecommendationTakenUp: defineEvent(1, recommendationTakenUp),
};

export type RecommendationEvent = EventsOf<typeof recommendationEventSchemas>;
