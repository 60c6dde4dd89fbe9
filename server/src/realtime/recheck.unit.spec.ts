// A lookup overtaken by a revocation of its key runs again instead of acting on what it read.
import { describe, expect, it } from 'vitest';
import { Recheck, StaleLookup } from './recheck.js';

/** A lookup whose answers the test releases one at a time. */
function controlled<T>() {
  const waiting: ((value: T) => void)[] = [];
  return {
    lookup: () => new Promise<T>((resolve) => waiting.push(resolve)),
    answer: async (value: T) => {
      while (waiting.length === 0) await Promise.resolve();
      waiting.shift()!(value);
    },
  };
}

describe('recheck', () => {
  it('repeats a lookup invalidated while it ran, and keeps one that was not', async () => {
    const recheck = new Recheck<string>();
    const membership = controlled<string>();
    const result = recheck.run(membership.lookup, () => 'k');
    recheck.invalidate('other');
    await membership.answer('delegate');
    await expect(result).resolves.toBe('delegate');

    const revoked = recheck.run(membership.lookup, () => 'k');
    recheck.invalidate('k');
    await membership.answer('delegate (stale)');
    await membership.answer('none');
    await expect(revoked).resolves.toBe('none');
  });

  it('gives up after the last attempt', async () => {
    const recheck = new Recheck<string>(2);
    const membership = controlled<string>();
    const result = recheck.run(membership.lookup, () => 'k');
    recheck.invalidate('k');
    await membership.answer('a');
    recheck.invalidate('k');
    await membership.answer('b');
    await expect(result).rejects.toBeInstanceOf(StaleLookup);
  });
});
