/**
 * A document's text as events: every Yjs update is a `TextUpdated` event (binary data) in
 * `doctext-<documentId>`, and `doctextsnapshot-<documentId>` holds periodic full states, so a
 * document (or its state as of any revision, for time travel) is rebuilt from the latest
 * snapshot plus the updates after it.
 *
 *   const { doc, revision } = await loadDocState(store, documentId);
 *   const then = await loadDocState(store, documentId, { asOfRevision: 41n });
 */
import { randomUUID } from 'node:crypto';
import { docTextSnapshotStream, docTextStream } from '@accord/shared';
import * as Y from 'yjs';
import type { EventStore, EventToAppend, JsonObject, RecordedEvent } from '../eventstore/port.js';
import { collect } from '../eventstore/port.js';

/** Who a change to the text is attributed to; stored as the event's metadata. */
export interface Attribution {
  userId: string;
  stakeholderId: string;
  /** Set when the change applies an accepted amendment. */
  amendmentId?: string;
  /**
   * Set when the change is server work done for an event (e.g. a bracket's words deleted): the
   * worker finds it by this id to tell the work was already done.
   */
  workId?: string;
  /**
   * When a server change happened, if not now: only trusted server code sets it (the demo seed
   * backdates its record, and its text must be dated with it so `time:` points agree).
   */
  occurredAt?: string;
}

export const TEXT_UPDATED = 'TextUpdated';
export const TEXT_SNAPSHOT_TAKEN = 'TextSnapshotTaken';

/** Origin of transactions that replay the log, so they are never written back to it. */
export const REPLAY_ORIGIN = Symbol('collab.replay');

/**
 * How a snapshot's state is encoded. 'v2' (`Y.encodeStateAsUpdateV2`) is about a third of 'v1'
 * on a long-edited text and loads in about the same time; snapshots written before it carry no
 * `encoding` in their metadata and are read as 'v1', so old documents keep loading.
 */
export type SnapshotEncoding = 'v1' | 'v2';

/** The encoding new snapshots are written in. */
export const SNAPSHOT_ENCODING: SnapshotEncoding = 'v2';

/** A document's full state in `encoding`. */
export function encodeDocState(
  doc: Y.Doc,
  encoding: SnapshotEncoding = SNAPSHOT_ENCODING,
): Uint8Array {
  return encoding === 'v2' ? Y.encodeStateAsUpdateV2(doc) : Y.encodeStateAsUpdate(doc);
}

/** Applies a snapshot's state, whichever encoding it was written in. */
export function applyDocState(
  doc: Y.Doc,
  state: Uint8Array,
  encoding: SnapshotEncoding,
  origin: unknown = REPLAY_ORIGIN,
): void {
  if (encoding === 'v2') Y.applyUpdateV2(doc, state, origin);
  else Y.applyUpdate(doc, state, origin);
}

export function textUpdatedEvent(
  update: Uint8Array,
  attribution: Attribution,
  occurredAt: string,
): EventToAppend {
  const metadata: JsonObject = {
    userId: attribution.userId,
    stakeholderId: attribution.stakeholderId,
    occurredAt,
  };
  if (attribution.amendmentId !== undefined) metadata.amendmentId = attribution.amendmentId;
  if (attribution.workId !== undefined) metadata.workId = attribution.workId;
  return { id: randomUUID(), type: TEXT_UPDATED, data: update, metadata };
}

/** Bytes an event counts for against MAX_APPEND_SIZE, as the adapters count them. */
export function eventSize(event: EventToAppend): number {
  const data =
    event.data instanceof Uint8Array
      ? event.data.byteLength
      : Buffer.byteLength(JSON.stringify(event.data));
  return (
    data + (event.metadata === undefined ? 0 : Buffer.byteLength(JSON.stringify(event.metadata)))
  );
}

/**
 * The events of one snapshot. A state that does not fit one append is split into parts, each
 * appended on its own; a reader only uses a snapshot whose parts are all there.
 */
export function snapshotEvents(
  state: Uint8Array,
  upToRevision: bigint,
  maxPartBytes: number,
  encoding: SnapshotEncoding = 'v1',
): EventToAppend[] {
  const upTo = upToRevision.toString();
  // 'v1' is left implicit, as every snapshot written before the field existed.
  const tagged: JsonObject = encoding === 'v1' ? {} : { encoding };
  if (state.byteLength <= maxPartBytes) {
    return [
      {
        id: randomUUID(),
        type: TEXT_SNAPSHOT_TAKEN,
        data: state,
        metadata: { upToRevision: upTo, ...tagged },
      },
    ];
  }
  const snapshotId = randomUUID();
  const parts = Math.ceil(state.byteLength / maxPartBytes);
  return Array.from({ length: parts }, (_, part) => ({
    id: randomUUID(),
    type: TEXT_SNAPSHOT_TAKEN,
    data: state.subarray(part * maxPartBytes, (part + 1) * maxPartBytes),
    metadata: { upToRevision: upTo, snapshotId, part, parts, ...tagged },
  }));
}

export interface DocState {
  doc: Y.Doc;
  /** The last `doctext-` revision folded in; undefined when there is none. */
  revision: bigint | undefined;
  /** The revision the snapshot used covers; undefined when loading started from nothing. */
  snapshotRevision: bigint | undefined;
  /** Size of that snapshot's state (0 without one): spaces the next snapshot. */
  snapshotBytes: number;
  /** Updates (and their bytes) folded in after the snapshot: what the next snapshot saves. */
  updatesSinceSnapshot: number;
  bytesSinceSnapshot: number;
}

export interface LoadOptions {
  /** Stop at this `doctext-` revision (inclusive): the text as it stood then. */
  asOfRevision?: bigint;
}

// Applying updates in groups inside one transaction lets Yjs integrate them in one pass.
const APPLY_GROUP = 256;

/** Rebuilds a document from its latest usable snapshot and the updates after it. */
export async function loadDocState(
  store: EventStore,
  documentId: string,
  options: LoadOptions = {},
): Promise<DocState> {
  const { asOfRevision } = options;
  const doc = new Y.Doc();
  const snapshot = await readLatestSnapshot(store, documentId, asOfRevision);
  if (snapshot) applyDocState(doc, snapshot.state, snapshot.encoding);

  let revision = snapshot?.upToRevision;
  let updatesSinceSnapshot = 0;
  let bytesSinceSnapshot = 0;
  let group: Uint8Array[] = [];
  const applyGroup = () => {
    const updates = group;
    group = [];
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update, REPLAY_ORIGIN);
    }, REPLAY_ORIGIN);
  };
  const from = snapshot ? snapshot.upToRevision + 1n : 'start';
  for await (const event of store.readStream(docTextStream(documentId), { fromRevision: from })) {
    if (asOfRevision !== undefined && event.revision > asOfRevision) break;
    revision = event.revision;
    if (event.type !== TEXT_UPDATED || !(event.data instanceof Uint8Array)) continue;
    group.push(event.data);
    updatesSinceSnapshot += 1;
    bytesSinceSnapshot += event.data.byteLength;
    if (group.length >= APPLY_GROUP) applyGroup();
  }
  if (group.length > 0) applyGroup();
  return {
    doc,
    revision,
    snapshotRevision: snapshot?.upToRevision,
    snapshotBytes: snapshot?.state.byteLength ?? 0,
    updatesSinceSnapshot,
    bytesSinceSnapshot,
  };
}

interface SnapshotMetadata {
  upToRevision: bigint;
  encoding: SnapshotEncoding;
  snapshotId: string | undefined;
  part: number;
  parts: number;
}

/** A complete snapshot as read back: its state, what it covers and how it is encoded. */
export interface StoredSnapshot {
  state: Uint8Array;
  upToRevision: bigint;
  encoding: SnapshotEncoding;
}

/**
 * The newest complete snapshot (covering at most `asOfRevision` when given). Reads backwards one
 * event at a time: snapshot events are large, and usually the newest one is all that is needed.
 * As of a past revision, the walk starts at the snapshot found by `seekSnapshot` instead of the
 * stream's end, so time travel reads a handful of snapshots, not every one taken since.
 */
export async function readLatestSnapshot(
  store: EventStore,
  documentId: string,
  asOfRevision?: bigint,
): Promise<StoredSnapshot | undefined> {
  const stream = docTextSnapshotStream(documentId);
  const seek =
    asOfRevision === undefined ? undefined : await seekSnapshot(store, stream, asOfRevision);
  let from: bigint | 'end' = seek?.revision ?? 'end';
  let next: RecordedEvent | undefined = seek?.event;
  let group:
    | {
        snapshotId: string;
        upToRevision: bigint;
        encoding: SnapshotEncoding;
        parts: Array<Uint8Array | undefined>;
      }
    | undefined;
  for (;;) {
    const event: RecordedEvent | undefined =
      next ?? (await readOne(store, stream, from, 'backwards'));
    next = undefined;
    if (!event) return undefined;
    const meta = snapshotMetadata(event);
    if (
      meta &&
      event.data instanceof Uint8Array &&
      (asOfRevision === undefined || meta.upToRevision <= asOfRevision)
    ) {
      if (meta.parts === 1) {
        return { state: event.data, upToRevision: meta.upToRevision, encoding: meta.encoding };
      }
      // Parts are appended in order, so reading backwards meets the last part first; a group
      // that does not start there was interrupted and is skipped.
      if (
        group?.snapshotId !== meta.snapshotId &&
        meta.snapshotId !== undefined &&
        meta.part === meta.parts - 1
      ) {
        group = {
          snapshotId: meta.snapshotId,
          upToRevision: meta.upToRevision,
          encoding: meta.encoding,
          parts: new Array<Uint8Array | undefined>(meta.parts),
        };
      }
      if (group && group.snapshotId === meta.snapshotId && meta.part < group.parts.length) {
        group.parts[meta.part] = event.data;
        const parts = group.parts.filter((part) => part !== undefined);
        if (parts.length === group.parts.length) {
          return {
            state: Buffer.concat(parts),
            upToRevision: group.upToRevision,
            encoding: group.encoding,
          };
        }
      }
    }
    if (event.revision === 0n) return undefined;
    from = event.revision - 1n;
  }
}

/**
 * Finds the last snapshot event whose `upToRevision` is at most `asOf`: the last part of the
 * nearest snapshot at or before it. Snapshots are appended in revision order (one writer per
 * document takes one at a time), so `upToRevision` never decreases along the stream and the
 * search can bisect it; as snapshots come at a steady pace, it first guesses by interpolation,
 * which usually lands within a probe or two. Should the order ever not hold, the walk that
 * follows still only accepts snapshots at or before `asOf`: the result stays correct, merely
 * older than it could be. Returns undefined when the walk should start at the stream's end.
 */
export async function seekSnapshot(
  store: EventStore,
  stream: string,
  asOf: bigint,
): Promise<{ revision: bigint; event: RecordedEvent | undefined } | undefined> {
  const last = await readOne(store, stream, 'end', 'backwards');
  const lastMeta = last && snapshotMetadata(last);
  if (!last || !lastMeta || lastMeta.upToRevision <= asOf) return undefined;
  const first = await readOne(store, stream, 'start', 'forwards');
  const firstMeta = first && snapshotMetadata(first);
  if (!first || !firstMeta) return undefined;
  if (firstMeta.upToRevision > asOf) return { revision: first.revision, event: first };
  // Invariant: upTo(lo) <= asOf < upTo(hi).
  let lo = { revision: first.revision, upTo: firstMeta.upToRevision, event: first };
  let hi = { revision: last.revision, upTo: lastMeta.upToRevision };
  let guesses = 0;
  while (hi.revision - lo.revision > 1n) {
    const span = hi.revision - lo.revision;
    let probe =
      guesses < 2
        ? lo.revision + ((asOf - lo.upTo) * span) / (hi.upTo - lo.upTo) + 1n
        : lo.revision + span / 2n;
    guesses += 1;
    if (probe <= lo.revision) probe = lo.revision + 1n;
    if (probe >= hi.revision) probe = hi.revision - 1n;
    const event = await readOne(store, stream, probe, 'forwards');
    const meta = event && snapshotMetadata(event);
    // A gap (truncated events) or an event that is not a snapshot: let the walk handle it.
    if (!event || !meta || event.revision >= hi.revision) break;
    if (meta.upToRevision <= asOf)
      lo = { revision: event.revision, upTo: meta.upToRevision, event };
    else hi = { revision: event.revision, upTo: meta.upToRevision };
  }
  // The walk goes on from lo: with a gap it may visit some snapshots after asOf, and skip them.
  return hi.revision - lo.revision > 1n
    ? { revision: hi.revision - 1n, event: undefined }
    : { revision: lo.revision, event: lo.event };
}

async function readOne(
  store: EventStore,
  stream: string,
  from: bigint | 'start' | 'end',
  direction: 'forwards' | 'backwards',
): Promise<RecordedEvent | undefined> {
  const [event] = await collect(
    store.readStream(stream, { direction, fromRevision: from, maxCount: 1 }),
  );
  return event;
}

function snapshotMetadata(event: RecordedEvent): SnapshotMetadata | undefined {
  if (event.type !== TEXT_SNAPSHOT_TAKEN) return undefined;
  const { upToRevision, snapshotId, part, parts, encoding: tag } = event.metadata;
  if (typeof upToRevision !== 'string' || !/^\d+$/.test(upToRevision)) return undefined;
  // A snapshot in an encoding this code does not know is skipped, as an unusable one.
  if (tag !== undefined && tag !== 'v1' && tag !== 'v2') return undefined;
  const encoding: SnapshotEncoding = tag ?? 'v1';
  if (parts === undefined)
    return {
      upToRevision: BigInt(upToRevision),
      encoding,
      snapshotId: undefined,
      part: 0,
      parts: 1,
    };
  if (
    typeof snapshotId !== 'string' ||
    !Number.isInteger(part) ||
    !Number.isInteger(parts) ||
    (part as number) < 0 ||
    (part as number) >= (parts as number)
  ) {
    return undefined;
  }
  return {
    upToRevision: BigInt(upToRevision),
    encoding,
    snapshotId,
    part: part as number,
    parts: parts as number,
  };
}
