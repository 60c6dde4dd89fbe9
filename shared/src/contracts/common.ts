// Building blocks every contract uses: the parameters that name a record, the answer of a command
// (the log position of the change, which the browser uses to recognise its own write in the live
// updates), the stakeholder reference read models put beside an id, and who the caller acts as.
import { z } from 'zod';
import { entityIdSchema } from '../schema.js';
import { roleSchema, stakeholderKindSchema } from '../vocabulary.js';
import { unLanguageSchema } from '../language-versions/languages.js';

export const negotiationParams = z.object({ negotiationId: entityIdSchema });
export const documentParams = z.object({ documentId: entityIdSchema });
export const amendmentParams = z.object({ amendmentId: entityIdSchema });
export const roundtableParams = z.object({ roundtableId: entityIdSchema });

/** `?lang=` of a report or paper file: the language of the words it adds around the record's. */
export const reportLangSchema = unLanguageSchema
  .optional()
  .describe('The language of the report’s own words (default: the requester’s interface language)');

/** A global log position as a decimal string (a bigint does not survive JSON). */
export const logPositionSchema = z.string();

/** What a command answers: the position of the change; absent when it changed nothing new. */
export const commandDoneSchema = z.object({ position: logPositionSchema.optional() });
export type CommandDone = z.infer<typeof commandDoneSchema>;

/** What a command that creates something answers: its id under `key`, and the position. */
export const createdSchema = <K extends string>(key: K) =>
  commandDoneSchema.extend({ [key]: entityIdSchema } as Record<K, typeof entityIdSchema>);

/** A stakeholder named by another record; name, code and kind are null if it was never registered. */
export const stakeholderRefViewSchema = z.object({
  stakeholderId: z.string(),
  name: z.string().nullable(),
  shortCode: z.string().nullable(),
  kind: stakeholderKindSchema.nullable(),
});
export type StakeholderRefView = z.infer<typeof stakeholderRefViewSchema>;

/** Who the signed-in user acts as in a negotiation (`you` in negotiation and document views). */
export const actorViewSchema = z.object({
  userId: z.string(),
  stakeholderId: z.string(),
  role: roleSchema,
});
export type ActorView = z.infer<typeof actorViewSchema>;
