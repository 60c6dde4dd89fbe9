// Commands on a `process-<documentId>` stream. The chair sets deadlines and runs the silence
// procedure; delegations break silence; the server expires silences and records their outcome.
import { z } from 'zod';
import type { CommandOf, CommandsOf } from '../messages.js';
import { entityIdSchema, freeText, instantSchema, labelText } from '../schema.js';
import { deadlineKindSchema } from './events.js';

/** An IANA time zone name the runtime knows ("Europe/Geneva", "UTC"). */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isKnownTimeZone, { message: 'not a known IANA time zone' });

function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** How many paragraphs one silence may name; a longer list is the whole text. */
export const SILENCE_PARAGRAPHS_MAX = 500;

export const setDeadlineSchema = z.strictObject({
  documentId: entityIdSchema,
  kind: deadlineKindSchema,
  deadline: instantSchema,
  timeZone: timeZoneSchema,
});

export const clearDeadlineSchema = z.strictObject({
  documentId: entityIdSchema,
  kind: deadlineKindSchema,
});

export const startSilenceSchema = z.strictObject({
  documentId: entityIdSchema,
  silenceId: entityIdSchema,
  /** Null: the whole text. The server checks the paragraphs exist. */
  paragraphIds: z.array(entityIdSchema).min(1).max(SILENCE_PARAGRAPHS_MAX).nullable(),
  until: instantSchema,
  timeZone: timeZoneSchema,
  note: freeText(2000),
});

export const withdrawSilenceSchema = z.strictObject({
  documentId: entityIdSchema,
  silenceId: entityIdSchema,
  reason: labelText(1000),
});

export const breakSilenceSchema = z.strictObject({
  documentId: entityIdSchema,
  silenceId: entityIdSchema,
  /** A silence is broken in writing: the statement is required. */
  statement: labelText(4000),
});

/** Sent by the server's scheduler at the deadline; a silence not yet due is refused. */
export const expireSilenceSchema = z.strictObject({
  documentId: entityIdSchema,
  silenceId: entityIdSchema,
});

export const recordSilenceOutcomeSchema = z.strictObject({
  documentId: entityIdSchema,
  silenceId: entityIdSchema,
  adoptedRevisionLabel: z.string().max(60).nullable(),
  agreedParagraphIds: z.array(entityIdSchema).max(SILENCE_PARAGRAPHS_MAX),
  problems: z
    .array(
      z.strictObject({
        paragraphId: entityIdSchema.nullable(),
        reason: z.string().max(100),
        detail: z.string().max(1000),
      }),
    )
    .max(SILENCE_PARAGRAPHS_MAX + 1),
});

export const processCommandSchemas = {
  SetDeadline: setDeadlineSchema,
  ClearDeadline: clearDeadlineSchema,
  StartSilence: startSilenceSchema,
  WithdrawSilence: withdrawSilenceSchema,
  BreakSilence: breakSilenceSchema,
  ExpireSilence: expireSilenceSchema,
  RecordSilenceOutcome: recordSilenceOutcomeSchema,
} as const;

export type ProcessCommand = CommandsOf<typeof processCommandSchemas>;
export type SetDeadline = CommandOf<ProcessCommand, 'SetDeadline'>;
export type ClearDeadline = CommandOf<ProcessCommand, 'ClearDeadline'>;
export type StartSilence = CommandOf<ProcessCommand, 'StartSilence'>;
export type WithdrawSilence = CommandOf<ProcessCommand, 'WithdrawSilence'>;
export type BreakSilence = CommandOf<ProcessCommand, 'BreakSilence'>;
export type ExpireSilence = CommandOf<ProcessCommand, 'ExpireSilence'>;
export type RecordSilenceOutcome = CommandOf<ProcessCommand, 'RecordSilenceOutcome'>;
