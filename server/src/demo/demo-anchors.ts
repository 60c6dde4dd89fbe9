// Where a demo amendment or comment quote sits in its paragraph: the character range an editor
// selection would send, found in the live text so the server anchors it like any other.
import type { DemoAmendment } from './demo-negotiation.js';

export interface CharacterRange {
  start: number;
  end: number;
}

/** The range of `words` in `text`; they must occur exactly once, or the anchor would be a guess. */
export function rangeOfWords(text: string, words: string, what: string): CharacterRange {
  const start = text.indexOf(words);
  if (words.length === 0 || start === -1 || text.indexOf(words, start + 1) !== -1) {
    throw new Error(`Demo ${what}: "${words}" does not occur exactly once in its paragraph`);
  }
  return { start, end: start + words.length };
}

/**
 * The range an amendment changes: the words it deletes or replaces, or for an insertion the
 * empty range right after the words it follows (the data's `originalText`).
 */
export function amendmentRange(
  amendment: Pick<DemoAmendment, 'key' | 'kind' | 'originalText'>,
  text: string,
): CharacterRange {
  const range = rangeOfWords(text, amendment.originalText, `amendment ${amendment.key}`);
  return amendment.kind === 'insert' ? { start: range.end, end: range.end } : range;
}
