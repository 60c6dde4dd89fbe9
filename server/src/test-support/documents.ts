// Opening exported files as a recipient's software would, without system tools: XML checks with
// libxml2 compiled to WebAssembly (xmllint-wasm), PDF text with Mozilla's pdf.js, and DOCX
// packages with JSZip. Tests use these so a plain clone needs no xmllint, pdftotext or unzip.
// Only the LibreOffice conversion still runs a Debian program.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { memoryPages, validateXML, type XMLValidationResult } from 'xmllint-wasm';

const run = promisify(execFile);

/** The vendored OASIS schema, read from the source tree (tests never run from dist). */
const AKN_SCHEMA_DIR = new URL('../exports/akomantoso/', import.meta.url);

export interface XmlCheck {
  valid: boolean;
  /** xmllint's messages, one per problem, with the file name and line when it gave them. */
  errors: string[];
}

export interface XmlFile {
  fileName: string;
  contents: string | Uint8Array;
}

// The default 32 MiB ceiling is too small for the schema plus a large export.
const MEMORY = { maxMemoryPages: 512 * memoryPages.MiB };

const toCheck = (result: XMLValidationResult): XmlCheck => ({
  valid: result.valid,
  errors: result.errors.map((e) => e.rawMessage),
});

let aknSchema: Promise<{ main: XmlFile; imported: XmlFile }> | undefined;

function loadAknSchema(): Promise<{ main: XmlFile; imported: XmlFile }> {
  aknSchema ??= Promise.all([
    readFile(new URL('akomantoso30.xsd', AKN_SCHEMA_DIR), 'utf8'),
    readFile(new URL('xml.xsd', AKN_SCHEMA_DIR), 'utf8'),
  ]).then(([main, imported]) => ({
    main: { fileName: 'akomantoso30.xsd', contents: main },
    // akomantoso30.xsd imports it as "./xml.xsd"; the name must match in the in-memory file system.
    imported: { fileName: 'xml.xsd', contents: imported },
  }));
  return aknSchema;
}

/** Validates an Akoma Ntoso document against the OASIS Akoma Ntoso 3.0 schema. */
export async function validateAkomaNtoso(
  xml: string | Uint8Array,
  fileName = 'export.akn.xml',
): Promise<XmlCheck> {
  const schema = await loadAknSchema();
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [schema.main],
    preload: [schema.imported],
    ...MEMORY,
  });
  return toCheck(result);
}

/** Checks that each file parses as XML (well-formed), as `xmllint --noout` does. */
export async function checkWellFormed(files: readonly XmlFile[]): Promise<XmlCheck> {
  if (files.length === 0) return { valid: true, errors: [] };
  // The files live in a flat in-memory file system: "word/document.xml" becomes
  // "word_document.xml". Without a schema xmllint-wasm needs an output mode; reformatting parses
  // every file fully.
  const flat = files.map((f) => ({ ...f, fileName: f.fileName.replace(/[^\w.-]/g, '_') }));
  const result = await validateXML({ xml: flat, normalization: 'format', ...MEMORY });
  return toCheck(result);
}

/** The text of every page of a PDF, pages separated by a blank line. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  // pdf.js takes ownership of the buffer it is given, so hand it a copy.
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text);
    }
    return pages.join('\n\n');
  } finally {
    await pdf.destroy();
  }
}

export interface Docx {
  /** Names of every part in the package, e.g. `word/document.xml`. */
  parts: string[];
  /** A part's text; throws when the package does not hold it. */
  part(name: string): Promise<string>;
  /** Every XML part (`.xml` and `.rels`), ready for {@link checkWellFormed}. */
  xmlParts(): Promise<XmlFile[]>;
}

/** Opens a DOCX (a zip package) the way a word processor would start to. */
export async function openDocx(bytes: Uint8Array): Promise<Docx> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.values(zip.files)
    .filter((entry) => !entry.dir)
    .map((entry) => entry.name);
  const part = async (name: string): Promise<string> => {
    const entry = zip.file(name);
    if (!entry) throw new Error(`the DOCX has no part ${name}`);
    return entry.async('string');
  };
  return {
    parts,
    part,
    xmlParts: () =>
      Promise.all(
        parts
          .filter((name) => /\.(xml|rels)$/.test(name))
          .map(async (name) => ({ fileName: name, contents: await part(name) })),
      ),
  };
}

/**
 * Converts a file to PDF with LibreOffice, the one recipient's tool that npm cannot provide
 * (Debian's libreoffice-writer-nogui; `npm test` installs it when run as root). Each call uses
 * its own profile in `outDir`, so conversions never wait on a shared one.
 */
export async function convertWithLibreOffice(input: string, outDir: string): Promise<Buffer> {
  const profile = pathToFileURL(join(outDir, 'profile')).href;
  try {
    await run(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=${profile}`,
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        input,
      ],
      { timeout: 240_000 },
    );
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new Error(
        'LibreOffice (soffice) is not installed: run `node scripts/system-tools.mjs` as root, ' +
          'or apt-get install libreoffice-writer-nogui',
      );
    }
    throw error;
  }
  return readFile(join(outDir, `${basename(input, extname(input))}.pdf`));
}
