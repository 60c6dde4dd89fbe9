// Brackets and options in every export format: a text with nested brackets, an inline option set
// and a whole-paragraph option set (with "No text"), exported clean and as a compilation. Each
// format must print the brackets and option labels; Akoma Ntoso must mark them with
// schema-valid nested elements; the cover states the open counts; the compilation names who
// placed each bracket. And the redline DOCX names each delegation on its own run.
import { compareTexts, parseBracketed, type BracketView, type OptionSetView } from '@accord/shared';
import { describe, expect, it } from 'vitest';
import { openDocx, pdfText, validateAkomaNtoso } from '../test-support/documents.js';
import { parseDraftHere } from '../imports/parse-draft.js';
import type { DocumentComparison, DocumentFrame } from '../timetravel/index.js';
import { cleanModel, compilationModel, comparisonModel } from './document-model.js';
import type { ExportModel, ParagraphBlock } from './index.js';
// In this thread, from the sources: the worker pool runs the built copy, which may be older.
import { renderExportHere as renderExport } from './render-here.js';
import { negotiationMarks, type NegotiationTextView } from './negotiation-marks.js';

const AT = '2026-03-04T09:00:00.000Z';
const MRU = { userId: 'u-mru', stakeholderId: 'mru' };
const PEL = { userId: 'u-pel', stakeholderId: 'pel' };
const stakeholders = {
  mru: { name: 'Maranu', shortCode: 'MRU' },
  pel: { name: 'Pelenoa', shortCode: 'PEL' },
};

const TEXTS = {
  pp1: 'Recalling the Paris Agreement and its temperature goal,',
  op1: 'Parties shall should report every year.',
  op2: 'Establish a fund for cities.',
  op3: 'Consider a fund for cities.',
};

const spanOf = (text: string, words: string, from = 0) => {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`"${words}" is not in "${text}"`);
  return { start, end: start + words.length };
};

function frame(amendments: DocumentFrame['amendments'] = []): DocumentFrame {
  const paragraph = (
    id: string,
    kind: 'preambular' | 'operative',
    label: string,
    text: string,
  ): DocumentFrame['paragraphs'][number] => ({
    id,
    kind,
    label,
    text,
    chairStatus: 'bracketed',
  });
  return {
    documentId: 'd',
    asOf: {
      asOf: 'now',
      recordPosition: '1',
      recordOccurredAt: AT,
      textRevision: '1',
      revisionInForce: null,
    },
    document: {
      negotiationId: 'n',
      title: 'Compact on Extreme Heat',
      symbol: 'A/HEAT/1',
      mode: 'formal',
      adopted: false,
      revisions: [],
    },
    paragraphs: [
      paragraph('p-pp1', 'preambular', 'PP 1', TEXTS.pp1),
      paragraph('p-op1', 'operative', 'OP 1', TEXTS.op1),
      paragraph('p-op2', 'operative', 'OP 2', TEXTS.op2),
      paragraph('p-op3', 'operative', 'OP 3', TEXTS.op3),
    ],
    amendments,
    positions: [],
    consensus: {} as DocumentFrame['consensus'],
  };
}

const bracket = (
  bracketId: string,
  paragraphId: string,
  span: { start: number; end: number },
  placedBy: typeof MRU,
  note = '',
): BracketView => ({
  bracketId,
  paragraphId,
  span,
  words: '',
  placedBy,
  placedAt: AT,
  note,
  placedInRevision: '1',
});

const option = (
  optionId: string,
  label: string,
  proposedBy: typeof MRU,
  where: { paragraphId?: string | null; span?: { start: number; end: number } | null },
): OptionSetView['options'][number] => ({
  optionId,
  label,
  proposedBy,
  proposedAt: AT,
  paragraphId: where.paragraphId ?? null,
  span: where.span ?? null,
  words: '',
  noText: where.paragraphId === null && where.span === undefined,
});

const VIEW: NegotiationTextView = {
  brackets: [
    bracket(
      'b-outer',
      'p-pp1',
      spanOf(TEXTS.pp1, 'the Paris Agreement and its temperature goal'),
      MRU,
      'pending consultations',
    ),
    bracket('b-inner', 'p-pp1', spanOf(TEXTS.pp1, 'temperature'), PEL),
    bracket('b-year', 'p-op1', spanOf(TEXTS.op1, 'every year'), PEL),
  ],
  optionSets: [
    {
      optionSetId: 'os-inline',
      scope: 'inline',
      paragraphId: 'p-op1',
      options: [
        option('o-shall', 'Option 1', MRU, { span: spanOf(TEXTS.op1, 'shall') }),
        option('o-should', 'Option 2', PEL, { span: spanOf(TEXTS.op1, 'should') }),
      ],
      chosen: null,
    },
    {
      optionSetId: 'os-fund',
      scope: 'paragraphs',
      paragraphId: 'p-op2',
      options: [
        option('o-establish', 'Option 1', MRU, { paragraphId: 'p-op2' }),
        option('o-consider', 'Option 2', PEL, { paragraphId: 'p-op3' }),
        option('o-none', 'Option 3', PEL, { paragraphId: null }),
      ],
      chosen: null,
    },
    {
      // Settled: its words are ordinary text again and nothing of it is printed or counted.
      optionSetId: 'os-settled',
      scope: 'inline',
      paragraphId: 'p-op2',
      options: [option('o-x', 'Option 1', MRU, { span: spanOf(TEXTS.op2, 'fund') })],
      chosen: { optionId: 'o-x', chosenBy: MRU, chosenAt: AT },
    },
  ],
};

const marks = () =>
  negotiationMarks(
    VIEW,
    stakeholders,
    frame().paragraphs.map((p) => p.id),
  );

/**
 * The notation of each paragraph, as the plain-text forms must print it; an alternative
 * paragraph's label stands on a line of its own above it.
 */
const NOTATION = {
  pp1: 'Recalling [the Paris Agreement and its [temperature] goal],',
  op1: 'Parties [Option 1: shall] [Option 2: should] report [every year].',
  op2: TEXTS.op2,
  op3: TEXTS.op3,
  none: 'Option 3: No text',
};

const squash = (text: string) => text.replace(/\s+/g, ' ');
const plain = (block: ParagraphBlock) => block.runs.map((r) => r.text).join('');

async function render(model: ExportModel) {
  const text = async (format: 'md' | 'html' | 'json') =>
    (await renderExport(model, format)).bytes.toString('utf8');
  const docx = await openDocx((await renderExport(model, 'docx')).bytes);
  const documentXml = await docx.part('word/document.xml');
  const akn = (await renderExport(model, 'akn')).bytes;
  return {
    md: await text('md'),
    html: await text('html'),
    json: await text('json'),
    pdf: squash(await pdfText((await renderExport(model, 'pdf')).bytes)),
    documentXml,
    docxText: documentXml.replace(/<[^>]+>/g, ''),
    /** Each Word paragraph's text, a tab where Word has one. */
    docxParagraphs: documentXml
      .split('</w:p>')
      .map((p) => p.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '')),
    akn: akn.toString('utf8'),
    aknCheck: await validateAkomaNtoso(akn, 'brackets.akn.xml'),
  };
}

describe('brackets and options in the exports', () => {
  it('builds each paragraph with its brackets and options, as the notation writes them', () => {
    const model = cleanModel({ frame: frame(), stakeholders, marks: marks(), generatedAt: AT });
    const blocks = model.blocks as ParagraphBlock[];
    expect(blocks.map(plain)).toEqual([
      NOTATION.pp1,
      NOTATION.op1,
      NOTATION.op2,
      NOTATION.op3,
      NOTATION.none,
    ]);
    // The marks are the model's own, not the notation's fallback text.
    expect(blocks[0]!.runs.filter((r) => r.delimits).map((r) => r.delimits!.id)).toEqual([
      'b-outer',
      'b-inner',
      'b-inner',
      'b-outer',
    ]);
    expect(blocks[0]!.negotiation?.brackets.map((b) => [b.id, b.by.author, b.note])).toEqual([
      ['b-outer', 'Maranu', 'pending consultations'],
      ['b-inner', 'Pelenoa', ''],
    ]);
    expect(blocks.map((b) => b.option?.label ?? null)).toEqual([
      null,
      null,
      'Option 1',
      'Option 2',
      'Option 3',
    ]);
    expect(blocks[4]!.option).toMatchObject({ noText: true, alternativeTo: 'para_p-op2' });
    expect(model.counts).toEqual({ brackets: 3, optionSets: 2, options: 5 });
    // Read back, the notation gives the same brackets and options.
    const parsed = parseBracketed(NOTATION.op1);
    expect(parsed.text).toBe(TEXTS.op1);
    expect(parsed.brackets).toEqual([spanOf(TEXTS.op1, 'every year')]);
    expect(parsed.optionSets).toEqual([
      {
        spans: [spanOf(TEXTS.op1, 'shall'), spanOf(TEXTS.op1, 'should')],
        labels: ['Option 1', 'Option 2'],
      },
    ]);
  });

  it('prints the clean text with brackets, options and counts in every format', async () => {
    const model = cleanModel({ frame: frame(), stakeholders, marks: marks(), generatedAt: AT });
    const out = await render(model);

    for (const line of [
      `**PP 1** ${NOTATION.pp1}`,
      `**OP 1** ${NOTATION.op1}`,
      `Option 1\n\n**OP 2** ${NOTATION.op2}`,
      `Option 2\n\n**OP 3** ${NOTATION.op3}`,
      NOTATION.none,
      '- Open brackets: 3',
      '- Open option sets: 2',
      '- Options in open sets: 5',
    ])
      expect(out.md).toContain(line);

    expect(out.html).toContain(
      '<span class="mark bracket" title="Bracket placed by Maranu, 4 March 2026, 09:00 UTC: pending consultations">[</span>',
    );
    expect(out.html).toContain('<span class="mark option" title="Option 2 proposed by Pelenoa');
    expect(out.html.replace(/<[^>]+>/g, '')).toContain(NOTATION.op1);
    expect(out.html).toContain('<dt>Open brackets</dt><dd>3</dd>');

    for (const text of Object.values(NOTATION)) {
      expect(out.docxText).toContain(text);
      expect(out.pdf).toContain(text);
    }
    const docxAt = (text: string) => out.docxParagraphs.findIndex((p) => p.includes(text));
    expect(out.docxParagraphs[docxAt(TEXTS.op2) - 1]).toBe('Option 1');
    expect(out.docxParagraphs[docxAt(TEXTS.op2)]).toBe(`OP 2\t${TEXTS.op2} (bracketed)`);
    expect(out.docxParagraphs[docxAt(TEXTS.op3) - 1]).toBe('Option 2');
    expect(out.pdf.indexOf('Option 2')).toBeLessThan(out.pdf.indexOf(TEXTS.op3));
    expect(out.docxText).toContain('Open brackets: 3');
    expect(out.pdf).toContain('Open option sets: 2');
    // Brackets print bold in Word.
    expect(out.documentXml).toMatch(/<w:b\/>(?:(?!<\/w:r>).)*<w:t[^>]*>\[<\/w:t>/);

    const json = JSON.parse(out.json) as {
      negotiationText: {
        counts: unknown;
        notation: Record<string, string>;
        brackets: unknown[];
        optionSets: unknown[];
      };
    };
    expect(json.negotiationText.counts).toEqual({ brackets: 3, optionSets: 2, options: 5 });
    expect(json.negotiationText.notation).toEqual({
      'p-pp1': NOTATION.pp1,
      'p-op1': NOTATION.op1,
      'p-op2': `Option 1: ${TEXTS.op2}`,
      'p-op3': `Option 2: ${TEXTS.op3}`,
      'o-none': NOTATION.none,
    });
    expect(json.negotiationText.brackets).toHaveLength(3);

    expect(out.aknCheck.errors).toEqual([]);
    expect(out.aknCheck.valid).toBe(true);
    // Nested: the inner bracket's element lies inside the outer one's.
    expect(out.akn).toMatch(
      /<inline name="bracket" eId="brk_b-outer" refersTo="#org_mru"[^>]*accord:note="pending consultations"[^>]*><span class="editorial bracket">\[<\/span>the Paris Agreement and its <inline name="bracket" eId="brk_b-inner" refersTo="#org_pel"[^>]*><span class="editorial bracket">\[<\/span>temperature<span class="editorial bracket">\]<\/span><\/inline> goal<span class="editorial bracket">\]<\/span><\/inline>/,
    );
    expect(out.akn).toMatch(
      /<inline name="option" eId="opt_o-shall" refersTo="#org_mru"[^>]*accord:label="Option 1"[^>]*><span class="editorial option">\[Option 1: <\/span>shall<span class="editorial option">\]<\/span><\/inline>/,
    );
    expect(out.akn).toMatch(
      /<paragraph eId="para_p-op3"[^>]*alternativeTo="#para_p-op2"[^>]*><num>OP 3<\/num><content><p><span class="editorial">Option 2: <\/span>Consider/,
    );
    expect(out.akn).toMatch(/accord:option="Option 3"[^>]*accord:noText="true"/);
    expect(out.akn).toContain('<p class="metadata">Open brackets: 3</p>');
  }, 120_000);

  it('names who placed each bracket in the compilation, around the proposals in place', async () => {
    const replace: DocumentFrame['amendments'][number] = {
      amendmentId: 'a-1',
      documentId: 'd',
      paragraphId: 'p-op1',
      paragraphLabel: 'OP 1',
      status: 'pending',
      proposal: {
        kind: 'replace',
        anchor: { start: 'x', end: 'x' },
        originalText: 'report',
        proposedText: 'publish',
      },
      rationale: '',
      sponsorStakeholderId: 'pel',
      cosponsorStakeholderIds: [],
      chairsCompromise: false,
      revision: 1,
      tabledAt: AT,
      decidedAt: null,
      reason: null,
      intoAmendmentId: null,
    };
    const model = compilationModel({
      frame: frame([replace]),
      stakeholders,
      marks: marks(),
      generatedAt: AT,
    });
    const blocks = model.blocks as ParagraphBlock[];
    expect(blocks.map(plain)).toEqual([
      'Recalling [the Paris Agreement and its [temperature](PEL) goal](MRU: pending consultations),',
      'Parties [Option 1 (MRU): shall] [Option 2 (PEL): should] [PEL: reportpublish] [every year](PEL).',
      TEXTS.op2,
      TEXTS.op3,
      'Option 3 (PEL): No text',
    ]);
    const out = await render(model);
    expect(out.md).toContain(
      // The proposal's own tag is no negotiation bracket: it is escaped, as words would be.
      '[Option 1 (MRU): shall] [Option 2 (PEL): should] \\[PEL: {--report--}{++publish++}\\] [every year]\\(PEL).',
    );
    expect(out.md).toContain('Option 2 (PEL)\n\n**OP 3** Consider a fund for cities.');
    expect(out.html).toContain('<sup class="tag">(MRU: pending consultations)</sup>');
    expect(out.documentXml).toMatch(
      /<w:vertAlign w:val="superscript"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>\(PEL\)<\/w:t>/,
    );
    expect(out.pdf).toContain('[every year](PEL)');
    expect(out.aknCheck.errors).toEqual([]);
    expect(out.akn).toContain('<sup class="placedBy">(MRU: pending consultations)</sup>');
    expect(out.md).toContain('- Open brackets: 3');
  }, 120_000);

  it.each([
    ['md', 'markdown'],
    ['docx', 'docx'],
  ] as const)(
    'reads a clean %s export back with the same brackets and options',
    async (format, draftFormat) => {
      const model = cleanModel({ frame: frame(), stakeholders, marks: marks(), generatedAt: AT });
      const draft = await parseDraftHere((await renderExport(model, format)).bytes, draftFormat);
      expect(
        draft.paragraphs.map((p) => ({
          kind: p.kind,
          text: p.text,
          brackets: p.brackets,
          inlineOptions: p.inlineOptions,
        })),
      ).toEqual([
        {
          kind: 'preambular',
          text: TEXTS.pp1,
          brackets: [
            spanOf(TEXTS.pp1, 'the Paris Agreement and its temperature goal'),
            spanOf(TEXTS.pp1, 'temperature'),
          ],
          inlineOptions: [],
        },
        {
          kind: 'operative',
          text: TEXTS.op1,
          brackets: [spanOf(TEXTS.op1, 'every year')],
          inlineOptions: [
            {
              spans: [spanOf(TEXTS.op1, 'shall'), spanOf(TEXTS.op1, 'should')],
              labels: ['Option 1', 'Option 2'],
            },
          ],
        },
        { kind: 'operative', text: TEXTS.op2, brackets: [], inlineOptions: [] },
        { kind: 'operative', text: TEXTS.op3, brackets: [], inlineOptions: [] },
      ]);
      expect(draft.paragraphOptionSets).toEqual([
        {
          options: [
            { label: 'Option 1', paragraph: 2 },
            { label: 'Option 2', paragraph: 3 },
            { label: 'Option 3', paragraph: null },
          ],
        },
      ]);
    },
    60_000,
  );

  it('keeps a paragraph bracketed whole when its status says so and no brackets are data', () => {
    const model = compilationModel({ frame: frame(), stakeholders, generatedAt: AT });
    expect(plain(model.blocks[3] as ParagraphBlock)).toBe(`[${TEXTS.op3}]`);
    expect(model.counts).toBeUndefined();
  });

  it('names each delegation on its own tracked change in the redline DOCX', async () => {
    const from = 'Commit to act;';
    const to = 'Commit urgently and jointly to act;';
    const KEN = { stakeholderId: 'ken', userId: 'u-ken', amendmentId: null };
    const NOR = { stakeholderId: 'nor', userId: 'u-nor', amendmentId: null };
    const inserted = new Array<number>(to.length).fill(-1);
    inserted.fill(0, 7, 16);
    inserted.fill(1, 16, 28);
    const text = compareTexts(
      [{ id: 'p-1', kind: 'operative', text: from }],
      [{ id: 'p-1', kind: 'operative', text: to }],
      { contributors: [KEN, NOR], paragraphs: { 'p-1': { inserted, last: 1 } } },
    );
    const point = frame().asOf;
    const comparison: DocumentComparison = {
      ...text,
      documentId: 'd',
      from: point,
      to: point,
      updates: 2,
      stakeholders: {
        ken: { name: 'Kenya', shortCode: 'KE', kind: 'delegation' },
        nor: { name: 'Norway', shortCode: 'NO', kind: 'delegation' },
      },
    };
    const model = comparisonModel({
      comparison,
      document: frame(),
      chairStatuses: {},
      counts: { brackets: 1, optionSets: 0, options: 0 },
      generatedAt: AT,
    });
    const xml = await (
      await openDocx((await renderExport(model, 'docx')).bytes)
    ).part('word/document.xml');
    const insertions = [...xml.matchAll(/<w:ins [^>]*w:author="([^"]+)"[^>]*>(.*?)<\/w:ins>/g)].map(
      (m) => [m[1], m[2]!.replace(/<[^>]+>/g, '')],
    );
    expect(insertions).toEqual([
      ['Kenya', 'urgently '],
      ['Norway', 'and jointly '],
    ]);
    expect(xml.replace(/<[^>]+>/g, '')).toContain('Open brackets: 1');
  }, 60_000);
});
