// The one amendment a suggestion becomes: the smallest run of the paragraph's words that the
// delegate changed, widened to whole words, as the range and proposed text the amendment API
// takes. Whole words because an amendment quoting "cit" → "citi" reads badly in the chair's
// queue and in the compilation, while "city" → "cities" reads as negotiators write.
//
//   changedRange('every city now', 'every cities now')
//   // { kind: 'replace', start: 6, end: 10, originalText: 'city', proposedText: 'cities' }

export interface SuggestedChange {
  kind: 'insert' | 'delete' | 'replace';
  /** Characters of the paragraph's words as they stood: [start, end); equal for an insertion. */
  start: number;
  end: number;
  /** The words replaced or deleted (empty for an insertion). */
  originalText: string;
  /** The words put in their place (empty for a deletion). */
  proposedText: string;
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** Position `i` ends a word (or the text) in `text`. */
const endsWord = (text: string, i: number): boolean => i >= text.length || isSpace(text[i]);
/** Position `i` starts a word (or the text) in `text`. */
const startsWord = (text: string, i: number): boolean => i <= 0 || isSpace(text[i - 1]);

/** The change from `before` to `after` as one range of `before`, or null when nothing changed. */
export function changedRange(before: string, after: string): SuggestedChange | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);

  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix += 1;
  // Keep the shared start only up to a word boundary that holds on both sides.
  while (
    prefix > 0 &&
    !isSpace(before[prefix - 1]) &&
    !(endsWord(before, prefix) && endsWord(after, prefix))
  )
    prefix -= 1;

  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix += 1;
  while (
    suffix > 0 &&
    !isSpace(before[before.length - suffix]) &&
    !(startsWord(before, before.length - suffix) && startsWord(after, after.length - suffix))
  )
    suffix -= 1;

  const start = prefix;
  const end = before.length - suffix;
  const originalText = before.slice(start, end);
  const proposedText = after.slice(prefix, after.length - suffix);
  if (!originalText && !proposedText) return null;
  const kind = !originalText ? 'insert' : !proposedText ? 'delete' : 'replace';
  return { kind, start, end, originalText, proposedText };
}
