/**
 * Markdown: GitHub-flavoured, with tracked changes in CriticMarkup (`{++inserted++}`,
 * `{--deleted--}`, `{>>who<<}`), which reads as plain text and is understood by Markdown tools
 * that review changes. Brackets and options are written in the shared notation with bare "[" and
 * "]", and every other square bracket escaped, so the import reads the same brackets back; an
 * alternative paragraph's label ("Option 2") stands on its own line above it.
 */
import type { ExportBlock, ExportModel, ParagraphBlock, Run } from '../model.js';
import type { ExportLabels } from '../i18n/index.js';
import {
  describeProposal,
  labelsOf,
  metadataValue,
  nestedProposals,
  optionLine,
  paragraphChange,
  statusNote,
} from './text.js';

/** Inline text: Markdown's punctuation escaped, and every kind of line break made a space. */
const escape = (text: string): string =>
  text.replace(/[\\`*_[\]<>~|{}]/g, (c) => `\\${c}`).replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');

/**
 * A line whose start is typed text: indentation dropped (four spaces would open a code block)
 * and a leading `#`, `-`, `+`, `=` or `1.`/`1)` escaped, so words typed into a paragraph can
 * never become a heading, a list, a rule or a setext underline of the export.
 */
const lineStart = (line: string): string =>
  line
    .replace(/^[ \t]+/, '')
    .replace(/^(?:[#+=-]|\d{1,9}(?=[.)]))/, (lead) =>
      /^\d/.test(lead) ? `${lead}\\` : `\\${lead}`,
    );

/** Heading text: a trailing run of `#` would be read as the heading's closing marks. */
const headingText = (text: string): string =>
  text.replace(/#+(?=[ \t]*$)/, (marks) => marks.replace(/#/g, '\\#'));

/**
 * A bracket's or an inline option's own mark, written with bare "[" and "]": the import reads
 * bare brackets as negotiation brackets and escaped ones ("\\[") as characters of the words.
 */
const negotiationMark = (text: string): string => escape(text).replace(/\\([[\]])/g, '$1');

function runs(list: readonly Run[]): string {
  let out = '';
  for (const r of list) {
    const text = escape(r.text);
    // Proposals carry their sponsors in their marks; comparisons name the author of each run.
    const who = r.by && r.proposalId === undefined ? `{>>${escape(r.by.author)}<<}` : '';
    let piece: string;
    switch (r.kind) {
      case 'insert':
        piece = `{++${text}++}${who}`;
        break;
      case 'delete':
        piece = `{--${text}--}${who}`;
        break;
      case 'mark':
        // Brackets and sponsor tags are plain text, as in a printed compilation.
        piece = r.delimits ? negotiationMark(r.text) : text;
        break;
      case undefined:
      case 'text':
        piece = text;
    }
    // A bare "]" just before "(" would make the bracketed words a link.
    if (out.endsWith(']') && !out.endsWith('\\]') && piece.startsWith('(')) piece = `\\${piece}`;
    out += piece;
  }
  return out;
}

function paragraph(p: ParagraphBlock, level: number, t: ExportLabels): string[] {
  const body = runs(p.runs);
  if (p.kind === 'heading')
    return [`${'#'.repeat(Math.min(level + 1, 6))} ${headingText(lineStart(body))}`, ''];
  const note = statusNote(p.chairStatus, t);
  // Emphasis marks around blank or space-edged words would read as a list marker or a rule.
  const labelText = escape(p.label ?? '').trim();
  const label = labelText ? `**${labelText}** ` : '';
  const change =
    p.change && !p.change.proposalId ? ` *(${escape(paragraphChange(p.change, t))})*` : '';
  const option = optionLine(p);
  // The option's label on a line of its own, as the import reads it back ("Option 2").
  const lines = [
    ...(option ? [lineStart(escape(option)), ''] : []),
    lineStart(`${label}${body}${note ? ` *(${note})*` : ''}${change}`),
    '',
  ];
  if (p.proposals.length > 0) {
    for (const { note, subs } of nestedProposals(p.proposals)) {
      lines.push(`> - ${lineStart(escape(describeProposal(note, t)))}`);
      // Sub-amendments as a nested list under the proposal they change.
      for (const n of subs) lines.push(`>   - ${lineStart(escape(describeProposal(n, t)))}`);
    }
    lines.push('');
  }
  return lines;
}

function blocks(list: readonly ExportBlock[], level: number, t: ExportLabels): string[] {
  return list.flatMap((b): string[] => {
    switch (b.type) {
      case 'heading':
        return [
          `${'#'.repeat(Math.min(level + b.level, 6))} ${headingText(lineStart(escape(b.text)))}`,
          '',
        ];
      case 'paragraph':
        return paragraph(b, level, t);
      case 'prose':
        return [lineStart(runs(b.runs)), ''];
      case 'list':
        return [
          ...b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${lineStart(runs(item))}`),
          '',
        ];
      case 'section':
        return [
          `${'#'.repeat(Math.min(level + 1, 6))} ${headingText(lineStart(escape(b.title)))}`,
          '',
          ...blocks(b.blocks, level + 1, t),
        ];
    }
  });
}

export function renderMarkdown(model: ExportModel): Buffer {
  const t = labelsOf(model);
  const subtitle = escape(model.subtitle ?? '').trim();
  const lines = [
    `# ${headingText(lineStart(escape(model.title)))}`,
    '',
    ...(subtitle ? [`*${subtitle}*`, ''] : []),
    ...model.metadata.map(
      (m) => `- ${lineStart(`${escape(m.label)}: ${escape(metadataValue(m, t))}`)}`,
    ),
    '',
    '---',
    '',
    ...blocks(model.blocks, 1, t),
  ];
  while (lines.at(-1) === '') lines.pop();
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
