// An immutable list that grows at the end in O(1), so a fold over a long record can keep every
// position change and milestone without copying an array per event (and old states stay valid).
//
//   let list = emptyList<string>();
//   list = append(list, 'a');
//   toArray(append(list, 'b')); // ['a', 'b']

export interface AppendedList<T> {
  readonly last: T | undefined;
  /** Everything before `last`; null for a list of one (or none). */
  readonly before: AppendedList<T> | null;
  readonly length: number;
}

const EMPTY: AppendedList<never> = { last: undefined, before: null, length: 0 };

export const emptyList = <T>(): AppendedList<T> => EMPTY;

export const append = <T>(list: AppendedList<T>, item: T): AppendedList<T> => ({
  last: item,
  before: list.length === 0 ? null : list,
  length: list.length + 1,
});

/** Oldest first. */
export function toArray<T>(list: AppendedList<T>): T[] {
  const items = new Array<T>(list.length);
  let node: AppendedList<T> | null = list;
  for (let i = list.length - 1; i >= 0 && node; i--) {
    items[i] = node.last as T;
    node = node.before;
  }
  return items;
}
