import { describe, expect, it } from 'vitest';
import {
  concordance,
  numberParagraphs,
  paragraphLabels,
  renumber,
  subparagraphLetter,
  type ParagraphRef,
} from './numbering.js';

const p = (id: string, kind: ParagraphRef['kind']): ParagraphRef => ({ id, kind });

const compact: ParagraphRef[] = [
  p('title', 'heading'),
  p('pp-a', 'preambular'),
  p('pp-b', 'preambular'),
  p('objectives', 'heading'),
  p('op-a', 'operative'),
  p('op-b', 'operative'),
  p('op-b-1', 'subparagraph'),
  p('op-b-2', 'subparagraph'),
  p('op-c', 'operative'),
];

describe('paragraph numbering', () => {
  it('numbers PPs and OPs separately and letters sub-paragraphs under their OP', () => {
    expect(numberParagraphs(compact).map((n) => n.label)).toEqual([
      null,
      'PP 1',
      'PP 2',
      null,
      'OP 1',
      'OP 2',
      'OP 2 (a)',
      'OP 2 (b)',
      'OP 3',
    ]);
  });

  it('shifts labels but keeps ids when a paragraph is inserted in the middle', () => {
    const before = paragraphLabels(compact);
    const withNewOp = [...compact.slice(0, 5), p('op-new', 'operative'), ...compact.slice(5)];
    const after = paragraphLabels(withNewOp);

    expect(after.get('op-new')).toBe('OP 2');
    expect(before.get('op-b')).toBe('OP 2');
    expect(after.get('op-b')).toBe('OP 3');
    expect(after.get('op-b-2')).toBe('OP 3 (b)');
    expect(after.get('op-c')).toBe('OP 4');
    // Paragraphs before the insertion are untouched.
    expect(after.get('pp-b')).toBe('PP 2');
    expect(after.get('op-a')).toBe('OP 1');
    expect([...after.keys()].filter((id) => id !== 'op-new')).toEqual([...before.keys()]);
  });

  it('restarts the lettering under each OP, and a heading ends a list', () => {
    const labels = numberParagraphs([
      p('1', 'operative'),
      p('1a', 'subparagraph'),
      p('2', 'operative'),
      p('2a', 'subparagraph'),
      p('h', 'heading'),
      p('orphan', 'subparagraph'),
    ]).map((n) => n.label);
    expect(labels).toEqual(['OP 1', 'OP 1 (a)', 'OP 2', 'OP 2 (a)', null, '(a)']);
  });

  it('letters past z as UN documents do', () => {
    expect([0, 1, 25, 26, 27, 52].map(subparagraphLetter)).toEqual([
      'a',
      'b',
      'z',
      'aa',
      'bb',
      'aaa',
    ]);
  });

  it('leaves headings out of the label map', () => {
    expect(paragraphLabels(compact).has('title')).toBe(false);
  });
});

/**
 * Given the numbers issued with the last revision, when the text has changed, then each
 * paragraph's number is what negotiators would cite.
 */
const givenIssued = (issued: readonly ParagraphRef[]) => {
  const frozen = paragraphLabels(issued);
  return {
    frozen,
    whenTextIs: (text: readonly ParagraphRef[]) => ({
      thenLabels: () => numberParagraphs(text, frozen).map((n) => n.label),
      thenLabelOf: (id: string) => paragraphLabels(text, frozen).get(id),
    }),
  };
};

const ops = (n: number): ParagraphRef[] =>
  Array.from({ length: n }, (_, i) => p(`op-${i + 1}`, 'operative'));

describe('bis/ter numbering between revisions', () => {
  it('gives a paragraph inserted after OP 5 the number "OP 5 bis", the next one "OP 5 ter"', () => {
    const issued = ops(6);
    const text = [
      ...issued.slice(0, 5),
      p('new-1', 'operative'),
      p('new-2', 'operative'),
      issued[5]!,
    ];
    expect(givenIssued(issued).whenTextIs(text).thenLabels()).toEqual([
      'OP 1',
      'OP 2',
      'OP 3',
      'OP 4',
      'OP 5',
      'OP 5 bis',
      'OP 5 ter',
      'OP 6',
    ]);
  });

  it('goes on through quater … decies, then writes the number plainly as "OP 1.11"', () => {
    const issued = ops(1);
    const inserted = Array.from({ length: 11 }, (_, i) => p(`new-${i}`, 'operative'));
    expect(
      givenIssued(issued)
        .whenTextIs([...issued, ...inserted])
        .thenLabels(),
    ).toEqual([
      'OP 1',
      'OP 1 bis',
      'OP 1 ter',
      'OP 1 quater',
      'OP 1 quinquies',
      'OP 1 sexies',
      'OP 1 septies',
      'OP 1 octies',
      'OP 1 novies',
      'OP 1 decies',
      'OP 1.11',
      'OP 1.12',
    ]);
  });

  it('keeps the frozen numbers of PPs and OPs, each counted on its own', () => {
    const issued = [p('pp-1', 'preambular'), p('pp-2', 'preambular'), ...ops(2)];
    const text = [
      issued[0]!,
      p('pp-new', 'preambular'),
      issued[1]!,
      issued[2]!,
      p('op-new', 'operative'),
      issued[3]!,
    ];
    expect(givenIssued(issued).whenTextIs(text).thenLabels()).toEqual([
      'PP 1',
      'PP 1 bis',
      'PP 2',
      'OP 1',
      'OP 1 bis',
      'OP 2',
    ]);
  });

  it('numbers a paragraph inserted before PP 1 as "PP 0", a second one as "PP 0 bis"', () => {
    const issued = [p('pp-1', 'preambular'), p('pp-2', 'preambular')];
    const text = [p('first', 'preambular'), p('second', 'preambular'), ...issued];
    expect(givenIssued(issued).whenTextIs(text).thenLabels()).toEqual([
      'PP 0',
      'PP 0 bis',
      'PP 1',
      'PP 2',
    ]);
  });

  it('leaves a deleted paragraph’s number unused instead of renumbering the rest', () => {
    const issued = ops(4);
    const text = [issued[0]!, issued[2]!, issued[3]!];
    expect(givenIssued(issued).whenTextIs(text).thenLabels()).toEqual(['OP 1', 'OP 3', 'OP 4']);
  });

  it('does not give a deleted paragraph’s number to a paragraph inserted in its place', () => {
    const issued = ops(3);
    const text = [issued[0]!, p('replacement', 'operative'), issued[2]!];
    expect(givenIssued(issued).whenTextIs(text).thenLabels()).toEqual(['OP 1', 'OP 1 bis', 'OP 3']);
  });

  it('skips a suffix that is already frozen: a paragraph after OP 5 when OP 5 bis exists', () => {
    const issued = [p('op-5', 'operative'), p('op-5-bis', 'operative'), p('op-6', 'operative')];
    const frozen = new Map([
      ['op-5', 'OP 5'],
      ['op-5-bis', 'OP 5 bis'],
      ['op-6', 'OP 6'],
    ]);
    const text = [
      issued[0]!,
      p('new', 'operative'),
      issued[1]!,
      p('new-2', 'operative'),
      issued[2]!,
    ];
    expect(numberParagraphs(text, frozen).map((n) => n.label)).toEqual([
      'OP 5',
      'OP 5 ter',
      'OP 5 bis',
      'OP 5 quater',
      'OP 6',
    ]);
  });

  it('letters sub-paragraphs under a bis paragraph afresh: "OP 5 bis (a)"', () => {
    const issued = ops(5);
    const text = [
      ...issued,
      p('new', 'operative'),
      p('new-a', 'subparagraph'),
      p('new-b', 'subparagraph'),
    ];
    expect(givenIssued(issued).whenTextIs(text).thenLabels().slice(-3)).toEqual([
      'OP 5 bis',
      'OP 5 bis (a)',
      'OP 5 bis (b)',
    ]);
  });

  it('numbers a new sub-paragraph between frozen (a) and (b) as "(a bis)"', () => {
    const issued = [p('op-1', 'operative'), p('a', 'subparagraph'), p('b', 'subparagraph')];
    const text = [issued[0]!, issued[1]!, p('new', 'subparagraph'), issued[2]!];
    expect(givenIssued(issued).whenTextIs(text).thenLabels()).toEqual([
      'OP 1',
      'OP 1 (a)',
      'OP 1 (a bis)',
      'OP 1 (b)',
    ]);
  });

  it('numbers a new sub-paragraph before frozen (a) as "(0)"', () => {
    const issued = [p('op-1', 'operative'), p('a', 'subparagraph')];
    const text = [issued[0]!, p('new', 'subparagraph'), issued[1]!];
    expect(givenIssued(issued).whenTextIs(text).thenLabelOf('new')).toBe('OP 1 (0)');
  });

  it('letters new sub-paragraphs of a frozen OP that had none as (a), (b)', () => {
    const issued = ops(2);
    const text = [issued[0]!, p('new-a', 'subparagraph'), issued[1]!];
    expect(givenIssued(issued).whenTextIs(text).thenLabelOf('new-a')).toBe('OP 1 (a)');
  });

  it('gives a sub-paragraph moved under another paragraph a new letter there', () => {
    const issued = [
      p('op-1', 'operative'),
      p('a', 'subparagraph'),
      p('op-2', 'operative'),
      p('x', 'subparagraph'),
    ];
    const text = [issued[0]!, issued[2]!, issued[3]!, issued[1]!];
    expect(givenIssued(issued).whenTextIs(text).thenLabels()).toEqual([
      'OP 1',
      'OP 2',
      'OP 2 (a)',
      'OP 2 (a bis)',
    ]);
  });

  it('treats a paragraph whose kind changed as new in its new kind', () => {
    const issued = [p('pp-1', 'preambular'), p('op-1', 'operative'), p('op-2', 'operative')];
    const text = [issued[0]!, p('op-1', 'preambular'), issued[2]!];
    expect(givenIssued(issued).whenTextIs(text).thenLabels()).toEqual(['PP 1', 'PP 1 bis', 'OP 2']);
  });

  it('numbers a kind that had no frozen paragraph from 1, and leaves headings unnumbered', () => {
    const issued = [p('h', 'heading'), p('pp-1', 'preambular')];
    const text = [...issued, p('h2', 'heading'), p('op-a', 'operative'), p('op-b', 'operative')];
    expect(givenIssued(issued).whenTextIs(text).thenLabels()).toEqual([
      null,
      'PP 1',
      null,
      'OP 1',
      'OP 2',
    ]);
  });

  it('keeps bis numbers that were themselves frozen by an earlier revision', () => {
    const frozen = new Map([
      ['op-5', 'OP 5'],
      ['op-5-bis', 'OP 5 bis'],
      ['op-5-bis-a', 'OP 5 bis (a)'],
    ]);
    const text = [
      p('op-5', 'operative'),
      p('op-5-bis', 'operative'),
      p('op-5-bis-a', 'subparagraph'),
      p('new', 'subparagraph'),
      p('after', 'operative'),
    ];
    expect(numberParagraphs(text, frozen).map((n) => n.label)).toEqual([
      'OP 5',
      'OP 5 bis',
      'OP 5 bis (a)',
      'OP 5 bis (a bis)',
      'OP 5 ter',
    ]);
  });

  it('numbers as before when the frozen numbering is empty', () => {
    expect(numberParagraphs(compact, new Map())).toEqual(numberParagraphs(compact));
  });
});

describe('renumbering and the concordance', () => {
  it('gives clean numbers when the chair renumbers', () => {
    const issued = ops(3);
    const text = [issued[0]!, p('new', 'operative'), issued[2]!, p('new-a', 'subparagraph')];
    expect([...renumber(text)]).toEqual([
      ['op-1', 'OP 1'],
      ['new', 'OP 2'],
      ['op-3', 'OP 3'],
      ['new-a', 'OP 3 (a)'],
    ]);
  });

  it('maps old numbers to new ones, with null for new and for deleted paragraphs', () => {
    const issued = [p('pp-1', 'preambular'), ...ops(4)];
    const frozen = paragraphLabels(issued);
    // OP 2 deleted; a paragraph inserted after OP 3.
    const text = [issued[0]!, issued[1]!, issued[3]!, p('new', 'operative'), issued[4]!];
    expect(concordance(frozen, renumber(text))).toEqual([
      { paragraphId: 'pp-1', old: 'PP 1', new: 'PP 1' },
      { paragraphId: 'op-1', old: 'OP 1', new: 'OP 1' },
      { paragraphId: 'op-2', old: 'OP 2', new: null },
      { paragraphId: 'op-3', old: 'OP 3', new: 'OP 2' },
      { paragraphId: 'new', old: null, new: 'OP 3' },
      { paragraphId: 'op-4', old: 'OP 4', new: 'OP 4' },
    ]);
  });

  it('lists paragraphs deleted from the start of the text first', () => {
    const issued = ops(2);
    const frozen = paragraphLabels(issued);
    expect(concordance(frozen, renumber([issued[1]!]))).toEqual([
      { paragraphId: 'op-1', old: 'OP 1', new: null },
      { paragraphId: 'op-2', old: 'OP 2', new: 'OP 1' },
    ]);
  });

  it('can also show the bis numbers against the clean ones', () => {
    const issued = ops(2);
    const text = [issued[0]!, p('new', 'operative'), issued[1]!];
    const current = paragraphLabels(text, paragraphLabels(issued));
    expect(concordance(current, renumber(text)).map((r) => [r.old, r.new])).toEqual([
      ['OP 1', 'OP 1'],
      ['OP 1 bis', 'OP 2'],
      ['OP 2', 'OP 3'],
    ]);
  });
});
