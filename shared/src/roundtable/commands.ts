// Commands on a `roundtable-<id>` stream. Co-chairs write the background and guiding questions and
// sign off the draft; the chair or secretariat schedules, issues each paper version, concludes.
import { z } from 'zod';
import type { CommandOf, CommandsOf } from '../messages.js';
import { entityIdSchema, labelText } from '../schema.js';
import { paperFileSchema } from './paper.js';

const distinct = (ids: readonly string[]) => new Set(ids).size === ids.length;

/** The document and the paragraphs a roundtable covers; a heading stands for its whole section. */
export const roundtableCoverageSchema = z.strictObject({
  documentId: entityIdSchema,
  paragraphIds: z
    .array(entityIdSchema)
    .min(1)
    .max(500)
    .refine(distinct, { message: 'a paragraph is named twice' }),
});
export type RoundtableCoverage = z.infer<typeof roundtableCoverageSchema>;

/** Customarily one developed and one developing country: exactly two, different delegations. */
export const coChairsSchema = z
  .array(entityIdSchema)
  .length(2)
  .refine(distinct, { message: 'the two co-chairs must be different delegations' });

export const guidingQuestionsSchema = z.array(labelText(1000)).max(20);
export const backgroundSchema = z.string().max(20_000);

export const scheduleRoundtableSchema = z.strictObject({
  roundtableId: entityIdSchema,
  negotiationId: entityIdSchema,
  theme: labelText(300),
  coChairStakeholderIds: coChairsSchema,
  /** The day it meets (ISO date, YYYY-MM-DD). */
  date: z.iso.date(),
  coverage: roundtableCoverageSchema,
  invitedStakeholderIds: z
    .array(entityIdSchema)
    .max(500)
    .refine(distinct, { message: 'a participant is invited twice' }),
});

export const changeRoundtableCoverageSchema = z.strictObject({
  roundtableId: entityIdSchema,
  coverage: roundtableCoverageSchema,
});

export const editRoundtableDraftSchema = z.strictObject({
  roundtableId: entityIdSchema,
  background: backgroundSchema,
  guidingQuestions: guidingQuestionsSchema,
});

export const signOffRoundtablePaperSchema = z.strictObject({
  roundtableId: entityIdSchema,
  /** The draft the co-chair read: signing a draft that has since changed is refused. */
  draft: z.number().int().min(1),
});

export const issueRoundtablePaperSchema = z.strictObject({
  roundtableId: entityIdSchema,
  /** The next version number: one more than the versions issued so far. */
  version: z.number().int().min(1),
  /** The draft both co-chairs signed off. */
  draft: z.number().int().min(1),
  /** The global log position of the record the paper was generated from (decimal string). */
  recordPosition: z.string().regex(/^(0|[1-9][0-9]{0,19})$/),
  files: z
    .array(paperFileSchema)
    .min(1)
    .max(10)
    .refine((files) => distinct(files.map((f) => f.format)), { message: 'a format twice' }),
});

export const concludeRoundtableSchema = z.strictObject({
  roundtableId: entityIdSchema,
  summary: labelText(20_000),
});

export const roundtableCommandSchemas = {
  ScheduleRoundtable: scheduleRoundtableSchema,
  ChangeRoundtableCoverage: changeRoundtableCoverageSchema,
  EditRoundtableDraft: editRoundtableDraftSchema,
  SignOffRoundtablePaper: signOffRoundtablePaperSchema,
  IssueRoundtablePaper: issueRoundtablePaperSchema,
  ConcludeRoundtable: concludeRoundtableSchema,
} as const;

export type RoundtableCommand = CommandsOf<typeof roundtableCommandSchemas>;
export type ScheduleRoundtable = CommandOf<RoundtableCommand, 'ScheduleRoundtable'>;
export type ChangeRoundtableCoverage = CommandOf<RoundtableCommand, 'ChangeRoundtableCoverage'>;
export type EditRoundtableDraft = CommandOf<RoundtableCommand, 'EditRoundtableDraft'>;
export type SignOffRoundtablePaper = CommandOf<RoundtableCommand, 'SignOffRoundtablePaper'>;
export type IssueRoundtablePaper = CommandOf<RoundtableCommand, 'IssueRoundtablePaper'>;
export type ConcludeRoundtable = CommandOf<RoundtableCommand, 'ConcludeRoundtable'>;
