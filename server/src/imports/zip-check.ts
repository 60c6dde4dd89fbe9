/**
 * Tells a Word file apart from anything else before it is converted: a DOCX is a zip archive
 * (it starts with a local file header) whose central directory lists `word/document.xml`.
 * Reading the central directory needs no decompression, so a wrong or broken upload is refused
 * with a precise reason, cheaply, before mammoth sees it.
 *
 * It also keeps a zip bomb away from mammoth, which unpacks parts whole into memory: the archive
 * may hold only so many entries, their declared sizes must fit the unpacked budget, a large
 * entry may not be compressed suspiciously well, and since declared sizes can lie, each entry is
 * then inflated with a hard output cap and must come out at the size it declared.
 */
import { inflateRawSync } from 'node:zlib';
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

/** One entry of a zip archive's central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; JSZip (inside mammoth) reads no other method. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's local header starts. */
  localHeader: number;
}

/** What an archive may hold before it is unpacked. */
export interface ZipLimits {
  maxEntries: number;
  maxUnpackedBytes: number;
  /** Largest uncompressed/compressed ratio of an entry over RATIO_FLOOR bytes. */
  maxRatio: number;
}

/** Entries smaller than this unpack to too little to matter, whatever their ratio. */
const RATIO_FLOOR = 1024 * 1024;
const ZIP64_MARK = 0xffffffff;

/** The entries of a zip archive's central directory; throws DraftImportError when it has none. */
export function zipEntries(bytes: Buffer, maxEntries = Infinity): ZipEntry[] {
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
  if (count > maxEntries) throw tooManyEntries(count, maxEntries);
  const entries: ZipEntry[] = [];
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
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localHeader: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The names in a zip archive's central directory; throws DraftImportError when it has none. */
export function zipEntryNames(bytes: Buffer): string[] {
  return zipEntries(bytes).map((e) => e.name);
}

/**
 * Throws unless the archive unpacks within the limits. Declared sizes are checked first (a
 * plain bomb is refused without inflating a byte); then every entry is inflated with its output
 * capped at what is left of the budget, and must match its declared size.
 */
export function assertZipWithinLimits(bytes: Buffer, limits: ZipLimits): ZipEntry[] {
  const entries = zipEntries(bytes, limits.maxEntries);
  let declared = 0;
  for (const entry of entries) {
    if (entry.compressedSize === ZIP64_MARK || entry.uncompressedSize === ZIP64_MARK)
      throw tooLarge(`${entry.name} uses ZIP64 sizes, which no Word draft of this size needs.`);
    if (entry.method !== 0 && entry.method !== 8)
      throw corrupt(
        `${entry.name} uses zip compression method ${entry.method}, which Word never writes.`,
      );
    declared += entry.uncompressedSize;
    if (declared > limits.maxUnpackedBytes)
      throw tooLarge(`Its parts unpack to more than ${limits.maxUnpackedBytes} bytes (the limit).`);
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_FLOOR && ratio > limits.maxRatio)
      throw new DraftImportError(
        'docx-compression-suspicious',
        422,
        'The Word document is compressed suspiciously well',
        `${entry.name} unpacks to ${Math.round(ratio)} times its size; the limit is ${limits.maxRatio}.`,
      );
  }
  let budget = limits.maxUnpackedBytes;
  for (const entry of entries) {
    const data = entryData(bytes, entry);
    let size = data.length;
    if (entry.method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          throw tooLarge(
            `${entry.name} unpacks to more than it declares, beyond the ${limits.maxUnpackedBytes}-byte limit.`,
          );
        throw corrupt(`${entry.name} cannot be unpacked: ${(error as Error).message}`);
      }
    }
    if (size !== entry.uncompressedSize)
      throw corrupt(
        `${entry.name} unpacks to ${size} bytes but declares ${entry.uncompressedSize}.`,
      );
    budget -= size;
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
function entryData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeader;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER)
    throw corrupt(`The local header of ${entry.name} is damaged.`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length)
    throw corrupt(`${entry.name} runs past the end of the file: the file is truncated.`);
  return bytes.subarray(start, start + entry.compressedSize);
}

const tooLarge = (detail: string) =>
  new DraftImportError(
    'docx-too-large-unpacked',
    413,
    'The Word document unpacks too large',
    detail,
  );

const tooManyEntries = (count: number, max: number) =>
  new DraftImportError(
    'docx-too-many-entries',
    413,
    'The Word document has too many parts',
    `Its zip archive holds ${count} entries; the limit is ${max}.`,
  );

/** Throws unless the bytes are a zip archive holding a Word main document part. */
export function assertDocxContainer(bytes: Buffer, limits?: ZipLimits): void {
  const names = (limits ? assertZipWithinLimits(bytes, limits) : zipEntries(bytes)).map(
    (e) => e.name,
  );
  if (!names.includes('word/document.xml')) {
    throw notDocx(
      'The zip archive has no word/document.xml: it is another kind of file (a spreadsheet, a presentation, an OpenDocument file?).',
    );
  }
}
