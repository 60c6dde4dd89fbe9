/**
 * One document's awareness (cursors, selections, who is here), relayed between connections and
 * never stored. Each state's `user` is replaced by the connection's authenticated identity
 * before it is applied, so nobody can appear as another delegation, and a connection may only
 * speak for the awareness client ids it introduced. Of the rest, only a valid `cursor` (the
 * shared schema in shared/src/collab/awareness.ts) is forwarded.
 *
 *   const relay = new AwarenessRelay(doc, limits, (message) => broadcast(message));
 *   relay.receive(peer, awarenessUpdate); // throws MalformedMessage
 *   relay.removePeer(peer);               // on disconnect
 */
import { forwardableAwarenessFields } from '@accord/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { CollabUser } from './collab-hooks.js';
import { MalformedMessage, encodeAwarenessMessage } from './protocol.js';

export interface AwarenessPeer {
  readonly user: CollabUser;
  /** The awareness client ids this connection introduced (removed when it disconnects). */
  readonly awarenessClients: Set<number>;
}

export interface AwarenessLimits {
  /** A y-websocket client uses one id per document; a few allow for reconnect overlap. */
  maxClientsPerConnection: number;
  /** Largest JSON state accepted (in UTF-16 code units); larger states are dropped. */
  maxStateLength: number;
}

interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** What others see of a user; overwrites whatever the client put under `user`. */
export function awarenessIdentity(user: CollabUser): Record<string, string> {
  return {
    name: user.displayName,
    stakeholderId: user.stakeholderId,
    stakeholderName: user.stakeholderName,
    color: user.color,
    ...(user.role ? { role: user.role } : {}),
  };
}

export class AwarenessRelay {
  readonly awareness: Awareness;
  private readonly owners = new Map<number, AwarenessPeer>();

  constructor(
    doc: Y.Doc,
    private readonly limits: AwarenessLimits,
    onChange: (message: Uint8Array, origin: unknown) => void,
  ) {
    this.awareness = new Awareness(doc);
    // The server is not a participant: without this, its empty state would show as a user.
    this.awareness.setLocalState(null);
    this.awareness.on(
      'update',
      (
        { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
        origin: unknown,
      ) => {
        const changed = [...added, ...updated, ...removed];
        if (changed.length > 0) {
          onChange(encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, changed)), origin);
        }
      },
    );
  }

  /** Applies a client's awareness update with its identity enforced. */
  receive(peer: AwarenessPeer, update: Uint8Array): void {
    const accepted: AwarenessEntry[] = [];
    for (const entry of decodeEntries(update, this.limits.maxStateLength)) {
      if (!this.mayControl(peer, entry.clientId)) continue;
      if (entry.state === null) {
        accepted.push(entry);
        continue;
      }
      // Only the fields of the shared schema travel on, and only when valid: a malformed caret
      // is dropped here rather than drawn (or crashed on) by every other browser.
      accepted.push({
        ...entry,
        state: { ...forwardableAwarenessFields(entry.state), user: awarenessIdentity(peer.user) },
      });
    }
    if (accepted.length > 0) applyAwarenessUpdate(this.awareness, encodeEntries(accepted), peer);
  }

  /** Removes the states a disconnected connection introduced; others are told at once. */
  removePeer(peer: AwarenessPeer): void {
    const ids = [...peer.awarenessClients].filter((id) => this.owners.get(id) === peer);
    for (const id of ids) this.owners.delete(id);
    peer.awarenessClients.clear();
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, peer);
  }

  /** Every current state, for a connection that just joined; undefined when nobody is here. */
  currentStatesMessage(): Uint8Array | undefined {
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length === 0) return undefined;
    return encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, ids));
  }

  destroy(): void {
    this.owners.clear();
    this.awareness.destroy();
  }

  private mayControl(peer: AwarenessPeer, clientId: number): boolean {
    if (clientId === this.awareness.clientID) return false;
    const owner = this.owners.get(clientId);
    if (owner === peer) return true;
    // The same user reconnecting keeps their client id while the old socket may not have
    // closed yet: hand the id over. Anyone else's id is off limits.
    if (owner !== undefined && owner.user.userId !== peer.user.userId) return false;
    if (peer.awarenessClients.size >= this.limits.maxClientsPerConnection) return false;
    owner?.awarenessClients.delete(clientId);
    this.owners.set(clientId, peer);
    peer.awarenessClients.add(clientId);
    return true;
  }
}

function decodeEntries(update: Uint8Array, maxStateLength: number): AwarenessEntry[] {
  const entries: AwarenessEntry[] = [];
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (json.length > maxStateLength) continue;
      const state: unknown = JSON.parse(json);
      // Only objects (or null for "gone") can carry an identity; anything else is dropped.
      if (state === null || isPlainObject(state)) entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(decoder))
      throw new MalformedMessage('Trailing bytes in awareness update');
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage('Undecodable awareness update', { cause: error });
  }
  return entries;
}

function encodeEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
