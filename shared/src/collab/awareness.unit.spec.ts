// Awareness states as the browser receives them: whatever shape they arrive in, what is kept
// is safe to draw.
import { describe, expect, it } from 'vitest';
import { forwardableAwarenessFields, sanitizeAwarenessState } from './awareness.js';

const user = { name: 'Alice', stakeholderId: 's-1', stakeholderName: 'France', color: '#1f77b4' };
const cursor = {
  anchor: { type: { client: 1, clock: 2 }, tname: null, item: { client: 3, clock: 4 }, assoc: 0 },
  head: { item: { client: 3, clock: 5 } },
};

describe('awareness states', () => {
  it('keeps a well-formed state', () => {
    expect(sanitizeAwarenessState({ user, cursor })).toEqual({
      state: { user, cursor },
      skipped: 0,
    });
    expect(sanitizeAwarenessState({ user, cursor: null }).skipped).toBe(0);
  });

  it('drops a malformed cursor but keeps the person', () => {
    for (const bad of ['x', { anchor: 3, head: 7 }, { anchor: { item: { client: -1 } } }]) {
      expect(sanitizeAwarenessState({ user, cursor: bad })).toEqual({
        state: { user },
        skipped: 1,
      });
    }
  });

  it('drops a state without a usable identity', () => {
    const bad: unknown[] = [
      null,
      42,
      [],
      {},
      { user: { ...user, name: 7 } },
      { user: { ...user, color: 'red; background: url(x)' } },
      { user: { ...user, name: 'x'.repeat(1000) } },
    ];
    for (const state of bad)
      expect(sanitizeAwarenessState(state)).toEqual({ state: null, skipped: 1 });
  });

  it('forwards only a valid cursor of what a client sets', () => {
    expect(forwardableAwarenessFields({ cursor, extra: 'x'.repeat(100) })).toEqual({ cursor });
    expect(forwardableAwarenessFields({ cursor: { anchor: 1 } })).toEqual({});
    expect(forwardableAwarenessFields({ cursor: null })).toEqual({ cursor: null });
  });
});
