// The negotiation vocabulary's closed word lists, each as a const list, a zod enum and a type,
// so code, API schemas and UI all spell them the same way.
import { z } from 'zod';

/** What a member does in a negotiation; decides their permissions (see permissions.ts). */
export const roles = ['chair', 'secretariat', 'delegate', 'civil-society', 'observer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** A party that takes part; only delegations count toward consensus. */
export const stakeholderKinds = [
  'delegation',
  'group',
  'civil-society',
  'observer',
  'secretariat',
] as const;
export const stakeholderKindSchema = z.enum(stakeholderKinds);
export type StakeholderKind = z.infer<typeof stakeholderKindSchema>;

/** Open drafting: delegations edit the text directly. Formal: they table amendments instead. */
export const documentModes = ['open-drafting', 'formal'] as const;
export const documentModeSchema = z.enum(documentModes);
export type DocumentMode = z.infer<typeof documentModeSchema>;

export const paragraphStatuses = ['open', 'bracketed', 'agreed-ad-ref'] as const;
export const paragraphStatusSchema = z.enum(paragraphStatuses);
export type ParagraphStatus = z.infer<typeof paragraphStatusSchema>;

export const paragraphKinds = ['heading', 'preambular', 'operative', 'subparagraph'] as const;
export const paragraphKindSchema = z.enum(paragraphKinds);
export type ParagraphKind = z.infer<typeof paragraphKindSchema>;

export const stances = ['support', 'can-accept', 'reservation', 'objection', 'abstain'] as const;
export const stanceSchema = z.enum(stances);
export type Stance = z.infer<typeof stanceSchema>;

export const amendmentKinds = [
  'insert',
  'delete',
  'replace',
  'add-paragraph',
  'delete-paragraph',
] as const;
export const amendmentKindSchema = z.enum(amendmentKinds);
export type AmendmentKind = z.infer<typeof amendmentKindSchema>;
