// A document's process: its deadlines for amendments and positions and its silence procedures
// (with every break and statement), and the chair's and delegations' commands on them.
import { z } from 'zod';
import { SILENCE_PARAGRAPHS_MAX, timeZoneSchema } from '../process/commands.js';
import { deadlineKindSchema, silenceOutcomeSchema } from '../process/events.js';
import { entityIdSchema, freeText, instantSchema, labelText } from '../schema.js';
import {
  commandDoneSchema,
  createdSchema,
  documentParams,
  stakeholderRefViewSchema,
} from './common.js';
import { defineEndpoint } from './endpoint.js';

export const deadlineViewSchema = z.object({
  kind: deadlineKindSchema,
  deadline: z.string(),
  timeZone: z.string(),
  setAt: z.string(),
  /** Whether the deadline has passed, by the server's clock when it answered. */
  passed: z.boolean(),
});
export type DeadlineView = z.infer<typeof deadlineViewSchema>;

export const silenceBreakViewSchema = z.object({
  stakeholder: stakeholderRefViewSchema,
  statement: z.string(),
  brokenAt: z.string(),
});
export type SilenceBreakView = z.infer<typeof silenceBreakViewSchema>;

export const silenceViewSchema = z.object({
  silenceId: z.string(),
  /** Null: the whole text. */
  paragraphIds: z.array(z.string()).nullable(),
  until: z.string(),
  timeZone: z.string(),
  note: z.string(),
  startedBy: stakeholderRefViewSchema,
  startedAt: z.string(),
  /** `running` until it ends; then how it ended. */
  status: z.union([z.literal('running'), silenceOutcomeSchema]),
  endedAt: z.string().nullable(),
  /** The chair's reason when withdrawn. */
  reason: z.string(),
  breaks: z.array(silenceBreakViewSchema),
  /** What an adopted silence did, once the server has carried it out. */
  result: z
    .object({
      adoptedRevisionLabel: z.string().nullable(),
      agreedParagraphIds: z.array(z.string()),
      problems: z.array(
        z.object({ paragraphId: z.string().nullable(), reason: z.string(), detail: z.string() }),
      ),
    })
    .nullable(),
});
export type SilenceView = z.infer<typeof silenceViewSchema>;

export const processViewSchema = z.object({
  documentId: z.string(),
  /** The server's clock when it answered, so a countdown can correct the browser's clock. */
  now: z.string(),
  deadlines: z.array(deadlineViewSchema),
  /** The silence under way, if any. */
  silence: silenceViewSchema.nullable(),
  /** Every silence procedure of the document, newest first (the running one included). */
  silences: z.array(silenceViewSchema),
});
export type ProcessView = z.infer<typeof processViewSchema>;

const silenceParams = z.object({ documentId: entityIdSchema, silenceId: entityIdSchema });
const kindParams = z.object({ documentId: entityIdSchema, kind: deadlineKindSchema });

export const processContracts = {
  getProcess: defineEndpoint({
    method: 'get',
    path: '/documents/:documentId/process',
    params: documentParams,
    response: processViewSchema,
  }),
  setDeadline: defineEndpoint({
    method: 'put',
    path: '/documents/:documentId/deadlines/:kind',
    params: kindParams,
    body: z.strictObject({ deadline: instantSchema, timeZone: timeZoneSchema }),
    response: commandDoneSchema,
  }),
  clearDeadline: defineEndpoint({
    method: 'delete',
    path: '/documents/:documentId/deadlines/:kind',
    params: kindParams,
    response: commandDoneSchema,
  }),
  startSilence: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/silences',
    params: documentParams,
    body: z.strictObject({
      /** Omitted or null: the whole text. */
      paragraphIds: z
        .array(entityIdSchema)
        .min(1)
        .max(SILENCE_PARAGRAPHS_MAX)
        .nullable()
        .optional(),
      until: instantSchema,
      timeZone: timeZoneSchema,
      note: freeText(2000).optional(),
    }),
    status: 201,
    response: createdSchema('silenceId'),
  }),
  withdrawSilence: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/silences/:silenceId/withdraw',
    params: silenceParams,
    body: z.strictObject({ reason: labelText(1000) }),
    response: commandDoneSchema,
  }),
  breakSilence: defineEndpoint({
    method: 'post',
    path: '/documents/:documentId/silences/:silenceId/break',
    params: silenceParams,
    body: z.strictObject({ statement: labelText(4000) }),
    response: commandDoneSchema,
  }),
};
