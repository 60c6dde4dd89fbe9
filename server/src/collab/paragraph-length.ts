/**
 * Tells, before a Yjs update is applied, whether it would make one text (a paragraph's
 * Y.XmlText) longer than a maximum. Yjs cannot undo an integration, so the check works on the
 * decoded update: it finds each new character run's parent text (directly, or through the item
 * it was inserted next to, in the document or earlier in the update) and adds up, per text,
 * the characters inserted minus the live characters the update deletes.
 *
 * An approximation, on the safe side for honest clients: characters the update both inserts and
 * deletes count as inserted, and runs whose parent cannot be found (their neighbour is garbage
 * collected, or arrives only in a later update) are summed into one bucket of their own, so one
 * update can add at most the maximum to a text that way. The document size cap bounds the rest.
 *
 *   const over = overlongText(doc, decodeYjsUpdate(update), 20_000);
 *   if (over) refuse(`paragraph-too-long: ${over.paragraphId ?? 'new'}`);
 */
import * as Y from 'yjs';
import type { DecodedUpdate } from './update-inspection.js';

export interface OverlongText {
  /** Its length after the update, as far as the update shows. */
  length: number;
  /** The `id` attribute of the paragraph holding the text, when known. */
  paragraphId: string | undefined;
}

/** A text in the document, a text created by the update (its item), or unknown. */
type TextKey = YType | Y.Item | 'unknown';
/** Any shared type, spelled as Yjs spells the types it shares. */
type YType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

export function overlongText(
  doc: Y.Doc,
  decoded: DecodedUpdate,
  max: number,
): OverlongText | undefined {
  const growth = new Map<TextKey, number>();
  const add = (key: TextKey, n: number) => growth.set(key, (growth.get(key) ?? 0) + n);
  const inUpdate = structsByClient(decoded);
  const parents = new Map<Y.Item, TextKey>();

  // Items of one client come in clock order and usually follow their left neighbour, so most
  // resolve on the first pass; a second pass catches neighbours from clients listed later.
  let unresolved: Y.Item[] = [];
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Item && novelLength(doc, struct) > 0) unresolved.push(struct);
  }
  for (let pass = 0; pass < 2 && unresolved.length > 0; pass++) {
    const next: Y.Item[] = [];
    for (const item of unresolved) {
      const key = parentOf(doc, item, inUpdate, parents);
      if (key === undefined) next.push(item);
      else parents.set(item, key);
    }
    unresolved = next;
  }
  for (const item of unresolved) parents.set(item, 'unknown');
  for (const [item, key] of parents) {
    if (isCharacters(item.content)) add(key, novelLength(doc, item));
  }

  for (const [client, deletions] of decoded.ds.clients) {
    for (const deletion of deletions)
      subtractDeleted(doc, client, deletion.clock, deletion.len, add);
  }

  for (const [key, added] of growth) {
    if (added <= 0) continue;
    const current = key instanceof Y.AbstractType ? key._length : 0;
    if (current + added > max) return { length: current + added, paragraphId: paragraphIdOf(key) };
  }
  return undefined;
}

/** Characters a text counts: strings and embeds (formatting marks and child types do not). */
function isCharacters(content: Y.Item['content']): boolean {
  return content instanceof Y.ContentString || content instanceof Y.ContentEmbed;
}

/** How much of an item the document does not have yet (Yjs skips the rest). */
function novelLength(doc: Y.Doc, item: Y.Item): number {
  const known = Y.getState(doc.store, item.id.client);
  return Math.max(0, item.id.clock + item.length - Math.max(known, item.id.clock));
}

function structsByClient(decoded: DecodedUpdate): Map<number, Y.Item[]> {
  const byClient = new Map<number, Y.Item[]>();
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  return byClient;
}

/** The text an item goes into, or undefined when its neighbour is not resolved yet. */
function parentOf(
  doc: Y.Doc,
  item: Y.Item,
  inUpdate: Map<number, Y.Item[]>,
  parents: Map<Y.Item, TextKey>,
): TextKey | undefined {
  const parent: unknown = item.parent;
  if (typeof parent === 'string') return doc.share.get(parent) ?? 'unknown';
  if (parent instanceof Y.ID) {
    const owner = findItem(doc, parent, inUpdate);
    if (owner === undefined) return 'unknown';
    if (owner.content instanceof Y.ContentType) {
      return owner.id.clock < Y.getState(doc.store, owner.id.client) ? owner.content.type : owner;
    }
    return 'unknown';
  }
  // Parent left out of the encoding: it is the parent of the neighbour it was inserted next to.
  const neighbourId = item.origin ?? item.rightOrigin;
  if (!neighbourId) return 'unknown';
  if (neighbourId.clock < Y.getState(doc.store, neighbourId.client)) {
    const neighbour = findItem(doc, neighbourId, inUpdate);
    return neighbour?.parent instanceof Y.AbstractType ? neighbour.parent : 'unknown';
  }
  const neighbour = findItem(doc, neighbourId, inUpdate);
  if (neighbour === undefined) return 'unknown';
  return parents.get(neighbour);
}

/** The item holding an id: in the document when it knows the id, else in the update. */
function findItem(doc: Y.Doc, id: Y.ID, inUpdate: Map<number, Y.Item[]>): Y.Item | undefined {
  if (id.clock < Y.getState(doc.store, id.client)) {
    const structs = doc.store.clients.get(id.client);
    if (!structs) return undefined;
    const struct = structs[Y.findIndexSS(structs, id.clock)];
    return struct instanceof Y.Item ? struct : undefined;
  }
  const list = inUpdate.get(id.client);
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = list[mid]!;
    if (id.clock < item.id.clock) hi = mid - 1;
    else if (id.clock >= item.id.clock + item.length) lo = mid + 1;
    else return item;
  }
  return undefined;
}

/** Takes the live characters a deletion range removes off their texts' growth. */
function subtractDeleted(
  doc: Y.Doc,
  client: number,
  clock: number,
  len: number,
  add: (key: TextKey, n: number) => void,
): void {
  const structs = doc.store.clients.get(client);
  if (!structs || len <= 0) return;
  const end = Math.min(clock + len, Y.getState(doc.store, client));
  if (clock >= end) return;
  for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
    const struct = structs[i]!;
    if (struct.id.clock >= end) break;
    if (!(struct instanceof Y.Item) || struct.deleted || !isCharacters(struct.content)) continue;
    if (!(struct.parent instanceof Y.AbstractType)) continue;
    const from = Math.max(clock, struct.id.clock);
    const to = Math.min(end, struct.id.clock + struct.length);
    add(struct.parent, -(to - from));
  }
}

function paragraphIdOf(key: TextKey): string | undefined {
  if (!(key instanceof Y.AbstractType)) return undefined;
  const paragraph = key.parent;
  if (!(paragraph instanceof Y.XmlElement)) return undefined;
  const id: unknown = paragraph.getAttribute('id');
  return typeof id === 'string' ? id : undefined;
}
