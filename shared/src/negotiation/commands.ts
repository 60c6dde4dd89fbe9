// Commands on a `negotiation-<id>` stream, with the schemas the server validates input with.
// Fields the server computes (tokenHash, userId of the signed-in user) are part of the command;
// the server omits them from its request schemas (`schema.omit({ tokenHash: true })`).
import { z } from 'zod';
import type { CommandOf, CommandsOf, UserCommandMeta } from '../messages.js';
import {
  emailSchema,
  entityIdSchema,
  freeText,
  instantSchema,
  labelText,
  tokenHashSchema,
} from '../schema.js';
import { roleSchema } from '../vocabulary.js';

/** "KEN", "EU", "G77", "UNHCR": upper-case letters, digits and hyphens. */
export const shortCodeSchema = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/);

export const openNegotiationSchema = z.strictObject({
  negotiationId: entityIdSchema,
  title: labelText(200),
  description: freeText(2000),
  /** The opener's own stakeholder: they are admitted to it as secretariat, to run the set-up. */
  secretariat: z.strictObject({
    stakeholderId: entityIdSchema,
    name: labelText(200),
    shortCode: shortCodeSchema,
  }),
});

const stakeholderBase = {
  negotiationId: entityIdSchema,
  stakeholderId: entityIdSchema,
  name: labelText(200),
  shortCode: shortCodeSchema,
};
export const registerStakeholderSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...stakeholderBase,
    kind: z.literal('delegation'),
    /** Negotiating groups the delegation belongs to; each must be registered first. */
    groupIds: z.array(entityIdSchema).max(20),
  }),
  z.strictObject({
    ...stakeholderBase,
    kind: z.enum(['group', 'civil-society', 'observer', 'secretariat']),
  }),
]);

export const appointChairsSchema = z.strictObject({
  negotiationId: entityIdSchema,
  /** Usually two co-facilitators; the list replaces the current chairs. */
  userIds: z.array(entityIdSchema).min(1).max(4),
});

export const inviteMemberSchema = z.strictObject({
  negotiationId: entityIdSchema,
  invitationId: entityIdSchema,
  email: emailSchema,
  stakeholderId: entityIdSchema,
  role: roleSchema,
  /** SHA-256 (hex) of the token mailed to the invitee; the token itself never reaches the store. */
  tokenHash: tokenHashSchema,
  expiresAt: instantSchema,
});

export const acceptInvitationSchema = z.strictObject({
  negotiationId: entityIdSchema,
  invitationId: entityIdSchema,
  tokenHash: tokenHashSchema,
  /** Must be the signed-in user (meta.actor.userId). */
  userId: entityIdSchema,
});

export const admitMemberSchema = z.strictObject({
  negotiationId: entityIdSchema,
  userId: entityIdSchema,
  stakeholderId: entityIdSchema,
  role: roleSchema,
});

export const changeMemberRoleSchema = z.strictObject({
  negotiationId: entityIdSchema,
  userId: entityIdSchema,
  role: roleSchema,
});

export const revokeMemberSchema = z.strictObject({
  negotiationId: entityIdSchema,
  userId: entityIdSchema,
  reason: freeText(500).optional(),
});

export const negotiationCommandSchemas = {
  OpenNegotiation: openNegotiationSchema,
  RegisterStakeholder: registerStakeholderSchema,
  AppointChairs: appointChairsSchema,
  InviteMember: inviteMemberSchema,
  AcceptInvitation: acceptInvitationSchema,
  AdmitMember: admitMemberSchema,
  ChangeMemberRole: changeMemberRoleSchema,
  RevokeMember: revokeMemberSchema,
} as const;

/** Opening a negotiation and accepting an invitation come from users who are not members yet. */
export type NegotiationCommand = CommandsOf<
  typeof negotiationCommandSchemas,
  { OpenNegotiation: UserCommandMeta; AcceptInvitation: UserCommandMeta }
>;
export type OpenNegotiation = CommandOf<NegotiationCommand, 'OpenNegotiation'>;
export type RegisterStakeholder = CommandOf<NegotiationCommand, 'RegisterStakeholder'>;
export type AppointChairs = CommandOf<NegotiationCommand, 'AppointChairs'>;
export type InviteMember = CommandOf<NegotiationCommand, 'InviteMember'>;
export type AcceptInvitation = CommandOf<NegotiationCommand, 'AcceptInvitation'>;
export type AdmitMember = CommandOf<NegotiationCommand, 'AdmitMember'>;
export type ChangeMemberRole = CommandOf<NegotiationCommand, 'ChangeMemberRole'>;
export type RevokeMember = CommandOf<NegotiationCommand, 'RevokeMember'>;
