import { describe, expect, it } from 'vitest';
import { emptyKeyedMap, keyedDelete, keyedEntries, keyedGet, keyedSet } from './keyed-map.js';

describe('keyed map', () => {
  it('sets, gets and deletes without changing earlier versions', () => {
    const empty = emptyKeyedMap<number>();
    const one = keyedSet(empty, 'paragraph:a1', 1);
    const two = keyedSet(one, 'paragraph:b1', 2);
    const changed = keyedSet(two, 'paragraph:a1', 3);
    const removed = keyedDelete(changed, 'paragraph:b1');
    expect(keyedGet(one, 'paragraph:a1')).toBe(1);
    expect(keyedGet(two, 'paragraph:b1')).toBe(2);
    expect(keyedGet(changed, 'paragraph:a1')).toBe(3);
    expect(keyedGet(removed, 'paragraph:b1')).toBeUndefined();
    expect(keyedGet(empty, 'paragraph:a1')).toBeUndefined();
    expect(keyedEntries(two).sort()).toEqual([
      ['paragraph:a1', 1],
      ['paragraph:b1', 2],
    ]);
    expect(keyedDelete(one, 'absent')).toBe(one);
  });

  it('keeps keys that look like object members apart from them', () => {
    expect(keyedGet(emptyKeyedMap(), 'constructor')).toBeUndefined();
    expect(keyedGet(keyedSet(emptyKeyedMap(), 'x', 1), 'toString')).toBeUndefined();
  });
});
