// A persistent string-keyed map for the record fold: a two-level trie on the last two characters
// of the key (ids end in random characters), so setting one key copies three small objects rather
// than a record of every amendment or every target. Old versions stay valid, as a fold needs.
//
//   let map = emptyKeyedMap<number>();
//   map = keyedSet(map, 'paragraph:…', 1);
//   keyedGet(map, 'paragraph:…'); // 1

type Leaf<T> = Readonly<Record<string, T>>;
type Middle<T> = Readonly<Record<string, Leaf<T>>>;

export interface KeyedMap<T> {
  readonly buckets: Readonly<Record<string, Middle<T>>>;
}

const EMPTY: KeyedMap<never> = { buckets: {} };

export const emptyKeyedMap = <T>(): KeyedMap<T> => EMPTY;

const pathOf = (key: string): [string, string] => [key.slice(-1), key.slice(-2, -1)];

export function keyedGet<T>(map: KeyedMap<T>, key: string): T | undefined {
  const [outer, inner] = pathOf(key);
  const leaf = map.buckets[outer]?.[inner];
  return leaf && Object.hasOwn(leaf, key) ? leaf[key] : undefined;
}

export function keyedSet<T>(map: KeyedMap<T>, key: string, value: T): KeyedMap<T> {
  const [outer, inner] = pathOf(key);
  const middle = map.buckets[outer] ?? {};
  const leaf = middle[inner] ?? {};
  return {
    buckets: { ...map.buckets, [outer]: { ...middle, [inner]: { ...leaf, [key]: value } } },
  };
}

export function keyedDelete<T>(map: KeyedMap<T>, key: string): KeyedMap<T> {
  const [outer, inner] = pathOf(key);
  const middle = map.buckets[outer];
  const leaf = middle?.[inner];
  if (!leaf || !Object.hasOwn(leaf, key)) return map;
  const { [key]: _removed, ...rest } = leaf;
  return { buckets: { ...map.buckets, [outer]: { ...middle, [inner]: rest } } };
}

/** Every entry, in no particular order. */
export function keyedEntries<T>(map: KeyedMap<T>): [string, T][] {
  const entries: [string, T][] = [];
  for (const middle of Object.values(map.buckets))
    for (const leaf of Object.values(middle)) entries.push(...Object.entries(leaf));
  return entries;
}
