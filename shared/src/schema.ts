// Shared zod building blocks for command and event schemas. Kept JSON-schema friendly (no
// type-changing transforms) because the server generates OpenAPI with `z.toJSONSchema`.
import { z } from 'zod';
import { cleanLine, cleanText } from './text-hygiene.js';

export * from './text-hygiene.js';

/** Every entity id is a UUID or a ULID (see ARCHITECTURE.md); the caller or the server generates it. */
export const entityIdSchema = z.union([z.uuid(), z.ulid()]);

/** A UTC instant; offsets are refused so that stored times compare as strings. */
export const instantSchema = z.iso.datetime();

/**
 * Trimmed, non-empty, bounded text for titles and names, cleaned to one line (text-hygiene.ts):
 * controls and noncharacters removed, line breaks made spaces, NFC. `overwrite` keeps the type,
 * so the OpenAPI document still says "string".
 */
export const labelText = (max: number): z.ZodString =>
  sharedPerBound(labelTexts, max, () => z.string().overwrite(cleanLine).trim().min(1).max(max));

/** Bounded free text that may be empty (reasons, statements), cleaned but keeping its lines. */
export const freeText = (max: number): z.ZodString =>
  sharedPerBound(freeTexts, max, () => z.string().overwrite(cleanText).max(max));

// A zod schema is immutable (`.optional()`, `.describe()` and the like return new ones), so the
// hundred fields built from these share one schema per bound rather than building five objects
// each while the modules load, which every start of the server pays for.
const labelTexts = new Map<number, z.ZodString>();
const freeTexts = new Map<number, z.ZodString>();
function sharedPerBound(
  built: Map<number, z.ZodString>,
  max: number,
  build: () => z.ZodString,
): z.ZodString {
  let schema = built.get(max);
  if (!schema) built.set(max, (schema = build()));
  return schema;
}

/** A Yjs relative position, encoded by the server; opaque to the domain. */
export const relativePositionSchema = z.base64().min(1).max(1024);

/**
 * A revision (0-based) in a `doctext-` stream. Stream revisions are bigints, which JSON cannot
 * carry, so events hold a decimal string; commands also take a safe integer for convenience.
 */
export const streamRevisionStringSchema = z.string().regex(/^(0|[1-9][0-9]{0,19})$/);
export const streamRevisionInputSchema = z.union([
  streamRevisionStringSchema,
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
]);

/** Lower-case hex SHA-256 of an invitation token; the server hashes, the domain compares. */
export const tokenHashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** A PHC-format password hash (`$argon2id$v=19$...`) computed by the server. */
export const passwordHashSchema = z
  .string()
  .min(16)
  .max(512)
  .regex(/^\$[a-z0-9-]+\$/);

export const emailSchema = z.email().max(254);
