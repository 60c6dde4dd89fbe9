/**
 * Every export format of the seeded demo document, checked as a recipient's software would open
 * it: the DOCX package holds well-formed XML and LibreOffice converts it; the Akoma Ntoso validates
 * against the OASIS schema; the PDF's text comes out with pdf.js; the comparison carries Word
 * tracked changes authored by the delegation. And the same point gives the same bytes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccordCore } from '../core.js';
import { demoNegotiation as demo } from '../demo/demo-negotiation.js';
import { seedDemo } from '../demo/seed-demo.js';
import { demoRecommendations } from '../demo/seed-recommendations.js';
import { createBracketReader } from '../application/brackets/bracket-reader.js';
import { InvalidInputError } from '../application/errors.js';
import { toProblem } from '../http/problem.js';
import {
  checkWellFormed,
  convertWithLibreOffice,
  openDocx,
  pdfText,
  validateAkomaNtoso,
} from '../test-support/documents.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { createTestCore } from '../test-support/test-core.js';
import { RecordHistory, type TimeTravelDeps } from '../timetravel/index.js';
import {
  buildDocumentExport,
  exportFormats,
  paragraphBlocks,
  renderExport,
  type ExportModel,
} from './index.js';

const NOW = new Date('2026-05-14T10:30:00.000Z');
const SEED_ID = '6f0c1f8e-2b7d-4a51-9e3c-5d8a7b6c4e21';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The demo's pending amendments: eight tabled, plus those taken up from recommendations. */
const PENDING = 8 + demoRecommendations.reduce((n, r) => n + r.takenUpBy.length, 0);

describe('document exports of the demo', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let core: AccordCore;
  let deps: TimeTravelDeps;
  let documentId: string;
  const models: Partial<Record<'clean' | 'compilation' | 'compare', ExportModel>> = {};
  const file = (name: string) => join(temp.dir, name);

  beforeAll(async () => {
    temp = await makeTempDir();
    core = await createTestCore(join(temp.dir, 'data'));
    ({ documentId } = await seedDemo(core, { now: NOW, seedId: SEED_ID }));
    deps = { store: core.store, history: new RecordHistory(core.store) };
    models.clean = await buildDocumentExport(deps, documentId, {
      variant: 'clean',
      asOf: { kind: 'now' },
    });
    models.compilation = await buildDocumentExport(deps, documentId, {
      variant: 'compilation',
      asOf: { kind: 'now' },
    });
    models.compare = await buildDocumentExport(deps, documentId, {
      variant: 'compare',
      from: { kind: 'revision', label: 'Zero draft' },
      to: { kind: 'revision', label: 'Rev 1' },
    });
  }, 180_000);

  afterAll(async () => {
    await core?.close();
    await temp?.remove();
  });

  it('builds the clean text: every paragraph, numbered, with its stable eId', () => {
    const paragraphs = paragraphBlocks(models.clean!.blocks);
    const texts = paragraphs.map((p) => p.runs.map((r) => r.text).join(''));
    // The seeded wording, with the one accepted amendment applied (it may add a paragraph), the
    // words of each inline alternative added to its paragraph, and each alternative paragraph.
    const inline = demo.optionSets.filter((s) => s.scope === 'inline').length;
    const alternatives = demo.optionSets
      .filter((s) => s.scope === 'paragraphs')
      .flatMap((s) => s.alternatives)
      .filter((a) => !a.noText).length;
    const missing = demo.document.paragraphs.filter((p) => !texts.includes(p.text));
    expect(missing.length).toBeLessThanOrEqual(1 + inline);
    expect(texts.length - demo.document.paragraphs.length).toBeLessThanOrEqual(1 + alternatives);
    expect(paragraphs.filter((p) => p.label?.startsWith('OP ')).length).toBeGreaterThan(3);
    for (const p of paragraphs) expect(p.eId).toBe(`para_${p.id}`);
    // The point's own time (its last record event or text update), not the clock: built again, the same.
    expect(models.clean!.generatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('builds the compilation: every pending proposal in place and attributed to its sponsors', () => {
    const paragraphs = paragraphBlocks(models.compilation!.blocks);
    const notes = paragraphs.flatMap((p) => p.proposals);
    expect(notes).toHaveLength(PENDING);
    expect(notes.every((n) => n.placed)).toBe(true);
    const am1 = demo.amendments.find((a) => a.key === 'am1')!;
    const names = new Map(demo.stakeholders.map((s) => [s.key, s]));
    const note = notes.find((n) => n.proposedText === am1.proposedText)!;
    expect(note.sponsors.map((s) => s.author)).toEqual(
      [am1.sponsor, ...am1.cosponsors].map((k) => names.get(k)!.name),
    );
    const inserted = paragraphs
      .flatMap((p) => p.runs)
      .find((r) => r.kind === 'insert' && r.text === am1.proposedText)!;
    expect(inserted.by!.author).toBe(names.get(am1.sponsor)!.name);
    // Agreed ad ref paragraphs are marked; the tag names the sponsors' codes.
    expect(paragraphs.some((p) => p.chairStatus === 'agreed-ad-ref')).toBe(true);
    expect(
      paragraphs
        .flatMap((p) => p.runs)
        .some((r) => r.kind === 'mark' && r.text.includes(names.get(am1.sponsor)!.code)),
    ).toBe(true);
  });

  it('builds the comparison of two revisions with each change attributed to a delegation', () => {
    const runs = paragraphBlocks(models.compare!.blocks).flatMap((p) => p.runs);
    const changes = runs.filter((r) => r.kind === 'insert' || r.kind === 'delete');
    expect(changes.length).toBeGreaterThan(0);
    const delegations = new Set(
      demo.stakeholders
        .filter((s) => s.kind === 'delegation' || s.kind === 'group')
        .map((s) => s.name),
    );
    for (const c of changes) expect(delegations.has(c.by!.author), c.by!.author).toBe(true);
  });

  it('produces every format for every variant, the same bytes each time', async () => {
    const rebuilt = await buildDocumentExport(deps, documentId, {
      variant: 'compilation',
      asOf: { kind: 'now' },
    });
    expect(rebuilt).toEqual(models.compilation);
    for (const variant of ['clean', 'compilation', 'compare'] as const) {
      for (const format of exportFormats) {
        const first = await renderExport(models[variant]!, format);
        const again = await renderExport(models[variant]!, format);
        expect(first.bytes.length, `${variant} ${format}`).toBeGreaterThan(200);
        expect(first.bytes.equals(again.bytes), `${variant} ${format} deterministic`).toBe(true);
        await writeFile(file(`${variant}.${first.extension}`), first.bytes);
      }
    }
  }, 120_000);

  it('writes DOCX that unzips into well-formed XML, with tracked changes by the delegation', async () => {
    const bodies: Partial<Record<'clean' | 'compilation' | 'compare', string>> = {};
    for (const variant of ['clean', 'compilation', 'compare'] as const) {
      const docx = await openDocx(await readFile(file(`${variant}.docx`)));
      expect(docx.parts).toContain('word/document.xml');
      const check = await checkWellFormed(await docx.xmlParts());
      expect(check.errors, `${variant}.docx`).toEqual([]);
      expect(check.valid).toBe(true);
      bodies[variant] = await docx.part('word/document.xml');
    }
    const compare = bodies.compare!;
    const authors = (tag: string) =>
      [...compare.matchAll(new RegExp(`<w:${tag} [^>]*w:author="([^"]+)"`, 'g'))].map((m) => m[1]);
    const changed = paragraphBlocks(models.compare!.blocks)
      .flatMap((p) => p.runs)
      .filter((r) => r.kind === 'insert' || r.kind === 'delete')
      .map((r) => r.by!.author.replace(/&/g, '&amp;'));
    expect([...authors('ins'), ...authors('del')].sort()).toEqual(changed.sort());
    expect(authors('ins').length + authors('del').length).toBeGreaterThan(0);
    // Paragraphs are numbered with their PP/OP labels.
    const clean = bodies.clean!;
    expect(clean).toContain('>OP 1<');
    expect(clean).toContain('>PP 1<');
  }, 120_000);

  it('writes Akoma Ntoso that validates against the OASIS schema', async () => {
    for (const variant of ['clean', 'compilation', 'compare']) {
      const check = await validateAkomaNtoso(await readFile(file(`${variant}.akn.xml`)));
      expect(check.errors, variant).toEqual([]);
      expect(check.valid).toBe(true);
    }
    const akn = await readFile(file('compilation.akn.xml'), 'utf8');
    const first = paragraphBlocks(models.compilation!.blocks).find((p) => p.kind === 'operative')!;
    expect(akn).toContain(`eId="para_${first.id}"`);
    expect(akn.match(/<amendment /g)).toHaveLength(PENDING);
    expect(akn).toContain('<ins refersTo="#org_');
  }, 120_000);

  it('writes a PDF whose text comes out with pdf.js and holds every paragraph', async () => {
    const text = squash(await pdfText(await readFile(file('clean.pdf'))));
    for (const p of paragraphBlocks(models.clean!.blocks)) {
      const words = squash(p.runs.map((r) => r.text).join(''));
      // Line breaks and hyphenation aside, each paragraph's opening words appear in order.
      expect(text, p.label ?? p.id).toContain(words.slice(0, 40));
      if (p.label) expect(text).toContain(p.label);
    }
  });

  it('writes self-contained HTML and Markdown with the changes marked', async () => {
    const html = await readFile(file('compare.html'), 'utf8');
    expect(html).not.toMatch(/<(script|link)\b|src=/);
    expect(html).toContain('@media print');
    expect(html).toMatch(/<ins title="[^"]+"/);
    const md = await readFile(file('compilation.md'), 'utf8');
    expect(md).toContain('{++');
    expect(md).toMatch(/\*\*OP 1\*\*/);
    const json = JSON.parse(await readFile(file('clean.json'), 'utf8')) as { documentId: string };
    expect(json.documentId).toBe(documentId);
  });

  it('converts the DOCX to PDF with LibreOffice', async () => {
    const pdf = await convertWithLibreOffice(file('compare.docx'), file('soffice'));
    const text = await pdfText(pdf);
    expect(squash(text)).toContain(models.compare!.title);
  }, 300_000);

  it("prints the demo's brackets and options when the export reads them", async () => {
    const history = new RecordHistory(core.store);
    const reader = createBracketReader({ store: core.store, history, text: core.text });
    const model = await buildDocumentExport(
      { store: core.store, history, negotiationText: (id, asOf) => reader.list(id, asOf) },
      documentId,
      { variant: 'clean', asOf: { kind: 'now' } },
    );
    expect(model.counts).toMatchObject({ brackets: demo.brackets.length });
    const md = (await renderExport(model, 'md')).bytes.toString('utf8');
    // Nested as seeded: the inner bracket inside the outer one, in the shared notation.
    expect(md).toContain('[by establishing [binding] limits on workplace heat exposure]');
    expect(md).toContain(`- Open brackets: ${demo.brackets.length}`);
    const akn = await validateAkomaNtoso((await renderExport(model, 'akn')).bytes, 'demo.akn.xml');
    expect(akn.errors).toEqual([]);
  }, 60_000);

  it('refuses a point before the document existed, precisely', async () => {
    const before = await buildDocumentExport(deps, documentId, {
      variant: 'clean',
      asOf: { kind: 'position', position: 0n },
    }).catch((e: unknown) => e);
    expect(before).toBeInstanceOf(InvalidInputError);
    expect(toProblem(before).status).toBe(422);
    expect(toProblem(before).type).toMatch(/before-document$/);
  });
});
