// The chair's desk: one negotiation's decision queue for the chair and the secretariat, document
// by document — amendments awaiting a decision, paragraphs ready to gavel, objections and
// reservations to follow up — with the process's deadlines ahead and silences broken.
import { z } from 'zod';
import { consensusStatusSchema } from './record-views.js';
import { negotiationParams } from './common.js';
import { defineEndpoint } from './endpoint.js';
import { deadlineViewSchema, silenceViewSchema } from './process.js';

const deskVoiceSchema = z.object({
  stakeholderId: z.string(),
  name: z.string(),
  shortCode: z.string(),
  statement: z.string(),
});
export type DeskVoice = z.infer<typeof deskVoiceSchema>;

export const deskAmendmentSchema = z.object({
  amendmentId: z.string(),
  paragraphId: z.string(),
  paragraphLabel: z.string().nullable(),
  kind: z.string(),
  consensus: consensusStatusSchema,
  objections: z.number(),
  tabledAt: z.string(),
  /** A sub-amendment: listed before the amendment it changes, which waits for it. */
  parentAmendmentId: z.string().nullable().optional(),
});

/** A rejection or merge the chair may still undo (restore to pending, with a reason). */
export const deskDecidedSchema = z.object({
  amendmentId: z.string(),
  paragraphId: z.string(),
  paragraphLabel: z.string().nullable(),
  status: z.enum(['rejected', 'merged']),
  decidedAt: z.string().nullable(),
  parentAmendmentId: z.string().nullable(),
});
export type DeskDecided = z.infer<typeof deskDecidedSchema>;

export const deskParagraphSchema = z.object({
  paragraphId: z.string(),
  label: z.string().nullable(),
});

export const deskFollowUpSchema = z.object({
  target: z.enum(['paragraph', 'amendment']),
  /** The paragraph's or the amendment's id. */
  id: z.string(),
  paragraphId: z.string(),
  label: z.string().nullable(),
  objectors: z.array(deskVoiceSchema),
  reservations: z.array(deskVoiceSchema),
});
export type DeskFollowUp = z.infer<typeof deskFollowUpSchema>;

export const deskDocumentSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  symbol: z.string(),
  /** Sub-amendments before their parent: the order they are decided in. */
  amendmentsAwaiting: z.array(deskAmendmentSchema),
  /** The latest rejections and merges, newest first, each restorable. */
  recentlyDecided: z.array(deskDecidedSchema).optional(),
  /** Every delegation has stated, nobody objects, no open bracket or option set. */
  readyToGavel: z.array(deskParagraphSchema),
  followUps: z.array(deskFollowUpSchema),
});
export type DeskDocument = z.infer<typeof deskDocumentSchema>;

export const deskViewSchema = z.object({
  negotiationId: z.string(),
  now: z.string(),
  /** Documents not yet adopted, oldest first. */
  documents: z.array(deskDocumentSchema),
  deadlinesAhead: z.array(
    deadlineViewSchema.pick({ kind: true, deadline: true, timeZone: true }).extend({
      documentId: z.string(),
    }),
  ),
  silencesBroken: z.array(z.object({ documentId: z.string(), silence: silenceViewSchema })),
});
export type DeskView = z.infer<typeof deskViewSchema>;

export const deskContracts = {
  getDesk: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/desk',
    params: negotiationParams,
    response: deskViewSchema,
  }),
};
