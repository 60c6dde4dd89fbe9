/**
 * Where each struct of a decoded Yjs update would go, found without applying it: the type it
 * joins (one the document has, or one the same update creates), under which map key, and whether
 * Yjs could integrate it at all. The checks that must judge an update before it is applied (the
 * paragraph length, the text schema and its locks) all start from here.
 *
 * It follows Yjs's own rules (`Item.getMissing` and `integrate`, yjs 13.6): an item names its
 * parent only when it has no neighbours; otherwise it joins the parent of its left neighbour
 * (`origin`), or of its right one. A neighbour or parent that is garbage collected turns the
 * item into garbage too, as does a parent item that holds no type. A dependency the document
 * lacks and the update does not carry (or a cycle of them) would leave the item pending inside
 * Yjs, neither applied nor refused; a reference ahead in the item's own client's clocks would
 * make Yjs throw halfway through applying.
 *
 *   const placed = placeUpdate(doc, decodeYjsUpdate(update));
 *   if (placed.malformed) refuse(placed.malformed);
 *   if (placed.missing) askForTheMissingPart(placed.missing);
 *   for (const item of placed.novelItems) inspect(item, placed.placementOf(item));
 */
import * as Y from 'yjs';
import type { DecodedUpdate } from './update-inspection.js';

/** Any shared type, spelled as Yjs spells the types it shares. */
export type YType = Y.Doc['share'] extends Map<string, infer T> ? T : never;

/** The parent an item would join. */
export type PlacedParent =
  /** A type the document already has: a root or a nested type. */
  | { at: 'doc'; type: YType }
  /** A type the same update creates: the item holding it (its content is a ContentType). */
  | { at: 'update'; item: Y.Item }
  /** A root the document does not have yet; applying the update would create it. */
  | { at: 'new-root'; name: string }
  /** Garbage collected: Yjs would store the item as a GC struct, without content. */
  | { at: 'gc' }
  /** Neither the document nor the update holds what the item needs: Yjs would keep it pending. */
  | { at: 'missing' };

export interface Placement {
  parent: PlacedParent;
  /** The map key (an element's attribute name), or null for a child in the type's list. */
  parentSub: string | null;
}

/** A struct of the update or of the document, found by an id inside it. */
type Struct = Y.Item | Y.GC;

export interface PlacedUpdate {
  /** The update's items the document does not fully have (Yjs ignores the others). */
  readonly novelItems: readonly Y.Item[];
  /** Why some struct or deletion of the update would stay pending, if one would. */
  readonly missing: string | undefined;
  /** Why Yjs would fail while applying the update, if it would: no honest client sends that. */
  readonly malformed: string | undefined;
  placementOf(item: Y.Item): Placement;
  /** The struct holding an id: in the document when it knows the id, else in the update. */
  findStruct(id: Y.ID): Struct | undefined;
  /** Whether the update itself deletes the struct with this id. */
  deletesId(id: Y.ID): boolean;
  /** The update's deletions per client: sorted, merged ranges of clocks. */
  readonly deletions: ReadonlyMap<number, readonly DeletionRange[]>;
}

const MISSING: Placement = { parent: { at: 'missing' }, parentSub: null };
const GARBAGE: Placement = { parent: { at: 'gc' }, parentSub: null };

export function placeUpdate(doc: Y.Doc, decoded: DecodedUpdate): PlacedUpdate {
  const state = (client: number) => Y.getState(doc.store, client);
  const byClient = structsByClient(decoded);
  const deletions = sortedDeletions(decoded);

  const findStruct = (id: Y.ID): Struct | undefined => {
    if (id.clock < state(id.client)) {
      const structs = doc.store.clients.get(id.client);
      if (!structs) return undefined;
      const struct = structs[Y.findIndexSS(structs, id.clock)];
      return struct instanceof Y.Item || struct instanceof Y.GC ? struct : undefined;
    }
    return findInList(byClient.get(id.client), id.clock);
  };
  // A plain boolean, not a type guard: its false branch must not narrow an item away.
  const isNovel = (struct: Struct): boolean =>
    struct.id.clock + struct.length > state(struct.id.client);
  const inUpdate = (struct: Struct | undefined): struct is Y.Item =>
    struct instanceof Y.Item && isNovel(struct);

  const novelItems: Y.Item[] = [];
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Item && inUpdate(struct)) novelItems.push(struct);
  }

  const placements = new Map<Y.Item, Placement>();
  /** The update's items whose placement this item's placement needs first. */
  const placementInputs = (item: Y.Item): Y.Item[] => {
    const ids = item.parent instanceof Y.ID ? [item.parent] : [item.origin, item.rightOrigin];
    const inputs: Y.Item[] = [];
    for (const id of ids) {
      const struct = id ? findStruct(id) : undefined;
      if (inUpdate(struct)) inputs.push(struct);
    }
    return inputs;
  };
  const compute = (item: Y.Item): Placement => {
    const parent: unknown = item.parent;
    if (typeof parent === 'string') {
      const root = doc.share.get(parent);
      return {
        parent: root ? { at: 'doc', type: root } : { at: 'new-root', name: parent },
        parentSub: item.parentSub,
      };
    }
    if (parent instanceof Y.ID) {
      const owner = findStruct(parent);
      if (owner === undefined) return MISSING;
      if (owner instanceof Y.GC || !(owner.content instanceof Y.ContentType)) return GARBAGE;
      if (!isNovel(owner))
        return {
          parent: { at: 'doc', type: owner.content.type as YType },
          parentSub: item.parentSub,
        };
      const ownerPlacement = placements.get(owner) ?? MISSING;
      if (ownerPlacement.parent.at === 'missing' || ownerPlacement.parent.at === 'gc')
        return ownerPlacement;
      return { parent: { at: 'update', item: owner }, parentSub: item.parentSub };
    }
    // No parent in the encoding: the item sits next to a neighbour and joins its parent.
    const left = item.origin ? neighbour(item.origin) : undefined;
    const right = item.rightOrigin ? neighbour(item.rightOrigin) : undefined;
    if (left === 'missing' || right === 'missing') return MISSING;
    if (left === 'gc' || right === 'gc') return GARBAGE;
    return left ?? right ?? GARBAGE;
  };
  /** What a neighbour tells of the item's placement: Yjs checks both neighbours for garbage. */
  const neighbour = (id: Y.ID): Placement | 'gc' | 'missing' => {
    const struct = findStruct(id);
    if (struct === undefined) return 'missing';
    if (struct instanceof Y.GC) return 'gc';
    if (isNovel(struct)) {
      const placement = placements.get(struct) ?? MISSING;
      if (placement.parent.at === 'missing') return 'missing';
      // An item that becomes garbage is a GC struct by the time its neighbour integrates.
      return placement.parent.at === 'gc' ? 'gc' : placement;
    }
    const parent: unknown = struct.parent;
    return parent instanceof Y.AbstractType
      ? { parent: { at: 'doc', type: parent as YType }, parentSub: struct.parentSub }
      : 'gc';
  };

  // Depth-first with an explicit stack (a hostile chain of neighbours may be very long); an item
  // met again while its inputs are being placed is part of a cycle, which Yjs keeps pending.
  const onStack = new Set<Y.Item>();
  for (const start of novelItems) {
    if (placements.has(start)) continue;
    const stack: Y.Item[] = [start];
    while (stack.length > 0) {
      const item = stack[stack.length - 1]!;
      if (placements.has(item)) {
        stack.pop();
        continue;
      }
      const waiting = placementInputs(item).filter((input) => !placements.has(input));
      if (waiting.length === 0 || onStack.has(item)) {
        placements.set(item, waiting.length === 0 ? compute(item) : MISSING);
        onStack.delete(item);
        stack.pop();
        continue;
      }
      onStack.add(item);
      if (waiting.some((input) => onStack.has(input))) {
        placements.set(item, MISSING);
        onStack.delete(item);
        stack.pop();
        continue;
      }
      stack.push(...waiting);
    }
  }

  const missing =
    clockGap(byClient, state) ??
    dependencyCycle(byClient, state, findStruct, inUpdate) ??
    unknownDeletion(deletions, byClient, state);

  return {
    novelItems,
    missing,
    malformed: referenceAhead(novelItems),
    placementOf: (item) => placements.get(item) ?? MISSING,
    findStruct,
    deletesId: (id) => containsClock(deletions.get(id.client), id.clock),
    deletions,
  };
}

/**
 * Yjs looks up an item's neighbours and parent of its own client without waiting for them, as
 * they always come earlier in that client's clocks; one that does not is a forged update.
 */
function referenceAhead(items: readonly Y.Item[]): string | undefined {
  for (const item of items) {
    const parent: unknown = item.parent;
    for (const id of [item.origin, item.rightOrigin, parent instanceof Y.ID ? parent : null]) {
      if (id && id.client === item.id.client && id.clock >= item.id.clock)
        return `client ${item.id.client} clock ${item.id.clock} refers ahead to clock ${id.clock}`;
    }
  }
  return undefined;
}

/** The update's structs per client in clock order (Skip structs left out: they hold nothing). */
function structsByClient(decoded: DecodedUpdate): Map<number, Struct[]> {
  const byClient = new Map<number, Struct[]>();
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return byClient;
}

function findInList(list: readonly Struct[] | undefined, clock: number): Struct | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const struct = list[mid]!;
    if (clock < struct.id.clock) hi = mid - 1;
    else if (clock >= struct.id.clock + struct.length) lo = mid + 1;
    else return struct;
  }
  return undefined;
}

/** Yjs integrates a client's structs only from where the document's clock for it stands. */
function clockGap(
  byClient: Map<number, Struct[]>,
  state: (client: number) => number,
): string | undefined {
  for (const [client, list] of byClient) {
    let covered = state(client);
    for (const struct of list) {
      if (struct.id.clock > covered)
        return `client ${client} starts at clock ${struct.id.clock}, the document is at ${covered}`;
      covered = Math.max(covered, struct.id.clock + struct.length);
    }
  }
  return undefined;
}

/**
 * A cycle among the update's structs (through neighbours, parents and each client's clock
 * order) means Yjs could never integrate them; one pointing ahead in its own client's clocks
 * would even make Yjs throw halfway through applying.
 */
function dependencyCycle(
  byClient: Map<number, Struct[]>,
  state: (client: number) => number,
  findStruct: (id: Y.ID) => Struct | undefined,
  inUpdate: (struct: Struct | undefined) => struct is Y.Item,
): string | undefined {
  const novel = (struct: Struct | undefined): struct is Struct =>
    struct !== undefined && struct.id.clock + struct.length > state(struct.id.client);
  const dependencies = (struct: Struct): Struct[] => {
    const found: Struct[] = [];
    // Its client's previous struct, when the update carries it.
    if (struct.id.clock > state(struct.id.client)) {
      const previous = findInList(byClient.get(struct.id.client), struct.id.clock - 1);
      if (previous) found.push(previous);
    }
    if (struct instanceof Y.Item) {
      const parent: unknown = struct.parent;
      const ids = [struct.origin, struct.rightOrigin, parent instanceof Y.ID ? parent : null];
      for (const id of ids) {
        const dependency = id ? findStruct(id) : undefined;
        if (novel(dependency) && (dependency instanceof Y.GC || inUpdate(dependency)))
          found.push(dependency);
      }
    }
    return found;
  };
  const done = new Set<Struct>();
  const onStack = new Set<Struct>();
  for (const list of byClient.values()) {
    for (const start of list) {
      if (!novel(start) || done.has(start)) continue;
      const stack: Array<{ struct: Struct; next: Struct[] }> = [
        { struct: start, next: dependencies(start) },
      ];
      onStack.add(start);
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const dependency = top.next.pop();
        if (dependency === undefined) {
          onStack.delete(top.struct);
          done.add(top.struct);
          stack.pop();
          continue;
        }
        if (done.has(dependency)) continue;
        if (onStack.has(dependency)) {
          const { client, clock } = top.struct.id;
          return `a cycle of dependencies through client ${client} clock ${clock}`;
        }
        onStack.add(dependency);
        stack.push({ struct: dependency, next: dependencies(dependency) });
      }
    }
  }
  return undefined;
}

/** A deletion of clocks nobody has yet would wait inside Yjs for them to arrive. */
function unknownDeletion(
  deletions: Map<number, DeletionRange[]>,
  byClient: Map<number, Struct[]>,
  state: (client: number) => number,
): string | undefined {
  for (const [client, ranges] of deletions) {
    let known = state(client);
    for (const struct of byClient.get(client) ?? [])
      known = Math.max(known, struct.id.clock + struct.length);
    for (const range of ranges) {
      if (range.clock + range.len > known)
        return `deletes client ${client} clock ${range.clock + range.len - 1}, which nobody has`;
    }
  }
  return undefined;
}

export interface DeletionRange {
  clock: number;
  len: number;
}

/** The update's deletions per client, sorted and merged, so a lookup is a binary search. */
function sortedDeletions(decoded: DecodedUpdate): Map<number, DeletionRange[]> {
  const byClient = new Map<number, DeletionRange[]>();
  for (const [client, ranges] of decoded.ds.clients) {
    const sorted = ranges.filter((range) => range.len > 0).sort((a, b) => a.clock - b.clock);
    const merged: DeletionRange[] = [];
    for (const { clock, len } of sorted) {
      const last = merged[merged.length - 1];
      if (last && clock <= last.clock + last.len)
        last.len = Math.max(last.len, clock + len - last.clock);
      else merged.push({ clock, len });
    }
    if (merged.length > 0) byClient.set(client, merged);
  }
  return byClient;
}

function containsClock(ranges: readonly DeletionRange[] | undefined, clock: number): boolean {
  if (!ranges) return false;
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = ranges[mid]!;
    if (clock < range.clock) hi = mid - 1;
    else if (clock >= range.clock + range.len) lo = mid + 1;
    else return true;
  }
  return false;
}
