// Signing in and out, the current user, and accepting an invitation (which can create the account).
import { z } from 'zod';
import { uiLanguageSchema } from '../i18n/languages.js';
import { emailSchema, entityIdSchema, labelText } from '../schema.js';
import { roleSchema, stakeholderKindSchema } from '../vocabulary.js';
import { defineEndpoint } from './endpoint.js';
import { negotiationForUserSchema } from './negotiations.js';

export const userViewSchema = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  /** The interface language the person chose; absent until they do (the browser's is used). */
  language: uiLanguageSchema.optional(),
});
export type SignedInUserView = z.infer<typeof userViewSchema>;

/** The signed-in user and the negotiations they take part in. */
export const sessionInfoSchema = z.object({
  user: userViewSchema,
  negotiations: z.array(negotiationForUserSchema),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/**
 * What an invitation is for, shown before it is accepted. It does not say whether the e-mail
 * has an account: the answer is the same either way, so the link does not reveal who has one.
 */
export const invitationPreviewSchema = z.object({
  negotiation: z.object({ negotiationId: z.string(), title: z.string() }).optional(),
  stakeholder: z
    .object({ stakeholderId: z.string(), name: z.string(), kind: stakeholderKindSchema })
    .optional(),
  role: roleSchema,
  email: z.string(),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

const invitationParams = z.object({ invitationId: entityIdSchema });
const invitationToken = z.string().min(20).max(100);
const password = z.string().min(1).max(200);

export const authContracts = {
  signIn: defineEndpoint({
    method: 'post',
    path: '/session',
    access: 'public',
    body: z.strictObject({ email: emailSchema, password }),
    status: 201,
    response: sessionInfoSchema,
  }),
  session: defineEndpoint({
    method: 'get',
    path: '/session',
    response: sessionInfoSchema,
  }),
  signOut: defineEndpoint({
    method: 'delete',
    path: '/session',
    access: 'public',
    status: 204,
  }),
  previewInvitation: defineEndpoint({
    method: 'post',
    path: '/invitations/:invitationId/preview',
    access: 'public',
    params: invitationParams,
    body: z.strictObject({ token: invitationToken }),
    response: invitationPreviewSchema,
  }),
  acceptInvitation: defineEndpoint({
    method: 'post',
    path: '/invitations/:invitationId/accept',
    access: 'public',
    params: invitationParams,
    body: z.strictObject({
      token: invitationToken,
      password,
      /** Used only when the invitation creates the account; an existing account keeps its name. */
      displayName: labelText(100).optional(),
    }),
    status: 201,
    response: sessionInfoSchema,
  }),
};
