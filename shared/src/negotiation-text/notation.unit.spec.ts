import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextSpan } from './brackets.js';
import {
  paragraphOptionOf,
  parseBracketed,
  renderBracketed,
  renderParagraphOption,
  type InlineOptionSet,
} from './notation.js';

describe('renderBracketed', () => {
  it('writes nested brackets outer first and closes inner first', () => {
    const text = 'reduce the high costs of cooling';
    expect(
      renderBracketed(text, [
        { start: 7, end: 21 },
        { start: 11, end: 15 },
      ]),
    ).toBe('reduce [the [high] costs] of cooling');
  });

  it('writes inline options with their labels and an empty option as "No text"', () => {
    const text = 'Parties shall should report';
    const options: InlineOptionSet[] = [
      {
        spans: [
          { start: 8, end: 13 },
          { start: 14, end: 20 },
          { start: 20, end: 20 },
        ],
        labels: ['Option 1', 'Option 2', 'Option 3'],
      },
    ];
    expect(renderBracketed(text, [], options)).toBe(
      'Parties [Option 1: shall] [Option 2: should][Option 3: No text] report',
    );
  });

  it('puts the option outside a bracket of the same span', () => {
    expect(
      renderBracketed(
        'a b',
        [{ start: 0, end: 1 }],
        [
          {
            spans: [
              { start: 0, end: 1 },
              { start: 2, end: 3 },
            ],
            labels: ['Option 1', 'Option 2'],
          },
        ],
      ),
    ).toBe('[Option 1: [a]] [Option 2: b]');
  });
});

describe('parseBracketed', () => {
  it('reads nested brackets into spans of the text without them', () => {
    const parsed = parseBracketed('reduce [the [high] costs] of cooling');
    expect(parsed.text).toBe('reduce the high costs of cooling');
    expect(parsed.brackets).toEqual([
      { start: 7, end: 21 },
      { start: 11, end: 15 },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('reads consecutive options as one set and a label 1 as the start of another', () => {
    const parsed = parseBracketed(
      '[Option 1: shall] [Option 2: should] [Option 1: take] [Alt 2: consider] measures',
    );
    expect(parsed.text).toBe('shall should take consider measures');
    expect(parsed.optionSets).toEqual([
      { spans: [sp(0, 5), sp(6, 12)], labels: ['Option 1', 'Option 2'] },
      { spans: [sp(13, 17), sp(18, 26)], labels: ['Option 1', 'Alt 2'] },
    ]);
    expect(parsed.brackets).toEqual([]);
  });

  it('reads the proposer a compilation writes after a label as part of the label', () => {
    const parsed = parseBracketed('[Option 1 (MRU): shall] [Option 2 (PEL): should] act');
    expect(parsed.text).toBe('shall should act');
    expect(parsed.optionSets).toEqual([
      { spans: [sp(0, 5), sp(6, 12)], labels: ['Option 1 (MRU)', 'Option 2 (PEL)'] },
    ]);
    expect(paragraphOptionOf('Option 2 (PEL)')).toMatchObject({
      label: 'Option 2 (PEL)',
      labelOnly: true,
    });
  });

  it('ends a set at words between options', () => {
    const parsed = parseBracketed('[Option 1: a] and [Option 2: b]');
    expect(parsed.optionSets.map((s) => s.labels)).toEqual([['Option 1'], ['Option 2']]);
  });

  it('reads "No text" as an option with no words, and brackets inside options', () => {
    const parsed = parseBracketed('to [Option 1: [all] cities] [Option 2: No text].');
    expect(parsed.text).toBe('to all cities .');
    expect(parsed.brackets).toEqual([sp(3, 6)]);
    expect(parsed.optionSets).toEqual([
      { spans: [sp(3, 13), sp(14, 14)], labels: ['Option 1', 'Option 2'] },
    ]);
  });

  it('keeps [sic] as words', () => {
    const parsed = parseBracketed('the [heatwaves [sic]] of 2025');
    expect(parsed.text).toBe('the heatwaves [sic] of 2025');
    expect(parsed.brackets).toEqual([sp(4, 19)]);
  });

  it('keeps an unclosed "[" and a stray "]" as characters and reports both', () => {
    const parsed = parseBracketed('a [b [c] d and e] f] g');
    expect(parsed.text).toBe('a b c d and e f] g');
    expect(parsed.brackets).toEqual([sp(2, 13), sp(4, 5)]);
    expect(parsed.problems.map((p) => [p.code, p.at])).toEqual([['unopened-bracket', 19]]);

    const open = parseBracketed('[x [y] z');
    expect(open.text).toBe('[x y z');
    expect(open.brackets).toEqual([sp(3, 4)]);
    expect(open.problems.map((p) => [p.code, p.at])).toEqual([['unclosed-bracket', 0]]);
  });
});

describe('paragraphOptionOf', () => {
  it('recognises the forms of a whole-paragraph option', () => {
    expect(paragraphOptionOf('Option 1: Decide to [act] now;')).toEqual({
      label: 'Option 1',
      text: 'Decide to [act] now;',
      noText: false,
      labelOnly: false,
    });
    expect(paragraphOptionOf('[Option 2: Decide to [wait];]')).toMatchObject({
      label: 'Option 2',
      text: 'Decide to [wait];',
    });
    expect(paragraphOptionOf('Option 3: No text')).toMatchObject({ noText: true, text: '' });
    expect(paragraphOptionOf('[Option 3: No text.]')).toMatchObject({ noText: true });
    expect(paragraphOptionOf('Option 4')).toMatchObject({ labelOnly: true, label: 'Option 4' });
    expect(paragraphOptionOf('Option B:')).toMatchObject({ labelOnly: true });
  });

  it('does not take inline options or ordinary words for one', () => {
    expect(paragraphOptionOf('[Option 1: shall] [Option 2: should] act')).toBeUndefined();
    expect(paragraphOptionOf('Options for cooling are many')).toBeUndefined();
    expect(paragraphOptionOf('[Decide to act]')).toBeUndefined();
  });

  it('reads back what renderParagraphOption writes', () => {
    expect(paragraphOptionOf(renderParagraphOption('Option 2', null))).toMatchObject({
      label: 'Option 2',
      noText: true,
    });
    expect(
      paragraphOptionOf(renderParagraphOption('Option 1', 'Urge [all] States;')),
    ).toMatchObject({ label: 'Option 1', text: 'Urge [all] States;' });
  });
});

// A random paragraph as a tree, so every generated case is one the notation can express.
type Node =
  | { t: 'text'; s: string }
  | { t: 'bracket'; children: Node[] }
  | { t: 'set'; options: Node[][]; gaps: string[] };

const words = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', ',', '.', ';') }) },
  { weight: 1, arbitrary: fc.constant(' [sic] ') },
);

const { tree } = fc.letrec<{ tree: Node[]; node: Node }>((tie) => ({
  tree: fc.array(tie('node'), { maxLength: 4 }),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    words.map((s): Node => ({ t: 'text', s })),
    tie('tree').map((children): Node => ({ t: 'bracket', children })),
    fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).chain((options) =>
      fc
        .array(fc.constantFrom('', ' ', '  '), {
          minLength: options.length - 1,
          maxLength: options.length - 1,
        })
        .map((gaps): Node => ({ t: 'set', options, gaps })),
    ),
  ),
}));

interface Built {
  text: string;
  brackets: TextSpan[];
  optionSets: InlineOptionSet[];
}

function build(nodes: Node[], out: Built = { text: '', brackets: [], optionSets: [] }): Built {
  for (const node of nodes) {
    if (node.t === 'text') {
      out.text += node.s;
    } else if (node.t === 'bracket') {
      const start = out.text.length;
      build(node.children, out);
      out.brackets.push({ start, end: out.text.length });
    } else {
      const set: InlineOptionSet = { spans: [], labels: [] };
      out.optionSets.push(set);
      node.options.forEach((option, i) => {
        if (i > 0) out.text += node.gaps[i - 1]!;
        const start = out.text.length;
        build(option, out);
        set.spans.push({ start, end: out.text.length });
        set.labels.push(`Option ${i + 1}`);
      });
    }
  }
  return out;
}

const byPlace = (a: TextSpan, b: TextSpan) => a.start - b.start || b.end - a.end;
const normal = (x: Built) => ({
  text: x.text,
  brackets: [...x.brackets].sort(byPlace),
  optionSets: [...x.optionSets].map((s) => JSON.stringify(s)).sort(),
});

describe('the notation round trip', () => {
  it('parse(render(x)) gives back x for random texts, nested brackets and options', () => {
    fc.assert(
      fc.property(tree, (nodes) => {
        const x = build(nodes);
        const written = renderBracketed(x.text, x.brackets, x.optionSets);
        const read = parseBracketed(written);
        expect(read.problems).toEqual([]);
        expect(normal(read)).toEqual(normal(x));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary input, and keeps every word', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('[', ']', 'a', ' ', 'Option 1: ', 'No text') }),
        (line) => {
          const read = parseBracketed(line);
          const letters = (s: string) => s.replace(/[^a]/g, '');
          expect(letters(read.text)).toBe(letters(line));
        },
      ),
      { numRuns: 300 },
    );
  });
});

function sp(start: number, end: number): TextSpan {
  return { start, end };
}
