/**
 * Matching the paragraphs of a document's next revision, as the facilitators circulated it, to
 * the paragraphs of the live text. A matched paragraph keeps its id in the new revision, so the
 * positions, comments and amendments that point at it carry forward; an unmatched new one is
 * new, an unmatched old one was deleted.
 *
 *   const { matches, removed } = matchParagraphs(current, incoming);
 *   // matches[j] = { matchedId: 'p-7', similarity: 0.92, how: 'number' } for incoming[j]
 *
 * HOW. Similarity is the Dice coefficient of the two paragraphs' word multisets (words are runs
 * of letters and digits, compared without letter case): 2·|common words| / (|words of a| +
 * |words of b|), 1 for identical wording, 0 for nothing in common. Dice was chosen over an LCS
 * ratio because it is linear per pair, so all pairs of two 2,000-paragraph texts stay cheap, and
 * the order of paragraphs (which is what matters here) is enforced by the alignment instead.
 *
 * A pair may match when
 * - the two carry the same number ("OP 5" and "OP 5") and their words are still similar,
 *   Dice ≥ {@link SAME_NUMBER_THRESHOLD} (0.3: a paragraph reworded in place, most words kept), or
 * - whatever their numbers, Dice ≥ {@link TEXT_THRESHOLD} (0.5: on average at least half the
 *   words in common; below that, unrelated paragraphs of one text start to look alike, since
 *   they share "States", "shall", "to", "the", …).
 * A heading only matches a heading; the other kinds match each other (a sub-paragraph promoted
 * to a paragraph keeps its identity).
 *
 * The matches form a monotone alignment (no two matches cross), chosen to maximise the sum of
 * similarities plus {@link SAME_NUMBER_BONUS} per pair with the same number: the number breaks
 * near-ties in favour of staying in place, but does not outweigh the wording, so a paragraph
 * inserted in the middle (which shifts every later number) does not drag the later ones off
 * their true partners.
 */
import type { ParagraphKind } from '../vocabulary.js';

export interface CurrentParagraph {
  id: string;
  kind: ParagraphKind;
  /** Its number now ("PP 3", "OP 5 bis"); null for headings. */
  label: string | null;
  text: string;
}

export interface IncomingParagraph {
  kind: ParagraphKind;
  /** The number it carries in the uploaded text; null for headings. */
  label: string | null;
  text: string;
}

export type MatchHow = 'number' | 'text' | 'new';

export interface ParagraphMatch {
  /** The id of the current paragraph it continues; null for a new paragraph. */
  matchedId: string | null;
  /** Dice similarity of the words with the matched paragraph (0 for a new paragraph). */
  similarity: number;
  /** Matched with the same number, by wording alone, or not matched at all. */
  how: MatchHow;
}

export interface ParagraphMatching {
  /** One per incoming paragraph, in order. */
  matches: ParagraphMatch[];
  /** Current paragraphs no incoming one continues: deleted by the new text, in document order. */
  removed: CurrentParagraph[];
}

export const TEXT_THRESHOLD = 0.5;
export const SAME_NUMBER_THRESHOLD = 0.3;
export const SAME_NUMBER_BONUS = 0.25;

/** Lower-cased words (letters and digits) of a text. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) as string[];
}

/** A word multiset as sorted word ids, so that two are intersected by one merge. */
type Bag = Uint32Array;

function bagOf(words: readonly string[], ids: Map<string, number>): Bag {
  const bag = new Uint32Array(words.length);
  words.forEach((word, i) => {
    let id = ids.get(word);
    if (id === undefined) {
      id = ids.size;
      ids.set(word, id);
    }
    bag[i] = id;
  });
  return bag.sort();
}

function commonCount(a: Bag, b: Bag): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common += 1;
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return common;
}

function dice(a: Bag, b: Bag): number {
  // Two texts without words (a rule "* * *", a lone dash) are alike as far as words can tell.
  if (a.length === 0 && b.length === 0) return 1;
  return (2 * commonCount(a, b)) / (a.length + b.length);
}

/** Dice similarity of two texts' words, from 0 to 1 (see the module comment). */
export function paragraphSimilarity(a: string, b: string): number {
  const ids = new Map<string, number>();
  return dice(bagOf(wordsOf(a), ids), bagOf(wordsOf(b), ids));
}

const normaliseLabel = (label: string | null): string | null =>
  label === null ? null : label.trim().replace(/\s+/g, ' ').toLowerCase();

const kindsMayMatch = (a: ParagraphKind, b: ParagraphKind): boolean =>
  (a === 'heading') === (b === 'heading');

/** Float tolerance when the backtrack compares sums computed in different orders. */
const EPSILON = 1e-9;

/**
 * Matches incoming paragraphs to current ones (see the module comment). Pure and deterministic:
 * among alignments of equal weight it prefers pairing over skipping, and pairing earlier
 * paragraphs, so a text matched against itself pairs every paragraph with itself.
 */
export function matchParagraphs(
  current: readonly CurrentParagraph[],
  incoming: readonly IncomingParagraph[],
): ParagraphMatching {
  const n = current.length;
  const m = incoming.length;
  const ids = new Map<string, number>();
  const oldBags = current.map((p) => bagOf(wordsOf(p.text), ids));
  const newBags = incoming.map((p) => bagOf(wordsOf(p.text), ids));
  const oldLabels = current.map((p) => normaliseLabel(p.label));
  const newLabels = incoming.map((p) => normaliseLabel(p.label));

  /** The pair's weight in the alignment and its similarity; weight 0 when it may not match. */
  const pair = (
    i: number,
    j: number,
  ): { weight: number; similarity: number; sameNumber: boolean } => {
    const none = { weight: 0, similarity: 0, sameNumber: false };
    if (!kindsMayMatch(current[i]!.kind, incoming[j]!.kind)) return none;
    const a = oldBags[i]!;
    const b = newBags[j]!;
    const sameNumber = oldLabels[i] !== null && oldLabels[i] === newLabels[j];
    const threshold = sameNumber ? SAME_NUMBER_THRESHOLD : TEXT_THRESHOLD;
    // Dice can be no higher than 2·min/(sum): skip the merge when even that is too low.
    const total = a.length + b.length;
    if (total > 0 && (2 * Math.min(a.length, b.length)) / total < threshold) return none;
    const similarity = dice(a, b);
    if (similarity < threshold) return none;
    return { weight: similarity + (sameNumber ? SAME_NUMBER_BONUS : 0), similarity, sameNumber };
  };

  // best[i][j]: the weight of the heaviest alignment of current[0, i) with incoming[0, j). The
  // backtrack computes again the few pairs it visits rather than keeping all n·m weights.
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const w = pair(i - 1, j - 1).weight;
      const skip = Math.max(best[(i - 1) * width + j]!, best[i * width + j - 1]!);
      const take = w > 0 ? best[(i - 1) * width + j - 1]! + w : -Infinity;
      best[i * width + j] = Math.max(skip, take);
    }
  }

  const matches: ParagraphMatch[] = incoming.map(() => ({
    matchedId: null,
    similarity: 0,
    how: 'new',
  }));
  const kept = new Set<number>();
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const here = best[i * width + j]!;
    const { weight: w, similarity, sameNumber } = pair(i - 1, j - 1);
    if (w > 0 && best[(i - 1) * width + j - 1]! + w >= here - EPSILON) {
      matches[j - 1] = {
        matchedId: current[i - 1]!.id,
        similarity,
        how: sameNumber ? 'number' : 'text',
      };
      kept.add(i - 1);
      i -= 1;
      j -= 1;
    } else if (best[(i - 1) * width + j]! >= here - EPSILON) {
      i -= 1;
    } else {
      j -= 1;
    }
  }
  return { matches, removed: current.filter((_, index) => !kept.has(index)) };
}
