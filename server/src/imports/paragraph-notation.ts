/**
 * One imported paragraph's words with the negotiation data laid over them: brackets and inline
 * options (read with the shared notation, `parseBracketed`), footnote references ("[^1]") and
 * editorial notes typed inside the paragraph ("[Note: …]"). Every later edit of the words (typed
 * numbering taken off, a status note cut, spaces trimmed) goes through `removeRange`, which keeps
 * the spans and reference positions in step with the words.
 */
import {
  parseBracketed,
  type InlineOptionSet,
  type NotationProblem,
  type TextSpan,
} from '@accord/shared';

export interface AnnotatedText {
  text: string;
  brackets: TextSpan[];
  inlineOptions: InlineOptionSet[];
  /** Footnote references: the note's id and where the reference stood. */
  footnoteRefs: { id: string; at: number }[];
}

export interface ReadParagraph {
  annotated: AnnotatedText;
  problems: NotationProblem[];
  /** Editorial notes taken out of the paragraph, in their own words. */
  editorialNotes: string[];
}

/** Who writes notes to the reader rather than words of the text. */
const NOTE_LABEL =
  "(?:(?:editor(?:'|’)?s|editorial|secretariat|facilitators?(?:'|’)?|co-facilitators?(?:'|’)?|chair(?:'|’)?s?|drafting)\\s+notes?|notes?(?:\\s+by\\s+the\\s+[\\w' -]{1,40}?)?)";
/** A whole paragraph that is a bracketed note: "[Note: …]", "[Editor's note: …]". */
const NOTE_PARAGRAPH = new RegExp(`^\\[\\s*${NOTE_LABEL}\\s*[:.—–-]\\s*\\S`, 'i');
/**
 * A note that says whose it is, without brackets: "Editor's note: …", "Note by the Chair: …". A
 * bare "Note: …" without brackets may be words of the text, so it stays a paragraph.
 */
const NAMED_NOTE_PARAGRAPH =
  /^(?:(?:editor(?:'|’)?s|editorial|secretariat|facilitators?(?:'|’)?|co-facilitators?(?:'|’)?|chair(?:'|’)?s?|drafting)\s+notes?|notes?\s+by\s+the\s+[\w' -]{1,40}?)\s*[:.—–-]\s*\S/i;
/** A note inside a paragraph; only the bracketed form, since a bare "Note:" is ordinary words. */
const INLINE_NOTE = new RegExp(`\\[\\s*${NOTE_LABEL}\\s*:`, 'gi');
const FOOTNOTE_REF = /\[\^([^\]\s]{1,40})\]/g;
/** Stands for a footnote reference while the notation is read; a private-use character. */
const SENTINEL = '\uE000';

/** Whether the whole paragraph is an editorial note (bracketed as a whole, or not bracketed). */
export function isEditorialNote(text: string): boolean {
  if (NAMED_NOTE_PARAGRAPH.test(text)) return true;
  return NOTE_PARAGRAPH.test(text) && closingBracket(text, 0) === text.length - 1;
}

/**
 * Stand-ins for brackets the source marks as literal (Markdown "\\[", "\\]"): the notation reads
 * past them, and `readParagraph` turns them back into "[" and "]" in the words.
 */
export const LITERAL_OPEN = '\uE001';
export const LITERAL_CLOSE = '\uE002';

/** Words with literal-bracket stand-ins turned back into brackets (for text read past the notation). */
export const withLiteralBrackets = (text: string): string =>
  text.replaceAll(LITERAL_OPEN, '[').replaceAll(LITERAL_CLOSE, ']');

/** Index of the "]" that closes the "[" at `from`, or -1. */
function closingBracket(text: string, from: number): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '[') depth++;
    else if (text[i] === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Reads a paragraph as typed (brackets, options, references, notes) into words and data. */
export function readParagraph(raw: string): ReadParagraph {
  let text = raw.replace(/[\uE000-\uE002]/g, (c) =>
    c === LITERAL_OPEN || c === LITERAL_CLOSE ? c : '',
  );
  const editorialNotes: string[] = [];
  for (let match = INLINE_NOTE.exec(text); match; match = INLINE_NOTE.exec(text)) {
    const close = closingBracket(text, match.index);
    if (close < 0) break;
    editorialNotes.push(text.slice(match.index + 1, close).trim());
    const before = text.slice(0, match.index).replace(/[ \t]+$/, '');
    const after = text.slice(close + 1).trimStart();
    // One space stays between the words on either side, none before punctuation.
    text = before + (before !== '' && after !== '' && !/^[.,;:)\]]/.test(after) ? ' ' : '') + after;
    INLINE_NOTE.lastIndex = before.length;
  }
  INLINE_NOTE.lastIndex = 0;

  const ids: string[] = [];
  text = text.replace(FOOTNOTE_REF, (_whole, id: string) => {
    ids.push(id);
    return SENTINEL;
  });
  const parsed = parseBracketed(text);
  let annotated: AnnotatedText = {
    text: withLiteralBrackets(parsed.text),
    brackets: parsed.brackets,
    inlineOptions: parsed.optionSets,
    footnoteRefs: [],
  };
  // The references come out last first, so that the earlier positions still hold.
  const at: number[] = [];
  for (let i = 0; i < annotated.text.length; i++) if (annotated.text[i] === SENTINEL) at.push(i);
  for (let n = at.length - 1; n >= 0; n--) {
    annotated = removeRange(annotated, at[n]!, at[n]! + 1);
    annotated.footnoteRefs.unshift({ id: ids[n] ?? '?', at: at[n]! });
  }
  return { annotated, problems: parsed.problems, editorialNotes };
}

/** A paragraph taken as words only: no brackets, options or references read. */
export function plainParagraph(raw: string): ReadParagraph {
  return {
    annotated: { text: raw, brackets: [], inlineOptions: [], footnoteRefs: [] },
    problems: [],
    editorialNotes: [],
  };
}

/**
 * The text without [from, to), every span and reference moved with its words. A bracket or
 * option that held only removed words is dropped (brackets) or left empty (options).
 */
export function removeRange(a: AnnotatedText, from: number, to: number): AnnotatedText {
  if (to <= from) return a;
  const width = to - from;
  const move = (p: number) => (p <= from ? p : p >= to ? p - width : from);
  const span = (s: TextSpan): TextSpan => ({ start: move(s.start), end: move(s.end) });
  return {
    text: a.text.slice(0, from) + a.text.slice(to),
    brackets: a.brackets
      .filter((b) => b.start === b.end || !(from <= b.start && b.end <= to))
      .map(span),
    inlineOptions: a.inlineOptions.map((set) => ({ ...set, spans: set.spans.map(span) })),
    footnoteRefs: a.footnoteRefs.map((r) => ({ ...r, at: move(r.at) })),
  };
}

/** The text with the spaces at both ends taken off. */
export function trimmed(a: AnnotatedText): AnnotatedText {
  const end = a.text.trimEnd().length;
  const cut = removeRange(a, end, a.text.length);
  return removeRange(cut, 0, cut.text.length - cut.text.trimStart().length);
}
