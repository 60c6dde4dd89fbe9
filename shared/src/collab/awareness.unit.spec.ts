// Awareness states as the browser receives them: whatever shape they arrive in, what is kept
// is safe to draw.
import { describe, expect, it } from 'vitest';
import {
  forwardableAwarenessFields,
  ownAwarenessChanges,
  sanitizeAwarenessState,
  sendOwnAwarenessOnly,
  type AwarenessChanges,
  type AwarenessProvider,
} from './awareness.js';

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

describe('the awareness changes a client sends', () => {
  it('given a change about others only, sends nothing', () => {
    expect(ownAwarenessChanges({ added: [2], updated: [3, 4], removed: [5] }, 1)).toBeUndefined();
  });

  it('given a change that includes its own state, sends only that', () => {
    expect(ownAwarenessChanges({ added: [2], updated: [3, 1], removed: [] }, 1)).toEqual({
      added: [],
      updated: [1],
      removed: [],
    });
    // Leaving (the state set to null on unload) is sent too.
    expect(ownAwarenessChanges({ added: [], updated: [], removed: [1, 4] }, 1)).toEqual({
      added: [],
      updated: [],
      removed: [1],
    });
  });
});

describe('a provider rewired to send its own awareness only', () => {
  /** A provider whose awareness keeps its listeners and whose handler records what it sends. */
  function fakeProvider() {
    type Listener = (changes: AwarenessChanges, origin: unknown) => void;
    const listeners = new Set<Listener>();
    const sent: AwarenessChanges[] = [];
    const provider: AwarenessProvider = {
      awareness: {
        clientID: 7,
        on: (_event, listener) => void listeners.add(listener),
        off: (_event, listener) => void listeners.delete(listener),
      },
      _awarenessUpdateHandler: (changes) => void sent.push(changes),
    };
    provider.awareness.on('update', provider._awarenessUpdateHandler);
    const emit = (changes: AwarenessChanges) => {
      for (const listener of listeners) listener(changes, 'remote');
    };
    return { provider, sent, emit, listeners };
  }

  it('given others moving, sends nothing; given its own change, sends only that', () => {
    const { provider, sent, emit } = fakeProvider();
    sendOwnAwarenessOnly(provider);
    emit({ added: [3], updated: [4], removed: [] });
    expect(sent).toEqual([]);
    emit({ added: [], updated: [4, 7], removed: [] });
    expect(sent).toEqual([{ added: [], updated: [7], removed: [] }]);
  });

  it('puts the provider’s own listener back when undone', () => {
    const { provider, sent, emit, listeners } = fakeProvider();
    const undo = sendOwnAwarenessOnly(provider);
    undo();
    expect([...listeners]).toEqual([provider._awarenessUpdateHandler]);
    emit({ added: [3], updated: [], removed: [] });
    expect(sent).toEqual([{ added: [3], updated: [], removed: [] }]);
  });
});
