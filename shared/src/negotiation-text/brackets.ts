/**
 * Brackets and options as negotiation data.
 *
 * A bracket is a span of one paragraph's words that some party does not yet accept. It is placed
 * and removed by commands (events on `document-<id>`), never by typing: the event holds the span
 * as two Yjs relative positions, so it follows the words while others edit around and inside it.
 * Brackets nest, and never cross: two brackets in one paragraph are either disjoint or one lies
 * inside the other.
 *
 * An option set offers alternative wordings for one place:
 * - `paragraphs`: whole paragraphs (Option 1, Option 2, …), and possibly "No text" (an option with
 *   no paragraph);
 * - `inline`: alternative words inside one paragraph, each option a span of that paragraph, the
 *   spans next to each other in order.
 * Choosing an option strikes the others' words from the text; the event keeps what was struck.
 *
 * These are the wire shapes the server resolves against the current text (offsets count the
 * paragraph's plain text, as everywhere else) and the client, the exports and the burn-down read.
 */
import { z } from 'zod';

/** A range [start, end) of a paragraph's plain text. */
export const textSpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextSpan = z.infer<typeof textSpanSchema>;

/** Who did something, as the record names them. */
export const partyRefSchema = z.object({
  userId: z.string(),
  stakeholderId: z.string(),
});
export type PartyRef = z.infer<typeof partyRefSchema>;

export const bracketViewSchema = z.object({
  bracketId: z.string(),
  paragraphId: z.string(),
  /** Where the bracketed words are now; start === end once all of them were deleted by typing. */
  span: textSpanSchema,
  /** The bracketed words now. */
  words: z.string(),
  placedBy: partyRefSchema,
  placedAt: z.string(),
  /** Why, e.g. "pending consultations"; empty when none was given. */
  note: z.string(),
  /** The event that placed it, `document-<id>` revision as a decimal string. */
  placedInRevision: z.string(),
});
export type BracketView = z.infer<typeof bracketViewSchema>;

export const optionScopes = ['paragraphs', 'inline'] as const;
export type OptionScope = (typeof optionScopes)[number];

export const optionViewSchema = z.object({
  optionId: z.string(),
  /** "Option 1", "Option 2", … in the order added; "No text" is an option with no words. */
  label: z.string(),
  proposedBy: partyRefSchema,
  proposedAt: z.string(),
  /** `paragraphs` scope: the paragraph holding this alternative, or null for "No text". */
  paragraphId: z.string().nullable(),
  /** `inline` scope: where this alternative's words are now in the set's paragraph. */
  span: textSpanSchema.nullable(),
  words: z.string(),
  noText: z.boolean(),
});
export type OptionView = z.infer<typeof optionViewSchema>;

export const optionSetViewSchema = z.object({
  optionSetId: z.string(),
  scope: z.enum(optionScopes),
  /** `inline`: the paragraph holding the alternatives; `paragraphs`: the first option's paragraph. */
  paragraphId: z.string(),
  options: z.array(optionViewSchema),
  /** Set once the chair (or, in open drafting, a delegation) chose; the others were struck. */
  chosen: z
    .object({ optionId: z.string(), chosenBy: partyRefSchema, chosenAt: z.string() })
    .nullable(),
});
export type OptionSetView = z.infer<typeof optionSetViewSchema>;

/** Open brackets and open option sets, counted for one paragraph, a section or the whole text. */
export const bracketCountsSchema = z.object({
  brackets: z.number().int().nonnegative(),
  optionSets: z.number().int().nonnegative(),
  /** Alternatives in the open option sets. */
  options: z.number().int().nonnegative(),
});
export type BracketCounts = z.infer<typeof bracketCountsSchema>;

export const emptyBracketCounts = (): BracketCounts => ({ brackets: 0, optionSets: 0, options: 0 });

/**
 * Whether spans of one paragraph nest: every two are disjoint or one contains the other.
 * Touching spans ([0,3) and [3,5)) are disjoint; equal spans nest.
 */
export function spansNest(spans: readonly TextSpan[]): boolean {
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const a = spans[i]!;
      const b = spans[j]!;
      const disjoint = a.end <= b.start || b.end <= a.start;
      const aInB = b.start <= a.start && a.end <= b.end;
      const bInA = a.start <= b.start && b.end <= a.end;
      if (!disjoint && !aInB && !bInA) return false;
    }
  }
  return true;
}
