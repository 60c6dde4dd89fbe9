/**
 * DOCX with the `docx` package: each paragraph numbered with its PP/OP label (the record's
 * numbering, so a removed or proposed paragraph never shifts the numbers Word would compute),
 * agreed ad ref paragraphs shaded, and changes as real Word tracked changes (`w:ins`/`w:del`)
 * whose author is the delegation, so Word's Review pane lists them by delegation and can accept
 * or reject them. A compilation shows proposals as formatted text instead: its brackets and
 * sponsor tags belong to the working document and must not vanish when changes are accepted.
 *
 * Bytes are deterministic: the core properties carry the model's date, and the zip entries'
 * timestamps are set to it too (docx's zip writer would stamp the wall clock).
 */
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  ShadingType,
  TabStopType,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { textDirection } from '@accord/shared';
import type { ExportBlock, ExportModel, ParagraphBlock, Run } from '../model.js';
import type { ExportLabels } from '../i18n/index.js';
import {
  describeProposal,
  labelsOf,
  metadataValue,
  optionLine,
  paragraphChange,
  statusNote,
} from './text.js';
import { stampZipEntries } from './zip-time.js';

const FONT = 'DejaVu Sans';
/**
 * Word picks a run's font by the characters in it: Chinese from `eastAsia`, Arabic from `cs`
 * (complex scripts). DejaVu has neither Chinese nor good Arabic, so those slots name Noto fonts
 * (Debian's fonts-noto-cjk and fonts-noto-core, which LibreOffice finds on the system).
 */
const FONTS = {
  ascii: FONT,
  hAnsi: FONT,
  eastAsia: 'Noto Sans CJK SC',
  cs: 'Noto Naskh Arabic',
};
const HANGING = 1100; // twips: room for "OP 12 (b)"

interface Context {
  /** Real tracked changes (comparison), or formatted proposals (compilation). */
  tracked: boolean;
  /** Right-to-left text (an Arabic language version): paragraphs and runs get bidi properties. */
  rtl: boolean;
  nextId: number;
  /** The labels the export adds, in its label language. */
  t: ExportLabels;
}

/** Word wants a date without fractions of a second. */
const wordDate = (iso: string) => `${iso.slice(0, 19)}Z`;

function runs(
  list: readonly Run[],
  ctx: Context,
  shared: { bold?: boolean } = {},
): ParagraphChild[] {
  const base = ctx.rtl ? { ...shared, rightToLeft: true } : shared;
  return list
    .filter((r) => r.text.length > 0)
    .map((r): ParagraphChild => {
      switch (r.kind) {
        case 'insert':
          if (ctx.tracked && r.by)
            return new InsertedTextRun({
              text: r.text,
              id: ctx.nextId++,
              author: r.by.author,
              date: wordDate(r.by.date),
              ...base,
            });
          return new TextRun({ text: r.text, underline: {}, color: '0B5394', ...base });
        case 'delete':
          if (ctx.tracked && r.by)
            return new DeletedTextRun({
              text: r.text,
              id: ctx.nextId++,
              author: r.by.author,
              date: wordDate(r.by.date),
              ...base,
            });
          return new TextRun({ text: r.text, strike: true, color: '9C1C1C', ...base });
        case 'mark':
          // Brackets and option labels print bold; who placed a bracket, raised after it.
          if (r.tag)
            return new TextRun({ text: r.text, superScript: true, color: '555555', ...base });
          return new TextRun({
            text: r.text,
            bold: true,
            color: r.delimits ? '111111' : '444444',
            ...base,
          });
        case undefined:
        case 'text':
          return new TextRun({ text: r.text, ...base });
      }
    });
}

function paragraph(p: ParagraphBlock, ctx: Context): Paragraph[] {
  if (p.kind === 'heading')
    return [
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        keepNext: true,
        ...(ctx.rtl ? { bidirectional: true } : {}),
        children: runs(p.runs, ctx),
      }),
    ];
  const note = statusNote(p.chairStatus, ctx.t);
  const indent = p.kind === 'subparagraph' ? 720 : 0;
  const children: ParagraphChild[] = [
    new TextRun({ text: p.label ?? '', bold: true }),
    new TextRun({ text: '\t' }),
    ...runs(p.runs, ctx),
  ];
  if (note) children.push(new TextRun({ text: ` (${note})`, italics: true, color: '2E5E2E' }));
  if (p.change && !p.change.proposalId)
    children.push(
      new TextRun({
        text: ` (${paragraphChange(p.change, ctx.t)})`,
        italics: true,
      }),
    );
  const option = optionLine(p);
  const out = [
    // The option's label on a line of its own, kept with its paragraph.
    ...(option
      ? [
          new Paragraph({
            keepNext: true,
            spacing: { after: 60 },
            indent: { left: indent },
            children: [new TextRun({ text: option, bold: true })],
          }),
        ]
      : []),
    new Paragraph({
      children,
      ...(ctx.rtl ? { bidirectional: true } : {}),
      indent: { left: indent + HANGING, hanging: HANGING },
      tabStops: [{ type: TabStopType.LEFT, position: indent + HANGING }],
      spacing: { after: 120 },
      alignment: AlignmentType.JUSTIFIED,
      ...(p.chairStatus === 'agreed-ad-ref'
        ? { shading: { type: ShadingType.CLEAR, fill: 'E4F4E4', color: 'auto' } }
        : {}),
    }),
  ];
  for (const n of p.proposals)
    out.push(
      new Paragraph({
        children: [new TextRun({ text: describeProposal(n, ctx.t), size: 18, color: '333333' })],
        ...(ctx.rtl ? { bidirectional: true } : {}),
        // A sub-amendment sits one step further in, under the proposal it changes.
        indent: { left: indent + HANGING + 360 + (n.subAmendmentOf === undefined ? 0 : 360) },
        spacing: { after: 60 },
      }),
    );
  return out;
}

function blocks(list: readonly ExportBlock[], ctx: Context, level: number): Paragraph[] {
  const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
  return list.flatMap((b): Paragraph[] => {
    switch (b.type) {
      case 'heading':
        return [
          new Paragraph({
            heading: headings[Math.min(level + b.level - 2, 2)],
            keepNext: true,
            children: [new TextRun(b.text)],
          }),
        ];
      case 'paragraph':
        return paragraph(b, ctx);
      case 'prose':
        return [new Paragraph({ children: runs(b.runs, ctx), spacing: { after: 120 } })];
      case 'list':
        return b.items.map(
          (item, i) =>
            new Paragraph({
              children: [new TextRun(b.ordered ? `${i + 1}.\t` : '•\t'), ...runs(item, ctx)],
              indent: { left: 720, hanging: 360 },
              tabStops: [{ type: TabStopType.LEFT, position: 720 }],
            }),
        );
      case 'section':
        return [
          new Paragraph({
            heading: headings[Math.min(level - 1, 2)],
            keepNext: true,
            children: [new TextRun(b.title)],
          }),
          ...blocks(b.blocks, ctx, level + 1),
        ];
    }
  });
}

const xmlText = (text: string) =>
  text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]!};`);

function coreProperties(model: ExportModel): string {
  const date = wordDate(model.generatedAt);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(`${model.symbol} — ${model.title}`)}</dc:title>` +
    `<dc:subject>${xmlText(model.subtitle ?? '')}</dc:subject>` +
    '<dc:creator>Accord</dc:creator><cp:lastModifiedBy>Accord</cp:lastModifiedBy>' +
    `<dc:language>${xmlText(model.language)}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export async function renderDocx(model: ExportModel): Promise<Buffer> {
  const ctx: Context = {
    tracked: model.variant === 'compare',
    rtl: textDirection(model.language) === 'rtl',
    nextId: 1,
    t: labelsOf(model),
  };
  const bidi = ctx.rtl ? { bidirectional: true } : {};
  const cover = [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: model.symbol, bold: true })],
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, ...bidi, children: [new TextRun(model.title)] }),
    ...(model.subtitle
      ? [
          new Paragraph({
            ...bidi,
            children: [new TextRun({ text: model.subtitle, italics: true, size: 26 })],
          }),
        ]
      : []),
    ...model.metadata.map(
      (m) =>
        new Paragraph({
          spacing: { after: 0 },
          ...bidi,
          children: [
            new TextRun({ text: `${m.label}: `, bold: true, size: 18 }),
            new TextRun({ text: metadataValue(m, ctx.t), size: 18 }),
          ],
        }),
    ),
    new Paragraph({ text: '', spacing: { after: 240 } }),
  ];
  const document = new Document({
    creator: 'Accord',
    title: `${model.symbol} — ${model.title}`,
    description: model.subtitle ?? '',
    styles: {
      default: {
        document: {
          run: {
            font: FONTS,
            size: 21,
            language: { value: model.language, eastAsia: 'zh-CN', bidirectional: 'ar-SA' },
          },
        },
      },
    },
    sections: [{ children: [...cover, ...blocks(model.blocks, ctx, 1)] }],
  });
  const packed = await Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: coreProperties(model) },
  ]);
  return stampZipEntries(packed, new Date(model.generatedAt));
}
