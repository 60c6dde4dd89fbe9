// Awareness identity enforcement and ownership of awareness client ids.
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AwarenessRelay, type AwarenessPeer } from './awareness-relay.js';
import type { CollabUser } from './collab-hooks.js';
import { MalformedMessage } from './protocol.js';

const user = (id: string, stakeholderId: string): CollabUser => ({
  userId: id,
  displayName: id.toUpperCase(),
  stakeholderId,
  stakeholderName: stakeholderId,
  color: '#123456',
});
/** A caret as y-prosemirror writes it (relative positions as JSON). */
const at = (clock: number) => ({
  anchor: { item: { client: 7, clock } },
  head: { item: { client: 7, clock } },
});
const peer = (u: CollabUser): AwarenessPeer => ({ user: u, awarenessClients: new Set() });

/** An awareness update as client `clientId` would send it. */
function update(clientId: number, state: Record<string, unknown> | null, clock = 1): Uint8Array {
  const awareness = new Awareness(new Y.Doc());
  awareness.clientID = clientId;
  if (state) awareness.states.set(clientId, state);
  awareness.meta.set(clientId, { clock, lastUpdated: Date.now() });
  const bytes = encodeAwarenessUpdate(awareness, [clientId], state ? awareness.states : new Map());
  awareness.destroy();
  return bytes;
}

describe('awareness relay', () => {
  const relays: AwarenessRelay[] = [];
  const relay = () => {
    const messages: Uint8Array[] = [];
    const created = new AwarenessRelay(
      new Y.Doc(),
      { maxClientsPerConnection: 2, maxStateLength: 200 },
      (m) => messages.push(m),
    );
    relays.push(created);
    return { relay: created, messages };
  };
  afterEach(() => relays.splice(0).forEach((r) => r.destroy()));

  it('overwrites the claimed identity and keeps a valid cursor, nothing else', () => {
    const { relay: r, messages } = relay();
    const alice = peer(user('alice', 'france'));
    r.receive(
      alice,
      update(11, { user: { name: 'BOB', stakeholderId: 'brazil' }, cursor: at(4), extra: 1 }),
    );
    expect(r.awareness.getStates().get(11)).toEqual({
      user: { name: 'ALICE', stakeholderId: 'france', stakeholderName: 'france', color: '#123456' },
      cursor: at(4),
    });
    // A malformed cursor is dropped; the person still shows.
    r.receive(alice, update(11, { cursor: { anchor: 'nowhere', head: [] } }, 2));
    expect(r.awareness.getStates().get(11)).toEqual({
      user: { name: 'ALICE', stakeholderId: 'france', stakeholderName: 'france', color: '#123456' },
    });
    expect(messages).toHaveLength(2);
    expect(r.awareness.getStates().has(r.awareness.clientID)).toBe(false);
  });

  it("ignores updates for another user's client id, and removes a peer's ids when it leaves", () => {
    const { relay: r } = relay();
    const alice = peer(user('alice', 'france'));
    const bob = peer(user('bob', 'brazil'));
    r.receive(alice, update(11, { cursor: at(1) }));
    r.receive(bob, update(11, { cursor: at(99) }, 5));
    r.receive(bob, update(11, null, 6));
    expect(r.awareness.getStates().get(11)).toMatchObject({ cursor: at(1) });

    // The same user on a new connection takes the id over (a reconnect).
    const aliceAgain = peer(user('alice', 'france'));
    r.receive(aliceAgain, update(11, { cursor: at(2) }, 2));
    expect(r.awareness.getStates().get(11)).toMatchObject({ cursor: at(2) });
    r.removePeer(alice);
    expect(r.awareness.getStates().has(11)).toBe(true);
    r.removePeer(aliceAgain);
    expect(r.awareness.getStates().has(11)).toBe(false);
  });

  it('limits ids per connection and state size, and refuses garbage as malformed', () => {
    const { relay: r } = relay();
    const alice = peer(user('alice', 'france'));
    for (const id of [1, 2, 3]) r.receive(alice, update(id, { cursor: at(id) }));
    expect([...r.awareness.getStates().keys()].sort()).toEqual([1, 2]);
    r.receive(alice, update(1, { big: 'x'.repeat(500) }, 2));
    expect(r.awareness.getStates().get(1)).toMatchObject({ cursor: at(1) });
    expect(() => r.receive(alice, new Uint8Array([1, 1, 1, 3, 123]))).toThrow(MalformedMessage);
  });
});
