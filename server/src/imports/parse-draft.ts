/**
 * From a file's bytes to the paragraphs of a new document and the recognition report, with
 * every check an import makes before anything is written: the file is what it claims to be,
 * it is not empty, and it fits the limits a document has.
 *
 *   const { paragraphs, report } = await parseDraft(bytes, 'docx');
 */
import { DOCUMENT_LIMITS } from '../api/create-document.js';
import {
  DraftImportError,
  type DraftFormat,
  type ImportWarning,
  type RecognisedDraft,
} from './draft-model.js';
import { readDocxBlocks } from './docx-blocks.js';
import { readMarkdownBlocks } from './markdown-blocks.js';
import { recogniseDraft } from './recognise.js';

/** The largest file an import takes, in bytes (10 MiB): a long draft with pictures fits. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

export const DOCX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Media types an import accepts, and the format each one means. */
export const importContentTypes: Record<string, DraftFormat> = {
  [DOCX_CONTENT_TYPE]: 'docx',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
};

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

export async function parseDraft(bytes: Buffer, format: DraftFormat): Promise<RecognisedDraft> {
  let converterMessages: string[] = [];
  let blocks;
  if (format === 'docx') {
    if (bytes.length === 0) throw emptyDocument('The file is empty.');
    const docx = await readDocxBlocks(bytes);
    blocks = docx.blocks;
    converterMessages = docx.messages;
  } else {
    blocks = readMarkdownBlocks(decodeUtf8(bytes));
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
