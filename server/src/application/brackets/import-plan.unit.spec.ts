import { describe, expect, it } from 'vitest';
import { planImport, type DraftWithBrackets } from './import-plan.js';

type Paragraph = DraftWithBrackets['paragraphs'][number];
const paragraph = (text: string, extra: Partial<Paragraph> = {}): Paragraph => ({
  kind: 'operative',
  text,
  brackets: [],
  inlineOptions: [],
  ...extra,
});

describe('planImport', () => {
  it('creates inline sets with Option 1 only, and keeps the brackets for the full words', () => {
    // "Parties [Option 1: shall] [Option 2: should] [report]"
    const text = 'Parties shall should report';
    const plan = planImport({
      paragraphs: [
        paragraph(text, {
          brackets: [{ start: 21, end: 27 }],
          inlineOptions: [
            {
              spans: [
                { start: 8, end: 13 },
                { start: 14, end: 20 },
              ],
              labels: ['Option 1', 'Option 2'],
            },
          ],
        }),
      ],
      paragraphOptionSets: [],
    });
    expect(plan.create).toEqual([
      { index: 0, paragraph: { kind: 'operative', text: 'Parties shall report' } },
    ]);
    expect(plan.inlineSets).toEqual([
      { paragraph: 0, span: { start: 8, end: 13 }, alternatives: ['should'] },
    ]);
    expect(plan.brackets).toEqual([
      { paragraph: 0, expectedText: text, spans: [{ start: 21, end: 27 }] },
    ]);
    expect(plan.dropped).toEqual([]);
  });

  it('leaves alternative paragraphs out of the text and offers them, with "No text"', () => {
    const plan = planImport({
      paragraphs: [
        paragraph('Option one words'),
        paragraph('Option two words', { kind: 'subparagraph' }),
        paragraph('Another paragraph'),
      ],
      paragraphOptionSets: [{ options: [{ paragraph: 0 }, { paragraph: 1 }, { paragraph: null }] }],
    });
    expect(plan.create.map((c) => c.index)).toEqual([0, 2]);
    expect(plan.paragraphSets).toEqual([
      {
        first: 0,
        alternatives: [
          { index: 1, kind: 'subparagraph', words: 'Option two words' },
          { index: null, kind: 'operative', words: '' },
        ],
      },
    ]);
  });

  it('says what it cannot keep: inline "No text", and brackets whose options are oddly spaced', () => {
    const plan = planImport({
      paragraphs: [
        paragraph('Parties shall  should report', {
          brackets: [{ start: 0, end: 7 }],
          inlineOptions: [
            {
              spans: [
                { start: 8, end: 13 },
                { start: 15, end: 21 },
                { start: 21, end: 21 },
              ],
              labels: ['Option 1', 'Option 2', 'Option 3'],
            },
          ],
        }),
      ],
      paragraphOptionSets: [],
    });
    expect(plan.create[0]!.paragraph.text).toBe('Parties shall report');
    expect(plan.inlineSets[0]!.alternatives).toEqual(['should']);
    expect(plan.brackets).toEqual([]);
    expect(plan.dropped).toHaveLength(2);
  });
});
