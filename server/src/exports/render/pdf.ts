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
import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';
import {
  baseDirectionOf,
  bidiLevels,
  bidiPieces,
  hasRtl,
  mirrored,
  strongOf,
  visualOrder,
} from './pdf-bidi.js';
import type { ExportBlock, ExportModel, ParagraphBlock, Run } from '../model.js';
import type { ExportLabels } from '../i18n/index.js';
import {
  changeAuthors,
  describeProposal,
  labelsOf,
  metadataValue,
  optionLine,
  paragraphChange,
  statusNote,
} from './text.js';

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

/** What every drawing function needs to know: the label language and the text's direction. */
interface PdfContext {
  t: ExportLabels;
  rtl: boolean;
}

/** Text languages written right to left. */
const RTL_LANGUAGES = new Set(['ar']);

/** A heading's style: bold, smaller the deeper it sits. */
const heading = (size: number) => ({
  name: 'bold' as const,
  size: Math.max(11, size),
  color: COLORS.text,
});

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

interface Piece {
  text: string;
  run: Run;
  width: number;
}

/** A font and colour for every run of a line (cover lines, notes), instead of the runs' own. */
interface FixedStyle {
  name: FontName;
  color: string;
}

/** The font, size and colour a run is set in. */
function runStyle(doc: Doc, r: Run, size: number, text: string, fixed?: FixedStyle): void {
  if (fixed) {
    font(doc, fixed.name, size, fixed.color, text);
    return;
  }
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
    text,
  );
}

/**
 * Runs holding right-to-left words, laid out here rather than by pdfkit (see pdf-bidi.ts): words
 * measured in their own font, lines filled greedily, each line's words put in visual order and
 * drawn one by one, right-aligned when the paragraph reads right to left.
 */
function flowBidi(
  doc: Doc,
  list: readonly Run[],
  x: number,
  y: number,
  width: number,
  size: number,
  base: 'rtl' | 'ltr',
  fixed?: FixedStyle,
) {
  const pieces: Piece[] = list.flatMap((run) =>
    bidiPieces(run.text).map((text) => {
      const shown = /^\s+$/.test(text) ? ' ' : text;
      runStyle(doc, run, size, shown, fixed);
      return { text: shown, run, width: doc.widthOfString(shown) };
    }),
  );
  const lines: Piece[][] = [[]];
  let used = 0;
  for (const piece of pieces) {
    const line = lines.at(-1)!;
    const blank = piece.text === ' ';
    if (!blank && line.length > 0 && used + piece.width > width) {
      while (line.at(-1)?.text === ' ') line.pop();
      lines.push([piece]);
      used = piece.width;
    } else if (!(blank && line.length === 0)) {
      line.push(piece);
      used += piece.width;
    }
  }
  font(doc, 'regular', size);
  // Naskh letters reach further above and below than DejaVu's: a little more room per line.
  const lineHeight = doc.currentLineHeight(true) + 4;
  lines.forEach((line, n) => {
    while (line.at(-1)?.text === ' ') line.pop();
    const total = line.reduce((sum, p) => sum + p.width, 0);
    let cx = base === 'rtl' ? x + width - total : x;
    const top = y + n * lineHeight;
    const texts = line.map((p) => p.text);
    const levels = bidiLevels(texts, base);
    for (const i of visualOrder(texts, base)) {
      const piece = line[i]!;
      const shown =
        levels[i]! % 2 === 1 && !strongOf(piece.text) ? mirrored(piece.text) : piece.text;
      if (piece.text !== ' ') {
        runStyle(doc, piece.run, size, shown, fixed);
        const kind = piece.run.kind ?? 'text';
        // One baseline for the line, whatever the font: Naskh and DejaVu ascend differently.
        doc.text(shown, cx, top + size * (piece.run.tag ? 0.9 : 1.05), {
          baseline: 'alphabetic',
          lineBreak: false,
          underline: kind === 'insert',
          strike: kind === 'delete',
        });
      }
      cx += piece.width;
    }
  });
  doc.x = x;
  doc.y = y + lines.length * lineHeight;
}

/**
 * One line of label text (a heading, a note, a cover line) in one font: through the bidi layout
 * when it reads right to left or holds Arabic, else through pdfkit.
 */
function say(
  doc: Doc,
  text: string,
  style: FixedStyle & { size: number },
  x: number,
  width: number,
  rtl: boolean,
): void {
  if (rtl || hasRtl(text)) {
    const base = rtl ? 'rtl' : baseDirectionOf(text);
    flowBidi(doc, [{ text }], x, doc.y, width, style.size, base, style);
    return;
  }
  font(doc, style.name, style.size, style.color, text).text(text, x, doc.y, { width });
}

/** Runs as one flowing paragraph starting at (x, y) within `width`. */
function flow(
  doc: Doc,
  list: readonly Run[],
  x: number,
  y: number,
  width: number,
  size: number,
  rtl = false,
) {
  const all = list.map((r) => r.text).join('');
  if (rtl || hasRtl(all))
    return flowBidi(doc, list, x, y, width, size, rtl ? 'rtl' : baseDirectionOf(all));
  const parts = list
    .filter((r) => r.text.length > 0)
    .flatMap((r) => splitByScript(r.text).map((text) => ({ ...r, text })));
  if (parts.length === 0) parts.push({ text: ' ' });
  parts.forEach((r, i) => {
    const kind = r.kind ?? 'text';
    runStyle(doc, r, size, r.text);
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

function paragraph(
  doc: Doc,
  p: ParagraphBlock,
  left: number,
  width: number,
  ctx: PdfContext,
): void {
  const { t, rtl } = ctx;
  if (p.kind === 'heading') {
    ensureRoom(doc, 60);
    doc.moveDown(0.6);
    flow(doc, p.runs, left, doc.y, width, 13, rtl);
    doc.moveDown(0.3);
    return;
  }
  ensureRoom(doc, 40);
  const indent = p.kind === 'subparagraph' ? SUB_INDENT : 0;
  const option = optionLine(p);
  if (option) {
    // The option's label on a line of its own above the paragraph.
    ensureRoom(doc, 56);
    say(doc, option, { name: 'bold', size: 10.5, color: COLORS.text }, left, width - indent, rtl);
    doc.moveDown(0.2);
  }
  // Right to left, the number stands at the right and the words to its left.
  const x = rtl ? left : left + indent + LABEL_WIDTH;
  const textWidth = width - indent - LABEL_WIDTH;
  const top = doc.y;
  const note = statusNote(p.chairStatus, t);
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
    font(doc, 'bold', 10.5).text(p.label, rtl ? left + textWidth + 6 : left + indent, top, {
      width: LABEL_WIDTH - 6,
      lineBreak: false,
      align: rtl ? 'right' : 'left',
    });
  flow(doc, runs, x, top, textWidth, 10.5, rtl);
  const authors = changeAuthors(p.runs, t);
  const notes = [
    ...(p.change && !p.change.proposalId ? [`${paragraphChange(p.change, t)}.`] : []),
    ...(authors ? [authors] : []),
    ...p.proposals.map((n) => describeProposal(n, t)),
  ];
  for (const n of notes) {
    doc.y += 1;
    say(doc, n, { name: 'italic', size: 8.5, color: COLORS.note }, x, textWidth, rtl);
  }
  doc.x = left;
  doc.moveDown(0.5);
}

function blocks(
  doc: Doc,
  list: readonly ExportBlock[],
  left: number,
  width: number,
  level: number,
  ctx: PdfContext,
): void {
  const { rtl } = ctx;
  for (const b of list) {
    switch (b.type) {
      case 'heading':
        ensureRoom(doc, 60);
        doc.moveDown(0.5);
        say(doc, b.text, heading(15 - level - b.level), left, width, rtl);
        doc.moveDown(0.3);
        break;
      case 'paragraph':
        paragraph(doc, b, left, width, ctx);
        break;
      case 'prose':
        ensureRoom(doc, 30);
        flow(doc, b.runs, left, doc.y, width, 10.5, rtl);
        doc.moveDown(0.5);
        break;
      case 'list':
        b.items.forEach((item, i) => {
          ensureRoom(doc, 30);
          const top = doc.y;
          font(doc, 'regular', 10.5).text(
            b.ordered ? `${i + 1}.` : '•',
            rtl ? left + width - 22 : left + 8,
            top,
            {
              width: 20,
              lineBreak: false,
            },
          );
          flow(doc, item, rtl ? left : left + 30, top, width - 30, 10.5, rtl);
          doc.moveDown(0.3);
        });
        doc.moveDown(0.3);
        break;
      case 'section':
        ensureRoom(doc, 60);
        doc.moveDown(0.6);
        say(doc, b.title, heading(15 - level), left, width, rtl);
        doc.moveDown(0.3);
        blocks(doc, b.blocks, left, width, level + 1, ctx);
        break;
    }
  }
}

// Required on the first render rather than imported: pdfkit reads its font metrics from files
// beside itself, so it stays outside the server's bundle (scripts/bundle-server.mjs), and the
// bundle loads such a package at start when it is imported, though most days nobody prints.
const loadPdfKit = (): typeof PDFDocument =>
  createRequire(import.meta.url)('pdfkit') as typeof PDFDocument;

export function renderPdf(model: ExportModel): Promise<Buffer> {
  const date = new Date(model.generatedAt);
  const PdfKit = loadPdfKit();
  const doc = new PdfKit({
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
  const t = labelsOf(model);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const rtl = RTL_LANGUAGES.has(model.language);
  const ctx: PdfContext = { t, rtl };
  // The symbol in the far corner: right in a left-to-right text, left in a right-to-left one.
  font(doc, 'bold', 10).text(model.symbol, left, doc.y, { width, align: rtl ? 'left' : 'right' });
  doc.moveDown(0.5);
  say(doc, model.title, { name: 'bold', size: 18, color: COLORS.text }, left, width, rtl);
  if (model.subtitle)
    say(doc, model.subtitle, { name: 'italic', size: 12, color: COLORS.text }, left, width, rtl);
  doc.moveDown(0.4);
  for (const m of model.metadata) {
    const line = `${m.label}: ${metadataValue(m, t)}`;
    // Arabic labels make the cover read right to left, even over a text in another language.
    if (rtl || t.language === 'ar' || hasRtl(line)) {
      const note = { name: 'regular' as const, size: 8.5, color: COLORS.note };
      say(doc, line, note, left, width, rtl || t.language === 'ar');
      continue;
    }
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
  blocks(doc, model.blocks, left, width, 1, ctx);
  doc.end();
  return done;
}
