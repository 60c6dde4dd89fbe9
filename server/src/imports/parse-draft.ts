/**
 * From a file's bytes to the paragraphs of a new document and the recognition report, with
 * every check an import makes before anything is written: the file is what it claims to be,
 * it is not empty, and it fits the limits a document has.
 *
 *   const { paragraphs, report } = await parseDraft(bytes, 'docx');
 */
import { DOCUMENT_LIMITS } from '@accord/shared';
import { processingLimits } from '../config.js';
import {
  DraftImportError,
  type DraftFormat,
  type ImportLimits,
  type ImportWarning,
  type RecognisedDraft,
} from './draft-model.js';

export type { ImportLimits } from './draft-model.js';
import { recogniseDraft } from './recognise.js';
import { runHeavyTask, WorkerPoolError } from '../workers/pool.js';

/** The limits an import obeys; from the environment unless a caller passes its own. */

/** The environment's limits; a bad value falls back to the defaults here (start-up refuses it). */
export function importLimits(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  try {
    return processingLimits(env);
  } catch {
    return processingLimits({});
  }
}

/**
 * The largest file an import takes, in bytes (ACCORD_IMPORT_MAX_BYTES, 10 MiB by default): a
 * long draft with pictures fits.
 */
export const IMPORT_MAX_BYTES = importLimits().importMaxBytes;

// The media types an import accepts are part of the import contract (shared).
export { DOCX_CONTENT_TYPE, importContentTypes } from '@accord/shared';

/** The format a file name's extension names, for the CLI. */
export function formatOfFileName(name: string): DraftFormat | undefined {
  const extension = /\.([^.]+)$/.exec(name.toLowerCase())?.[1];
  if (extension === 'docx') return 'docx';
  if (extension === 'md' || extension === 'markdown') return 'markdown';
  return undefined;
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DraftImportError(
      'not-utf8-text',
      422,
      'The Markdown file is not UTF-8 text',
      'Save it as UTF-8 (or send a Word file with the Word content type).',
    );
  }
}

/**
 * Parses a draft in the worker pool (workers/pool.ts), off the event loop, within the pool's
 * time and memory limits: a file that exhausts them is refused as import-too-complex, a full
 * queue as import-busy (503).
 */
export async function parseDraft(
  bytes: Buffer,
  format: DraftFormat,
  limits: ImportLimits = importLimits(),
): Promise<RecognisedDraft> {
  let result;
  try {
    result = await runHeavyTask({ kind: 'import', bytes, format, limits }, async () => {
      try {
        return { kind: 'import', draft: await parseDraftHere(bytes, format, limits) };
      } catch (error) {
        if (!(error instanceof DraftImportError)) throw error;
        const { code, status, title, detail } = error;
        return { kind: 'import-refused', problem: { code, status, title, detail } };
      }
    });
  } catch (error) {
    if (!(error instanceof WorkerPoolError)) throw error;
    throw error.reason === 'busy'
      ? new DraftImportError(
          'import-busy',
          503,
          'Imports are busy',
          `Try again shortly: ${error.message}.`,
        )
      : new DraftImportError(
          'import-too-complex',
          422,
          'The file is too complex to import',
          `Reading it was stopped: ${error.message}.`,
        );
  }
  if (result.kind === 'import-refused') {
    const { code, status, title, detail } = result.problem;
    throw new DraftImportError(code, status, title, detail);
  }
  if (result.kind !== 'import') throw new Error('The import worker answered another task');
  return result.draft;
}

/** Parses in the calling thread: the worker's task, and the fallback without workers. */
export async function parseDraftHere(
  bytes: Buffer,
  format: DraftFormat,
  limits: ImportLimits = importLimits(),
): Promise<RecognisedDraft> {
  if (bytes.length > limits.importMaxBytes)
    throw new DraftImportError(
      'file-too-large',
      413,
      'The file is too large',
      `It has ${bytes.length} bytes; an import takes at most ${limits.importMaxBytes}.`,
    );
  let converterMessages: string[] = [];
  let blocks;
  if (format === 'docx') {
    if (bytes.length === 0) throw emptyDocument('The file is empty.');
    // The readers are imported on first use: mammoth and marked need not load with the server.
    const { readDocxBlocks } = await import('./docx-blocks.js');
    const docx = await readDocxBlocks(bytes, {
      maxEntries: limits.importMaxZipEntries,
      maxUnpackedBytes: limits.importMaxUnpackedBytes,
      maxRatio: limits.importMaxZipRatio,
    });
    blocks = docx.blocks;
    converterMessages = docx.messages;
  } else {
    const { readMarkdownBlocks } = await import('./markdown-blocks.js');
    blocks = readMarkdownBlocks(decodeUtf8(bytes), limits.importMaxMarkdownDepth);
  }
  const draft = recogniseDraft(blocks, { format, bytes: bytes.length });
  draft.report.warnings.push(
    ...converterMessages.map((message): ImportWarning => ({
      code: 'converter-message',
      message: `Word reader: ${message}`,
    })),
  );

  if (draft.paragraphs.length === 0) {
    throw emptyDocument(
      draft.report.found.title !== null
        ? 'The draft has a title but no paragraphs.'
        : 'The draft has no paragraphs to import.',
    );
  }
  if (draft.paragraphs.length > DOCUMENT_LIMITS.paragraphs) {
    throw new DraftImportError(
      'too-many-paragraphs',
      422,
      'The draft has too many paragraphs',
      `It has ${draft.paragraphs.length}; a document holds at most ${DOCUMENT_LIMITS.paragraphs}.`,
    );
  }
  const long = draft.paragraphs.findIndex((p) => p.text.length > DOCUMENT_LIMITS.paragraphText);
  if (long >= 0) {
    const entry = draft.report.paragraphs[long]!;
    throw new DraftImportError(
      'paragraph-too-long',
      422,
      'A paragraph of the draft is too long',
      `${entry.label ?? 'Heading'} (“${entry.excerpt}”) has ${draft.paragraphs[long]!.text.length} characters; the limit is ${DOCUMENT_LIMITS.paragraphText}.`,
    );
  }
  return draft;
}

const emptyDocument = (detail: string) =>
  new DraftImportError('empty-document', 422, 'The draft is empty', detail);
