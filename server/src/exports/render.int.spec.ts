// The renderers on models the demo does not produce: a paper-shaped model (sections of prose,
// lists and paragraphs, as roundtable papers compose), competing proposals shown as options and a
// sub-amendment listed under its parent, each valid in every format that has a schema or a
// structure to check.
import { describe, expect, it } from 'vitest';
import {
  checkWellFormed,
  openDocx,
  pdfText,
  validateAkomaNtoso,
} from '../test-support/documents.js';
import type { DocumentFrame } from '../timetravel/index.js';
import { compilationModel } from './document-model.js';
import { exportFormats, renderExport, type ExportModel, type ParagraphBlock } from './index.js';

const AT = '2026-03-04T09:00:00.000Z';
const ids = { p1: 'p-1', p2: 'p-2', h: 'h-1', s1: 's-1' };

const paragraph = (
  id: string,
  kind: ParagraphBlock['kind'],
  label: string | null,
  text: string,
): ParagraphBlock => ({
  type: 'paragraph',
  id,
  eId: `para_${id}`,
  kind,
  label,
  chairStatus: 'open',
  runs: [{ text }],
  proposals: [],
});

const paper: ExportModel = {
  variant: 'paper',
  title: 'Protecting children on the move',
  symbol: 'RT/3/v2',
  subtitle: 'Roundtable paper, version 2',
  metadata: [{ label: 'Co-chairs', value: 'Ghana, Norway' }],
  generatedAt: AT,
  language: 'en',
  blocks: [
    {
      type: 'section',
      title: 'Background',
      eId: 'sec_background',
      blocks: [
        {
          type: 'prose',
          runs: [{ text: 'Why the co-chairs called this roundtable & what it covers.' }],
        },
        {
          type: 'list',
          ordered: false,
          items: [[{ text: 'First point' }], [{ text: 'Second <point>' }]],
        },
      ],
    },
    {
      type: 'section',
      title: 'Text under discussion',
      eId: 'sec_text',
      blocks: [
        { type: 'heading', level: 2, text: 'Commitments' },
        paragraph(ids.p1, 'operative', 'OP 4', 'Commit to protect children.'),
        paragraph(ids.s1, 'subparagraph', 'OP 4 (a)', 'by registering every birth;'),
        {
          ...paragraph(ids.p2, 'operative', 'OP 5', ''),
          runs: [
            { text: 'Encourage ' },
            {
              text: 'all',
              kind: 'delete',
              by: { author: 'Norway', stakeholderId: 'no', date: AT },
            },
            {
              text: 'every',
              kind: 'insert',
              by: { author: 'Ghana', stakeholderId: 'gh', date: AT },
            },
            { text: ' State.' },
          ],
        },
      ],
    },
    {
      type: 'section',
      title: 'Guiding questions',
      eId: 'sec_questions',
      blocks: [{ type: 'list', ordered: true, items: [[{ text: 'What works?' }]] }],
    },
  ],
};

/** A pending proposal to replace "all States" in OP 1; with a parent, a sub-amendment to it. */
const proposal = (
  amendmentId: string,
  sponsor: string,
  proposedText: string,
  parentAmendmentId: string | null = null,
): DocumentFrame['amendments'][number] => ({
  amendmentId,
  documentId: 'd',
  paragraphId: ids.p1,
  paragraphLabel: 'OP 1',
  status: 'pending' as const,
  proposal: {
    kind: 'replace' as const,
    anchor: { start: 'x', end: 'x' },
    originalText: 'all States',
    proposedText,
  },
  rationale: '',
  sponsorStakeholderId: sponsor,
  cosponsorStakeholderIds: [],
  chairsCompromise: false,
  revision: 1,
  tabledAt: AT,
  decidedAt: null,
  reason: null,
  intoAmendmentId: null,
  parentAmendmentId,
});

/** OP 1 with these proposals pending on it. */
const frameWith = (
  amendments: DocumentFrame['amendments'],
  chairStatus: 'open' | 'bracketed',
): DocumentFrame => ({
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
    title: 'Compact',
    symbol: 'A/1',
    mode: 'formal',
    adopted: false,
    revisions: [],
  },
  paragraphs: [
    { id: ids.p1, kind: 'operative', label: 'OP 1', text: 'Urge all States to act.', chairStatus },
  ],
  amendments,
  positions: [],
  consensus: {} as DocumentFrame['consensus'],
});

/** Two proposals on the same words become options; the paragraph is bracketed. */
const competingFrame = (): DocumentFrame =>
  frameWith(
    [proposal('a-1', 'gh', 'every State'), proposal('a-2', 'no', 'Member States')],
    'bracketed',
  );

const stakeholders = {
  gh: { name: 'Ghana', shortCode: 'GH' },
  no: { name: 'Norway', shortCode: 'NO' },
};

describe('renderers', () => {
  it('shows competing proposals as options, attributed, inside the bracketed paragraph', () => {
    const model = compilationModel({ frame: competingFrame(), stakeholders, generatedAt: AT });
    const block = model.blocks[0] as ParagraphBlock;
    expect(block.runs.map((r) => [r.kind ?? 'text', r.text, r.by?.author])).toEqual([
      ['mark', '[', undefined],
      ['text', 'Urge ', undefined],
      ['mark', '[Option 1: ', undefined],
      ['text', 'all States', undefined],
      ['mark', ' / Option 2 (GH): ', undefined],
      ['insert', 'every State', 'Ghana'],
      ['mark', ' / Option 3 (NO): ', undefined],
      ['insert', 'Member States', 'Norway'],
      ['mark', ']', undefined],
      ['text', ' to act.', undefined],
      ['mark', ']', undefined],
    ]);
    expect(block.proposals.map((p) => p.option)).toEqual(['Option 2', 'Option 3']);
  });

  it('renders a paper-shaped model in every format; its Akoma Ntoso validates', async () => {
    const files = new Map<string, Buffer>();
    for (const format of exportFormats) {
      const file = await renderExport(paper, format);
      files.set(format, file.bytes);
    }
    const akn = await validateAkomaNtoso(files.get('akn')!, 'paper.akn.xml');
    expect(akn.errors).toEqual([]);
    expect(akn.valid).toBe(true);
    const html = (await renderExport(paper, 'html')).bytes.toString('utf8');
    expect(html).toContain('Second &lt;point&gt;');
    expect(html).toContain('<section id="sec_questions">');
    const text = await pdfText(files.get('pdf')!);
    expect(text).toContain('Guiding questions');
    expect(text).toContain('OP 4 (a)');
    const docx = await openDocx(files.get('docx')!);
    const body = await docx.part('word/document.xml');
    const wellFormed = await checkWellFormed([{ fileName: 'document.xml', contents: body }]);
    expect(wellFormed.errors).toEqual([]);
    expect(wellFormed.valid).toBe(true);
  }, 120_000);
  describe('a sub-amendment in the compilation', () => {
    // Tabled first, the sub-amendment is still listed after the proposal it changes.
    const model = () =>
      compilationModel({
        frame: frameWith(
          [proposal('a-2', 'no', 'each State', 'a-1'), proposal('a-1', 'gh', 'every State')],
          'open',
        ),
        stakeholders,
        generatedAt: AT,
      });

    it('places only its parent in the text and lists it under the parent', () => {
      const block = model().blocks[0] as ParagraphBlock;
      expect(block.runs.map((r) => [r.kind ?? 'text', r.text])).toEqual([
        ['text', 'Urge '],
        ['mark', '[GH: '],
        ['delete', 'all States'],
        ['insert', 'every State'],
        ['mark', ']'],
        ['text', ' to act.'],
      ]);
      expect(block.proposals.map((p) => [p.id, p.subAmendmentOf ?? null])).toEqual([
        ['a-1', null],
        ['a-2', 'a-1'],
      ]);
    });

    it('nests it in HTML and Markdown, and keeps the Akoma Ntoso valid', async () => {
      const html = (await renderExport(model(), 'html')).bytes.toString('utf8');
      expect(html).toContain(
        '<li id="amdt_a-1">Ghana — replace “all States” with “every State”.' +
          '<ul class="sub-amendments"><li id="amdt_a-2">Sub-amendment to the proposal above — ' +
          'Norway — its words to read “each State”.</li></ul></li>',
      );
      const md = (await renderExport(model(), 'md')).bytes.toString('utf8');
      expect(md).toContain('>   - Sub-amendment to the proposal above — Norway');
      const akn = await validateAkomaNtoso(
        (await renderExport(model(), 'akn')).bytes,
        'sub.akn.xml',
      );
      expect(akn.errors).toEqual([]);
      for (const format of ['pdf', 'docx', 'json'] as const) {
        expect((await renderExport(model(), format)).bytes.length).toBeGreaterThan(0);
      }
    }, 120_000);
  });
});
