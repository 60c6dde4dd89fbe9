import { describe, expect, it } from 'vitest';
import { coveredParagraphIds, paperSymbol } from './paper-model.js';

describe('what a roundtable covers', () => {
  const paragraphs = [
    { id: 'h1', kind: 'heading' as const },
    { id: 'p1', kind: 'preambular' as const },
    { id: 'h2', kind: 'heading' as const },
    { id: 'o1', kind: 'operative' as const },
    { id: 'o1a', kind: 'subparagraph' as const },
    { id: 'h3', kind: 'heading' as const },
    { id: 'o2', kind: 'operative' as const },
  ];

  it('is the named paragraphs, in document order', () => {
    expect(coveredParagraphIds(paragraphs, ['o2', 'p1'])).toEqual(['p1', 'o2']);
  });

  it('takes a heading for its whole section, up to the next heading', () => {
    expect(coveredParagraphIds(paragraphs, ['h2'])).toEqual(['h2', 'o1', 'o1a']);
    expect(coveredParagraphIds(paragraphs, ['h3', 'p1'])).toEqual(['p1', 'h3', 'o2']);
  });

  it('ignores paragraphs no longer in the text', () => {
    expect(coveredParagraphIds(paragraphs, ['gone'])).toEqual([]);
  });
});

describe('a paper symbol', () => {
  it('names the version, or the draft for a preview', () => {
    const id = '0195a4b2-7c1e-7d3a-9f00-1234567890ab';
    expect(paperSymbol(id, { kind: 'issued', version: 2 })).toBe('RT/0195a4b2/v2');
    expect(paperSymbol(id, { kind: 'preview' })).toBe('RT/0195a4b2/draft');
  });
});
