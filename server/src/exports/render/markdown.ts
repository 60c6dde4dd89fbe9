/**
 * Markdown: GitHub-flavoured, with tracked changes in CriticMarkup (`{++inserted++}`,
 * `{--deleted--}`, `{>>who<<}`), which reads as plain text and is understood by Markdown tools
 * that review changes.
 */
import type { ExportBlock, ExportModel, ParagraphBlock, Run } from '../model.js';
import { describeProposal, readableDate, statusNote } from './text.js';

const escape = (text: string): string =>
  text.replace(/[\\`*_[\]<>~|{}]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');

function runs(list: readonly Run[]): string {
  return list
    .map((r) => {
      const text = escape(r.text);
      // Proposals carry their sponsors in their marks; comparisons name the author of each run.
      const who = r.by && r.proposalId === undefined ? `{>>${escape(r.by.author)}<<}` : '';
      switch (r.kind) {
        case 'insert':
          return `{++${text}++}${who}`;
        case 'delete':
          return `{--${text}--}${who}`;
        case 'mark':
          // Brackets and sponsor tags are plain text, as in a printed compilation.
          return text;
        case undefined:
        case 'text':
          return text;
      }
    })
    .join('');
}

function paragraph(p: ParagraphBlock, level: number): string[] {
  const body = runs(p.runs);
  if (p.kind === 'heading') return [`${'#'.repeat(Math.min(level + 1, 6))} ${body}`, ''];
  const note = statusNote(p.chairStatus);
  const label = p.label ? `**${escape(p.label)}** ` : '';
  const change =
    p.change && !p.change.proposalId
      ? ` *(paragraph ${p.change.kind === 'insert' ? 'added' : 'removed'}${p.change.by ? ` by ${escape(p.change.by.author)}` : ''})*`
      : '';
  const lines = [`${label}${body}${note ? ` *(${note})*` : ''}${change}`, ''];
  if (p.proposals.length > 0) {
    for (const n of p.proposals) lines.push(`> - ${escape(describeProposal(n))}`);
    lines.push('');
  }
  return lines;
}

function blocks(list: readonly ExportBlock[], level: number): string[] {
  return list.flatMap((b): string[] => {
    switch (b.type) {
      case 'heading':
        return [`${'#'.repeat(Math.min(level + b.level, 6))} ${escape(b.text)}`, ''];
      case 'paragraph':
        return paragraph(b, level);
      case 'prose':
        return [runs(b.runs), ''];
      case 'list':
        return [...b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${runs(item)}`), ''];
      case 'section':
        return [
          `${'#'.repeat(Math.min(level + 1, 6))} ${escape(b.title)}`,
          '',
          ...blocks(b.blocks, level + 1),
        ];
    }
  });
}

export function renderMarkdown(model: ExportModel): Buffer {
  const lines = [
    `# ${escape(model.title)}`,
    '',
    ...(model.subtitle ? [`*${escape(model.subtitle)}*`, ''] : []),
    ...model.metadata.map(
      (m) =>
        `- ${escape(m.label)}: ${escape(m.label.startsWith('Generated') ? readableDate(m.value) : m.value)}`,
    ),
    '',
    '---',
    '',
    ...blocks(model.blocks, 1),
  ];
  while (lines.at(-1) === '') lines.pop();
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}
