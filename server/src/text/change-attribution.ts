/**
 * Who inserted and who deleted each character of a document's text between two revisions, for the
 * attributed comparison (shared's `compareTexts`).
 *
 * METHOD. Every Yjs item carries the id (client, clock) it was created with, and keeps it when
 * split. Each `TextUpdated` event between the two revisions is decoded: the items it creates
 * (client, clock ranges) and the deletions it carries (its delete set) are attributed to the
 * event's `metadata` (stakeholder, user, amendment). A character of the later text is then
 * attributed to the first update in the range that created its id, if it was created after the
 * earlier revision (its clock is not below the earlier state vector); a character of the earlier
 * text to the first update in the range whose delete set covers it. This is exact per character;
 * characters that a word diff marks but no update touched fall back, in `compareTexts`, to the
 * last update that touched the same paragraph.
 *
 * The same walk from before the text existed gives the author of every live character of a text
 * (`textAuthorsAt`, for "who wrote what", see authorship.ts), each tied to its update and time.
 *
 *   const { from, to, attribution } = await attributedTexts(store, documentId, 10n, 42n);
 *   compareTexts(from, to, attribution);
 */
import {
  docTextStream,
  type ChangeAttribution,
  type Contributor,
  type ParagraphAttribution,
} from '@accord/shared';
import * as Y from 'yjs';
import type { EventStore } from '../eventstore/port.js';
import {
  paragraphIdentity,
  paragraphText,
  textFragment,
  textSegments,
  type Paragraph,
} from './doc-structure.js';
import { occurredAtOf } from '../eventstore/occurred-at.js';
import { loadDocState, TEXT_UPDATED } from './text-history.js';

export interface AttributedTexts {
  from: Paragraph[];
  to: Paragraph[];
  attribution: ChangeAttribution;
  /** Text updates between the two revisions. */
  updates: number;
}

interface IdRange {
  client: number;
  clock: number;
  length: number;
  /** Index of the update that carried it (then, for the comparison, of its contributor). */
  who: number;
  /** The update's stream revision, to find a paragraph's last update. */
  revision: bigint;
}

/** Characters of one side's paragraphs, with the Yjs id of each. */
interface CharIndex {
  paragraphs: Paragraph[];
  /** Per paragraph: client and clock per UTF-16 unit, or undefined when the walk disagreed. */
  ids: ({ clients: Int32Array | number[]; clocks: number[] } | undefined)[];
}

const OBJECT_REPLACEMENT = '\uFFFC';

/** Walks the paragraph's text items as `paragraphText` renders them, keeping each unit's id. */
function indexDoc(doc: Y.Doc): CharIndex {
  const paragraphs: Paragraph[] = [];
  const ids: CharIndex['ids'] = [];
  for (const child of textFragment(doc).toArray()) {
    const identity = paragraphIdentity(child);
    if (!identity) continue;
    const text = paragraphText(identity.element);
    paragraphs.push({ id: identity.id, kind: identity.kind, text });
    const clients: number[] = [];
    const clocks: number[] = [];
    let walked = '';
    for (const segment of textSegments(identity.element)) {
      for (let item = segment._start; item !== null; item = item.right) {
        if (item.deleted || !item.countable) continue;
        const piece =
          item.content instanceof Y.ContentString
            ? item.content.str
            : OBJECT_REPLACEMENT.repeat(item.length);
        for (let k = 0; k < piece.length; k++) {
          clients.push(item.id.client);
          clocks.push(item.id.clock + k);
        }
        walked += piece;
      }
    }
    // Should never differ; if it does, that paragraph falls back to paragraph-level attribution.
    ids.push(walked === text ? { clients, clocks } : undefined);
  }
  return { paragraphs, ids };
}

/**
 * Assigns to each character the first range (in update order) that covers its id and passes
 * `eligible`; returns per paragraph the contributor index per unit (−1 when none).
 */
function assign(
  index: CharIndex,
  ranges: readonly IdRange[],
  eligible: (client: number, clock: number) => boolean,
  onAssigned: (paragraph: number, range: IdRange) => void,
): Int32Array[] {
  const result = index.paragraphs.map((p) => new Int32Array(p.text.length).fill(-1));
  // Per client, the characters sorted by clock, for binary search.
  const byClient = new Map<number, { clock: number; p: number; i: number }[]>();
  index.ids.forEach((ids, p) => {
    if (!ids) return;
    for (let i = 0; i < ids.clocks.length; i++) {
      const client = ids.clients[i]!;
      const clock = ids.clocks[i]!;
      if (!eligible(client, clock)) continue;
      let list = byClient.get(client);
      if (!list) byClient.set(client, (list = []));
      list.push({ clock, p, i });
    }
  });
  for (const list of byClient.values()) list.sort((a, b) => a.clock - b.clock);
  for (const range of ranges) {
    const list = byClient.get(range.client);
    if (!list) continue;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.clock < range.clock) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < list.length && list[k]!.clock < range.clock + range.length; k++) {
      const { p, i } = list[k]!;
      if (result[p]![i]! >= 0) continue;
      result[p]![i] = range.who;
      onAssigned(p, range);
    }
  }
  return result;
}

async function docAt(store: EventStore, documentId: string, revision: bigint | undefined) {
  if (revision === undefined) return new Y.Doc();
  return (await loadDocState(store, documentId, { asOfRevision: revision })).doc;
}

/** One `TextUpdated` event of the range: who made it, when, and where it stands in the stream. */
export interface TextUpdateInfo {
  contributor: Contributor;
  /** `metadata.occurredAt` (the writer's clock) in UTC, or the store's time when missing. */
  occurredAt: string;
  revision: bigint;
}

interface DecodedUpdates {
  updates: TextUpdateInfo[];
  /** Ids created and deleted by each update; `who` is an index into `updates`. */
  inserts: IdRange[];
  deletes: IdRange[];
}

const metadataString = (value: unknown): string | null =>
  typeof value === 'string' ? value : null;

/** Decodes the `TextUpdated` events after `fromRevision` up to `toRevision`, in stream order. */
async function decodeUpdates(
  store: EventStore,
  documentId: string,
  fromRevision: bigint | undefined,
  toRevision: bigint | undefined,
): Promise<DecodedUpdates> {
  const decoded: DecodedUpdates = { updates: [], inserts: [], deletes: [] };
  if (toRevision === undefined) return decoded;
  const start = fromRevision === undefined ? 'start' : fromRevision + 1n;
  for await (const event of store.readStream(docTextStream(documentId), { fromRevision: start })) {
    if (event.revision > toRevision) break;
    if (event.type !== TEXT_UPDATED || !(event.data instanceof Uint8Array)) continue;
    const { stakeholderId, userId, amendmentId } = event.metadata;
    const who =
      decoded.updates.push({
        contributor: {
          stakeholderId: metadataString(stakeholderId) ?? '',
          userId: metadataString(userId) ?? '',
          amendmentId: metadataString(amendmentId),
        },
        // Normalised to UTC, so instants compare as strings and their first ten characters are a day.
        occurredAt: new Date(occurredAtOf(event).ms).toISOString(),
        revision: event.revision,
      }) - 1;
    const { structs, ds } = Y.decodeUpdate(event.data);
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue;
      const { client, clock } = struct.id;
      decoded.inserts.push({ client, clock, length: struct.length, who, revision: event.revision });
    }
    for (const [client, items] of ds.clients) {
      for (const { clock, len } of items)
        decoded.deletes.push({ client, clock, length: len, who, revision: event.revision });
    }
  }
  return decoded;
}

/**
 * The texts at two revisions (undefined: before any text) and who made each change between them.
 * `fromRevision` must not be after `toRevision`.
 */
export async function attributedTexts(
  store: EventStore,
  documentId: string,
  fromRevision: bigint | undefined,
  toRevision: bigint | undefined,
): Promise<AttributedTexts> {
  const [fromDoc, toDoc] = await Promise.all([
    docAt(store, documentId, fromRevision),
    docAt(store, documentId, toRevision),
  ]);
  try {
    const { updates, inserts, deletes } = await decodeUpdates(
      store,
      documentId,
      fromRevision,
      toRevision,
    );
    // The comparison names contributors, not updates: updates by the same person share an index.
    const contributors: Contributor[] = [];
    const contributorIndex = new Map<string, number>();
    const contributorOf = updates.map(({ contributor }) => {
      const key = `${contributor.stakeholderId}|${contributor.userId}|${contributor.amendmentId}`;
      let who = contributorIndex.get(key);
      if (who === undefined) {
        who = contributors.push(contributor) - 1;
        contributorIndex.set(key, who);
      }
      return who;
    });
    for (const range of inserts) range.who = contributorOf[range.who]!;
    for (const range of deletes) range.who = contributorOf[range.who]!;

    const fromIndex = indexDoc(fromDoc);
    const toIndex = indexDoc(toDoc);
    // The last update touching each paragraph, by paragraph id.
    const last = new Map<string, IdRange>();
    const touched = (paragraphs: Paragraph[]) => (p: number, range: IdRange) => {
      const id = paragraphs[p]!.id;
      const seen = last.get(id);
      if (!seen || range.revision > seen.revision) last.set(id, range);
    };
    // Clocks below the earlier state vector were already there: never "inserted in the range".
    const inserted = assign(
      toIndex,
      inserts,
      (client, clock) => clock >= Y.getState(fromDoc.store, client),
      touched(toIndex.paragraphs),
    );
    const deleted = assign(fromIndex, deletes, () => true, touched(fromIndex.paragraphs));

    const paragraphs: Record<string, ParagraphAttribution> = {};
    const entry = (id: string) => (paragraphs[id] ??= { last: last.get(id)?.who ?? -1 });
    toIndex.paragraphs.forEach((p, k) => {
      if (toIndex.ids[k]) entry(p.id).inserted = inserted[k]!;
      else entry(p.id);
    });
    fromIndex.paragraphs.forEach((p, k) => {
      if (fromIndex.ids[k]) entry(p.id).deleted = deleted[k]!;
      else entry(p.id);
    });
    return {
      from: fromIndex.paragraphs,
      to: toIndex.paragraphs,
      attribution: { contributors, paragraphs },
      updates: updates.length,
    };
  } finally {
    fromDoc.destroy();
    toDoc.destroy();
  }
}

/** Who typed each character of the text at a revision. */
export interface TextAuthors {
  paragraphs: Paragraph[];
  /** Every text update up to the revision, in stream order. */
  updates: TextUpdateInfo[];
  /** Per paragraph, per UTF-16 unit: the index in `updates` of the update that typed it, or −1. */
  writtenBy: Int32Array[];
}

/**
 * The author of every live character of the text at `revision` (undefined: before any text):
 * the comparison from before the text existed, where every character is an insertion, with each
 * character tied to its update rather than merged per contributor, so its time is known too.
 */
export async function textAuthorsAt(
  store: EventStore,
  documentId: string,
  revision: bigint | undefined,
): Promise<TextAuthors> {
  const doc = await docAt(store, documentId, revision);
  try {
    const { updates, inserts } = await decodeUpdates(store, documentId, undefined, revision);
    const index = indexDoc(doc);
    const writtenBy = assign(
      index,
      inserts,
      () => true,
      () => undefined,
    );
    return { paragraphs: index.paragraphs, updates, writtenBy };
  } finally {
    doc.destroy();
  }
}
