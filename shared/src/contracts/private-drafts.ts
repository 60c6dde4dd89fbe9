// Private drafts: an amendment or a statement a delegation or a negotiating group drafts among
// its own members, then tables. Every read answers only with drafts whose owner the caller speaks
// for; any other draft id answers 404, exactly like one that does not exist.
import { z } from 'zod';
import { freeText } from '../schema.js';
import { entityIdSchema } from '../schema.js';
import { amendmentKindSchema, paragraphKindSchema } from '../vocabulary.js';
import {
  PRIVATE_DRAFT_COMMENT_MAX,
  PRIVATE_DRAFT_RATIONALE_MAX,
  PRIVATE_DRAFT_TEXT_MAX,
} from '../private-drafts/commands.js';
import { privateDraftKindSchema, tabledAsSchema } from '../private-drafts/events.js';
import {
  commandDoneSchema,
  createdSchema,
  documentParams,
  stakeholderRefViewSchema,
} from './common.js';
import { textRangeSchema } from './amendments.js';
import { defineEndpoint } from './endpoint.js';

export const privateDraftParams = z.object({ draftId: entityIdSchema });

export const privateDraftStatusSchema = z.enum(['drafting', 'tabled', 'discarded']);
export type PrivateDraftStatus = z.infer<typeof privateDraftStatusSchema>;

const memberRefView = z.object({ userId: z.string(), stakeholderId: z.string() });

export const privateDraftCommentViewSchema = z.object({
  commentId: z.string(),
  body: z.string(),
  by: memberRefView,
  at: z.string(),
});

export const privateDraftViewSchema = z.object({
  draftId: z.string(),
  negotiationId: z.string(),
  documentId: z.string(),
  paragraphId: z.string(),
  owner: stakeholderRefViewSchema,
  kind: privateDraftKindSchema,
  amendmentKind: amendmentKindSchema.nullable(),
  range: z.object({ start: z.number().int(), end: z.number().int() }).nullable(),
  text: z.string(),
  rationale: z.string(),
  status: privateDraftStatusSchema,
  /** Where it went once tabled: the amendment, or the comment a statement was posted as. */
  tabledAs: tabledAsSchema.nullable(),
  startedBy: memberRefView,
  startedAt: z.string(),
  updatedAt: z.string(),
  /** Comments among the owner's members, oldest first. */
  comments: z.array(privateDraftCommentViewSchema),
});
export type PrivateDraftView = z.infer<typeof privateDraftViewSchema>;

export const privateDraftListSchema = z.object({
  /** The stakeholders the caller may draft for: their delegation and its negotiating groups. */
  owners: z.array(stakeholderRefViewSchema),
  drafts: z.array(privateDraftViewSchema),
});
export type PrivateDraftList = z.infer<typeof privateDraftListSchema>;

export const startPrivateDraftBodySchema = z.strictObject({
  paragraphId: entityIdSchema,
  /** Omitted: the caller's own delegation. */
  ownerStakeholderId: entityIdSchema.optional(),
  kind: privateDraftKindSchema,
  /** Required for an amendment. */
  amendmentKind: amendmentKindSchema.optional(),
  range: textRangeSchema.optional(),
  text: freeText(PRIVATE_DRAFT_TEXT_MAX).default(''),
  rationale: freeText(PRIVATE_DRAFT_RATIONALE_MAX).default(''),
});
export type StartPrivateDraftBody = z.output<typeof startPrivateDraftBodySchema>;

export const tablePrivateDraftBodySchema = z.strictObject({
  /** The words the amendment is about now, if the text moved since drafting began. */
  range: textRangeSchema.optional(),
  /** For a new paragraph: preambular, operative, … */
  paragraphKind: paragraphKindSchema.optional(),
});

export const privateDraftTabledSchema = commandDoneSchema.extend({ tabledAs: tabledAsSchema });

export const privateDraftContracts = {
  listPrivateDrafts: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/private-drafts',
    params: documentParams,
    response: privateDraftListSchema,
  }),
  startPrivateDraft: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/private-drafts',
    params: documentParams,
    body: startPrivateDraftBodySchema,
    status: 201,
    response: createdSchema('draftId'),
  }),
  getPrivateDraft: defineEndpoint({
    method: 'get',
    path: '/private-drafts/:draftId',
    params: privateDraftParams,
    response: privateDraftViewSchema,
  }),
  editPrivateDraft: defineEndpoint({
    method: 'put',
    path: '/private-drafts/:draftId',
    params: privateDraftParams,
    body: z.strictObject({
      text: freeText(PRIVATE_DRAFT_TEXT_MAX),
      rationale: freeText(PRIVATE_DRAFT_RATIONALE_MAX).default(''),
    }),
    response: commandDoneSchema,
  }),
  commentOnPrivateDraft: defineEndpoint({
    method: 'post',
    path: '/private-drafts/:draftId/comments',
    params: privateDraftParams,
    body: z.strictObject({ body: z.string().trim().min(1).max(PRIVATE_DRAFT_COMMENT_MAX) }),
    status: 201,
    response: createdSchema('commentId'),
  }),
  tablePrivateDraft: defineEndpoint({
    method: 'post',
    path: '/private-drafts/:draftId/table',
    params: privateDraftParams,
    body: tablePrivateDraftBodySchema,
    response: privateDraftTabledSchema,
  }),
  discardPrivateDraft: defineEndpoint({
    method: 'post',
    path: '/private-drafts/:draftId/discard',
    params: privateDraftParams,
    response: commandDoneSchema,
  }),
};
