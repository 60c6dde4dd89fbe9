/**
 * Tells a Word file apart from anything else before it is converted: a DOCX is a zip archive
 * (it starts with a local file header) whose central directory lists `word/document.xml`.
 * Reading the central directory's names needs no decompression, so a wrong or broken upload is
 * refused with a precise reason, cheaply, before mammoth sees it.
 */
import { DraftImportError } from './draft-model.js';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

const notDocx = (detail: string) =>
  new DraftImportError('not-a-docx', 422, 'The file is not a Word document', detail);
const corrupt = (detail: string) =>
  new DraftImportError('corrupt-docx', 422, 'The Word document is damaged', detail);

/** The names in a zip archive's central directory; throws DraftImportError when it has none. */
export function zipEntryNames(bytes: Buffer): string[] {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== LOCAL_HEADER) {
    throw notDocx('It is not a zip archive, which every .docx file is.');
  }
  let end = -1;
  const lowest = Math.max(0, bytes.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let at = bytes.length - END_RECORD_SIZE; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw corrupt('The zip archive has no directory: the file is truncated or damaged.');
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (offset + size > end) {
    throw corrupt('The zip directory points outside the file: the file is truncated or damaged.');
  }
  const names: string[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL_HEADER) {
      throw corrupt(`Entry ${i + 1} of the zip directory is damaged.`);
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > end)
      throw corrupt(`Entry ${i + 1} of the zip directory is damaged.`);
    names.push(bytes.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Throws unless the bytes are a zip archive holding a Word main document part. */
export function assertDocxContainer(bytes: Buffer): void {
  const names = zipEntryNames(bytes);
  if (!names.includes('word/document.xml')) {
    throw notDocx(
      'The zip archive has no word/document.xml: it is another kind of file (a spreadsheet, a presentation, an OpenDocument file?).',
    );
  }
}
