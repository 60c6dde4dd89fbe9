// Events of the agreed-language library. A `library-<id>` stream holds one adopted text: added
// once (by the adoption reactor for a text adopted here, or by the chair or secretariat importing
// an earlier one) and perhaps withdrawn. A `citations-<documentId>` stream records each passage a
// delegate took from the library into a draft, with where it came from.
import { z } from 'zod';
import { defineEvent, type EventsOf } from '../event-definition.js';
import { entityIdSchema, instantSchema, relativePositionSchema } from '../schema.js';
import { unLanguageSchema } from './limits.js';

export const libraryParagraphSchema = z.object({
  /** How the text numbers the paragraph: "OP 12", "PP 3", "12 bis". */
  ref: z.string().min(1).max(40),
  text: z.string().min(1),
});
export type LibraryParagraph = z.infer<typeof libraryParagraphSchema>;

export const librarySourceSchema = z.enum(['adopted', 'imported']);
export type LibrarySource = z.infer<typeof librarySourceSchema>;

const libraryTextAdded = z.object({
  libraryTextId: entityIdSchema,
  /** The negotiation it was adopted in, or whose chair or secretariat imported it. */
  negotiationId: entityIdSchema,
  source: librarySourceSchema,
  /** For an adopted text: the document and the revision adopted. */
  documentId: entityIdSchema.nullable(),
  revisionLabel: z.string().max(60).nullable(),
  title: z.string().min(1),
  /** The document symbol, e.g. "A/RES/73/195". */
  symbol: z.string().nullable(),
  /** The day it was adopted (YYYY-MM-DD). */
  adoptedOn: z.iso.date(),
  language: unLanguageSchema,
  paragraphs: z.array(libraryParagraphSchema).min(1),
  addedBy: entityIdSchema,
  addedAt: instantSchema,
});

const libraryTextWithdrawn = z.object({
  libraryTextId: entityIdSchema,
  reason: z.string(),
  withdrawnBy: entityIdSchema,
  withdrawnAt: instantSchema,
});

const agreedLanguageCited = z.object({
  documentId: entityIdSchema,
  citationId: entityIdSchema,
  paragraphId: entityIdSchema,
  libraryTextId: entityIdSchema,
  /** The library paragraph the words come from, and the citation as it read then. */
  ref: z.string(),
  title: z.string(),
  symbol: z.string().nullable(),
  /** The cited words, and where they sit in the paragraph (Yjs relative positions). */
  words: z.string(),
  start: relativePositionSchema,
  end: relativePositionSchema,
  citedBy: z.object({ userId: entityIdSchema, stakeholderId: entityIdSchema }),
  citedAt: instantSchema,
});

export const libraryEventSchemas = {
  LibraryTextAdded: defineEvent(1, libraryTextAdded),
  LibraryTextWithdrawn: defineEvent(1, libraryTextWithdrawn),
};

export const citationEventSchemas = {
  AgreedLanguageCited: defineEvent(1, agreedLanguageCited),
};

export type LibraryEvent = EventsOf<typeof libraryEventSchemas>;
export type CitationEvent = EventsOf<typeof citationEventSchemas>;
