// Commands of an action pledge. What people type is validated here, at the boundary; the server
// resolves objective and paragraph ids against the adopted text before a command is built, so a
// pledge only ever names objectives and paragraphs that the adopted text has.
import { z } from 'zod';
import type { CommandOf, CommandsOf } from '../messages.js';
import { entityIdSchema, freeText, labelText } from '../schema.js';
import {
  indicatorRefSchema,
  objectiveLinkSchema,
  paragraphLinkSchema,
  pledgerKindSchema,
  progressStatusSchema,
} from './events.js';
import {
  PLEDGE_COMMITMENTS_CHARS_MAX,
  PLEDGE_INDICATORS_MAX,
  PLEDGE_LINKS_MAX,
  PLEDGE_NARRATIVE_CHARS_MAX,
  PLEDGE_PARTNERS_MAX,
  PLEDGE_TITLE_CHARS_MAX,
} from './limits.js';

const boundedNumber = z.number().finite().min(-1e12).max(1e12);

export const pledgeIndicatorInputSchema = z.strictObject({
  ref: indicatorRefSchema,
  name: labelText(200),
  unit: z.string().trim().max(40),
  baseline: boundedNumber,
  target: boundedNumber,
});

export const pledgeTimelineSchema = z
  .strictObject({ start: z.iso.date(), end: z.iso.date() })
  .refine((t) => t.start <= t.end, {
    message: 'the timeline ends before it starts',
    path: ['end'],
  });

const uniqueRefs = (indicators: readonly { ref: string }[]) =>
  new Set(indicators.map((i) => i.ref)).size === indicators.length;

/** What a pledger writes, apart from the links (the API takes ids; commands take resolved links). */
const pledgeTextFields = {
  title: labelText(PLEDGE_TITLE_CHARS_MAX),
  commitments: freeText(PLEDGE_COMMITMENTS_CHARS_MAX).refine((s) => s.trim() !== '', {
    message: 'say what is committed',
  }),
  partners: z.array(labelText(200)).max(PLEDGE_PARTNERS_MAX),
  timeline: pledgeTimelineSchema,
  indicators: z
    .array(pledgeIndicatorInputSchema)
    .max(PLEDGE_INDICATORS_MAX)
    .refine(uniqueRefs, { message: 'each indicator needs its own key' }),
};

/** A pledge's content as the API takes it: objectives and paragraphs by id. */
export const pledgeContentInputSchema = z
  .strictObject({
    ...pledgeTextFields,
    objectiveIds: z.array(entityIdSchema).max(PLEDGE_LINKS_MAX),
    paragraphIds: z.array(entityIdSchema).max(PLEDGE_LINKS_MAX),
  })
  .refine((c) => c.objectiveIds.length + c.paragraphIds.length > 0, {
    message: 'link the pledge to at least one objective or paragraph',
    path: ['objectiveIds'],
  });
export type PledgeContentInput = z.infer<typeof pledgeContentInputSchema>;

/** The content once its links are resolved against the adopted text. */
export const resolvedPledgeContentSchema = z.strictObject({
  ...pledgeTextFields,
  objectives: z.array(objectiveLinkSchema).max(PLEDGE_LINKS_MAX),
  paragraphs: z.array(paragraphLinkSchema).max(PLEDGE_LINKS_MAX),
});

export const registerPledgeSchema = z.strictObject({
  pledgeId: entityIdSchema,
  negotiationId: entityIdSchema,
  documentId: entityIdSchema,
  /** Set by the server after it checked the document is adopted. */
  documentAdopted: z.boolean(),
  pledger: z.strictObject({
    kind: pledgerKindSchema,
    name: labelText(200),
    stakeholderId: entityIdSchema.nullable(),
  }),
  content: resolvedPledgeContentSchema,
});

export const revisePledgeSchema = z.strictObject({
  pledgeId: entityIdSchema,
  content: resolvedPledgeContentSchema,
  note: freeText(2_000),
});

export const progressReportInputSchema = z.strictObject({
  status: progressStatusSchema,
  period: z
    .strictObject({ from: z.iso.date(), to: z.iso.date() })
    .refine((p) => p.from <= p.to, { message: 'the period ends before it starts', path: ['to'] }),
  narrative: freeText(PLEDGE_NARRATIVE_CHARS_MAX),
  figures: z
    .array(z.strictObject({ ref: indicatorRefSchema, value: boundedNumber }))
    .max(PLEDGE_INDICATORS_MAX)
    .refine(uniqueRefs, { message: 'one figure per indicator' }),
});
export type ProgressReportInput = z.infer<typeof progressReportInputSchema>;

export const reportPledgeProgressSchema = z.strictObject({
  pledgeId: entityIdSchema,
  reportId: entityIdSchema,
  report: progressReportInputSchema,
});

export const withdrawPledgeSchema = z.strictObject({
  pledgeId: entityIdSchema,
  reason: labelText(1_000),
});

export const pledgeCommandSchemas = {
  RegisterPledge: registerPledgeSchema,
  RevisePledge: revisePledgeSchema,
  ReportPledgeProgress: reportPledgeProgressSchema,
  WithdrawPledge: withdrawPledgeSchema,
} as const;

export type PledgeCommand = CommandsOf<typeof pledgeCommandSchemas>;
export type RegisterPledge = CommandOf<PledgeCommand, 'RegisterPledge'>;
export type RevisePledge = CommandOf<PledgeCommand, 'RevisePledge'>;
export type ReportPledgeProgress = CommandOf<PledgeCommand, 'ReportPledgeProgress'>;
export type WithdrawPledge = CommandOf<PledgeCommand, 'WithdrawPledge'>;
