// Events of an action pledge (`pledge-<id>`): registered on an adopted text by the actor who makes
// it (or by the secretariat on behalf of an outside actor), revised, reported on over time, and
// perhaps withdrawn. Every change is an event, so the pledge as it stood at any report replays.
import { z } from 'zod';
import { defineEvent, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema } from '../schema.js';

/** Who makes pledges in follow-up and review (GLOSSARY.md, "After adoption"). */
export const pledgerKinds = [
  'state',
  'local-authority',
  'business',
  'civil-society',
  'international-organisation',
] as const;
export const pledgerKindSchema = z.enum(pledgerKinds);
export type PledgerKind = z.infer<typeof pledgerKindSchema>;

/** How a pledge stands, as its latest report says. */
export const progressStatuses = ['on-track', 'at-risk', 'off-track', 'achieved'] as const;
export const progressStatusSchema = z.enum(progressStatuses);
export type ProgressStatus = z.infer<typeof progressStatusSchema>;

/** A short key the indicator keeps across revisions, so report figures always name it. */
export const indicatorRefSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,23}$/);

export const pledgeIndicatorSchema = z.object({
  ref: indicatorRefSchema,
  name: z.string().min(1),
  unit: z.string(),
  baseline: z.number(),
  target: z.number(),
});
export type PledgeIndicator = z.infer<typeof pledgeIndicatorSchema>;

/** An objective of the adopted text, with the label it had when the pledge named it. */
export const objectiveLinkSchema = z.object({ objectiveId: entityIdSchema, label: z.string() });
export const paragraphLinkSchema = z.object({ paragraphId: entityIdSchema, ref: z.string() });

/** What a pledge says; revised as a whole. */
export const pledgeContentSchema = z.object({
  title: z.string().min(1),
  commitments: z.string().min(1),
  partners: z.array(z.string()),
  /** Days (YYYY-MM-DD); `end` on or after `start`. */
  timeline: z.object({ start: z.iso.date(), end: z.iso.date() }),
  indicators: z.array(pledgeIndicatorSchema),
  /** Objectives named, including the objective of every linked paragraph. */
  objectives: z.array(objectiveLinkSchema),
  paragraphs: z.array(paragraphLinkSchema),
});
export type PledgeContent = z.infer<typeof pledgeContentSchema>;

export const pledgerSchema = z.object({
  kind: pledgerKindSchema,
  name: z.string().min(1),
  /** The stakeholder that pledges; null for an outside actor the secretariat registered. */
  stakeholderId: entityIdSchema.nullable(),
});
export type Pledger = z.infer<typeof pledgerSchema>;

const partyRef = z.object({ userId: entityIdSchema, stakeholderId: entityIdSchema });

const pledgeRegistered = z.object({
  pledgeId: entityIdSchema,
  negotiationId: entityIdSchema,
  /** The adopted document the pledge is made towards. */
  documentId: entityIdSchema,
  pledger: pledgerSchema,
  content: pledgeContentSchema,
  registeredBy: partyRef,
  registeredAt: instantSchema,
});

const pledgeRevised = z.object({
  pledgeId: entityIdSchema,
  content: pledgeContentSchema,
  /** Why it changed, in the pledger's words; may be empty. */
  note: z.string(),
  revisedBy: partyRef,
  revisedAt: instantSchema,
});

const pledgeProgressReported = z.object({
  pledgeId: entityIdSchema,
  reportId: entityIdSchema,
  status: progressStatusSchema,
  /** The days the report covers; the review dates a report by the end of its period. */
  period: z.object({ from: z.iso.date(), to: z.iso.date() }),
  narrative: z.string(),
  figures: z.array(z.object({ ref: indicatorRefSchema, value: z.number() })),
  reportedBy: partyRef,
  reportedAt: instantSchema,
});

const pledgeWithdrawn = z.object({
  pledgeId: entityIdSchema,
  reason: z.string(),
  withdrawnBy: partyRef,
  withdrawnAt: instantSchema,
});

export const pledgeEventSchemas = {
  PledgeRegistered: defineEvent(1, pledgeRegistered),
  PledgeRevised: defineEvent(1, pledgeRevised),
  PledgeProgressReported: defineEvent(1, pledgeProgressReported),
  PledgeWithdrawn: defineEvent(1, pledgeWithdrawn),
};

export type PledgeEvent = EventsOf<typeof pledgeEventSchemas>;
