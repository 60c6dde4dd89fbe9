/**
 * Tells, before a Yjs update is applied, whether it would make one text (a paragraph's
 * Y.XmlText) longer than a maximum. Yjs cannot undo an integration, so the check works on the
 * decoded update: it finds each new character run's parent text (`struct-placement.ts`: directly,
 * or through the item it was inserted next to, in the document or in the update) and adds up,
 * per text, the characters inserted minus the live characters the update deletes.
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
import { placeUpdate, type Placement, type PlacedUpdate, type YType } from './struct-placement.js';
import type { DecodedUpdate } from './update-inspection.js';

export interface OverlongText {
  /** Its length after the update, as far as the update shows. */
  length: number;
  /** The `id` attribute of the paragraph holding the text, when known. */
  paragraphId: string | undefined;
}

/** A text in the document, a text created by the update (its item), or unknown. */
type TextKey = YType | Y.Item | 'unknown';

export function overlongText(
  doc: Y.Doc,
  decoded: DecodedUpdate,
  max: number,
  placed: PlacedUpdate = placeUpdate(doc, decoded),
): OverlongText | undefined {
  const growth = new Map<TextKey, number>();
  const add = (key: TextKey, n: number) => growth.set(key, (growth.get(key) ?? 0) + n);
  for (const item of placed.novelItems) {
    if (isCharacters(item.content))
      add(textKeyOf(placed.placementOf(item)), novelLength(doc, item));
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

/** Runs whose text is not known (garbage, pending, a root) share one bucket. */
function textKeyOf(placement: Placement): TextKey {
  const { parent } = placement;
  if (parent.at === 'doc') return parent.type;
  if (parent.at === 'update') return parent.item;
  return 'unknown';
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
