// A negotiation and its people: stakeholders, chairs, members, invitations and the activity feed.
import { z } from 'zod';
import { activityDescriptionSchema } from '../activity.js';
import { emailSchema, entityIdSchema, freeText, instantSchema, labelText } from '../schema.js';
import { shortCodeSchema } from '../negotiation/commands.js';
import { roleSchema, stakeholderKindSchema } from '../vocabulary.js';
import {
  actorViewSchema,
  commandDoneSchema,
  createdSchema,
  negotiationParams,
  stakeholderRefViewSchema,
} from './common.js';
import { defineEndpoint } from './endpoint.js';

export const stakeholderViewSchema = z.object({
  stakeholderId: z.string(),
  negotiationId: z.string(),
  kind: stakeholderKindSchema,
  name: z.string(),
  shortCode: z.string(),
  /** The negotiating groups a delegation belongs to. */
  groupIds: z.array(z.string()),
  registeredAt: z.string(),
});
export type StakeholderView = z.infer<typeof stakeholderViewSchema>;

export const chairViewSchema = z.object({
  userId: z.string(),
  displayName: z.string().nullable(),
  stakeholderId: z.string(),
  stakeholder: stakeholderRefViewSchema,
  /** When the current list of chairs was appointed; null if made chair another way. */
  appointedAt: z.string().nullable(),
});
export type ChairView = z.infer<typeof chairViewSchema>;

export const negotiationViewSchema = z.object({
  negotiationId: z.string(),
  title: z.string(),
  description: z.string(),
  openedAt: z.string(),
  openedBy: z.string(),
  /** In registration order. */
  stakeholders: z.array(stakeholderViewSchema),
  /** Members whose role is chair now, in the order they were appointed. */
  chairs: z.array(chairViewSchema),
});
export type NegotiationView = z.infer<typeof negotiationViewSchema>;

/** A negotiation as its member reads it: with who they act as there. */
export const negotiationForMemberSchema = negotiationViewSchema.extend({ you: actorViewSchema });
export type NegotiationForMember = z.infer<typeof negotiationForMemberSchema>;

/** A negotiation the user takes part in, and as what. */
export const negotiationForUserSchema = z.object({
  negotiationId: z.string(),
  title: z.string(),
  description: z.string(),
  openedAt: z.string(),
  stakeholderId: z.string(),
  stakeholder: stakeholderRefViewSchema,
  role: roleSchema,
});
export type NegotiationForUser = z.infer<typeof negotiationForUserSchema>;

export const memberViewSchema = z.object({
  userId: z.string(),
  displayName: z.string().nullable(),
  /** Only for callers allowed 'members.manage'. */
  email: z.string().nullable(),
  stakeholderId: z.string(),
  stakeholder: stakeholderRefViewSchema,
  role: roleSchema,
  status: z.enum(['active', 'revoked']),
  invitationId: z.string().nullable(),
  admittedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
});
export type MemberView = z.infer<typeof memberViewSchema>;

/** 'expired' is decided when read: a pending invitation past its expiry. */
export const invitationStatusSchema = z.enum(['pending', 'accepted', 'expired']);
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;

export const invitationViewSchema = z.object({
  invitationId: z.string(),
  negotiationId: z.string(),
  email: z.string(),
  stakeholderId: z.string(),
  stakeholder: stakeholderRefViewSchema,
  role: roleSchema,
  status: invitationStatusSchema,
  expiresAt: z.string(),
  invitedBy: z.string(),
  invitedAt: z.string(),
  acceptedBy: z.string().nullable(),
  acceptedAt: z.string().nullable(),
});
export type InvitationView = z.infer<typeof invitationViewSchema>;

/**
 * An invitation as issued. The link (with the token in its fragment, so it never reaches a server
 * log) is shown once: a repeated request answers `duplicate: true` without it.
 */
export const createdInvitationSchema = z.object({
  invitationId: z.string(),
  /** Absent on a repeat. */
  expiresAt: z.string().optional(),
  /** `/invitations/<id>#token=…`; absent on a repeat. */
  link: z.string().optional(),
  /** Set on a repeat (answered 200): the link was shown the first time only. */
  duplicate: z.literal(true).optional(),
  position: z.string().optional(),
});
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

export const activityEntrySchema = z.object({
  /** The event's position in the log, as a decimal string. */
  position: z.string(),
  negotiationId: z.string(),
  documentId: z.string().nullable(),
  at: z.string(),
  actor: z.object({
    userId: z.string().nullable(),
    displayName: z.string().nullable(),
    stakeholderId: z.string().nullable(),
    stakeholder: stakeholderRefViewSchema.nullable(),
  }),
  /** e.g. 'amendment-tabled', 'position-stated', 'revision-issued'. */
  kind: z.string(),
  eventType: z.string(),
  /** What happened, as data: the client says it in the reader's language. */
  activity: activityDescriptionSchema,
  /** The amendment, comment, paragraph, document, stakeholder or member it is about. */
  subjectId: z.string().nullable(),
});
export type ActivityEntry = z.infer<typeof activityEntrySchema>;

const memberParams = z.object({ negotiationId: entityIdSchema, userId: entityIdSchema });

export const negotiationContracts = {
  listNegotiations: defineEndpoint({
    method: 'get',
    path: '/negotiations',
    response: z.array(negotiationForUserSchema),
  }),
  openNegotiation: defineEndpoint({
    method: 'post',
    path: '/negotiations',
    body: z.strictObject({
      title: labelText(200),
      description: freeText(2000),
      secretariat: z.strictObject({ name: labelText(200), shortCode: shortCodeSchema }),
    }),
    status: 201,
    response: createdSchema('negotiationId'),
  }),
  getNegotiation: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId',
    params: negotiationParams,
    response: negotiationForMemberSchema,
  }),
  listStakeholders: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/stakeholders',
    params: negotiationParams,
    response: z.array(stakeholderViewSchema),
  }),
  registerStakeholder: defineEndpoint({
    method: 'post',
    path: '/negotiations/:negotiationId/stakeholders',
    params: negotiationParams,
    body: z.strictObject({
      kind: stakeholderKindSchema,
      name: labelText(200),
      shortCode: shortCodeSchema,
      /** For a delegation: the negotiating groups it belongs to. */
      groupIds: z.array(entityIdSchema).max(20).optional(),
    }),
    status: 201,
    response: createdSchema('stakeholderId'),
  }),
  appointChairs: defineEndpoint({
    method: 'put',
    path: '/negotiations/:negotiationId/chairs',
    params: negotiationParams,
    body: z.strictObject({ userIds: z.array(entityIdSchema).min(1).max(4) }),
    response: commandDoneSchema,
  }),
  listMembers: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/members',
    params: negotiationParams,
    response: z.array(memberViewSchema),
  }),
  changeMemberRole: defineEndpoint({
    method: 'patch',
    path: '/negotiations/:negotiationId/members/:userId',
    params: memberParams,
    body: z.strictObject({ role: roleSchema }),
    response: commandDoneSchema,
  }),
  revokeMember: defineEndpoint({
    method: 'delete',
    path: '/negotiations/:negotiationId/members/:userId',
    params: memberParams,
    response: commandDoneSchema,
  }),
  listInvitations: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/invitations',
    params: negotiationParams,
    response: z.array(invitationViewSchema),
  }),
  inviteMember: defineEndpoint({
    method: 'post',
    path: '/negotiations/:negotiationId/invitations',
    params: negotiationParams,
    body: z.strictObject({ email: emailSchema, stakeholderId: entityIdSchema, role: roleSchema }),
    /** 200 instead when the request repeats one already done. */
    status: 201,
    response: createdInvitationSchema,
  }),
  activity: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/activity',
    params: negotiationParams,
    query: z.object({
      since: instantSchema.optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    response: z.array(activityEntrySchema),
  }),
};
