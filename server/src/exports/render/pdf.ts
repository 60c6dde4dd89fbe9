/**
 * PDF with pdfkit: A4, DejaVu Sans when the system has it (full Unicode: names, quotes, dashes)
 * and the built-in Helvetica otherwise; runs in Chinese or Arabic script (language versions) are
 * set in Noto Sans CJK and Noto Naskh Arabic, which DejaVu lacks (pdfkit has no font fallback,
 * so the font is chosen per run by its script). Inserted words underlined in blue, deleted ones struck
 * through in red, the authors of a paragraph's changes named under it; agreed ad ref paragraphs
 * on a green ground. The document info dates are the model's date, which also fixes the file ID,
 * so the same model gives the same bytes.
 */
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ExportBlock, ExportModel, ParagraphBlock, Run } from '../model.js';
import { describeProposal, optionLine, readableDate, statusNote } from './text.js';

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const FONTS = {
  regular: [`${DEJAVU}/DejaVuSans.ttf`, 'Helvetica'],
  bold: [`${DEJAVU}/DejaVuSans-Bold.ttf`, 'Helvetica-Bold'],
  italic: [`${DEJAVU}/DejaVuSans-Oblique.ttf`, 'Helvetica-Oblique'],
} as const;
type FontName = keyof typeof FONTS;

const NOTO = '/usr/share/fonts';
type Script = 'cjk' | 'arabic';
/** Per script: the file (and, in a collection, the face) for regular and bold; no italics exist. */
const SCRIPT_FONTS: Readonly<
  Record<Script, Readonly<Record<'regular' | 'bold', readonly [string, string | undefined]>>>
> = {
  cjk: {
    regular: [`${NOTO}/opentype/noto/NotoSansCJK-Regular.ttc`, 'NotoSansCJKsc-Regular'],
    bold: [`${NOTO}/opentype/noto/NotoSansCJK-Bold.ttc`, 'NotoSansCJKsc-Bold'],
  },
  arabic: {
    regular: [`${NOTO}/truetype/noto/NotoNaskhArabic-Regular.ttf`, undefined],
    bold: [`${NOTO}/truetype/noto/NotoNaskhArabic-Bold.ttf`, undefined],
  },
};

const CJK = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
const scriptOf = (text: string): Script | null =>
  CJK.test(text) ? 'cjk' : ARABIC.test(text) ? 'arabic' : null;

/**
 * Text cut where its script changes, so each piece gets a font that has its glyphs; spaces,
 * digits and punctuation stay with the piece before them.
 */
export function splitByScript(text: string): string[] {
  const pieces: string[] = [];
  let current = '';
  let script: Script | null | undefined;
  for (const char of text) {
    const own = /[\p{L}]/u.test(char) ? scriptOf(char) : undefined;
    if (own !== undefined && script !== undefined && own !== script && current) {
      pieces.push(current);
      current = '';
    }
    if (own !== undefined) script = own;
    current += char;
  }
  if (current) pieces.push(current);
  return pieces;
}

/** The registered font for `name` in the script of `text`, when that script's font is installed. */
const available = new Set<string>();
function fontFor(name: FontName, text: string): string {
  const script = scriptOf(text);
  if (!script) return name;
  const scripted = `${script}-${name === 'bold' ? 'bold' : 'regular'}`;
  return available.has(scripted) ? scripted : name;
}

const LABEL_WIDTH = 62;
const SUB_INDENT = 24;
const COLORS = {
  text: '#111111',
  insert: '#0b5394',
  delete: '#9c1c1c',
  mark: '#444444',
  note: '#555555',
};

type Doc = PDFKit.PDFDocument;

function useFonts(doc: Doc): void {
  for (const [name, [file, builtIn]] of Object.entries(FONTS))
    doc.registerFont(name, existsSync(file) ? file : builtIn);
  for (const [script, faces] of Object.entries(SCRIPT_FONTS))
    for (const [weight, [file, face]] of Object.entries(faces)) {
      if (!existsSync(file)) continue;
      doc.registerFont(`${script}-${weight}`, file, face);
      available.add(`${script}-${weight}`);
    }
}

/** `text`, when given, picks the font of its script (Chinese, Arabic) over DejaVu. */
function font(doc: Doc, name: FontName, size: number, color = COLORS.text, text = ''): Doc {
  return doc.font(fontFor(name, text)).fontSize(size).fillColor(color);
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** Runs as one flowing paragraph starting at (x, y) within `width`. */
function flow(doc: Doc, list: readonly Run[], x: number, y: number, width: number, size: number) {
  const parts = list
    .filter((r) => r.text.length > 0)
    .flatMap((r) => splitByScript(r.text).map((text) => ({ ...r, text })));
  if (parts.length === 0) parts.push({ text: ' ' });
  parts.forEach((r, i) => {
    const kind = r.kind ?? 'text';
    font(
      doc,
      kind === 'mark' && !r.tag ? 'bold' : 'regular',
      // Who placed a bracket, smaller after it.
      r.tag ? size * 0.75 : size,
      kind === 'insert'
        ? COLORS.insert
        : kind === 'delete'
          ? COLORS.delete
          : kind === 'mark'
            ? COLORS.mark
            : COLORS.text,
      r.text,
    );
    const options: PDFKit.Mixins.TextOptions = {
      continued: i < parts.length - 1,
      underline: kind === 'insert',
      strike: kind === 'delete',
      width,
      lineGap: 2,
    };
    if (i === 0) doc.text(r.text, x, y, options);
    else doc.text(r.text, options);
  });
}

/** Who changed the paragraph, for comparisons: "Inserted: Norway. Deleted: Ghana." */
function changeAuthors(runs: readonly Run[]): string | null {
  const names = (kind: 'insert' | 'delete') => [
    ...new Set(
      runs.filter((r) => r.kind === kind && r.by && !r.proposalId).map((r) => r.by!.author),
    ),
  ];
  const inserted = names('insert');
  const deleted = names('delete');
  const parts = [
    ...(inserted.length ? [`Inserted: ${inserted.join(', ')}`] : []),
    ...(deleted.length ? [`Deleted: ${deleted.join(', ')}`] : []),
  ];
  return parts.length ? `${parts.join('. ')}.` : null;
}

function paragraph(doc: Doc, p: ParagraphBlock, left: number, width: number): void {
  if (p.kind === 'heading') {
    ensureRoom(doc, 60);
    doc.moveDown(0.6);
    flow(doc, p.runs, left, doc.y, width, 13);
    doc.moveDown(0.3);
    return;
  }
  ensureRoom(doc, 40);
  const indent = p.kind === 'subparagraph' ? SUB_INDENT : 0;
  const option = optionLine(p);
  if (option) {
    // The option's label on a line of its own above the paragraph.
    ensureRoom(doc, 56);
    font(doc, 'bold', 10.5).text(option, left + indent, doc.y, { width: width - indent });
    doc.moveDown(0.2);
  }
  const x = left + indent + LABEL_WIDTH;
  const textWidth = width - indent - LABEL_WIDTH;
  const top = doc.y;
  const note = statusNote(p.chairStatus);
  const runs: Run[] = [...p.runs];
  if (note) runs.push({ text: ` (${note})`, kind: 'mark' });
  if (p.chairStatus === 'agreed-ad-ref') {
    // Measure first so the ground can be drawn under the words.
    font(doc, 'regular', 10.5);
    const height = doc.heightOfString(runs.map((r) => r.text).join(''), {
      width: textWidth,
      lineGap: 2,
    });
    doc
      .save()
      .rect(left + indent - 4, top - 3, width - indent + 8, height + 6)
      .fill('#e4f4e4')
      .restore();
  }
  if (p.label)
    font(doc, 'bold', 10.5).text(p.label, left + indent, top, {
      width: LABEL_WIDTH - 6,
      lineBreak: false,
    });
  flow(doc, runs, x, top, textWidth, 10.5);
  const authors = changeAuthors(p.runs);
  const notes = [
    ...(p.change && !p.change.proposalId
      ? [
          `Paragraph ${p.change.kind === 'insert' ? 'added' : 'removed'}${p.change.by ? ` by ${p.change.by.author}` : ''}.`,
        ]
      : []),
    ...(authors ? [authors] : []),
    ...p.proposals.map(describeProposal),
  ];
  for (const n of notes)
    font(doc, 'italic', 8.5, COLORS.note).text(n, x, doc.y + 1, { width: textWidth });
  doc.x = left;
  doc.moveDown(0.5);
}

function blocks(
  doc: Doc,
  list: readonly ExportBlock[],
  left: number,
  width: number,
  level: number,
): void {
  for (const b of list) {
    switch (b.type) {
      case 'heading':
        ensureRoom(doc, 60);
        doc.moveDown(0.5);
        font(doc, 'bold', Math.max(11, 15 - level - b.level)).text(b.text, left, doc.y, { width });
        doc.moveDown(0.3);
        break;
      case 'paragraph':
        paragraph(doc, b, left, width);
        break;
      case 'prose':
        ensureRoom(doc, 30);
        flow(doc, b.runs, left, doc.y, width, 10.5);
        doc.moveDown(0.5);
        break;
      case 'list':
        b.items.forEach((item, i) => {
          ensureRoom(doc, 30);
          const top = doc.y;
          font(doc, 'regular', 10.5).text(b.ordered ? `${i + 1}.` : '•', left + 8, top, {
            width: 20,
            lineBreak: false,
          });
          flow(doc, item, left + 30, top, width - 30, 10.5);
          doc.moveDown(0.3);
        });
        doc.moveDown(0.3);
        break;
      case 'section':
        ensureRoom(doc, 60);
        doc.moveDown(0.6);
        font(doc, 'bold', Math.max(11, 15 - level)).text(b.title, left, doc.y, { width });
        doc.moveDown(0.3);
        blocks(doc, b.blocks, left, width, level + 1);
        break;
    }
  }
}

export function renderPdf(model: ExportModel): Promise<Buffer> {
  const date = new Date(model.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    lang: model.language,
    displayTitle: true,
    info: {
      Title: `${model.symbol} — ${model.title}`,
      Subject: model.subtitle ?? '',
      Author: 'Accord',
      Creator: 'Accord',
      Producer: 'Accord (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  useFonts(doc);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  font(doc, 'bold', 10).text(model.symbol, left, doc.y, { width, align: 'right' });
  doc.moveDown(0.5);
  font(doc, 'bold', 18, COLORS.text, model.title).text(model.title, { width });
  if (model.subtitle)
    font(doc, 'italic', 12, COLORS.text, model.subtitle).text(model.subtitle, { width });
  doc.moveDown(0.4);
  for (const m of model.metadata) {
    const line = `${m.label}: ${m.label.startsWith('Generated') ? readableDate(m.value) : m.value}`;
    const pieces = splitByScript(line);
    pieces.forEach((piece, i) =>
      font(doc, 'regular', 8.5, COLORS.note, piece).text(piece, {
        width,
        continued: i < pieces.length - 1,
      }),
    );
  }
  doc.moveDown(0.3);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .strokeColor('#999999')
    .stroke();
  doc.moveDown(0.8);
  blocks(doc, model.blocks, left, width, 1);
  doc.end();
  return done;
}
