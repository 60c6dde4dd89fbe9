// Commands on a `privatedraft-<draftId>` stream. `actingFor` is never taken from a client: the
// server fills it with the stakeholders the actor speaks for (their own, and the negotiating
// groups it belongs to), so the decider can apply the membership rule without I/O.
import { z } from 'zod';
import type { CommandOf, CommandsOf } from '../messages.js';
import { entityIdSchema, freeText } from '../schema.js';
import { amendmentKindSchema } from '../vocabulary.js';
import { draftRangeSchema, privateDraftKindSchema, tabledAsSchema } from './events.js';

/** Longest draft text; the same bound as an amendment's proposed words. */
export const PRIVATE_DRAFT_TEXT_MAX = 10_000;
/** Longest rationale; the same bound as an amendment's. */
export const PRIVATE_DRAFT_RATIONALE_MAX = 2000;
/** Longest comment among the owner's members. */
export const PRIVATE_DRAFT_COMMENT_MAX = 5000;

/** The stakeholders the acting person speaks for, resolved by the server. */
const actingFor = z.array(entityIdSchema).min(1).max(50);

const draftText = freeText(PRIVATE_DRAFT_TEXT_MAX);
const rationale = freeText(PRIVATE_DRAFT_RATIONALE_MAX);

export const startPrivateDraftSchema = z.strictObject({
  draftId: entityIdSchema,
  negotiationId: entityIdSchema,
  documentId: entityIdSchema,
  paragraphId: entityIdSchema,
  ownerStakeholderId: entityIdSchema,
  kind: privateDraftKindSchema,
  amendmentKind: amendmentKindSchema.nullable(),
  range: draftRangeSchema.nullable(),
  text: draftText,
  rationale,
  actingFor,
});

export const editPrivateDraftSchema = z.strictObject({
  draftId: entityIdSchema,
  text: draftText,
  rationale,
  actingFor,
});

export const commentOnPrivateDraftSchema = z.strictObject({
  draftId: entityIdSchema,
  commentId: entityIdSchema,
  body: z.string().trim().min(1).max(PRIVATE_DRAFT_COMMENT_MAX),
  actingFor,
});

export const recordPrivateDraftTabledSchema = z.strictObject({
  draftId: entityIdSchema,
  tabledAs: tabledAsSchema,
  actingFor,
});

export const discardPrivateDraftSchema = z.strictObject({
  draftId: entityIdSchema,
  actingFor,
});

export const privateDraftCommandSchemas = {
  StartPrivateDraft: startPrivateDraftSchema,
  EditPrivateDraft: editPrivateDraftSchema,
  CommentOnPrivateDraft: commentOnPrivateDraftSchema,
  RecordPrivateDraftTabled: recordPrivateDraftTabledSchema,
  DiscardPrivateDraft: discardPrivateDraftSchema,
} as const;

export type PrivateDraftCommand = CommandsOf<typeof privateDraftCommandSchemas>;
export type StartPrivateDraft = CommandOf<PrivateDraftCommand, 'StartPrivateDraft'>;
export type EditPrivateDraft = CommandOf<PrivateDraftCommand, 'EditPrivateDraft'>;
export type CommentOnPrivateDraft = CommandOf<PrivateDraftCommand, 'CommentOnPrivateDraft'>;
export type RecordPrivateDraftTabled = CommandOf<PrivateDraftCommand, 'RecordPrivateDraftTabled'>;
export type DiscardPrivateDraft = CommandOf<PrivateDraftCommand, 'DiscardPrivateDraft'>;
