// Whatever was typed — control characters, noncharacters, lone surrogates, carriage returns,
// Markdown syntax at the start of a line — an issued paper stays a valid Akoma Ntoso file, a
// well-formed DOCX and Markdown with exactly the headings the model has.
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import JSZip from 'jszip';
import { Lexer, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { renderExport, type ExportBlock, type ExportModel, type ParagraphBlock } from './index.js';

const SCHEMA_DIR = new URL('./akomantoso/', import.meta.url);
const AT = '2026-03-04T09:00:00.000Z';
const SAMPLES = Number(process.env.H5_SAMPLES ?? 40);

/** Typed text at its worst: any code point, lone surrogates, controls, and line-start syntax. */
const nasty = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)),
      fc.constantFrom(
        '\r# Injected heading',
        '\n## Injected',
        '\r\n- injected item',
        '\u2028### x',
        '# ',
        '1. ',
        '---',
        '===',
        '    indented',
        '\uFFFE',
        '\u0000',
        '\u001B[31m',
        '<w:p>',
        ']]>',
        '&K; &amp; &#0;',
      ),
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const attribution = fc.record({
  author: nasty,
  stakeholderId: fc.constantFrom('gh', 'no'),
  date: fc.constant(AT),
});

const run = fc.oneof(
  fc.record({ text: nasty }),
  fc.record({
    text: nasty,
    kind: fc.constantFrom('insert' as const, 'delete' as const),
    by: attribution,
  }),
  fc.record({ text: nasty, kind: fc.constant('mark' as const) }),
);

const paragraphBlock = (id: string, kind: ParagraphBlock['kind']) =>
  fc.record({
    type: fc.constant('paragraph' as const),
    id: fc.constant(id),
    eId: fc.constant(`para_${id}`),
    kind: fc.constant(kind),
    label: kind === 'heading' ? fc.constant(null) : fc.option(nasty, { nil: null }),
    chairStatus: fc.constantFrom('open' as const, 'bracketed' as const, 'agreed-ad-ref' as const),
    runs: fc.array(run, { minLength: 1, maxLength: 4 }),
    proposals: fc.array(
      fc.record({
        id: fc.constant(`amdt-${id}`),
        eId: fc.constant(`amdt_${id}`),
        kind: fc.constantFrom('insert' as const, 'replace' as const, 'delete' as const),
        sponsors: fc.array(attribution, { minLength: 1, maxLength: 2 }),
        originalText: nasty,
        proposedText: nasty,
        rationale: nasty,
        chairsCompromise: fc.boolean(),
        option: fc.option(nasty, { nil: null }),
        placed: fc.boolean(),
      }),
      { maxLength: 1 },
    ),
  });

/** A roundtable paper's shape, every string of it typed by a hostile participant. */
const paperModel: fc.Arbitrary<ExportModel> = fc
  .record({
    title: nasty,
    symbol: nasty,
    subtitle: fc.option(nasty, { nil: null }),
    metadata: fc.array(fc.record({ label: nasty, value: nasty }), { maxLength: 2 }),
    background: fc.array(run, { minLength: 1, maxLength: 3 }),
    questions: fc.array(fc.array(run, { minLength: 1, maxLength: 2 }), {
      minLength: 1,
      maxLength: 3,
    }),
    heading: nasty,
    sectionTitle: nasty,
    paragraphs: fc.tuple(
      paragraphBlock('h-1', 'heading'),
      paragraphBlock('p-1', 'operative'),
      paragraphBlock('s-1', 'subparagraph'),
      paragraphBlock('p-2', 'operative'),
    ),
  })
  .map((r): ExportModel => ({
    variant: 'paper',
    title: r.title,
    symbol: r.symbol,
    subtitle: r.subtitle,
    metadata: r.metadata,
    generatedAt: AT,
    language: 'en',
    blocks: [
      {
        type: 'section',
        title: r.sectionTitle,
        eId: 'sec_background',
        blocks: [{ type: 'prose', runs: r.background }],
      },
      {
        type: 'section',
        title: 'Text under discussion',
        eId: 'sec_text',
        blocks: [{ type: 'heading', level: 2, text: r.heading }, ...r.paragraphs],
      },
      {
        type: 'section',
        title: 'Guiding questions',
        eId: 'sec_questions',
        blocks: [{ type: 'list', ordered: true, items: r.questions }],
      },
    ],
  }));

const samples = () =>
  fc.sample(paperModel, { numRuns: SAMPLES, seed: Number(process.env.H5_SEED ?? 20260304) });

/** The headings a model should print in Markdown: the title, section titles, heading blocks. */
function expectedHeadings(blocks: readonly ExportBlock[]): number {
  return blocks.reduce(
    (n, b) =>
      n +
      (b.type === 'heading' || (b.type === 'paragraph' && b.kind === 'heading')
        ? 1
        : b.type === 'section'
          ? 1 + expectedHeadings(b.blocks)
          : 0),
    0,
  );
}

function countTokens(tokens: readonly Token[], type: string): number {
  let n = 0;
  for (const token of tokens) {
    if (token.type === type) n += 1;
    const nested = token as { tokens?: Token[]; items?: Tokens.ListItem[] };
    if (nested.tokens) n += countTokens(nested.tokens, type);
    if (nested.items) for (const item of nested.items) n += countTokens(item.tokens, type);
  }
  return n;
}

describe('hostile text in an issued paper', () => {
  it('Akoma Ntoso stays valid against the schema', async () => {
    const files = await Promise.all(
      samples().map(async (model, i) => ({
        fileName: `paper-${i}.akn.xml`,
        contents: (await renderExport(model, 'akn')).bytes.toString('utf8'),
      })),
    );
    const preload = await Promise.all(
      ['akomantoso30.xsd', 'xml.xsd'].map(async (name) => ({
        fileName: name,
        contents: await readFile(new URL(name, SCHEMA_DIR), 'utf8'),
      })),
    );
    const result = await validateXML({
      xml: files,
      schema: preload[0]!,
      preload: [preload[1]!],
    });
    expect(result.errors.slice(0, 5).map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('every XML part of the DOCX is well-formed', async () => {
    const parts: { fileName: string; contents: string }[] = [];
    for (const [i, model] of samples().entries()) {
      const zip = await JSZip.loadAsync((await renderExport(model, 'docx')).bytes);
      for (const name of ['word/document.xml', 'docProps/core.xml']) {
        parts.push({
          fileName: `docx-${i}-${name.replace(/\W/g, '_')}.xml`,
          contents: await zip.file(name)!.async('string'),
        });
      }
    }
    const result = await validateXML({ xml: parts, normalization: 'c14n' });
    expect(result.errors.slice(0, 5).map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('Markdown has exactly the headings and rules of the model, whatever was typed', async () => {
    for (const model of samples()) {
      const text = (await renderExport(model, 'md')).bytes.toString('utf8');
      expect(text.includes('\r')).toBe(false);
      const tokens = new Lexer({ gfm: true }).lex(text);
      if (countTokens(tokens, 'heading') !== 1 + expectedHeadings(model.blocks))
        console.log(JSON.stringify(text));
      expect(countTokens(tokens, 'heading')).toBe(1 + expectedHeadings(model.blocks));
      expect(countTokens(tokens, 'hr')).toBe(1);
      expect(countTokens(tokens, 'code')).toBe(0);
    }
  });

  it('a carriage return typed into a paragraph cannot start a heading', async () => {
    const model: ExportModel = {
      variant: 'paper',
      title: 'Paper',
      symbol: 'RT/1',
      subtitle: null,
      metadata: [],
      generatedAt: AT,
      language: 'en',
      blocks: [{ type: 'prose', runs: [{ text: 'Decides\r# Injected\u0000 heading' }] }],
    };
    const text = (await renderExport(model, 'md')).bytes.toString('utf8');
    expect(countTokens(new Lexer({ gfm: true }).lex(text), 'heading')).toBe(1);
    expect(text).toContain('Decides # Injected heading');
  });
});
