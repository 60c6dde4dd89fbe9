// Events of a `schedule-<negotiationId>` stream: the sessions a negotiation runs in, and the
// segments of each session with the access level that decides who may follow them.
import { z } from 'zod';
import { defineEvent, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema } from '../schema.js';

/**
 * Who may follow a segment: governments only (chair, secretariat, delegations), also civil
 * society and observers, or also the public (treated like `observers` until public pages exist).
 */
export const segmentAccessSchema = z.enum(['governments', 'observers', 'public']);
export type SegmentAccess = z.infer<typeof segmentAccessSchema>;
export const segmentAccessLevels = segmentAccessSchema.options;

const sessionScheduled = z.object({
  negotiationId: entityIdSchema,
  sessionId: entityIdSchema,
  title: z.string(),
  /** Calendar dates (YYYY-MM-DD) in `timeZone`; a session spans whole days. */
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  timeZone: z.string(),
  scheduledBy: entityIdSchema,
  scheduledAt: instantSchema,
});

const segmentOpened = z.object({
  negotiationId: entityIdSchema,
  segmentId: entityIdSchema,
  sessionId: entityIdSchema,
  title: z.string(),
  access: segmentAccessSchema,
  openedBy: entityIdSchema,
  openedAt: instantSchema,
});

const segmentClosed = z.object({
  negotiationId: entityIdSchema,
  segmentId: entityIdSchema,
  closedBy: entityIdSchema,
  closedAt: instantSchema,
});

/** The chair makes a closed segment's material visible to the roles it excluded. */
const segmentReleased = z.object({
  negotiationId: entityIdSchema,
  segmentId: entityIdSchema,
  releasedBy: entityIdSchema,
  releasedAt: instantSchema,
});

export const segmentsEventSchemas = {
  SessionScheduled: defineEvent(1, sessionScheduled),
  SegmentOpened: defineEvent(1, segmentOpened),
  SegmentClosed: defineEvent(1, segmentClosed),
  SegmentReleased: defineEvent(1, segmentReleased),
};

export type SegmentsEvent = EventsOf<typeof segmentsEventSchemas>;
