import { describe, expect, it } from 'vitest';
import { DraftImportError, type DraftProblemCode } from './draft-model.js';
import { parseDraft } from './parse-draft.js';
import {
  MARKDOWN_DRAFT,
  MARKDOWN_EXPECTED,
  unmarked,
  WORD_DRAFT,
  wordDraft,
} from './test-support/draft-fixtures.js';

async function refusal(work: Promise<unknown>): Promise<DraftImportError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DraftImportError);
  return error as DraftImportError;
}

const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code);

describe('parseDraft: Word', () => {
  it('recognises headings, italic preambular openings, Word-numbered paragraphs and typed labels', async () => {
    const { paragraphs, report } = await parseDraft(await wordDraft(), 'docx');

    expect(paragraphs).toEqual(WORD_DRAFT.paragraphs.map(unmarked));
    expect(report.found).toEqual({ title: WORD_DRAFT.title, symbol: WORD_DRAFT.symbol });
    expect(report.counts).toEqual({
      heading: 2,
      preambular: 2,
      operative: 3,
      subparagraph: 2,
      total: 9,
    });
    expect(
      report.paragraphs.map((p) => [p.label, p.recognisedBy, p.evidence, p.numberingRemoved]),
    ).toEqual([
      [null, 'style', 'Word heading style (level 1)', undefined],
      ['PP 1', 'opening-word', 'opening “Recalling” in italics', undefined],
      ['PP 2', 'opening-word', 'opening “Noting” in italics', undefined],
      [null, 'style', 'Word heading style (level 1)', undefined],
      ['OP 1', 'numbering', 'Word numbering, level 1, opening “Decides”', undefined],
      ['OP 1 (a)', 'numbering', 'Word numbering, level 2', undefined],
      ['OP 1 (b)', 'numbering', 'Word numbering, level 2', undefined],
      ['OP 2', 'numbering', 'Word numbering, level 1, opening “Requests”', undefined],
      ['OP 3', 'numbering', 'typed “OP 3.”', 'OP 3.'],
    ]);
  });

  it('reports the table, the picture and the empty paragraph it dropped, and where', async () => {
    const { report } = await parseDraft(await wordDraft(), 'docx');
    const dropped = report.warnings.filter((w) => w.code.endsWith('-dropped'));
    expect(dropped).toEqual([
      { code: 'image-dropped', message: 'An image was dropped (“Heat map”)', at: 2 },
      {
        code: 'table-dropped',
        message: 'A table was dropped (“1 rows: City”): Accord paragraphs hold text only',
        at: 7,
      },
      { code: 'empty-paragraphs-dropped', message: '1 empty paragraph dropped' },
    ]);
    expect(codes(report.warnings)).toEqual(
      expect.arrayContaining(['title-from-draft', 'symbol-from-draft']),
    );
  });

  it('reads lettered items kept in a Word list of their own as sub-paragraphs', async () => {
    const { AlignmentType, Document, LevelFormat, Packer, Paragraph } = await import('docx');
    const list = (reference: string, format: (typeof LevelFormat)[keyof typeof LevelFormat]) => ({
      reference,
      levels: [{ level: 0, format, text: '%1.', alignment: AlignmentType.START }],
    });
    const item = (text: string, reference: string) =>
      new Paragraph({ text, numbering: { reference, level: 0 } });
    const bytes = await Packer.toBuffer(
      new Document({
        numbering: {
          config: [list('ops', LevelFormat.DECIMAL), list('letters', LevelFormat.LOWER_LETTER)],
        },
        sections: [
          {
            children: [
              item('Requests the secretariat to:', 'ops'),
              item('keep a registry of pledges;', 'letters'),
              item('report every two years;', 'letters'),
              item('Decides to remain seized of the matter.', 'ops'),
            ],
          },
        ],
      }),
    );
    const { paragraphs } = await parseDraft(bytes, 'docx');
    expect(paragraphs.map((p) => p.kind)).toEqual([
      'operative',
      'subparagraph',
      'subparagraph',
      'operative',
    ]);
  });

  it.each<[string, () => Promise<Buffer>, DraftProblemCode]>([
    ['an empty file', () => Promise.resolve(Buffer.alloc(0)), 'empty-document'],
    ['text sent as Word', () => Promise.resolve(Buffer.from('# Not Word\n')), 'not-a-docx'],
    [
      'a zip without word/document.xml',
      async () => renameEntry(await wordDraft(), 'word/document.xml', 'word/documenX.xml'),
      'not-a-docx',
    ],
    ['a truncated file', async () => (await wordDraft()).subarray(0, 2000), 'corrupt-docx'],
    [
      'a file whose main part is damaged',
      async () => damageEntry(await wordDraft(), 'word/document.xml'),
      'corrupt-docx',
    ],
    ['a document with no words', async () => emptyWordDocument(), 'empty-document'],
  ])('refuses %s', async (_name, bytes, code) => {
    const error = await refusal(parseDraft(await bytes(), 'docx'));
    expect(error.code).toBe(code);
    expect(error.status).toBe(422);
  });
});

describe('parseDraft: Markdown', () => {
  it('recognises headings, italics, lists, typed letters and labels, and drops what is not text', async () => {
    const bytes = Buffer.from(MARKDOWN_DRAFT);
    const { paragraphs, report } = await parseDraft(bytes, 'markdown');

    expect(paragraphs).toEqual(MARKDOWN_EXPECTED.map(unmarked));
    expect(report.found).toEqual({
      title: 'Zero draft of the Compact on Cool Cities',
      symbol: 'A/CONF.999/2',
    });
    expect(report.bytes).toBe(bytes.length);
    expect(report.paragraphs.map((p) => [p.label, p.recognisedBy, p.numberingRemoved])).toEqual([
      [null, 'style', undefined],
      ['PP 1', 'opening-word', undefined],
      ['PP 2', 'numbering', 'PP 2.'],
      [null, 'style', undefined],
      ['OP 1', 'numbering', undefined],
      ['OP 1 (a)', 'numbering', '(a)'],
      ['OP 1 (b)', 'numbering', '(b)'],
      ['OP 2', 'numbering', undefined],
      ['OP 2 (a)', 'numbering', undefined],
      ['OP 2 (b)', 'numbering', undefined],
      ['OP 3', 'numbering', 'OP 3'],
    ]);
    expect(codes(report.warnings)).toEqual([
      'title-from-draft',
      'symbol-from-draft',
      'section-recognised',
      'table-dropped',
      'image-dropped',
      'code-dropped',
    ]);
  });

  it('tells preambular from operative paragraphs by their opening words when nothing else does', async () => {
    const md = [
      'The General Assembly,',
      '',
      '*Deeply concerned* about rising temperatures,',
      '',
      'Having considered the report of the Secretary-General,',
      '',
      'Also decides to remain seized of the matter;',
      '',
      'Further requests a report at its next session;',
      '',
      'Calls upon Member States to act;',
      '',
      'A closing line of no particular shape',
    ].join('\n');
    const { paragraphs, report } = await parseDraft(Buffer.from(md), 'markdown');
    expect(paragraphs.map((p) => p.kind)).toEqual([
      'heading',
      'preambular',
      'preambular',
      'operative',
      'operative',
      'operative',
      'operative',
    ]);
    expect(report.paragraphs.map((p) => p.recognisedBy)).toEqual([
      'context',
      'opening-word',
      'opening-word',
      'opening-word',
      'opening-word',
      'opening-word',
      'default',
    ]);
    expect(report.warnings).toEqual([
      {
        code: 'chapeau-as-heading',
        message:
          '“The General Assembly,” is a chapeau: it introduces the preamble; kept as a heading, not numbered',
        at: 0,
      },
      {
        code: 'kind-defaulted',
        message:
          '“A closing line of no particular shape” was not recognised; imported as operative (after the first operative paragraph)',
        at: 6,
      },
    ]);
  });

  it('reads an exported text: the cover is not text, nor are labels or status notes', async () => {
    const md = [
      '# Compact on Cool Cities',
      '',
      '*Clean text*',
      '',
      '- Symbol: A/CC/2',
      '- As of: revision:Rev 1',
      '',
      '---',
      '',
      '**PP 1** Recalling R&amp;D on \\[cool\\] roofs,',
      '',
      '**OP 1** Decide to act; *(agreed ad ref)*',
    ].join('\n');
    const { paragraphs, report } = await parseDraft(Buffer.from(md), 'markdown');
    // "\\[" in Markdown is a bracket as a character, not a negotiation bracket.
    expect(paragraphs).toEqual(
      [
        { kind: 'preambular', text: 'Recalling R&D on [cool] roofs,' },
        { kind: 'operative', text: 'Decide to act;' },
      ].map(unmarked),
    );
    expect(report.found).toEqual({ title: 'Compact on Cool Cities', symbol: 'A/CC/2' });
    expect(codes(report.warnings)).toEqual([
      'title-from-draft',
      'front-matter-dropped',
      'front-matter-dropped',
      'front-matter-dropped',
      'status-note-removed',
    ]);
  });

  it('keeps “Label: value” lines as paragraphs when the draft has no cover', async () => {
    const md = 'Note: this draft is for discussion only;\n\nDecides to act;\n';
    const { paragraphs } = await parseDraft(Buffer.from(md), 'markdown');
    expect(paragraphs.map((p) => p.text)).toEqual([
      'Note: this draft is for discussion only;',
      'Decides to act;',
    ]);
  });

  it('takes lower-case lines after an introducing paragraph as its sub-paragraphs', async () => {
    const md = 'Request the secretariat to:\n\nkeep a registry;\n\nshare good practices;\n';
    const { paragraphs, report } = await parseDraft(Buffer.from(md), 'markdown');
    expect(paragraphs.map((p) => p.kind)).toEqual(['operative', 'subparagraph', 'subparagraph']);
    expect(report.paragraphs[1]!.recognisedBy).toBe('context');
  });

  it('takes lower-case items of an outer list after an introducing paragraph as sub-paragraphs', async () => {
    const md = '1. Decide to act:\n1. now;\n2. later;\n3. Request a report;\n';
    const { paragraphs, report } = await parseDraft(Buffer.from(md), 'markdown');
    expect(paragraphs.map((p) => p.kind)).toEqual([
      'operative',
      'subparagraph',
      'subparagraph',
      'operative',
    ]);
    expect(report.paragraphs.map((p) => p.recognisedBy)).toEqual([
      'numbering',
      'context',
      'context',
      'numbering',
    ]);
  });

  it('flattens lists nested deeper than sub-paragraphs, saying so', async () => {
    const md = '1. Decide to act:\n   - on water;\n     - in cities;\n';
    const { paragraphs, report } = await parseDraft(Buffer.from(md), 'markdown');
    expect(paragraphs.map((p) => p.kind)).toEqual(['operative', 'subparagraph', 'subparagraph']);
    expect(codes(report.warnings)).toEqual(['level-flattened']);
  });

  it('refuses text that is not UTF-8, an empty draft, and one with too many paragraphs', async () => {
    expect(
      (await refusal(parseDraft(Buffer.from([0xff, 0xfe, 0x00, 0xd8]), 'markdown'))).code,
    ).toBe('not-utf8-text');
    expect(
      (await refusal(parseDraft(Buffer.from('\n\n<!-- nothing -->\n'), 'markdown'))).code,
    ).toBe('empty-document');
    expect((await refusal(parseDraft(Buffer.from('# Only a title\n'), 'markdown'))).code).toBe(
      'empty-document',
    );
    const many = Array.from({ length: 2001 }, (_, i) => `Decides point ${i};`).join('\n\n');
    expect((await refusal(parseDraft(Buffer.from(many), 'markdown'))).code).toBe(
      'too-many-paragraphs',
    );
    const long = `Decides ${'very '.repeat(5000)}much;`;
    expect((await refusal(parseDraft(Buffer.from(long), 'markdown'))).code).toBe(
      'paragraph-too-long',
    );
  });
});

/** Renames a zip entry in place (same length), in the local header and the directory. */
function renameEntry(zip: Buffer, from: string, to: string): Buffer {
  expect(to).toHaveLength(from.length);
  const out = Buffer.from(zip);
  let at = out.indexOf(from);
  let renamed = 0;
  while (at >= 0) {
    out.write(to, at, 'latin1');
    renamed++;
    at = out.indexOf(from, at + 1);
  }
  expect(renamed).toBeGreaterThanOrEqual(2);
  return out;
}

/** Overwrites the compressed bytes of an entry, leaving the zip's structure intact. */
function damageEntry(zip: Buffer, name: string): Buffer {
  const out = Buffer.from(zip);
  const header = out.indexOf(name);
  const nameLength = out.readUInt16LE(header - 4);
  const extraLength = out.readUInt16LE(header - 2);
  const compressedSize = out.readUInt32LE(header - 12);
  const data = header + nameLength + extraLength;
  out.fill(0xff, data, data + Math.min(compressedSize, 64));
  return out;
}

async function emptyWordDocument(): Promise<Buffer> {
  const { Document, Packer, Paragraph } = await import('docx');
  return Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph(''), new Paragraph('')] }] }),
  );
}
