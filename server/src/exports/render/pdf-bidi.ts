/**
 * Right-to-left and mixed lines for the PDF: pdfkit wraps words left to right and has no
 * bidirectional algorithm (foliojs/pdfkit#219), while fontkit already shapes an Arabic word
 * (joining forms, ligatures) and lays its glyphs out right to left. So this module breaks the
 * text into lines itself, then puts each line's words in visual order with the reordering rule
 * of the Unicode bidirectional algorithm (L2) applied word by word: Arabic words at odd levels,
 * Latin words and numbers at even ones, neutrals taking the level of their neighbours. Pure; the
 * PDF renderer measures and draws.
 */

const ARABIC_LETTER =
  /[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]/;
const OTHER_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A word's strong direction: right to left (Arabic), left to right (Latin, CJK, digits) or none. */
export function strongOf(word: string): 'rtl' | 'ltr' | null {
  if (ARABIC_LETTER.test(word)) return 'rtl';
  return OTHER_LETTER_OR_DIGIT.test(word) ? 'ltr' : null;
}

/** True when the text holds a right-to-left letter, so the PDF must lay it out itself. */
export const hasRtl = (text: string): boolean => ARABIC_LETTER.test(text);

/** The base direction of a line of text: that of its first strong word (UBA rules P2–P3). */
export function baseDirectionOf(text: string): 'rtl' | 'ltr' {
  for (const word of text.split(/\s+/)) {
    const strong = strongOf(word);
    if (strong) return strong;
  }
  return 'ltr';
}

/**
 * The visual order (left to right) of a line's pieces, given in logical order. Each piece is a
 * word or a space; its level is 1 when right to left, 0 or 2 when left to right (2 inside a
 * right-to-left paragraph), neutrals between two pieces of one direction take it, others the
 * paragraph's. Returns indices into `pieces`.
 */
export function visualOrder(pieces: readonly string[], base: 'rtl' | 'ltr'): number[] {
  const levels = bidiLevels(pieces, base);
  const order = pieces.map((_, i) => i);
  const highest = Math.max(0, ...levels);
  // L2: from the highest level down to the lowest odd one, reverse every run at that level or above.
  for (let level = highest; level >= 1; level -= 1) {
    let i = 0;
    while (i < order.length) {
      if (levels[order[i]!]! < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < order.length && levels[order[j]!]! >= level) j += 1;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      i = j;
    }
  }
  return order;
}

/** The embedding level of each piece (see visualOrder). */
export function bidiLevels(pieces: readonly string[], base: 'rtl' | 'ltr'): number[] {
  const baseLevel = base === 'rtl' ? 1 : 0;
  const ltrLevel = base === 'rtl' ? 2 : 0;
  const strong = pieces.map(strongOf);
  const levelOf = (d: 'rtl' | 'ltr') => (d === 'rtl' ? 1 : ltrLevel);
  const levels = strong.map((d, i) => {
    if (d) return levelOf(d);
    const before =
      strong
        .slice(0, i)
        .reverse()
        .find((s) => s !== null) ?? base;
    const after = strong.slice(i + 1).find((s) => s !== null) ?? base;
    return before === after ? levelOf(before) : baseLevel;
  });
  return levels;
}

const MIRRORS: Readonly<Record<string, string>> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '«': '»',
  '»': '«',
  '‹': '›',
  '›': '‹',
  '“': '”',
  '”': '“',
};

/** A neutral piece set right to left shows its mirrored glyphs: "(" reads ")" (UBA rule L4). */
export const mirrored = (text: string): string => [...text].map((c) => MIRRORS[c] ?? c).join('');

/** Text cut into words, spaces and the brackets and quotes around them, each a piece of its own. */
export const bidiPieces = (text: string): string[] =>
  text.split(/(\s+|[()[\]«»‹›“”])/).filter((piece) => piece.length > 0);
