/**
 * Weaves a paragraph's brackets and inline options into its runs: each bracket becomes a `[`
 * and a `]` mark, each inline option an "[Option 1: " … "]" pair, at the offsets of the
 * paragraph's plain words. The marks carry what they delimit, so Akoma Ntoso can nest elements
 * while the other formats print the characters. The compilation adds, after each closing
 * bracket, who placed it, and to each option label who proposed it.
 *
 * The shared plain-text notation (`renderBracketed` in @accord/shared) decides where and in
 * which order the marks go (which of two brackets over the same words is outer, where "No text"
 * stands), so an export read back by the import gives the same brackets and options. This
 * module only finds each of the notation's marks again among the paragraph's brackets and
 * options, to attach who placed it. When it cannot (spans that cross, which the record
 * refuses), it orders the marks itself, wider spans outside, and `bracketRuns` then prints the
 * notation's own text rather than a different one.
 *
 * A compilation also places amendments in the same words: `BracketWeaver` hands out the text
 * piece by piece, so the amendment builder can skip the words an amendment rewrites. A bracket
 * edge inside skipped words moves to the start of the skip, which keeps every pair nested.
 */
import {
  isOptionLabel,
  NO_TEXT,
  renderBracketed,
  type InlineOptionSet,
  type TextSpan,
} from '@accord/shared';
import type { Attribution, BracketMark, Delimiter, InlineOptionSetMark, Run } from './model.js';

export interface WeaveOptions {
  /** Print who placed each bracket and proposed each option (the compilation). */
  attribute: boolean;
}

interface Edge {
  pos: number;
  /** Turn among the edges; edges of one position print in this order. */
  rank: number;
  runs: Run[];
}

interface Span {
  span: TextSpan;
  /** How the notation opens it: "[" or "[Option 2: ". */
  notationOpen: string;
  open: Run[];
  /** "No text", for an option with no words (and no marks inside). */
  filler: Run[];
  close: Run[];
}

const tagText = (by: Attribution, note: string) =>
  `(${by.authorCode ?? by.author}${note.trim() ? `: ${note.trim()}` : ''})`;

function spansOf(
  brackets: readonly BracketMark[],
  optionSets: readonly InlineOptionSetMark[],
  options: WeaveOptions,
): Span[] {
  const spans: Span[] = [];
  for (const set of optionSets)
    set.options.forEach((o, i) => {
      const delimiter = (role: Delimiter['role']): Delimiter => ({
        role,
        element: 'option',
        id: o.id,
        eId: o.eId,
        by: o.by,
        label: o.label,
        optionSetEId: set.eId,
      });
      // The notation writes a label it cannot read back as "Option N".
      const label = isOptionLabel(o.label) ? o.label : `Option ${i + 1}`;
      const who = options.attribute ? ` (${o.by.authorCode ?? o.by.author})` : '';
      const empty = o.span.end <= o.span.start;
      spans.push({
        span: o.span,
        notationOpen: `[${label}: `,
        open: [{ text: `[${label}${who}: `, kind: 'mark', delimits: delimiter('open') }],
        // An option with no words proposes to strike the others: it reads "No text".
        filler: empty ? [{ text: NO_TEXT, kind: 'mark' }] : [],
        close: [{ text: ']', kind: 'mark', delimits: delimiter('close') }],
      });
    });
  for (const b of brackets) {
    const delimiter = (role: Delimiter['role']): Delimiter => ({
      role,
      element: 'bracket',
      id: b.id,
      eId: b.eId,
      by: b.by,
      note: b.note,
    });
    spans.push({
      span: b.span,
      notationOpen: '[',
      open: [{ text: '[', kind: 'mark', delimits: delimiter('open') }],
      filler: [],
      close: [
        { text: ']', kind: 'mark', delimits: delimiter('close') },
        ...(options.attribute
          ? [{ text: tagText(b.by, b.note), kind: 'mark' as const, tag: true }]
          : []),
      ],
    });
  }
  return spans;
}

const clampTo = (length: number) => (span: TextSpan) => {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
};

/** What the notation is given: the brackets and the inline option sets, as spans. */
function notationOf(
  text: string,
  brackets: readonly BracketMark[],
  optionSets: readonly InlineOptionSetMark[],
): string {
  const sets: InlineOptionSet[] = optionSets.map((s) => ({
    spans: s.options.map((o) => o.span),
    labels: s.options.map((o) => o.label),
  }));
  return renderBracketed(
    text,
    brackets.map((b) => b.span),
    sets,
  );
}

/**
 * The spans' edges in the notation's order, found by reading the notation along the text: a
 * character that is the text's next one is text; otherwise it is a mark, matched to an unopened
 * span that starts here or to the innermost open one. Which of several spans starting at one
 * place a mark opens shows only later, where it closes, so the reading tries the likeliest first
 * and goes back when the text does not agree. Null when the notation does not read as these
 * spans, or when that takes too long (hostile numbers of equal spans).
 */
function notationEdges(text: string, spans: readonly Span[], notation: string): Edge[] | null {
  const clamp = clampTo(text.length);
  const places = spans.map((s) => clamp(s.span));
  let budget = 50_000;

  const read = (
    from: number,
    at: number,
    stack: readonly number[],
    opened: ReadonlySet<number>,
    edges: readonly Edge[],
  ): Edge[] | null => {
    let i = from;
    let j = at;
    const open = [...stack];
    const done = [...edges];
    while (i < notation.length) {
      if (--budget < 0) return null;
      const top = open.at(-1);
      if (
        top !== undefined &&
        places[top]!.start === places[top]!.end &&
        notation.startsWith(`${NO_TEXT}]`, i)
      ) {
        done.push({ pos: j, rank: done.length, runs: spans[top]!.filler });
        i += NO_TEXT.length;
        continue;
      }
      if (j < text.length && notation[i] === text[j]) {
        i += 1;
        j += 1;
        continue;
      }
      if (notation[i] === ']') {
        const k = open.pop();
        if (k === undefined || places[k]!.end !== j) return null;
        done.push({ pos: j, rank: done.length, runs: spans[k]!.close });
        i += 1;
        continue;
      }
      // The spans this mark may open: one per distinct opening and end (equal spans are
      // interchangeable), an option's opening before a bracket's "[", then wider first.
      const choices = new Map<string, number>();
      spans.forEach((s, k) => {
        if (opened.has(k) || places[k]!.start !== j || !notation.startsWith(s.notationOpen, i))
          return;
        const key = `${s.notationOpen.length}:${places[k]!.end}`;
        if (!choices.has(key)) choices.set(key, k);
      });
      const ordered = [...choices.values()].sort(
        (a, b) =>
          spans[b]!.notationOpen.length - spans[a]!.notationOpen.length ||
          places[b]!.end - places[a]!.end,
      );
      for (const k of ordered) {
        const found = read(
          i + spans[k]!.notationOpen.length,
          j,
          [...open, k],
          new Set([...opened, k]),
          [...done, { pos: j, rank: done.length, runs: spans[k]!.open }],
        );
        if (found) return found;
      }
      return null;
    }
    return j === text.length && open.length === 0 && opened.size === spans.length ? done : null;
  };
  return read(0, 0, [], new Set(), []);
}

/** The edges ordered without the notation: wider spans outside, empty spans opened and closed at once. */
function sortedEdges(text: string, spans: readonly Span[]): Edge[] {
  const clamp = clampTo(text.length);
  const edges: (Edge & { phase: number })[] = [];
  const weight = spans.length + 1;
  spans.forEach((s, i) => {
    const { start, end } = clamp(s.span);
    const width = end - start;
    const rank = -width * weight + i;
    if (width === 0) {
      edges.push({ pos: start, phase: 1, rank, runs: [...s.open, ...s.filler, ...s.close] });
      return;
    }
    edges.push({ pos: start, phase: 1, rank, runs: s.open });
    edges.push({ pos: end, phase: 0, rank: width * weight - i, runs: s.close });
  });
  return edges
    .sort((a, b) => a.pos - b.pos || a.phase - b.phase || a.rank - b.rank)
    .map(({ pos, runs }, rank) => ({ pos, rank, runs }));
}

function edgesOf(
  text: string,
  brackets: readonly BracketMark[],
  optionSets: readonly InlineOptionSetMark[],
  options: WeaveOptions,
): Edge[] {
  const spans = spansOf(brackets, optionSets, options);
  if (spans.length === 0) return [];
  return (
    notationEdges(text, spans, notationOf(text, brackets, optionSets)) ?? sortedEdges(text, spans)
  );
}

export class BracketWeaver {
  private at = 0;
  private next = 0;
  private readonly edges: Edge[];

  constructor(
    private readonly text: string,
    brackets: readonly BracketMark[],
    optionSets: readonly InlineOptionSetMark[],
    options: WeaveOptions,
  ) {
    this.edges = edgesOf(text, brackets, optionSets, options);
  }

  /** Marks whose position is before `pos` (or at it, when `inclusive`), not yet printed. */
  private edgesBefore(pos: number, inclusive: boolean): Run[] {
    const runs: Run[] = [];
    while (this.next < this.edges.length) {
      const edge = this.edges[this.next]!;
      if (edge.pos > pos || (!inclusive && edge.pos === pos)) break;
      runs.push(...edge.runs);
      this.next += 1;
    }
    return runs;
  }

  /** The words up to `to`, with the marks among them (marks at `to` itself wait). */
  plain(to: number): Run[] {
    const runs: Run[] = [];
    while (this.at < to) {
      runs.push(...this.edgesBefore(this.at, true));
      const following = this.edges[this.next]?.pos ?? Infinity;
      const end = Math.min(to, following);
      if (end > this.at) runs.push({ text: this.text.slice(this.at, end) });
      this.at = Math.max(this.at, end);
    }
    return runs;
  }

  /** Marks at `start` and inside [start, end), without the words, which the caller shows. */
  passOver(start: number, end: number): Run[] {
    const runs = [...this.plain(start), ...this.edgesBefore(Math.max(start, end - 1), true)];
    this.at = Math.max(this.at, end);
    return runs;
  }

  /** The rest of the words and every mark left, the ones at the very end included. */
  rest(): Run[] {
    return [...this.plain(this.text.length), ...this.edgesBefore(Infinity, true)];
  }
}

const plainText = (runs: readonly Run[]) => runs.map((r) => r.text).join('');

/**
 * A paragraph's words with its brackets and inline options. Without attribution, the runs read
 * exactly as the shared notation writes the paragraph; if they ever did not, the notation wins.
 */
export function bracketRuns(
  text: string,
  brackets: readonly BracketMark[],
  optionSets: readonly InlineOptionSetMark[],
  options: WeaveOptions,
): Run[] {
  const runs = new BracketWeaver(text, brackets, optionSets, options).rest();
  if (options.attribute) return runs;
  const notation = notationOf(text, brackets, optionSets);
  return plainText(runs) === notation ? runs : [{ text: notation }];
}
