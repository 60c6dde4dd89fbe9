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

/** What an awareness 'update' event says changed: client ids added, updated and removed. */
export interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Of an awareness change, the part about one's own state (`clientId`); undefined when the change
 * is only about others. A client sends only that part: the server relays everyone's state
 * itself and takes from a connection only the states it introduced, so an echo of others'
 * states (y-websocket's provider sends every change it sees, built for peers that relay to each
 * other) would be refused there, after costing the sender a token of its awareness budget. In a
 * room of twenty moving carets, echoes alone are twenty frames a second from every browser.
 */
export function ownAwarenessChanges(
  changes: AwarenessChanges,
  clientId: number,
): AwarenessChanges | undefined {
  const own = (ids: number[]) => ids.filter((id) => id === clientId);
  const mine = {
    added: own(changes.added),
    updated: own(changes.updated),
    removed: own(changes.removed),
  };
  return mine.added.length + mine.updated.length + mine.removed.length > 0 ? mine : undefined;
}

type AwarenessListener = (changes: AwarenessChanges, origin: unknown) => void;

/** The part of y-websocket's WebsocketProvider that `sendOwnAwarenessOnly` rewires. */
export interface AwarenessProvider {
  readonly awareness: {
    readonly clientID: number;
    on(event: 'update', listener: AwarenessListener): void;
    off(event: 'update', listener: AwarenessListener): void;
  };
  /** The provider's own listener, which sends what it is given. */
  _awarenessUpdateHandler: AwarenessListener;
}

/**
 * Makes a y-websocket provider send only changes to its own awareness state (see
 * `ownAwarenessChanges`). Returns what puts the provider back as it was.
 */
export function sendOwnAwarenessOnly(provider: AwarenessProvider): () => void {
  const { awareness } = provider;
  const send = provider._awarenessUpdateHandler;
  const sendOwn: AwarenessListener = (changes, origin) => {
    const own = ownAwarenessChanges(changes, awareness.clientID);
    if (own) send(own, origin);
  };
  awareness.off('update', send);
  awareness.on('update', sendOwn);
  return () => {
    awareness.off('update', sendOwn);
    awareness.on('update', send);
  };
}
