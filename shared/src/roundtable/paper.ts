// What a roundtable paper is made of, as far as the domain knows: the formats it is issued in,
// the fingerprint of each rendered file, and how the stored bytes of an issued file are labelled.
// The server renders the files; the domain only records which bytes were circulated.
import { z } from 'zod';

/** Every format a paper is rendered in; each issued version records one file per format. */
export const roundtablePaperFormats = ['docx', 'pdf', 'html', 'md', 'akn', 'json'] as const;
export const roundtablePaperFormatSchema = z.enum(roundtablePaperFormats);
export type RoundtablePaperFormat = z.infer<typeof roundtablePaperFormatSchema>;

/** Lower-case hex SHA-256 of a file's bytes. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** One rendered file of an issued version: what it is and the hash of its exact bytes. */
export const paperFileSchema = z.strictObject({
  format: roundtablePaperFormatSchema,
  mediaType: z.string().min(1).max(200),
  sha256: sha256HexSchema,
  byteLength: z.number().int().min(0),
});
export type PaperFile = z.infer<typeof paperFileSchema>;

/**
 * The event type of one stored piece of an issued file in a `roundtablepaper-<id>-<version>`
 * stream. Its data is the raw bytes; its metadata (below) says which file and which piece, so a
 * file larger than one append is stored in order as several pieces.
 */
export const PAPER_FILE_CHUNK_EVENT = 'RoundtablePaperFileChunk';

export const paperFileChunkMetadataSchema = z.object({
  roundtableId: z.string().min(1),
  version: z.number().int().min(1),
  format: roundtablePaperFormatSchema,
  mediaType: z.string().min(1).max(200),
  /** Of the whole file, not of this piece. */
  sha256: sha256HexSchema,
  byteLength: z.number().int().min(0),
  /** 0-based index of this piece, of `chunks`. */
  chunk: z.number().int().min(0),
  chunks: z.number().int().min(1),
  schemaVersion: z.literal(1),
});
export type PaperFileChunkMetadata = z.infer<typeof paperFileChunkMetadataSchema>;
