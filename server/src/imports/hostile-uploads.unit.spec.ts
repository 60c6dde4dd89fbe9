// Hostile uploads: zip bombs, archives with too many parts or lying sizes, and Markdown nested
// deep enough to overflow or stall the lexer are refused with a precise code, quickly.
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DraftImportError } from './draft-model.js';
import { markdownDepth } from './markdown-blocks.js';
import { importLimits, parseDraft, type ImportLimits } from './parse-draft.js';
import { MARKDOWN_DRAFT, wordDraft } from './test-support/draft-fixtures.js';

const MiB = 1024 * 1024;

interface RawEntry {
  name: string;
  data: Buffer;
  /** Lie about the unpacked size in the directory. */
  declaredSize?: number;
}

/**
 * A zip archive written by hand (deflated entries, CRC left 0: nothing here reads it) so a test
 * can declare sizes that differ from the data; zlib keeps a 100 MiB bomb fast to build.
 */
function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = deflateRawSync(entry.data, { level: 9 });
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const DOCUMENT_XML = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Decides to act.</w:t></w:r></w:p></w:body></w:document>',
);

async function refusal(promise: Promise<unknown>): Promise<DraftImportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DraftImportError);
  return error as DraftImportError;
}

describe('a hostile Word upload', () => {
  const limits = importLimits({});

  it('a zip bomb (a 200 MiB main part in a few hundred KiB) is refused before anything is inflated', async () => {
    const bomb = rawZip([
      {
        name: 'word/document.xml',
        data: Buffer.concat([DOCUMENT_XML, Buffer.alloc(200 * MiB, 0x20)]),
      },
    ]);
    expect(bomb.length).toBeLessThan(MiB);
    const before = process.memoryUsage().arrayBuffers;
    const error = await refusal(parseDraft(bomb, 'docx', limits));
    expect(error).toMatchObject({ code: 'docx-too-large-unpacked', status: 413 });
    // Nothing was inflated: the 200 MiB never reached memory. (How fast the refusal comes is
    // for a benchmark, not a timed assertion that fails on a busy machine.)
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * MiB);
  });

  it('a bomb that declares a small size is stopped at the unpacked budget', async () => {
    const liar = rawZip([
      { name: 'word/document.xml', data: Buffer.alloc(8 * MiB, 0x20), declaredSize: 1000 },
    ]);
    const error = await refusal(
      parseDraft(liar, 'docx', { ...limits, importMaxUnpackedBytes: 2 * MiB }),
    );
    expect(error).toMatchObject({ code: 'docx-too-large-unpacked', status: 413 });
  });

  it('a part that unpacks to a different size than it declares is damaged', async () => {
    const liar = rawZip([{ name: 'word/document.xml', data: DOCUMENT_XML, declaredSize: 10 }]);
    expect(await refusal(parseDraft(liar, 'docx', limits))).toMatchObject({
      code: 'corrupt-docx',
    });
  });

  it('a large part compressed far better than any document is refused', async () => {
    const packed = rawZip([
      { name: 'word/document.xml', data: DOCUMENT_XML },
      { name: 'word/media/blank.xml', data: Buffer.alloc(16 * MiB, 0x20) },
    ]);
    expect(await refusal(parseDraft(packed, 'docx', limits))).toMatchObject({
      code: 'docx-compression-suspicious',
      status: 422,
    });
  });

  it('an archive with too many entries is refused', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', DOCUMENT_XML);
    for (let i = 0; i < 1200; i++) zip.file(`word/media/${i}.txt`, 'x');
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await refusal(parseDraft(bytes, 'docx', limits))).toMatchObject({
      code: 'docx-too-many-entries',
      status: 413,
    });
  });

  it('a file over the upload limit is refused', async () => {
    const small: ImportLimits = { ...limits, importMaxBytes: 1000 };
    expect(await refusal(parseDraft(await wordDraft(), 'docx', small))).toMatchObject({
      code: 'file-too-large',
      status: 413,
    });
  });

  it('an ordinary Word draft still imports under the default limits', async () => {
    const draft = await parseDraft(await wordDraft(), 'docx', limits);
    expect(draft.paragraphs.length).toBeGreaterThan(5);
  });
});

describe('a hostile Markdown upload', () => {
  const limits = importLimits({});

  it('measures nesting from quotes, list markers and indentation, but not inside fences', () => {
    expect(markdownDepth('plain\n').depth).toBe(0);
    expect(markdownDepth('> > - a\n').depth).toBe(3);
    expect(markdownDepth('- a\n  - b\n    - c\n').depth).toBe(3);
    expect(markdownDepth('```\n' + '>'.repeat(100) + '\n```\n').depth).toBe(0);
  });

  it.each([
    ['block quotes', '>'.repeat(5000) + ' Decides\n'],
    ['list markers', '- '.repeat(3000) + 'Decides\n'],
    ['indented lists', Array.from({ length: 400 }, (_, i) => `${' '.repeat(2 * i)}- a`).join('\n')],
  ])('nested %s are refused with markdown-too-deep', async (_what, source) => {
    const error = await refusal(parseDraft(Buffer.from(source), 'markdown', limits));
    expect(error).toMatchObject({ code: 'markdown-too-deep', status: 422 });
  });

  it('a run of emphasis markers deep enough to exhaust the stack is refused, not a crash', async () => {
    const source = `${'*'.repeat(6000)}Decides${'*'.repeat(6000)}\n`;
    const outcome = await parseDraft(Buffer.from(source), 'markdown', limits).then(
      () => 'parsed',
      (e: unknown) => (e instanceof DraftImportError ? e.code : String(e)),
    );
    expect(['parsed', 'markdown-too-deep']).toContain(outcome);
  });

  it('an ordinary Markdown draft still imports', async () => {
    const draft = await parseDraft(Buffer.from(MARKDOWN_DRAFT), 'markdown', limits);
    expect(draft.paragraphs.length).toBeGreaterThan(5);
  });
});
