/**
 * Where a point in time falls in a document's `doctext-` stream, and the text there. The text is
 * always rebuilt from the nearest snapshot plus the updates after it (`loadDocState`), never by
 * replaying the whole stream.
 *
 *   const revision = await textRevisionAtTime(store, documentId, Date.parse('2026-03-02T10:00Z'));
 *   const paragraphs = await paragraphsAt(store, documentId, revision);
 */
import { docTextStream } from '@accord/shared';
import * as Y from 'yjs';
import { occurredAtOf } from '../eventstore/occurred-at.js';
import { collect, type EventStore } from '../eventstore/port.js';
import { listParagraphs, type Paragraph } from './doc-structure.js';
import { loadDocState, REPLAY_ORIGIN, TEXT_UPDATED } from './text-history.js';

/** The stream's last revision; undefined when the document has no text yet. */
export async function lastTextRevision(
  store: EventStore,
  documentId: string,
): Promise<bigint | undefined> {
  const [last] = await collect(
    store.readStream(docTextStream(documentId), { direction: 'backwards', maxCount: 1 }),
  );
  return last?.revision;
}

/**
 * The last text revision at or before a global position. Read from `$all` backwards, filtered to
 * the document's text stream, because stream reads do not carry positions on every store.
 */
export async function textRevisionAtPosition(
  store: EventStore,
  documentId: string,
  position: bigint,
): Promise<bigint | undefined> {
  const [last] = await collect(
    store.readAll({
      direction: 'backwards',
      fromPosition: position,
      maxCount: 1,
      filter: { on: 'streamName', prefixes: [docTextStream(documentId)] },
    }),
  );
  return last?.revision;
}

/**
 * The last text revision whose `occurredAt` is at or before `ms`, by binary search over the
 * stream (one single-event read per step). Text updates are stamped with the clock when they are
 * written, in stream order, so their times only grow along the stream.
 */
export async function textRevisionAtTime(
  store: EventStore,
  documentId: string,
  ms: number,
): Promise<bigint | undefined> {
  const stream = docTextStream(documentId);
  const at = async (revision: bigint) => {
    const [event] = await collect(
      store.readStream(stream, { fromRevision: revision, maxCount: 1 }),
    );
    return event && { revision: event.revision, ms: occurredAtOf(event).ms };
  };
  const last = await lastTextRevision(store, documentId);
  if (last === undefined) return undefined;
  const first = await at(0n);
  if (!first || first.ms > ms) return undefined;
  const end = await at(last);
  if (end && end.ms <= ms) return end.revision;
  // Invariant: the event at `lo` is at or before ms, the one at `hi` after it.
  let lo = first.revision;
  let hi = last;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    const event = await at(mid);
    if (event && event.ms <= ms) lo = event.revision;
    else hi = mid;
  }
  return lo;
}

/** The paragraphs as they stood at a text revision; none before the text existed. */
export async function paragraphsAt(
  store: EventStore,
  documentId: string,
  revision: bigint | undefined,
): Promise<Paragraph[]> {
  if (revision === undefined) return [];
  const { doc } = await loadDocState(store, documentId, { asOfRevision: revision });
  try {
    return listParagraphs(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The paragraphs at a revision by applying every update from the start, ignoring snapshots: the
 * baseline the benchmark measures snapshots against, and a check that snapshots agree with the
 * log. Time travel never uses it.
 */
export async function replayTextFromStart(
  store: EventStore,
  documentId: string,
  revision: bigint,
): Promise<Paragraph[]> {
  const doc = new Y.Doc();
  try {
    let group: Uint8Array[] = [];
    const apply = () => {
      const updates = group;
      group = [];
      doc.transact(() => {
        for (const update of updates) Y.applyUpdate(doc, update, REPLAY_ORIGIN);
      }, REPLAY_ORIGIN);
    };
    for await (const event of store.readStream(docTextStream(documentId))) {
      if (event.revision > revision) break;
      if (event.type !== TEXT_UPDATED || !(event.data instanceof Uint8Array)) continue;
      group.push(event.data);
      // The same grouping as loadDocState, so the comparison is of snapshots, not of batching.
      if (group.length >= 256) apply();
    }
    if (group.length > 0) apply();
    return listParagraphs(doc);
  } finally {
    doc.destroy();
  }
}
