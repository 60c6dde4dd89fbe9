// The JSON shapes of the record's views (consensus, a frame as of a point, the comparison of two
// points, position track records, milestones, coalitions). They describe what the pure folds in
// consensus/ return; contracts.unit.spec.ts checks at compile time that every value those folds
// produce is accepted by these schemas, so the two cannot drift.
import { z } from 'zod';
import { consensusRule } from '../consensus/consensus.js';
import { storedProposalSchema } from '../amendment/proposal.js';
import {
  amendmentKindSchema,
  documentModeSchema,
  paragraphKindSchema,
  paragraphStatusSchema,
  stakeholderKindSchema,
  stanceSchema,
} from '../vocabulary.js';
import { amendmentViewStatusSchema } from './amendments.js';
import { positionTargetViewSchema } from './positions.js';

/** A schema accepting exactly one constant value (every string, number and list in it). */
function constantSchema<T>(value: T): z.ZodType<T> {
  // The casts restate what the recursion builds: a schema of the value's own literal type.
  if (Array.isArray(value))
    return z.tuple(value.map(constantSchema) as []) as z.ZodType as z.ZodType<T>;
  if (typeof value === 'object' && value !== null) {
    const shape = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, constantSchema(v)]));
    return z.object(shape) as z.ZodType as z.ZodType<T>;
  }
  return z.literal(value as string | number | boolean) as z.ZodType as z.ZodType<T>;
}

/** Where a record view stands in time: the `asOf` asked, resolved to a log position. */
export const asOfPointSchema = z.object({
  asOf: z.string(),
  /** The last record event folded, and its time. */
  recordPosition: z.string().nullable(),
  recordOccurredAt: z.string().nullable(),
  /** The `doctext-` revision the text is taken at; null when there was no text yet. */
  textRevision: z.string().nullable(),
  /** The revision in force at that point (the last issued), if any. */
  revisionInForce: z.string().nullable(),
});
export type AsOfPoint = z.infer<typeof asOfPointSchema>;

// Consensus

export const consensusStatusSchema = z.enum([
  'agreed-ad-ref',
  'consensus',
  'no-objection-so-far',
  'contested',
  'pending-reservations',
  'no-positions',
]);

const groupVoiceSchema = z.object({
  groupId: z.string(),
  name: z.string(),
  shortCode: z.string(),
  stance: stanceSchema,
  statement: z.string(),
  statedAt: z.string(),
  sponsor: z.boolean(),
});

export const delegationStandingSchema = z.object({
  stakeholderId: z.string(),
  name: z.string(),
  shortCode: z.string(),
  source: z.enum(['own', 'sponsor', 'group', 'conflicting-groups']),
  stance: stanceSchema.nullable(),
  statement: z.string(),
  statedBy: z.string().nullable(),
  statedAt: z.string(),
  groups: z.array(groupVoiceSchema),
});

const targetConsensusShape = {
  status: consensusStatusSchema,
  tally: z.object({
    delegations: z.number(),
    support: z.number(),
    canAccept: z.number(),
    reservation: z.number(),
    objection: z.number(),
    abstain: z.number(),
    undecided: z.number(),
    silent: z.number(),
  }),
  breadth: z.object({ supporting: z.number(), of: z.number(), share: z.number() }),
  participation: z.object({ stated: z.number(), expected: z.number() }),
  delegations: z.array(delegationStandingSchema),
  objectors: z.array(delegationStandingSchema),
  reservations: z.array(delegationStandingSchema),
  undecided: z.array(delegationStandingSchema),
  groups: z.array(groupVoiceSchema.extend({ members: z.number() })),
  notCounted: z.array(
    z.object({
      stakeholderId: z.string(),
      kind: z.string(),
      name: z.string(),
      shortCode: z.string(),
      stance: stanceSchema,
      statement: z.string(),
      statedAt: z.string(),
    }),
  ),
};

export const documentConsensusSchema = z.object({
  documentId: z.string(),
  negotiationId: z.string(),
  title: z.string(),
  symbol: z.string(),
  adopted: z.boolean(),
  revisionInForce: z.string().nullable(),
  rule: constantSchema(consensusRule),
  summary: z.object({
    paragraphs: z.number(),
    agreed: z.number(),
    contested: z.number(),
    open: z.number(),
    byStatus: z.record(consensusStatusSchema, z.number()),
    pendingAmendments: z.number(),
    contestedAmendments: z.number(),
  }),
  paragraphs: z.array(
    z.object({
      ...targetConsensusShape,
      paragraphId: z.string(),
      label: z.string().nullable(),
      kind: paragraphKindSchema.nullable(),
      chairStatus: paragraphStatusSchema,
      chairStatusReason: z.string(),
      pendingAmendmentIds: z.array(z.string()),
    }),
  ),
  amendments: z.array(
    z.object({
      ...targetConsensusShape,
      amendmentId: z.string(),
      paragraphId: z.string(),
      paragraphLabel: z.string().nullable(),
      kind: amendmentKindSchema,
      originalText: z.string(),
      proposedText: z.string(),
      sponsorStakeholderId: z.string(),
      cosponsorStakeholderIds: z.array(z.string()).readonly(),
      chairsCompromise: z.boolean(),
      revision: z.number(),
      tabledAt: z.string(),
    }),
  ),
});

export const consensusViewSchema = documentConsensusSchema.extend({ asOf: asOfPointSchema });
export type ConsensusView = z.infer<typeof consensusViewSchema>;

// A document as of a point

const currentPositionSchema = z.object({
  target: positionTargetViewSchema,
  stakeholderId: z.string(),
  stance: stanceSchema,
  statement: z.string(),
  statedBy: z.string(),
  statedAt: z.string(),
});

export const amendmentRecordSchema = z.object({
  amendmentId: z.string(),
  documentId: z.string(),
  paragraphId: z.string(),
  status: amendmentViewStatusSchema,
  proposal: storedProposalSchema,
  rationale: z.string(),
  sponsorStakeholderId: z.string(),
  cosponsorStakeholderIds: z.array(z.string()).readonly(),
  chairsCompromise: z.boolean(),
  revision: z.number(),
  tabledAt: z.string(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  intoAmendmentId: z.string().nullable(),
});

export const frameViewSchema = z.object({
  documentId: z.string(),
  asOf: asOfPointSchema,
  document: z.object({
    negotiationId: z.string(),
    title: z.string(),
    symbol: z.string(),
    mode: documentModeSchema,
    adopted: z.boolean(),
    revisions: z.array(
      z.object({
        label: z.string(),
        textRevision: z.string(),
        sequence: z.number(),
        issuedAt: z.string(),
        position: z.string().optional(),
      }),
    ),
  }),
  paragraphs: z.array(
    z.object({
      id: z.string(),
      kind: paragraphKindSchema,
      label: z.string().nullable(),
      text: z.string(),
      chairStatus: paragraphStatusSchema,
    }),
  ),
  amendments: z.array(amendmentRecordSchema.extend({ paragraphLabel: z.string().nullable() })),
  positions: z.array(currentPositionSchema),
  consensus: documentConsensusSchema,
});
export type FrameView = z.infer<typeof frameViewSchema>;

// Two points compared

const runAuthorSchema = z.object({
  stakeholderId: z.string(),
  userId: z.string(),
  amendmentId: z.string().nullable(),
  chars: z.number(),
});

const paragraphSideSchema = z.object({ label: z.string().nullable(), kind: paragraphKindSchema });

export const textComparisonSchema = z.object({
  paragraphs: z.array(
    z.object({
      paragraphId: z.string(),
      change: z.enum(['unchanged', 'modified', 'added', 'removed']),
      from: paragraphSideSchema.nullable(),
      to: paragraphSideSchema.nullable(),
      kindChanged: z.boolean(),
      runs: z.array(
        z.object({
          op: z.enum(['equal', 'insert', 'delete']),
          text: z.string(),
          by: z.array(runAuthorSchema),
          attribution: z.enum(['exact', 'partly-exact', 'last-update', 'none']),
        }),
      ),
    }),
  ),
  summary: z.object({
    added: z.number(),
    removed: z.number(),
    modified: z.number(),
    unchanged: z.number(),
    insertedChars: z.number(),
    deletedChars: z.number(),
    byStakeholder: z.array(
      z.object({ stakeholderId: z.string(), insertedChars: z.number(), deletedChars: z.number() }),
    ),
  }),
  method: z.string(),
});

export const comparisonViewSchema = textComparisonSchema.extend({
  documentId: z.string(),
  from: asOfPointSchema,
  to: asOfPointSchema,
  /** Text updates between the two points. */
  updates: z.number(),
  /** The stakeholders named in the runs, as the record knew them at `to`. */
  stakeholders: z.record(
    z.string(),
    z.object({ name: z.string(), shortCode: z.string(), kind: stakeholderKindSchema }),
  ),
});
export type ComparisonView = z.infer<typeof comparisonViewSchema>;

// Position track records

const recordStakeholderRefSchema = z.object({
  stakeholderId: z.string(),
  kind: z.union([stakeholderKindSchema, z.literal('unknown')]),
  name: z.string(),
  shortCode: z.string(),
});

const positionChangeSchema = z.object({
  target: positionTargetViewSchema,
  stakeholderId: z.string(),
  action: z.enum(['stated', 'withdrawn']),
  stance: stanceSchema.nullable(),
  statement: z.string().nullable(),
  previousStance: stanceSchema.nullable(),
  userId: z.string(),
  at: z.string(),
  position: z.string().optional(),
  revisionLabel: z.string().nullable(),
  stakeholder: recordStakeholderRefSchema,
});

/** One stakeholder's whole record in a document, or everyone's changes on a target. */
export const trackViewSchema = z.union([
  z.object({
    asOf: asOfPointSchema,
    documentId: z.string(),
    stakeholder: recordStakeholderRefSchema,
    changes: z.array(positionChangeSchema),
    targets: z.array(
      z.object({
        target: positionTargetViewSchema,
        changes: z.number(),
        firstAt: z.string(),
        lastAt: z.string(),
        current: z
          .union([
            delegationStandingSchema,
            z.object({ source: z.literal('own'), stance: z.string(), statement: z.string() }),
          ])
          .nullable(),
      }),
    ),
  }),
  z.object({
    asOf: asOfPointSchema,
    documentId: z.string(),
    target: positionTargetViewSchema.optional(),
    changes: z.array(positionChangeSchema),
  }),
]);
export type TrackView = z.infer<typeof trackViewSchema>;

// Milestones

export const milestoneKinds = [
  'document-created',
  'revision-issued',
  'amendment-accepted',
  'paragraph-agreed-ad-ref',
  'document-adopted',
] as const;
export const milestoneKindSchema = z.enum(milestoneKinds);

export const milestoneViewSchema = z.object({
  kind: milestoneKindSchema,
  documentId: z.string(),
  at: z.string(),
  position: z.string().optional(),
  userId: z.string(),
  /** The revision label (issued, adopted) or the document's symbol (created). */
  label: z.string().optional(),
  paragraphId: z.string().optional(),
  amendmentId: z.string().optional(),
  /** For an accepted amendment: its sponsor. */
  stakeholderId: z.string().optional(),
  documentSymbol: z.string().nullable(),
  /** `position:<n>`, to ask any record view as of this milestone. */
  asOf: z.string().nullable(),
});
export type MilestoneView = z.infer<typeof milestoneViewSchema>;

export const milestonesViewSchema = z.object({
  negotiationId: z.string(),
  milestones: z.array(milestoneViewSchema),
});

// Coalitions

const delegationRefSchema = z.object({
  stakeholderId: z.string(),
  name: z.string(),
  shortCode: z.string(),
});

export const coalitionsViewSchema = z.object({
  asOf: asOfPointSchema,
  documentId: z.string(),
  method: z.object({
    similarity: z.string(),
    clustering: z.string(),
    bridging: z.string(),
    threshold: z.number(),
    minCommonTargets: z.number(),
    includeInherited: z.boolean(),
  }),
  delegations: z.number(),
  targets: z.number(),
  pairs: z.array(
    z.object({
      a: z.string(),
      b: z.string(),
      common: z.number(),
      agreements: z.number(),
      similarity: z.number(),
    }),
  ),
  coalitions: z.array(
    z.object({
      coalitionId: z.string(),
      members: z.array(delegationRefSchema),
      cohesion: z.number(),
      evidence: z.number(),
    }),
  ),
  unaligned: z.array(delegationRefSchema),
  bridgingAmendments: z.array(
    z.object({
      amendmentId: z.string(),
      paragraphId: z.string(),
      status: z.string(),
      supporters: z.array(z.object({ blockId: z.string(), stakeholderIds: z.array(z.string()) })),
      opposedBlocks: z.array(z.object({ a: z.string(), b: z.string(), similarity: z.number() })),
    }),
  ),
});
export type CoalitionsView = z.infer<typeof coalitionsViewSchema>;
