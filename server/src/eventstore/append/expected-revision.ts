// Decides whether an append (or a delete) may go ahead, given what the stream looks like: the
// expected-revision matrix and the idempotency rules, both as EventStoreDB applies them.
import { StreamDeleted, WrongExpectedVersion } from '../errors.js';
import type { ExpectedRevision } from '../port.js';

/** What the check needs to know about a stream (see StreamRow in stream-state.ts). */
export interface StreamState {
  /** Revision of the stream's last event ever written; -1n when it has none. */
  lastRevision: bigint;
  /** A row exists: the stream has had events or metadata (EventStoreDB's "stream or metastream"). */
  known: boolean;
  /** Soft-deleted and not written since: reads as empty, `'no_stream'` may recreate it. */
  softDeleted: boolean;
  /** First revision of the current incarnation: everything before a soft delete is hidden. */
  deletedBefore: bigint | undefined;
  tombstoned: boolean;
}

/** Lookups into the stream's stored events, used only for the idempotency check. */
export interface StoredIds {
  /** Ids of the events at revisions `from`, `from + 1`, … (at most `count`), in order. */
  idsFrom(from: bigint, count: number): string[];
  /** Revision of the event with this id in the stream, if there is one. */
  revisionOf(id: string): bigint | undefined;
}

export type AppendCheck =
  /** Write the events from revision `lastRevision + 1`. */
  | { outcome: 'write' }
  /** The events are already there (a retry): write nothing, answer with the original result. */
  | { outcome: 'idempotent'; lastRevision: bigint };

/**
 * Idempotency, as EventStoreDB does it (IndexWriter.CheckCommit), with SQLite's exact index
 * instead of its bounded cache of recent ids:
 * - exact revision r (and `'no_stream'`, read as "before the stream's first revision") behind
 *   the stream: the events at r+1, r+2, … must have exactly the ids of the append, in order →
 *   no-op returning the original result; otherwise WrongExpectedVersion. A partial match
 *   (the retry carries extra or different events) is WrongExpectedVersion too, as in ESDB.
 * - `'any'` / `'stream_exists'`: if the first id is already in the stream at revision k, the
 *   events at k, k+1, … must carry all the ids in order → no-op; a partial match is
 *   WrongExpectedVersion. If the first id is new, the append goes ahead; should a later id
 *   already be in the stream, the insert meets UNIQUE(stream, event_id) and the store reports
 *   WrongExpectedVersion (EventStoreDB would store the duplicate; one stream never holds an id
 *   twice here).
 * One deliberate difference: `'no_stream'` on a stream recreated after a soft delete checks the
 * ids from the recreation's first revision (ESDB checks from 0), so retrying the append that
 * recreated the stream stays idempotent.
 */
export function checkExpectedRevision(
  stream: string,
  state: StreamState,
  expected: ExpectedRevision,
  ids: readonly string[],
  stored: StoredIds,
): AppendCheck {
  if (state.tombstoned) throw new StreamDeleted(stream);
  const current = state.lastRevision;
  const wrong = () =>
    new WrongExpectedVersion(stream, expected, current < 0n ? 'no_stream' : current);

  const matchFrom = (base: bigint): AppendCheck => {
    if (ids.length === 0) throw wrong();
    const found = stored.idsFrom(base + 1n, ids.length);
    if (found.length !== ids.length || found.some((id, i) => id !== ids[i])) throw wrong();
    return { outcome: 'idempotent', lastRevision: base + BigInt(ids.length) };
  };

  const matchAnywhere = (): AppendCheck => {
    const first = ids[0] === undefined ? undefined : stored.revisionOf(ids[0]);
    if (first === undefined) return { outcome: 'write' };
    return matchFrom(first - 1n);
  };

  switch (expected) {
    case 'any':
      return matchAnywhere();
    case 'stream_exists':
      // ESDB answers StreamDeleted here, not WrongExpectedVersion.
      if (state.softDeleted) throw new StreamDeleted(stream);
      if (!state.known) throw wrong();
      return matchAnywhere();
    case 'no_stream':
      if (current < 0n || state.softDeleted) return { outcome: 'write' };
      return matchFrom((state.deletedBefore ?? 0n) - 1n);
    default:
      if (expected < 0n) throw new RangeError(`Expected revision ${expected} is negative`);
      if (expected === current) return { outcome: 'write' };
      if (expected > current) throw wrong();
      return matchFrom(expected);
  }
}
