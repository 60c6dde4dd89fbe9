// Events of a `negotiation-<id>` stream. Event schemas are lenient about lengths (those are
// input policy and may change) and strip unknown fields, so an older reader still folds them.
import { z } from 'zod';
import { defineEvent, defineUpcaster, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema } from '../schema.js';
import { roleSchema, stakeholderKindSchema } from '../vocabulary.js';

const negotiationOpened = z.object({
  negotiationId: entityIdSchema,
  title: z.string(),
  description: z.string(),
  openedBy: entityIdSchema,
  openedAt: instantSchema,
});

/** v1 allowed a delegation one group; delegations belong to several (a region and a bloc). */
const stakeholderRegisteredV1 = z.object({
  negotiationId: entityIdSchema,
  stakeholderId: entityIdSchema,
  kind: stakeholderKindSchema,
  name: z.string(),
  shortCode: z.string(),
  groupId: entityIdSchema.nullable(),
  registeredAt: instantSchema,
});
const stakeholderRegistered = stakeholderRegisteredV1.omit({ groupId: true }).extend({
  groupIds: z.array(entityIdSchema),
});

const chairsAppointed = z.object({
  negotiationId: entityIdSchema,
  userIds: z.array(entityIdSchema),
  appointedBy: entityIdSchema,
  appointedAt: instantSchema,
});

const memberInvited = z.object({
  negotiationId: entityIdSchema,
  invitationId: entityIdSchema,
  email: z.string(),
  stakeholderId: entityIdSchema,
  role: roleSchema,
  /** Read models must never expose it; it is here so acceptance can be decided from the stream. */
  tokenHash: z.string(),
  expiresAt: instantSchema,
  invitedBy: entityIdSchema,
  invitedAt: instantSchema,
});

const invitationAccepted = z.object({
  negotiationId: entityIdSchema,
  invitationId: entityIdSchema,
  userId: entityIdSchema,
  acceptedAt: instantSchema,
});

const memberAdmitted = z.object({
  negotiationId: entityIdSchema,
  userId: entityIdSchema,
  stakeholderId: entityIdSchema,
  role: roleSchema,
  /** Null when admitted directly (seeding, or by the secretariat) rather than by invitation. */
  invitationId: entityIdSchema.nullable(),
  admittedAt: instantSchema,
});

const memberRoleChanged = z.object({
  negotiationId: entityIdSchema,
  userId: entityIdSchema,
  from: roleSchema,
  to: roleSchema,
  changedBy: entityIdSchema,
  changedAt: instantSchema,
});

const memberRevoked = z.object({
  negotiationId: entityIdSchema,
  userId: entityIdSchema,
  reason: z.string(),
  revokedBy: entityIdSchema,
  revokedAt: instantSchema,
});

export const negotiationEventSchemas = {
  NegotiationOpened: defineEvent(1, negotiationOpened),
  StakeholderRegistered: defineEvent(2, stakeholderRegistered, [
    defineUpcaster(1, stakeholderRegisteredV1, ({ groupId, ...rest }) => ({
      ...rest,
      groupIds: groupId === null ? [] : [groupId],
    })),
  ]),
  ChairsAppointed: defineEvent(1, chairsAppointed),
  MemberInvited: defineEvent(1, memberInvited),
  InvitationAccepted: defineEvent(1, invitationAccepted),
  MemberAdmitted: defineEvent(1, memberAdmitted),
  MemberRoleChanged: defineEvent(1, memberRoleChanged),
  MemberRevoked: defineEvent(1, memberRevoked),
};

export type NegotiationEvent = EventsOf<typeof negotiationEventSchemas>;
