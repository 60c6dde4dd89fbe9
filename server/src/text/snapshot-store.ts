/**
 * Writing a document's snapshots and keeping the snapshot stream small: the appends and the
 * retention cut shared by the gateway's writer (`text-writer.ts`) and `TextLog`, so benchmarks
 * and tests store snapshots exactly as the live server does.
 *
 *   const start = await appendSnapshot(store, documentId, snapshotEvents(state, upTo, max, 'v2'));
 *   await keepNewestSnapshots(store, documentId, starts, 3);
 */
import { docTextSnapshotStream } from '@accord/shared';
import type { EventStore, EventToAppend } from '../eventstore/port.js';

/**
 * Appends a snapshot's parts one append each (together they may exceed one append) and
 * returns the stream revision of its first part.
 */
export async function appendSnapshot(
  store: EventStore,
  documentId: string,
  parts: readonly EventToAppend[],
): Promise<bigint | undefined> {
  let start: bigint | undefined;
  for (const part of parts) {
    const { nextExpectedRevision } = await store.appendToStream(docTextSnapshotStream(documentId), [
      part,
    ]);
    start ??= nextExpectedRevision;
  }
  return start;
}

/**
 * Hides every snapshot older than the newest `keep` of `starts` (the first revisions of the
 * snapshots one writer appended, oldest first; snapshots from before are older still, so one
 * prefix cut covers them too), removes them from the store where it can scavenge one stream
 * (SQLite, PostgreSQL), and drops them from `starts`. `keep` 0 keeps all. Time travel to a
 * revision before the oldest kept snapshot replays the log from its start.
 */
export async function keepNewestSnapshots(
  store: EventStore,
  documentId: string,
  starts: bigint[],
  keep: number,
): Promise<void> {
  if (keep <= 0 || starts.length < keep) return;
  const truncateBefore = starts[starts.length - keep]!;
  starts.splice(0, starts.length - keep);
  const stream = docTextSnapshotStream(documentId);
  await store.setStreamMetadata(stream, { truncateBefore });
  await store.scavengeStream?.(stream);
}
