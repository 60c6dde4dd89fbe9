import { describe, expect, it } from 'vitest';
import {
  numberParagraphs,
  paragraphLabels,
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
