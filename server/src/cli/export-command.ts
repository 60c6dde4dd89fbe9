// `accord export`: a document as a file, offline, read from the store the server uses (the same
// builders and renderers as the API, so the file is byte for byte what the API would answer).
// It only reads: the server may keep running.
import { rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { entityIdSchema } from '@accord/shared';
import {
  buildDocumentExport,
  exportFormats,
  exportVariants,
  parseExportRequest,
  renderExport,
} from '../exports/index.js';
import { RecordHistory } from '../timetravel/index.js';
import { ApplicationError } from '../application/errors.js';
import { withStore } from './open-store.js';

interface ExportOptions {
  document: string;
  format?: string;
  variant?: string;
  asOf?: string;
  from?: string;
  to?: string;
  out: string;
}

const FLAGS = {
  format: '--format',
  variant: '--variant',
  asOf: '--as-of',
  from: '--from',
  to: '--to',
};

/** A refusal as one line for the terminal: the problem's own words. */
const plain = (error: unknown): unknown =>
  error instanceof ApplicationError
    ? new Error(error.detail ? `${error.title}: ${error.detail}` : error.title)
    : error;

export async function runExport(options: ExportOptions): Promise<{ file: string; bytes: number }> {
  if (!entityIdSchema.safeParse(options.document).success)
    throw new Error(`--document must be a document id (a UUID or ULID), not "${options.document}"`);
  // Checked before the store is opened: a bad argument costs nothing.
  const { format, request } = (() => {
    try {
      return parseExportRequest(options, (field) => FLAGS[field]);
    } catch (error) {
      throw plain(error);
    }
  })();
  const file = resolve(options.out);
  const rendered = await withStore(async (store) => {
    const model = await buildDocumentExport(
      { store, history: new RecordHistory(store) },
      options.document,
      request,
    ).catch((error: unknown) => {
      throw plain(error);
    });
    return renderExport(model, format);
  });
  // Written beside the target and renamed, so a failed write never leaves half a file.
  const partial = `${file}.partial-${process.pid}`;
  await writeFile(partial, rendered.bytes);
  await rename(partial, file);
  return { file, bytes: rendered.bytes.length };
}

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write a document as a file: clean text, compilation text or a comparison')
    .requiredOption('--document <id>', 'the document id')
    .requiredOption('--format <format>', exportFormats.join(' | '))
    .option('--variant <variant>', exportVariants.join(' | '), 'clean')
    .option('--as-of <point>', 'now | position:<n> | time:<ISO instant> | revision:<label>')
    .option('--from <point>', 'compare: the earlier point')
    .option('--to <point>', 'compare: the later point')
    .requiredOption('--out <file>', 'where to write the file')
    .action(async (options: ExportOptions) => {
      const { file, bytes } = await runExport(options);
      console.log(`Wrote ${file} (${bytes} bytes)`);
    });
}
