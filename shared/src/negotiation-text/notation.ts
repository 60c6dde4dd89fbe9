/**
 * The plain-text notation of brackets and options: how Accord writes them into a Markdown or
 * Word export (`renderBracketed`) and reads them back from an imported draft (`parseBracketed`).
 * The two are inverses: `parseBracketed(renderBracketed(text, brackets, options))` gives back the
 * same text, brackets and option sets (see notation.unit.spec.ts for the property test).
 *
 * Grammar of one paragraph (whitespace is significant unless said otherwise):
 *
 *   line        = { item }
 *   item        = bracket | option | literal | char
 *   bracket     = "[" { item } "]"                     a negotiation bracket; brackets nest
 *   option      = "[" label ":" [ " " ] words "]"       one alternative of an inline option set
 *   words       = "No text"                             the option strikes the words (empty span)
 *               | { item }                              the option's words (may hold brackets)
 *   label       = ( "Option" | "Alt" | "Alternative" ) " " designator [ " " suffix ] [ proposer ]
 *                                                       the keyword in any letter case
 *   designator  = digit { digit } | "A".."Z"
 *   suffix      = "bis" | "ter" | "quater" | "quinquies" | "sexies"
 *   proposer    = " (" 1*60 characters but "(", ")", "[", "]" ")"   as a compilation names them
 *   literal     = "[sic]" | "[sic!]"                    kept as text, any letter case
 *   char        = any character but "[" and "]"
 *
 * Inline option sets: consecutive options form one set when nothing but spaces (and empty
 * brackets "[]") stands between them, at the same nesting depth, and the later one is not
 * labelled "1" or "A" (a label 1 or A starts a new set). The spaces between two options belong to
 * the paragraph's text; each option's span covers its own words only. So
 *
 *   "Parties [Option 1: shall] [Option 2: should] report"
 *
 * is the text "Parties shall should report" with one set of two options, spans "shall" and
 * "should". An option's first space after the colon is part of the notation, not of its words.
 *
 * Whole-paragraph options (a set of alternative paragraphs) are written one paragraph each:
 *
 *   Option 1: <paragraph in the notation above>
 *   [Option 2: <paragraph>]                            the same, bracketed as a whole
 *   Option 3: No text                                  the option of deleting the paragraph
 *   Option 4                                           a label line: the next paragraph is the option
 *
 * `paragraphOptionOf` recognises these forms and `renderParagraphOption` writes the first one.
 *
 * What the notation cannot say, by design: a literal "[" or "]" in the words (other than "[sic]";
 * a Markdown import reads an escaped "\[" as one), option words that read exactly "No text", and
 * bracketed words that begin with an option label and a colon. A "[" that never closes and a "]"
 * that never opened are kept in the text as characters and reported as problems; parsing never
 * throws.
 */
import type { TextSpan } from './brackets.js';

/** The words an option stands for when it proposes no text at all. */
export const NO_TEXT = 'No text';

/** The alternatives of one inline option set: spans of the paragraph's text, in order, with labels. */
export interface InlineOptionSet {
  spans: TextSpan[];
  labels: string[];
}

export type NotationProblemCode = 'unclosed-bracket' | 'unopened-bracket';

/** Something in a line that the notation could not read as written; `at` counts the source line. */
export interface NotationProblem {
  code: NotationProblemCode;
  at: number;
  message: string;
}

export interface ParsedBracketed {
  /** The paragraph's words without the notation. */
  text: string;
  /** Every bracket pair, nested ones each, ordered by start (outer before inner). */
  brackets: TextSpan[];
  optionSets: InlineOptionSet[];
  problems: NotationProblem[];
}

const SUFFIX = '(?: (?:bis|ter|quater|quinquies|sexies))?';
/** Who proposed it, as a compilation names them: "Option 2 (PEL)". */
const PROPOSER = '(?: \\([^()[\\]]{1,60}\\))?';
const LABEL = `(?:Option|Alternative|Alt\\.?) (?:[0-9]{1,3}|[A-Z])${SUFFIX}${PROPOSER}`;
/** An option's opening at the start of a string: "[Option 2: " → label "Option 2". */
const OPTION_OPEN = new RegExp(`^\\[(${LABEL}):( ?)`, 'i');
const LITERAL = /^\[sic!?\]/i;
const LABEL_ONLY = new RegExp(`^(${LABEL})$`, 'i');

/** Whether a label reads as an option label of the notation ("Option 2", "Alt B bis"). */
export const isOptionLabel = (label: string): boolean => LABEL_ONLY.test(label);

/** Whether a label is the first of a set ("Option 1", "Option A"): it starts a new set. */
const startsSet = (label: string) => /^\S+ (?:1|A)(?: \(|$)/i.test(label);

const defaultLabel = (index: number) => `Option ${index + 1}`;

interface Mark {
  kind: 'bracket' | 'group' | 'option';
  span: TextSpan;
  open: string;
  close: string;
  /** "No text" stands in the place of an option's missing words. */
  filler: string;
  seq: number;
  /** An option's set, as a mark spanning all its options. */
  group?: Mark;
  children: Mark[];
}

const length = (span: TextSpan) => span.end - span.start;
const sameSpan = (a: TextSpan, b: TextSpan) => a.start === b.start && a.end === b.end;
const within = (inner: TextSpan, outer: TextSpan) =>
  outer.start <= inner.start && inner.end <= outer.end;

/**
 * Whether `outer` may hold `inner` (a bracket or a set) where their spans allow either order:
 * a bracket around a whole set holds the set, an option holds a bracket on its own words and a
 * set nested in it, and between equals the one given first is outer. Sets hold only their options.
 */
function mayHold(outer: Mark, inner: Mark): boolean {
  if (outer === inner || outer.kind === 'group' || inner.kind === 'option') return false;
  if (outer.group === inner || !within(inner.span, outer.span)) return false;
  if (!sameSpan(outer.span, inner.span)) return true;
  if (outer.kind === 'bracket') return inner.kind === 'group' || outer.seq < inner.seq;
  const own = outer.group!;
  if (inner.kind === 'bracket') return !sameSpan(own.span, inner.span);
  return !sameSpan(own.span, inner.span) || own.seq < inner.seq;
}

/**
 * Writes a paragraph in the notation: brackets as "[…]" (outer opens first, inner closes first),
 * inline options as "[Option 1: …]". Where a bracket and an option cover the same words the
 * option is written outside; a bracket around a whole option set is written outside the set.
 * Brackets and options must nest (see `spansNest`); crossing spans still show every word and
 * every bracket but do not read back the same. A label that is not an option label is replaced
 * by "Option N".
 */
export function renderBracketed(
  text: string,
  brackets: readonly TextSpan[],
  inlineOptions: readonly InlineOptionSet[] = [],
): string {
  const marks: Mark[] = [];
  const mark = (m: Omit<Mark, 'seq' | 'children'>): Mark => {
    const made: Mark = { ...m, seq: marks.length, children: [] };
    marks.push(made);
    return made;
  };
  for (const set of inlineOptions) {
    if (set.spans.length === 0) continue;
    const extent = {
      start: Math.min(...set.spans.map((s) => s.start)),
      end: Math.max(...set.spans.map((s) => s.end)),
    };
    const group = mark({ kind: 'group', span: extent, open: '', close: '', filler: '' });
    set.spans.forEach((span, i) => {
      const given = set.labels[i];
      const label = given !== undefined && isOptionLabel(given) ? given : defaultLabel(i);
      const filler = span.start === span.end ? NO_TEXT : '';
      const option = mark({
        kind: 'option',
        span,
        open: `[${label}: `,
        close: ']',
        filler,
        group,
      });
      group.children.push(option);
    });
  }
  for (const span of brackets) {
    mark({ kind: 'bracket', span, open: '[', close: ']', filler: '' });
  }

  // Each bracket and set hangs from the innermost bracket or option that may hold it.
  const root: Mark[] = [];
  for (const m of marks) {
    if (m.kind === 'option') continue;
    let parent: Mark | undefined;
    for (const c of marks) {
      if (!mayHold(c, m)) continue;
      if (
        parent === undefined ||
        length(c.span) < length(parent.span) ||
        (length(c.span) === length(parent.span) && mayHold(parent, c.group ?? c))
      ) {
        parent = c;
      }
    }
    (parent?.children ?? root).push(m);
  }

  const write = (span: TextSpan, children: Mark[]): string => {
    let out = '';
    let at = span.start;
    const ordered = [...children].sort(
      (a, b) => a.span.start - b.span.start || length(a.span) - length(b.span) || a.seq - b.seq,
    );
    for (const child of ordered) {
      // Crossing spans (bad input) are cut so that no word is written twice or lost.
      const start = Math.min(Math.max(child.span.start, at), span.end);
      const end = Math.min(Math.max(child.span.end, start), span.end);
      out += text.slice(at, start);
      // "No text" only where the option holds nothing at all; an empty option may hold empty marks.
      const inside =
        start === end && child.children.length === 0
          ? child.filler
          : write({ start, end }, child.children);
      out += child.open + inside + child.close;
      at = end;
    }
    return out + text.slice(at, span.end);
  };
  return write({ start: 0, end: text.length }, root);
}

interface OpenMark {
  kind: 'bracket' | 'option';
  label: string;
  /** Where its words start in the text being built. */
  start: number;
  /** Where it stood in the source, and how it was written there. */
  sourceAt: number;
  opener: string;
  seq: number;
  /** Whether anything (text or marks) came inside it. */
  hadMarks: boolean;
}

interface ClosedMark {
  kind: 'bracket' | 'option';
  span: TextSpan;
  seq: number;
  /** The option set it belongs to (options only). */
  set?: PendingSet;
  label: string;
}

interface PendingSet {
  members: ClosedMark[];
  /** Where the last option's words ended; only spaces may follow before the next option. */
  lastEnd: number;
  open: boolean;
}

/** Reads a paragraph written in the notation; never throws (see the module comment). */
export function parseBracketed(line: string): ParsedBracketed {
  let text = '';
  const stack: OpenMark[] = [];
  const closed: ClosedMark[] = [];
  const sets: PendingSet[] = [];
  const problems: NotationProblem[] = [];
  // The set still open for more options at each nesting depth.
  const pending = new Map<number, PendingSet>();
  let seq = 0;

  const breakSetAt = (depth: number) => {
    const set = pending.get(depth);
    if (set) set.open = false;
    pending.delete(depth);
  };
  const touchParent = () => {
    const parent = stack[stack.length - 1];
    if (parent) parent.hadMarks = true;
  };

  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '[') {
      const literal = LITERAL.exec(line.slice(i, i + 7));
      if (literal) {
        text += literal[0];
        i += literal[0].length;
        continue;
      }
      const option = OPTION_OPEN.exec(line.slice(i, i + 120));
      touchParent();
      if (option) {
        stack.push({
          kind: 'option',
          label: option[1]!,
          start: text.length,
          sourceAt: i,
          opener: option[0],
          seq: seq++,
          hadMarks: false,
        });
        i += option[0].length;
      } else {
        stack.push({
          kind: 'bracket',
          label: '',
          start: text.length,
          sourceAt: i,
          opener: '[',
          seq: seq++,
          hadMarks: false,
        });
        i += 1;
      }
      continue;
    }
    if (c === ']') {
      const mark = stack.pop();
      if (!mark) {
        problems.push({
          code: 'unopened-bracket',
          at: i,
          message: `A “]” at character ${i + 1} closes no bracket; it was kept as text`,
        });
        text += c;
        i += 1;
        continue;
      }
      const depth = stack.length;
      const start = mark.start;
      if (mark.kind === 'option' && !mark.hadMarks && text.slice(start) === NO_TEXT) {
        text = text.slice(0, start);
      }
      const span = { start, end: text.length };
      if (mark.kind === 'bracket') {
        closed.push({ kind: 'bracket', span, seq: mark.seq, label: '' });
        // Only an empty bracket may stand between two options of one set.
        if (span.start !== span.end) breakSetAt(depth);
      } else {
        const before = pending.get(depth);
        const joins =
          before !== undefined &&
          before.open &&
          !startsSet(mark.label) &&
          /^\s*$/.test(text.slice(before.lastEnd, start));
        let set: PendingSet;
        if (joins) {
          set = before;
        } else {
          breakSetAt(depth);
          set = { members: [], lastEnd: 0, open: true };
          sets.push(set);
        }
        const option: ClosedMark = { kind: 'option', span, seq: mark.seq, set, label: mark.label };
        set.members.push(option);
        set.lastEnd = span.end;
        pending.set(depth, set);
        closed.push(option);
      }
      i += 1;
      continue;
    }
    if (!/\s/.test(c)) {
      // Words at this depth end any set waiting for its next option.
      const set = pending.get(stack.length);
      if (set) breakSetAt(stack.length);
    }
    text += c;
    i += 1;
  }

  // Brackets left open: their opening characters go back into the text, where they stood.
  for (let u = stack.length - 1; u >= 0; u--) {
    const mark = stack[u]!;
    problems.push({
      code: 'unclosed-bracket',
      at: mark.sourceAt,
      message: `The “${mark.opener.trim()}” at character ${mark.sourceAt + 1} is never closed; it was kept as text`,
    });
    text = text.slice(0, mark.start) + mark.opener + text.slice(mark.start);
    const shift = mark.opener.length;
    for (const other of closed) {
      if (other.seq > mark.seq) {
        other.span = { start: other.span.start + shift, end: other.span.end + shift };
      }
    }
  }
  problems.sort((a, b) => a.at - b.at);

  const brackets = closed
    .filter((m) => m.kind === 'bracket')
    .map((m) => m.span)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const optionSets = sets
    .map((set) => ({
      spans: set.members.map((m) => m.span),
      labels: set.members.map((m) => m.label),
    }))
    .sort((a, b) => a.spans[0]!.start - b.spans[0]!.start || b.spans[0]!.end - a.spans[0]!.end);
  return { text, brackets, optionSets, problems };
}

/** One paragraph of a whole-paragraph option set, as `paragraphOptionOf` reads it. */
export interface ParagraphOptionLine {
  /** "Option 2" as written. */
  label: string;
  /** The paragraph's words, still in the notation; empty for "No text" and for a label line. */
  text: string;
  /** "Option 3: No text": the option of having no paragraph here. */
  noText: boolean;
  /** "Option 4" alone: the paragraph that follows is the option's. */
  labelOnly: boolean;
}

const PARAGRAPH_OPTION = new RegExp(`^(${LABEL})\\s*(?::\\s*([\\s\\S]*))?$`, 'i');

/** Index of the "]" that closes the "[" at `from`, or -1. "[sic]" counts as text. */
function closingOf(line: string, from: number): number {
  let depth = 0;
  for (let i = from; i < line.length; i++) {
    if (line[i] === '[') {
      const literal = LITERAL.exec(line.slice(i, i + 7));
      if (literal) {
        i += literal[0].length - 1;
        continue;
      }
      depth++;
    } else if (line[i] === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * Recognises a paragraph that is one option of a whole-paragraph set: "Option 1: …",
 * "[Option 2: …]" (one bracket around the whole paragraph), "Option 3: No text", or the label
 * alone ("Option 4", "Option 4:"). A line that only starts with an inline option
 * ("[Option 1: shall] [Option 2: should] …") is not one.
 */
export function paragraphOptionOf(line: string): ParagraphOptionLine | undefined {
  let body = line.trim();
  if (body.startsWith('[')) {
    if (!OPTION_OPEN.test(body) || closingOf(body, 0) !== body.length - 1) return undefined;
    body = body.slice(1, -1).trim();
  }
  const match = PARAGRAPH_OPTION.exec(body);
  if (!match) return undefined;
  const words = (match[2] ?? '').trim();
  const noText = words.replace(/[.;]$/, '').toLowerCase() === NO_TEXT.toLowerCase();
  return {
    label: match[1]!,
    text: noText ? '' : words,
    noText,
    labelOnly: match[2] === undefined || (words === '' && !noText),
  };
}

/** Writes one paragraph of a whole-paragraph option set; `null` words is "No text". */
export function renderParagraphOption(label: string, words: string | null): string {
  return `${label}: ${words ?? NO_TEXT}`;
}
