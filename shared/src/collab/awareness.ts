/**
 * The shape of an awareness state on the collaboration websocket (who someone is, where their
 * caret is), shared by the server's relay, which forwards only these fields, and the browser,
 * which checks every state it receives before drawing it: one malformed state must not take
 * the editor down for everyone.
 *
 *   const { state, skipped } = sanitizeAwarenessState(raw); // state null: nothing usable
 *
 * Written with zod/mini, the tree-shakable form of zod: the browser runs these checks as soon as
 * the draft opens, and this keeps the rest of zod (≈ 17 KiB gzipped) out of that first download.
 */
import * as z from 'zod/mini';
import { roles } from '../vocabulary.js';

/** The identity the server writes under `user` from the connection's session. */
export const awarenessUserSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  stakeholderId: z.string().check(z.maxLength(200)),
  stakeholderName: z.string().check(z.maxLength(200)),
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/)),
  /** The role they act in (the projector follows the chair's caret). */
  role: z.optional(z.enum(roles)),
});
export type AwarenessUser = z.infer<typeof awarenessUserSchema>;

const yId = z.object({
  client: z.int().check(z.nonnegative()),
  clock: z.int().check(z.nonnegative()),
});

/** Y.RelativePosition as JSON (`Y.relativePositionToJSON`), what y-prosemirror puts in cursors. */
export const relativePositionJsonSchema = z.object({
  type: z.nullish(yId),
  tname: z.nullish(z.string().check(z.maxLength(200))),
  item: z.nullish(yId),
  assoc: z.optional(z.int()),
});

/** A caret and its selection (y-prosemirror's `cursor` field); null when not in the text. */
export const awarenessCursorSchema = z.object({
  anchor: relativePositionJsonSchema,
  head: relativePositionJsonSchema,
});
export type AwarenessCursor = z.infer<typeof awarenessCursorSchema>;

export interface AwarenessState {
  user: AwarenessUser;
  cursor?: AwarenessCursor | null;
}

/**
 * Keeps what can be shown of a state: null when it has no valid identity (nobody to show),
 * without its cursor when only that is malformed. `skipped` counts what was dropped.
 */
export function sanitizeAwarenessState(raw: unknown): {
  state: AwarenessState | null;
  skipped: number;
} {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { state: null, skipped: 1 };
  }
  const record = raw as Record<string, unknown>;
  const user = awarenessUserSchema.safeParse(record.user);
  if (!user.success) return { state: null, skipped: 1 };
  const state: AwarenessState = { user: user.data };
  if (record.cursor === undefined) return { state, skipped: 0 };
  if (record.cursor === null) return { state: { ...state, cursor: null }, skipped: 0 };
  const cursor = awarenessCursorSchema.safeParse(record.cursor);
  if (!cursor.success) return { state, skipped: 1 };
  return { state: { ...state, cursor: cursor.data }, skipped: 0 };
}

/**
 * The fields a client may set in its own state that the server forwards (its identity is
 * written by the server): a valid cursor, or null. Anything else is dropped.
 */
export function forwardableAwarenessFields(raw: Record<string, unknown>): {
  cursor?: AwarenessCursor | null;
} {
  if (raw.cursor === null) return { cursor: null };
  const cursor = awarenessCursorSchema.safeParse(raw.cursor);
  return cursor.success ? { cursor: cursor.data } : {};
}
