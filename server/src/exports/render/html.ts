/**
 * HTML: one self-contained, printable page (inline CSS with print rules, no scripts, no external
 * resources); changes as `<ins>`/`<del>` with the author and date in `title`/`datetime`.
 */
import type { ExportBlock, ExportModel, ParagraphBlock, ProposalNote, Run } from '../model.js';
import type { ExportLabels } from '../i18n/index.js';
import {
  delimiterTitle,
  describeProposal,
  labelsOf,
  metadataValue,
  nestedProposals,
  optionLine,
  readableDate,
  statusNote,
} from './text.js';

/** Text languages written right to left: the page's base direction follows the text. */
const RTL = new Set(['ar']);

const esc = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]!};`,
  );

const CSS = `
:root { color-scheme: light; }
body { font-family: "DejaVu Serif", Georgia, "Times New Roman", serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #111; }
header { border-bottom: 1px solid #999; margin-bottom: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
.subtitle { font-style: italic; margin: 0 0 .5rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; font-size: .9rem; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
p.para { margin: .6rem 0; }
p.para .num { font-weight: bold; margin-inline-end: .5rem; }
p.subparagraph { margin-inline-start: 2rem; }
p.preambular .text { font-style: normal; }
.agreed-ad-ref { background: #e4f4e4; border-inline-start: 4px solid #2e7d32; padding-inline-start: .5rem; }
.status { font-size: .8rem; font-style: italic; color: #2e5e2e; margin-inline-start: .4rem; }
.bracketed .status { color: #7a4b00; }
ins { color: #0b5394; text-decoration: underline; background: #eef4fb; }
del { color: #9c1c1c; text-decoration: line-through; background: #fbeeee; }
.mark { font-weight: bold; color: #444; }
.mark.bracket, .mark.option { color: #111; }
sup.tag { font-size: .7em; font-weight: normal; color: #555; }
p.option-line { margin: .8rem 0 0; font-weight: bold; break-after: avoid; }
.para.added { border-inline-start: 4px solid #0b5394; padding-inline-start: .5rem; }
.para.removed { border-inline-start: 4px solid #9c1c1c; padding-inline-start: .5rem; }
ul.proposals { font-size: .85rem; color: #333; margin: 0 0 .8rem 2rem; }
ul.proposals ul.sub-amendments { margin: 0; padding-inline-start: 1.5rem; list-style: circle; }
section > h2 { font-size: 1.2rem; }
footer { margin-top: 2rem; border-top: 1px solid #999; font-size: .8rem; color: #555; }
@media print {
  @page { size: A4; margin: 2cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  ins, del, .agreed-ad-ref { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  p.para, ul.proposals { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
}
`;

function runs(list: readonly Run[], t: ExportLabels): string {
  return list
    .map((r) => {
      const text = esc(r.text);
      const by = r.by
        ? ` title="${esc(`${r.by.author}, ${readableDate(r.by.date, t)}`)}" datetime="${esc(r.by.date)}"`
        : '';
      switch (r.kind) {
        case 'insert':
          return `<ins${by}>${text}</ins>`;
        case 'delete':
          return `<del${by}>${text}</del>`;
        case 'mark':
          // Who placed the bracket just closed, raised; a bracket's or an option's mark says who
          // placed it and why when pointed at.
          if (r.tag) return `<sup class="tag">${text}</sup>`;
          if (r.delimits)
            return `<span class="mark ${r.delimits.element}" title="${esc(delimiterTitle(r.delimits, t))}">${text}</span>`;
          return `<span class="mark">${text}</span>`;
        case undefined:
        case 'text':
          return text;
      }
    })
    .join('');
}

/** One proposal, with its sub-amendments in a list of their own under it. */
function proposalItem(
  { note, subs }: { note: ProposalNote; subs: ProposalNote[] },
  t: ExportLabels,
): string {
  const item = (n: ProposalNote) => `<li id="${esc(n.eId)}">${esc(describeProposal(n, t))}`;
  const nested =
    subs.length > 0
      ? `<ul class="sub-amendments">${subs.map((n) => `${item(n)}</li>`).join('')}</ul>`
      : '';
  return `${item(note)}${nested}</li>`;
}

function paragraph(p: ParagraphBlock, level: number, t: ExportLabels): string {
  if (p.kind === 'heading') {
    const h = `h${Math.min(level + 1, 6)}`;
    return `<${h} id="${esc(p.eId)}">${runs(p.runs, t)}</${h}>`;
  }
  const note = statusNote(p.chairStatus, t);
  const classes = ['para', p.kind, p.chairStatus];
  if (p.option) classes.push('option');
  if (p.change) classes.push(p.change.kind === 'insert' ? 'added' : 'removed');
  const num = p.label ? `<span class="num">${esc(p.label)}</span>` : '';
  const status = note ? `<span class="status">(${esc(note)})</span>` : '';
  const proposals =
    p.proposals.length > 0
      ? `\n<ul class="proposals">${nestedProposals(p.proposals)
          .map((n) => proposalItem(n, t))
          .join('')}</ul>`
      : '';
  const option = optionLine(p);
  const line = option ? `<p class="option-line">${esc(option)}</p>\n` : '';
  return `${line}<p id="${esc(p.eId)}" class="${classes.join(' ')}">${num}<span class="text">${runs(p.runs, t)}</span>${status}</p>${proposals}`;
}

function blocks(list: readonly ExportBlock[], level: number, t: ExportLabels): string {
  return list
    .map((b) => {
      switch (b.type) {
        case 'heading': {
          const h = `h${Math.min(level + b.level, 6)}`;
          return `<${h}>${esc(b.text)}</${h}>`;
        }
        case 'paragraph':
          return paragraph(b, level, t);
        case 'prose':
          return `<p>${runs(b.runs, t)}</p>`;
        case 'list': {
          const tag = b.ordered ? 'ol' : 'ul';
          return `<${tag}>${b.items.map((i) => `<li>${runs(i, t)}</li>`).join('')}</${tag}>`;
        }
        case 'section':
          return `<section id="${esc(b.eId)}">\n<h${Math.min(level + 1, 6)}>${esc(b.title)}</h${Math.min(level + 1, 6)}>\n${blocks(b.blocks, level + 1, t)}\n</section>`;
      }
    })
    .join('\n');
}

export function renderHtml(model: ExportModel): Buffer {
  const t = labelsOf(model);
  const meta = model.metadata
    .map((m) => `<dt>${esc(m.label)}</dt><dd>${esc(metadataValue(m, t))}</dd>`)
    .join('');
  const html = `<!DOCTYPE html>
<html lang="${esc(model.language)}" dir="${RTL.has(model.language) ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Accord">
<meta name="dcterms.date" content="${esc(model.generatedAt)}">
<title>${esc(`${model.symbol} — ${model.title}${model.subtitle ? ` (${model.subtitle})` : ''}`)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${esc(model.title)}</h1>
${model.subtitle ? `<p class="subtitle">${esc(model.subtitle)}</p>` : ''}
<dl class="meta">${meta}</dl>
</header>
<main>
${blocks(model.blocks, 1, t)}
</main>
<footer>${esc(t('footer', { date: t.instant(model.generatedAt) }))}</footer>
</body>
</html>
`;
  return Buffer.from(html, 'utf8');
}
