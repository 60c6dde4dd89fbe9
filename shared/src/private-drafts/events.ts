// Events of a `privatedraft-<draftId>` stream: an amendment or a statement a delegation or a
// negotiating group drafts among its own members before anyone else sees it. The whole stream is
// private (see private-streams.ts): only the owner's members read it, until the draft is tabled,
// and even then only the tabled amendment or comment becomes public, never these events.
import { z } from 'zod';
import { defineEvent, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema } from '../schema.js';
import { amendmentKindSchema } from '../vocabulary.js';

/** What the draft will become: an amendment to the paragraph, or a statement on it. */
export const privateDraftKindSchema = z.enum(['amendment', 'statement']);
export type PrivateDraftKind = z.infer<typeof privateDraftKindSchema>;

/** Characters of the paragraph's text the amendment is about, as they stood when drafting began. */
export const draftRangeSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});

/** Where a tabled draft went: the amendment it became, or the comment a statement was posted as. */
export const tabledAsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amendment'), amendmentId: entityIdSchema }),
  z.object({ kind: z.literal('comment'), commentId: entityIdSchema }),
]);
export type TabledAs = z.infer<typeof tabledAsSchema>;

/** Who acted: the person, and the stakeholder they act for (the owner or one of its members). */
const memberRef = z.object({ userId: entityIdSchema, stakeholderId: entityIdSchema });

const privateDraftStarted = z.object({
  draftId: entityIdSchema,
  negotiationId: entityIdSchema,
  documentId: entityIdSchema,
  paragraphId: entityIdSchema,
  /** The delegation or group whose members alone may read and edit the draft. */
  ownerStakeholderId: entityIdSchema,
  kind: privateDraftKindSchema,
  /** For an amendment: insert, replace, …; null for a statement. */
  amendmentKind: amendmentKindSchema.nullable(),
  range: draftRangeSchema.nullable(),
  text: z.string(),
  rationale: z.string(),
  startedBy: memberRef,
  startedAt: instantSchema,
});

const privateDraftEdited = z.object({
  draftId: entityIdSchema,
  text: z.string(),
  rationale: z.string(),
  editedBy: memberRef,
  editedAt: instantSchema,
});

const privateDraftCommented = z.object({
  draftId: entityIdSchema,
  commentId: entityIdSchema,
  body: z.string(),
  by: memberRef,
  at: instantSchema,
});

const privateDraftTabled = z.object({
  draftId: entityIdSchema,
  tabledAs: tabledAsSchema,
  tabledBy: memberRef,
  tabledAt: instantSchema,
});

const privateDraftDiscarded = z.object({
  draftId: entityIdSchema,
  discardedBy: memberRef,
  discardedAt: instantSchema,
});

export const privateDraftEventSchemas = {
  PrivateDraftStarted: defineEvent(1, privateDraftStarted),
  PrivateDraftEdited: defineEvent(1, privateDraftEdited),
  PrivateDraftCommented: defineEvent(1, privateDraftCommented),
  PrivateDraftTabled: defineEvent(1, privateDraftTabled),
  PrivateDraftDiscarded: defineEvent(1, privateDraftDiscarded),
};

export type PrivateDraftEvent = EventsOf<typeof privateDraftEventSchemas>;
