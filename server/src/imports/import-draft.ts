/**
 * What the API and the CLI share after a draft is parsed: naming the new document (the title
 * and symbol given, else the ones found on the draft's first lines) and printing the report.
 */
import { importSymbolSchema, importTitleSchema, isImportWarning } from '@accord/shared';
import type { z } from 'zod';
import { DraftImportError, type ImportReport } from './draft-model.js';

export { importSymbolSchema, importTitleSchema } from '@accord/shared';

/** The new document's title and symbol; throws when neither the caller nor the draft gives one. */
export function documentNaming(
  report: ImportReport,
  given: { title?: string; symbol?: string },
): { title: string; symbol: string } {
  const pick = (
    what: 'title' | 'symbol',
    schema: z.ZodType<string>,
    value: string | undefined,
    found: string | null,
  ): string => {
    if (value !== undefined) return value;
    const fromDraft = found === null ? undefined : schema.safeParse(found);
    if (fromDraft?.success) return fromDraft.data;
    throw new DraftImportError(
      what === 'title' ? 'missing-title' : 'missing-symbol',
      422,
      `The new document needs a ${what}`,
      found === null
        ? `None was given and the draft does not start with one; give the ${what}.`
        : `The draft's ${what} (“${found.slice(0, 60)}”) cannot be used; give the ${what}.`,
    );
  };
  return {
    title: pick('title', importTitleSchema, given.title, report.found.title),
    symbol: pick('symbol', importSymbolSchema, given.symbol, report.found.symbol),
  };
}

/** The report as lines for a terminal: counts, one line per paragraph, then the warnings. */
export function reportLines(report: ImportReport): string[] {
  const { counts } = report;
  const lines = [
    `Recognised ${counts.total} paragraphs: ${counts.heading} headings, ${counts.preambular} preambular, ` +
      `${counts.operative} operative, ${counts.subparagraph} sub-paragraphs`,
  ];
  if (report.found.title !== null) lines.push(`Title on the draft:  ${report.found.title}`);
  if (report.found.symbol !== null) lines.push(`Symbol on the draft: ${report.found.symbol}`);
  const width = Math.max(7, ...report.paragraphs.map((p) => (p.label ?? '').length));
  for (const p of report.paragraphs) {
    const label = (p.label ?? (p.kind === 'heading' ? '#' : '')).padEnd(width);
    const removed =
      p.numberingRemoved && !p.evidence.includes(`“${p.numberingRemoved}”`)
        ? ` [removed “${p.numberingRemoved}”]`
        : '';
    lines.push(
      `  ${label}  ${p.kind.padEnd(12)}  ${p.recognisedBy.padEnd(12)}  ${p.excerpt}`,
      `  ${' '.repeat(width)}  ${''.padEnd(12)}  ${''.padEnd(12)}  ↳ ${p.evidence}${removed}`,
    );
  }
  const warnings = report.warnings.filter((w) => isImportWarning(w.code));
  const recognised = report.warnings.filter((w) => !isImportWarning(w.code));
  if (warnings.length > 0) {
    lines.push(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}:`);
    for (const w of warnings) lines.push(`  - ${w.message} (${w.code})`);
  }
  if (recognised.length > 0) {
    lines.push('Recognised:');
    for (const w of recognised) lines.push(`  - ${w.message} (${w.code})`);
  }
  return lines;
}
