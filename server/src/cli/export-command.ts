// `accord export`: a document as a file, offline, read from the store the server uses (the same
// builders and renderers as the API, so the file is byte for byte what the API would answer).
// It only reads: the server may keep running.
import { rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { entityIdSchema, type AsOf } from '@accord/shared';
import {
  buildDocumentExport,
  exportFormats,
  exportVariants,
  parseExportRequest,
  renderExport,
} from '../exports/index.js';
import { RecordHistory } from '../timetravel/index.js';
import { createBracketReader } from '../application/brackets/bracket-reader.js';
import { ApplicationError } from '../application/errors.js';
import type { DocumentText } from '../application/ports.js';
import { lastPosition, type EventStore } from '../eventstore/port.js';
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
    const history = new RecordHistory(store);
    const model = await buildDocumentExport(
      { store, history, negotiationText: storedNegotiationText(store, history) },
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

/**
 * Brackets and options as of a point, read from the store alone (no live text here): "now" is
 * the newest event of the log, which is what the exported text is too.
 */
export function storedNegotiationText(store: EventStore, history: RecordHistory) {
  const reader = createBracketReader({ store, history, text: NO_LIVE_TEXT });
  return async (documentId: string, asOf: AsOf) => {
    if (asOf.kind !== 'now') return reader.list(documentId, asOf);
    const position = (await lastPosition(store)) ?? 0n;
    return reader.list(documentId, { kind: 'position', position });
  };
}

/** The CLI reads points of the log only; asking it for the live text is a programming error. */
const NO_LIVE_TEXT: Pick<DocumentText, 'paragraphs' | 'resolveAnchors'> = {
  paragraphs: () => Promise.reject(new Error('The CLI has no live text')),
  resolveAnchors: () => Promise.reject(new Error('The CLI has no live text')),
};
