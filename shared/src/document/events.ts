// Events of a `document-<id>` stream: the document's metadata, the chair's gavels, brackets and
// options (anchored to words), and the revisions issued — never its text, which is in the
// `doctext-` stream.
import { z } from 'zod';
import { defineEvent, defineUpcaster, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema, streamRevisionStringSchema } from '../schema.js';
import { documentModeSchema, paragraphKindSchema, paragraphStatusSchema } from '../vocabulary.js';

/** v1 predates open drafting: every document was formal. */
const documentCreatedV1 = z.object({
  documentId: entityIdSchema,
  negotiationId: entityIdSchema,
  title: z.string(),
  symbol: z.string(),
  createdBy: entityIdSchema,
  createdAt: instantSchema,
});
const documentCreated = documentCreatedV1.extend({ mode: documentModeSchema });

const documentModeChanged = z.object({
  documentId: entityIdSchema,
  from: documentModeSchema,
  to: documentModeSchema,
  changedBy: entityIdSchema,
  changedAt: instantSchema,
});

const paragraphStatusSet = z.object({
  documentId: entityIdSchema,
  paragraphId: entityIdSchema,
  status: paragraphStatusSchema,
  previousStatus: paragraphStatusSchema,
  reason: z.string(),
  setBy: entityIdSchema,
  setAt: instantSchema,
});

/** v1 predates frozen numbering: its numbers were never recorded. */
const revisionIssuedV1 = z.object({
  documentId: entityIdSchema,
  label: z.string(),
  textRevision: streamRevisionStringSchema,
  /** 1 for the first revision issued, then 2, 3, … */
  sequence: z.number().int().positive(),
  issuedBy: entityIdSchema,
  issuedAt: instantSchema,
});
const revisionIssued = revisionIssuedV1.extend({
  /**
   * The paragraph numbers this revision publishes, in document order ([paragraph id, label]);
   * later insertions are numbered "bis", "ter" … against them until the next renumbering.
   * Null for revisions issued before numbers were recorded.
   */
  numbering: z.array(z.tuple([entityIdSchema, z.string()])).nullable(),
  /** Whether the chair renumbered at this revision (otherwise bis/ter numbers were kept). */
  renumbered: z.boolean(),
});

const documentAdopted = z.object({
  documentId: entityIdSchema,
  revisionLabel: z.string(),
  textRevision: streamRevisionStringSchema,
  adoptedBy: entityIdSchema,
  adoptedAt: instantSchema,
});

/** Who acted, as the record names them: the user and the stakeholder they acted for. */
const partyRef = z.object({ userId: entityIdSchema, stakeholderId: entityIdSchema });

/** Two Yjs relative positions (base64) holding a span of words while others edit around it. */
export const textAnchorSchema = z.object({
  start: z.string().min(1).max(400),
  end: z.string().min(1).max(400),
});

const bracketPlaced = z.object({
  documentId: entityIdSchema,
  bracketId: entityIdSchema,
  paragraphId: entityIdSchema,
  anchor: textAnchorSchema,
  /** The words as they were bracketed. */
  words: z.string(),
  note: z.string(),
  placedBy: partyRef,
  placedAt: instantSchema,
});

const bracketRemoved = z.object({
  documentId: entityIdSchema,
  bracketId: entityIdSchema,
  paragraphId: entityIdSchema,
  reason: z.string(),
  removedBy: partyRef,
  removedAt: instantSchema,
});

/** The bracket goes, and the `bracket-text` reactor deletes its words from the text. */
const bracketedWordsDeleted = z.object({
  documentId: entityIdSchema,
  bracketId: entityIdSchema,
  paragraphId: entityIdSchema,
  words: z.string(),
  deletedBy: partyRef,
  deletedAt: instantSchema,
});

const optionScopeSchema = z.enum(['paragraphs', 'inline']);

/**
 * An option set opens on words or a paragraph already in the text: they become "Option 1".
 * `anchor` holds Option 1's words for an inline set; a paragraphs set names the paragraph.
 */
const optionSetOpened = z.object({
  documentId: entityIdSchema,
  optionSetId: entityIdSchema,
  scope: optionScopeSchema,
  paragraphId: entityIdSchema,
  firstOptionId: entityIdSchema,
  anchor: textAnchorSchema.nullable(),
  words: z.string(),
  openedBy: partyRef,
  openedAt: instantSchema,
});

/**
 * An alternative joins a set. Its words are new: the `bracket-text` reactor writes them into the
 * text (a new paragraph `paragraphId` of `kind` for a paragraphs set, words after the last
 * option for an inline one) and, for inline words, records where they went with OptionPlaced.
 */
const optionAdded = z.object({
  documentId: entityIdSchema,
  optionSetId: entityIdSchema,
  optionId: entityIdSchema,
  label: z.string(),
  words: z.string(),
  noText: z.boolean(),
  /** Paragraphs set: the new paragraph that holds these words (null for "No text"). */
  paragraphId: entityIdSchema.nullable(),
  kind: paragraphKindSchema.nullable(),
  proposedBy: partyRef,
  proposedAt: instantSchema,
});

const optionPlaced = z.object({
  documentId: entityIdSchema,
  optionSetId: entityIdSchema,
  optionId: entityIdSchema,
  anchor: textAnchorSchema,
});

/** The chosen option stays; the others' words are struck from the text and kept here. */
const optionChosen = z.object({
  documentId: entityIdSchema,
  optionSetId: entityIdSchema,
  optionId: entityIdSchema,
  struck: z.array(z.object({ optionId: entityIdSchema, words: z.string() })),
  chosenBy: partyRef,
  chosenAt: instantSchema,
});

export const documentEventSchemas = {
  DocumentCreated: defineEvent(2, documentCreated, [
    defineUpcaster(1, documentCreatedV1, (v1) => ({ ...v1, mode: 'formal' })),
  ]),
  DocumentModeChanged: defineEvent(1, documentModeChanged),
  ParagraphStatusSet: defineEvent(1, paragraphStatusSet),
  RevisionIssued: defineEvent(2, revisionIssued, [
    defineUpcaster(1, revisionIssuedV1, (v1) => ({ ...v1, numbering: null, renumbered: true })),
  ]),
  DocumentAdopted: defineEvent(1, documentAdopted),
  BracketPlaced: defineEvent(1, bracketPlaced),
  BracketRemoved: defineEvent(1, bracketRemoved),
  BracketedWordsDeleted: defineEvent(1, bracketedWordsDeleted),
  OptionSetOpened: defineEvent(1, optionSetOpened),
  OptionAdded: defineEvent(1, optionAdded),
  OptionPlaced: defineEvent(1, optionPlaced),
  OptionChosen: defineEvent(1, optionChosen),
};

export type DocumentEvent = EventsOf<typeof documentEventSchemas>;
