// Roundtables: scheduling one, the co-chairs' background and guiding questions and their sign-off,
// issuing numbered paper versions generated from the record, downloading an issued file byte for
// byte, previewing the current draft, and concluding with a summary.
import { z } from 'zod';
import { paperFileSchema, roundtablePaperFormatSchema } from '../roundtable/paper.js';
import {
  backgroundSchema,
  coChairsSchema,
  guidingQuestionsSchema,
  roundtableCoverageSchema,
} from '../roundtable/commands.js';
import { entityIdSchema, labelText } from '../schema.js';
import {
  commandDoneSchema,
  createdSchema,
  negotiationParams,
  reportLangSchema,
  roundtableParams,
  stakeholderRefViewSchema,
} from './common.js';
import { defineEndpoint } from './endpoint.js';

export const roundtablePaperViewSchema = z.object({
  roundtableId: z.string(),
  version: z.number().int(),
  /** The draft of the co-chairs' text that was issued. */
  draft: z.number().int(),
  /** The global log position of the record the paper was generated from. */
  recordPosition: z.string(),
  files: z.array(paperFileSchema),
  signedOffBy: z.array(stakeholderRefViewSchema),
  issuedBy: z.string(),
  issuedAt: z.string(),
});
export type RoundtablePaperView = z.infer<typeof roundtablePaperViewSchema>;

/** A co-chair delegation's sign-off on a draft, by the user who gave it. */
export const signOffRecordSchema = z.object({
  stakeholderId: z.string(),
  userId: z.string(),
  at: z.string(),
});
export type SignOffRecord = z.infer<typeof signOffRecordSchema>;

export const roundtableSignOffViewSchema = signOffRecordSchema.extend({
  stakeholder: stakeholderRefViewSchema,
});
export type RoundtableSignOffView = z.infer<typeof roundtableSignOffViewSchema>;

export const roundtableViewSchema = z.object({
  roundtableId: z.string(),
  negotiationId: z.string(),
  documentId: z.string(),
  theme: z.string(),
  /** The day it meets, YYYY-MM-DD. */
  date: z.string(),
  status: z.enum(['scheduled', 'concluded']),
  coChairs: z.array(stakeholderRefViewSchema),
  coverage: roundtableCoverageSchema,
  invited: z.array(stakeholderRefViewSchema),
  background: z.string(),
  guidingQuestions: z.array(z.string()),
  /** Counts changes to coverage, background and questions; a sign-off names the draft it is on. */
  draft: z.number().int(),
  /** Sign-offs on the current draft since the last version was issued. */
  signOffs: z.array(roundtableSignOffViewSchema),
  /** Both co-chairs signed off the current draft: a version may be issued. */
  readyToIssue: z.boolean(),
  papers: z.array(roundtablePaperViewSchema),
  summary: z.string().nullable(),
  scheduledBy: z.string(),
  scheduledAt: z.string(),
  concludedBy: z.string().nullable(),
  concludedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type RoundtableView = z.infer<typeof roundtableViewSchema>;

const formatQuery = z.object({ format: roundtablePaperFormatSchema.default('pdf') });

export const roundtableContracts = {
  listRoundtables: defineEndpoint({
    method: 'get',
    path: '/negotiations/:negotiationId/roundtables',
    params: negotiationParams,
    response: z.array(roundtableViewSchema),
  }),
  scheduleRoundtable: defineEndpoint({
    method: 'post',
    path: '/negotiations/:negotiationId/roundtables',
    params: negotiationParams,
    body: z.strictObject({
      theme: labelText(300),
      coChairStakeholderIds: coChairsSchema,
      /** The day it meets, YYYY-MM-DD. */
      date: z.iso.date(),
      coverage: roundtableCoverageSchema,
      invitedStakeholderIds: z.array(entityIdSchema).max(500).default([]),
    }),
    status: 201,
    response: createdSchema('roundtableId'),
  }),
  getRoundtable: defineEndpoint({
    method: 'get',
    path: '/roundtables/:roundtableId',
    params: roundtableParams,
    response: roundtableViewSchema,
  }),
  editDraft: defineEndpoint({
    method: 'put',
    path: '/roundtables/:roundtableId/draft',
    params: roundtableParams,
    body: z.strictObject({
      background: backgroundSchema,
      guidingQuestions: guidingQuestionsSchema,
    }),
    response: commandDoneSchema,
  }),
  changeCoverage: defineEndpoint({
    method: 'put',
    path: '/roundtables/:roundtableId/coverage',
    params: roundtableParams,
    body: roundtableCoverageSchema,
    response: commandDoneSchema,
  }),
  signOff: defineEndpoint({
    method: 'post',
    path: '/roundtables/:roundtableId/sign-off',
    params: roundtableParams,
    body: z.strictObject({ draft: z.number().int().min(1) }),
    response: commandDoneSchema,
  }),
  listPapers: defineEndpoint({
    method: 'get',
    path: '/roundtables/:roundtableId/papers',
    params: roundtableParams,
    response: z.array(roundtablePaperViewSchema),
  }),
  issuePaper: defineEndpoint({
    method: 'post',
    path: '/roundtables/:roundtableId/papers',
    params: roundtableParams,
    body: z.strictObject({ draft: z.number().int().min(1).optional() }),
    status: 201,
    response: z.object({
      roundtableId: z.string(),
      version: z.number().int(),
      recordPosition: z.string(),
      files: z.array(paperFileSchema),
      position: z.string().optional(),
    }),
  }),
  downloadPaper: defineEndpoint({
    method: 'get',
    path: '/roundtables/:roundtableId/papers/:version',
    params: roundtableParams.extend({ version: z.coerce.number().int().min(1).max(100_000) }),
    query: formatQuery,
    file: { description: 'The file as issued', otherStatuses: { 304: 'Not modified' } },
  }),
  previewPaper: defineEndpoint({
    method: 'get',
    path: '/roundtables/:roundtableId/paper-preview',
    params: roundtableParams,
    query: formatQuery.extend({ lang: reportLangSchema }),
    file: { description: 'The draft as a file' },
  }),
  concludeRoundtable: defineEndpoint({
    method: 'post',
    path: '/roundtables/:roundtableId/conclude',
    params: roundtableParams,
    body: z.strictObject({ summary: labelText(20_000) }),
    response: commandDoneSchema,
  }),
};
