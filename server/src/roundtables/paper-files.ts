/**
 * The rendered bytes of issued roundtable papers, kept in the event store so a version downloads
 * byte for byte whatever renders papers today (a library upgrade changes new papers, never old
 * ones). One stream per version, `roundtablepaper-<roundtableId>-<version>`; each file is one or
 * more `RoundtablePaperFileChunk` events whose data is the raw bytes and whose metadata names the
 * file, its SHA-256 and the piece. Pieces keep every append under the store's 1 MiB limit.
 *
 *   await storePaperFiles(store, roundtableId, 2, files, commandId);
 *   const bytes = await readPaperFile(store, roundtableId, 2, recordedFile); // hash checked
 */
import { createHash } from 'node:crypto';
import {
  PAPER_FILE_CHUNK_EVENT,
  paperFileChunkMetadataSchema,
  roundtablePaperStream,
  type PaperFile,
  type PaperFileChunkMetadata,
} from '@accord/shared';
import { derivedId } from '../commands/event-ids.js';
import { MAX_APPEND_SIZE, type EventStore } from '../eventstore/port.js';
import { InternalError } from '../application/errors.js';

/** Leaves room under MAX_APPEND_SIZE for the metadata of the piece. */
export const PAPER_CHUNK_SIZE = MAX_APPEND_SIZE - 16 * 1024;

export interface RenderedPaperFile extends PaperFile {
  bytes: Buffer;
}

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

/** RFC 9530 `Repr-Digest` / RFC 3230 `Digest` value of a hex SHA-256. */
export const digestHeader = (sha256: string): string =>
  `sha-256=${Buffer.from(sha256, 'hex').toString('base64')}`;

export function describeFile(
  format: PaperFile['format'],
  mediaType: string,
  bytes: Buffer,
): RenderedPaperFile {
  return { format, mediaType, sha256: sha256Hex(bytes), byteLength: bytes.byteLength, bytes };
}

/**
 * Appends every file's pieces. Event ids derive from the request's command id, so a retried
 * request offers the same ids and the store records them once.
 */
export async function storePaperFiles(
  store: EventStore,
  roundtableId: string,
  version: number,
  files: readonly RenderedPaperFile[],
  commandId: string,
): Promise<void> {
  const stream = roundtablePaperStream(roundtableId, version);
  for (const file of files) {
    const chunks = Math.max(1, Math.ceil(file.byteLength / PAPER_CHUNK_SIZE));
    for (let chunk = 0; chunk < chunks; chunk++) {
      const metadata: PaperFileChunkMetadata = {
        roundtableId,
        version,
        format: file.format,
        mediaType: file.mediaType,
        sha256: file.sha256,
        byteLength: file.byteLength,
        chunk,
        chunks,
        schemaVersion: 1,
      };
      await store.appendToStream(
        stream,
        [
          {
            id: derivedId(commandId, `paper:${version}:${file.format}:${file.sha256}:${chunk}`),
            type: PAPER_FILE_CHUNK_EVENT,
            data: file.bytes.subarray(chunk * PAPER_CHUNK_SIZE, (chunk + 1) * PAPER_CHUNK_SIZE),
            metadata,
          },
        ],
        { expectedRevision: 'any' },
      );
    }
  }
}

const corrupt = (detail: string) =>
  new InternalError('paper-integrity', 'The stored paper does not match its recorded hash', {
    detail: `${detail} Nothing is served rather than a file that differs from what was issued.`,
  });

/**
 * The bytes of one issued file, checked against the hash recorded when the version was issued.
 * Pieces of other attempts (a refused issue that stored files first) are ignored by their hash.
 */
export async function readPaperFile(
  store: EventStore,
  roundtableId: string,
  version: number,
  recorded: PaperFile,
): Promise<Buffer> {
  const pieces = new Map<number, Buffer>();
  let chunks: number | undefined;
  for await (const event of store.readStream(roundtablePaperStream(roundtableId, version))) {
    if (event.type !== PAPER_FILE_CHUNK_EVENT || !(event.data instanceof Uint8Array)) continue;
    const meta = paperFileChunkMetadataSchema.safeParse(event.metadata);
    if (!meta.success) continue;
    const m = meta.data;
    if (m.format !== recorded.format || m.sha256 !== recorded.sha256) continue;
    chunks ??= m.chunks;
    if (!pieces.has(m.chunk)) {
      pieces.set(
        m.chunk,
        Buffer.from(event.data.buffer, event.data.byteOffset, event.data.byteLength),
      );
    }
  }
  if (chunks === undefined)
    throw corrupt(`No stored ${recorded.format} file for version ${version}.`);
  const ordered: Buffer[] = [];
  for (let i = 0; i < chunks; i++) {
    const piece = pieces.get(i);
    if (!piece) throw corrupt(`Piece ${i + 1} of ${chunks} is missing.`);
    ordered.push(piece);
  }
  const bytes = Buffer.concat(ordered);
  if (bytes.byteLength !== recorded.byteLength || sha256Hex(bytes) !== recorded.sha256) {
    throw corrupt(`The ${recorded.format} file of version ${version} fails its SHA-256 check.`);
  }
  return bytes;
}
