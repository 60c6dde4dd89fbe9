import { readFile } from 'node:fs/promises';
import { renderBracketed, spansNest } from '@accord/shared';
import { describe, expect, it } from 'vitest';
import { draftSummary } from './draft-summary.js';
import type { RecognisedDraft } from './draft-model.js';
import { parseDraftHere } from './parse-draft.js';
import { negotiationDocx } from './test-support/negotiation-fixtures.js';

// parseDraftHere reads in this thread, so the test runs this source, not a built worker.
const fixture = async (name: string) =>
  parseDraftHere(
    await readFile(new URL(`./test-support/fixtures/${name}`, import.meta.url)),
    'markdown',
  );
const codes = (draft: RecognisedDraft) => draft.report.warnings.map((w) => w.code);
const find = (draft: RecognisedDraft, start: string) => {
  const i = draft.paragraphs.findIndex((p) => p.text.startsWith(start));
  expect(i, start).toBeGreaterThanOrEqual(0);
  return { ...draft.paragraphs[i]!, label: draft.report.paragraphs[i]!.label, index: i };
};

describe('importing a compilation text (Markdown, about ten pages)', () => {
  it('counts the paragraphs, brackets and options a chair would count by hand', async () => {
    const draft = await fixture('heat-compact-compilation.md');
    expect(draftSummary(draft).totals).toEqual({
      paragraphs: 119,
      preambular: 14,
      operative: 70,
      brackets: 243,
      optionSets: 8,
      options: 20,
    });
    expect(draft.report.counts).toEqual({
      heading: 14,
      preambular: 14,
      operative: 70,
      subparagraph: 21,
      total: 119,
    });
    expect(draft.report.negotiation).toEqual({ brackets: 243, optionSets: 8, options: 20 });
    expect(draft.report.found).toEqual({
      title: 'Compilation text of the Global Compact on Extreme Heat and Resilient Cities',
      symbol: 'HEAT/IGN/2026/CRP.2',
    });
    for (const p of draft.paragraphs) {
      expect(p.text).not.toMatch(/[[\]]/);
      expect(spansNest(p.brackets)).toBe(true);
    }
  });

  it('stores the words without brackets and the nested brackets as spans of them', async () => {
    const draft = await fixture('heat-compact-compilation.md');
    const pp2 = find(draft, 'Recognizing that periods');
    expect(pp2.label).toBe('PP 2');
    const words = (s: { start: number; end: number }) => pp2.text.slice(s.start, s.end);
    expect(pp2.brackets.map(words)).toEqual([
      'longer, hotter and more frequent',
      "cities, where most of the world's people now live,",
      'most',
    ]);
    // A paragraph that opens with a bracket is still read by its italic participle.
    const pp4 = find(draft, 'Acknowledging the disproportionate');
    expect(pp4.kind).toBe('preambular');
    expect(pp4.brackets[0]).toEqual({ start: 0, end: pp4.text.length });
    // Typed numbering inside nothing, brackets around words: "[in every city … [100,000]]".
    const op10 = find(draft, 'Commit to adopt and put into practice');
    expect(op10.label).toBe('OP 10');
    expect(renderBracketed(op10.text, op10.brackets, op10.inlineOptions)).toBe(
      'Commit to adopt and put into practice heat action plans [in every city with a population above [100,000]] [in cities exposed to extreme heat], which [should] [shall] include at least:',
    );
  });

  it('reads inline options and whole-paragraph options, "No text" included', async () => {
    const draft = await fixture('heat-compact-compilation.md');
    const op3 = find(draft, 'Participating States will');
    expect(op3.label).toBe('OP 3');
    expect(op3.inlineOptions).toEqual([
      {
        spans: [
          { start: 0, end: 25 },
          { start: 26, end: 56 },
        ],
        labels: ['Option 1', 'Option 2'],
      },
    ]);
    const finance = find(draft, 'Urge developed countries');
    expect(finance.inlineOptions[0]!.labels).toEqual(['Option 1', 'Option 2', 'Option 3']);
    expect(finance.brackets).toHaveLength(1);

    const sets = draft.paragraphOptionSets.map((set) =>
      set.options.map((o) => [
        o.label,
        o.paragraph === null ? null : draft.report.paragraphs[o.paragraph]!.label,
      ]),
    );
    expect(sets).toEqual([
      [
        ['Option 1', 'PP 8'],
        ['Option 2', 'PP 9'],
        ['Option 3', null],
      ],
      [
        ['Option 1', 'OP 12'],
        ['Option 2', 'OP 13'],
        ['Option 3', null],
      ],
      [
        ['Option 1', 'OP 17'],
        ['Option 2', 'OP 18'],
      ],
      [
        ['Option 1', 'OP 47'],
        ['Option 2', 'OP 48'],
        ['Option 3', null],
      ],
      [
        ['Option 1', 'OP 63'],
        ['Option 2', 'OP 64'],
      ],
    ]);
    // A typed number after "Option 1:" (or before it) is numbering, not words.
    expect(find(draft, 'Commit to ensure that every').text).not.toMatch(/^12/);
    expect(find(draft, 'Request the secretariat to prepare, within').label).toBe('OP 64');
  });

  it('recognises the unnumbered preamble, its chapeau and the chapeau of the operative part', async () => {
    const draft = await fixture('heat-compact-compilation.md');
    const head = draft.report.paragraphs.slice(0, 5).map((p) => [p.kind, p.label, p.excerpt]);
    expect(head).toEqual([
      ['heading', null, 'Preamble'],
      ['heading', null, 'The States participating in this Compact,'],
      ['preambular', 'PP 1', expect.stringMatching(/^Recalling the commitments/)],
      ['preambular', 'PP 2', expect.stringMatching(/^Recognizing that/)],
      ['preambular', 'PP 3', expect.stringMatching(/^Deeply concerned/)],
    ]);
    const agreed = draft.paragraphs.findIndex((p) => p.text === 'Have agreed as follows:');
    expect(draft.paragraphs[agreed]!.kind).toBe('heading');
    expect(draft.paragraphs.slice(0, agreed).filter((p) => p.kind === 'operative')).toEqual([]);
    expect(codes(draft).filter((c) => c === 'chapeau-as-heading')).toHaveLength(2);
  });

  it('sets aside front matter, attribute lists, the table of contents and editorial notes, and keeps footnotes', async () => {
    const draft = await fixture('heat-compact-compilation.md');
    const all = draft.paragraphs.map((p) => p.text).join('\n');
    expect(all).not.toMatch(
      /toc|\{[:#]|prepared-by|Table of contents|Facilitators' note|Editor's note|Note:/,
    );
    expect(codes(draft)).toEqual(
      expect.arrayContaining([
        'front-matter-dropped',
        'table-of-contents-dropped',
        'attribute-list-dropped',
        'editorial-note-dropped',
        'footnote-kept',
        'brackets-recognised',
        'options-recognised',
      ]),
    );
    expect(codes(draft).filter((c) => c === 'editorial-note-dropped')).toHaveLength(5);
    // A note inside a paragraph is taken out of its words.
    expect(find(draft, 'Encourage national meteorological').text).toMatch(/begins to cause harm;$/);

    const pp1 = find(draft, 'Recalling the commitments');
    expect(pp1.footnotes).toEqual([
      {
        marker: '1',
        text: 'Agreed language from the declaration of the first intergovernmental conference on urban heat, paragraph 2.',
        at: pp1.text.length,
      },
    ]);
    const op11 = find(draft, 'Commit to protect workers');
    expect(op11.footnotes.map((f) => f.marker)).toEqual(['3']);
    expect(op11.text.endsWith('dangerous;')).toBe(true);
  });

  it('prints the dry-run summary with the notation in each text', async () => {
    const summary = draftSummary(await fixture('heat-compact-compilation.md'));
    expect(summary.paragraphs).toHaveLength(119);
    expect(summary.paragraphs.find((p) => p.number === 'PP 8')).toEqual({
      number: 'PP 8',
      kind: 'preambular',
      text: 'Option 1: Reaffirming the principle of common but differentiated responsibilities and respective capabilities, in the light of different national circumstances,',
      brackets: 0,
      options: 0,
    });
    expect(summary.paragraphs.find((p) => p.number === 'OP 3')?.text).toMatch(
      /^\[Option 1: Participating States will\] \[Option 2: Participating States commit to\] implement/,
    );
    expect(summary.notes).toEqual(
      expect.arrayContaining([
        'Alternative paragraphs at OP 12: Option 1 (OP 12), Option 2 (OP 13), Option 3: No text',
        '243 bracket pairs in 80 paragraphs read as brackets (nested ones each)',
      ]),
    );
  });
});

describe('importing a treaty-style text', () => {
  it('keeps Article headings, numbered paragraphs and the chapeaus', async () => {
    const draft = await fixture('heat-treaty-articles.md');
    const rows = draft.report.paragraphs.map((p) => [p.label ?? p.kind, p.excerpt.slice(0, 30)]);
    expect(rows).toEqual([
      ['heading', 'The Parties to this Agreement,'],
      ['PP 1', 'Recognizing that extreme heat '],
      ['PP 2', 'Determined to cooperate across'],
      ['PP 3', 'Noting the work of regional or'],
      ['heading', 'Have agreed as follows:'],
      ['heading', 'Article 1 — Objective'],
      ['OP 1', 'The objective of this Agreemen'],
      ['heading', 'Article 2 — Use of terms'],
      ['OP 2', 'For the purposes of this Agree'],
      ['OP 2 (a)', '"heatwave" means a period of u'],
      ['OP 2 (b)', '"heat action plan" means a pla'],
      ['heading', 'Article 3 — Obligations of the'],
      ['OP 3', 'Each Party shall should establ'],
      ['OP 4', 'Each Party shall share its war'],
      ['OP 5', 'The Parties shall report every'],
      ['heading', 'ARTICLE 4 bis: Secretariat'],
      ['OP 6', 'The Parties shall establish a '],
      ['heading', 'Article 5'],
      ['OP 7', 'Nothing in this Agreement shal'],
    ]);
    expect(draft.report.paragraphs[12]!.evidence).toBe('numbered list, level 1');
    expect(draftSummary(draft).totals).toEqual({
      paragraphs: 19,
      preambular: 3,
      operative: 7,
      brackets: 12,
      optionSets: 2,
      options: 4,
    });
    expect(codes(draft)).toContain('article-kept');
    expect(codes(draft)).not.toContain('kind-defaulted');
  });
});

describe('importing a Word compilation text', () => {
  it('reads brackets, options, italic openings behind a bracket, notes and footnotes', async () => {
    const draft = await parseDraftHere(await negotiationDocx(), 'docx');
    const rows = draft.report.paragraphs.map((p) => [p.label ?? p.kind, p.recognisedBy]);
    expect(rows).toEqual([
      ['heading', 'context'],
      ['PP 1', 'opening-word'],
      ['PP 2', 'opening-word'],
      ['heading', 'style'],
      ['OP 1', 'numbering'],
      ['OP 2', 'numbering'],
      ['OP 3', 'numbering'],
    ]);
    const [, pp1, pp2, , op1, op2, op3] = draft.paragraphs;
    expect(pp1!.text).toBe('Recalling the high costs of heat in cities,');
    expect(pp1!.brackets).toEqual([
      { start: 10, end: 32 },
      { start: 14, end: 18 },
    ]);
    expect(pp1!.footnotes).toEqual([
      { marker: '1', text: 'Taken from an earlier declaration.', at: pp1!.text.length },
    ]);
    expect(pp2!.brackets).toEqual([{ start: 0, end: pp2!.text.length }]);
    expect(op1!.inlineOptions).toEqual([
      {
        spans: [
          { start: 8, end: 13 },
          { start: 14, end: 20 },
        ],
        labels: ['Option 1', 'Option 2'],
      },
    ]);
    expect(op2!.text).toBe('Decide to open cooling centres;');
    expect(op3!.text).toBe('Invite cities to share data.');
    expect(draft.paragraphOptionSets).toEqual([
      {
        options: [
          { label: 'Option 1', paragraph: 5 },
          { label: 'Option 2', paragraph: null },
        ],
      },
    ]);
    expect(codes(draft)).toEqual(
      expect.arrayContaining(['editorial-note-dropped', 'footnote-kept', 'chapeau-as-heading']),
    );
    expect(draft.paragraphs.map((p) => p.text).join(' ')).not.toMatch(/Note|\[/);
  });
});

describe('brackets that do not balance', () => {
  it('keeps the stray characters as words and says where they are', async () => {
    const draft = await parseDraftHere(
      Buffer.from('1. Decide to [act [now] on heat;\n\n2. Request a report] soon;\n'),
      'markdown',
    );
    expect(draft.paragraphs.map((p) => p.text)).toEqual([
      'Decide to [act now on heat;',
      'Request a report] soon;',
    ]);
    expect(draft.paragraphs[0]!.brackets).toEqual([{ start: 15, end: 18 }]);
    const unbalanced = draft.report.warnings.filter((w) => w.code === 'brackets-unbalanced');
    expect(unbalanced.map((w) => w.at)).toEqual([0, 1]);
  });
});
