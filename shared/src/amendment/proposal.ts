// What an amendment proposes, one shape per kind, so an anchor is present exactly when the change
// is inside a paragraph and the wording fields fit the kind (a deletion proposes no words).
import { z } from 'zod';
import { relativePositionSchema } from '../schema.js';
import { paragraphKindSchema } from '../vocabulary.js';

/** Yjs relative positions of the range, computed by the server from the editor's selection. */
export const anchorSchema = z.strictObject({
  start: relativePositionSchema,
  end: relativePositionSchema,
});

const wording = z.string().min(1).max(10_000);
/** An insertion may quote the words around the point, or nothing. */
const context = z.string().max(10_000);
const none = z.literal('');

/** As commands carry it: strict, bounded. */
export const proposalSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('insert'),
    anchor: anchorSchema,
    originalText: context,
    proposedText: wording,
  }),
  z.strictObject({
    kind: z.literal('delete'),
    anchor: anchorSchema,
    originalText: wording,
    proposedText: none,
  }),
  z.strictObject({
    kind: z.literal('replace'),
    anchor: anchorSchema,
    originalText: wording,
    proposedText: wording,
  }),
  z.strictObject({
    kind: z.literal('add-paragraph'),
    /** The new paragraph goes after the amendment's paragraph. */
    anchor: z.null(),
    paragraphKind: paragraphKindSchema,
    originalText: none,
    proposedText: wording,
  }),
  z.strictObject({
    kind: z.literal('delete-paragraph'),
    anchor: z.null(),
    originalText: wording,
    proposedText: none,
  }),
]);

/** As events store it: the same shapes, tolerant of fields a newer writer added. */
const storedAnchor = z.object({ start: z.string(), end: z.string() });
export const storedProposalSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('insert'),
    anchor: storedAnchor,
    originalText: z.string(),
    proposedText: z.string(),
  }),
  z.object({
    kind: z.literal('delete'),
    anchor: storedAnchor,
    originalText: z.string(),
    proposedText: z.string(),
  }),
  z.object({
    kind: z.literal('replace'),
    anchor: storedAnchor,
    originalText: z.string(),
    proposedText: z.string(),
  }),
  z.object({
    kind: z.literal('add-paragraph'),
    anchor: z.null(),
    paragraphKind: paragraphKindSchema,
    originalText: z.string(),
    proposedText: z.string(),
  }),
  z.object({
    kind: z.literal('delete-paragraph'),
    anchor: z.null(),
    originalText: z.string(),
    proposedText: z.string(),
  }),
]);

export type Proposal = z.output<typeof storedProposalSchema>;
/** A proposal as a command carries it (narrower than `Proposal`: empty wording is `''`). */
export type ProposalInput = z.output<typeof proposalSchema>;

export const sameProposal = (a: Proposal, b: Proposal): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** Whether the proposal puts words into the text, which a sub-amendment could then change. */
export const proposesWords = (proposal: Proposal): boolean =>
  proposal.kind === 'insert' || proposal.kind === 'replace' || proposal.kind === 'add-paragraph';
