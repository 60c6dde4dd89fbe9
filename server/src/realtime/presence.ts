// Who is online in each negotiation, counted per socket so that a user with several tabs stays
// online until the last one leaves. In memory, so it sees this node's sockets only; with several
// nodes, cluster-presence.ts joins the other nodes' lists to it.
import type { PresenceEntry } from '@accord/shared';

interface Online {
  entry: PresenceEntry;
  sockets: Set<string>;
}

const sameEntry = (a: PresenceEntry, b: PresenceEntry): boolean =>
  a.userId === b.userId &&
  a.displayName === b.displayName &&
  a.stakeholderId === b.stakeholderId &&
  a.stakeholderName === b.stakeholderName &&
  a.role === b.role;

export class PresenceTracker {
  private readonly negotiations = new Map<string, Map<string, Online>>();

  /** Counts the socket in; true when the list others see changed. */
  add(negotiationId: string, socketId: string, entry: PresenceEntry): boolean {
    let users = this.negotiations.get(negotiationId);
    if (!users) this.negotiations.set(negotiationId, (users = new Map<string, Online>()));
    const online = users.get(entry.userId);
    if (!online) {
      users.set(entry.userId, { entry: { ...entry }, sockets: new Set([socketId]) });
      return true;
    }
    online.sockets.add(socketId);
    return this.replace(online, entry);
  }

  /** Counts the socket out; true when that took its user offline. */
  remove(negotiationId: string, userId: string, socketId: string): boolean {
    const users = this.negotiations.get(negotiationId);
    const online = users?.get(userId);
    if (!users || !online || !online.sockets.delete(socketId)) return false;
    if (online.sockets.size > 0) return false;
    users.delete(userId);
    if (users.size === 0) this.negotiations.delete(negotiationId);
    return true;
  }

  /** A new role or name for a user who is online; true when the list changed. */
  update(negotiationId: string, entry: PresenceEntry): boolean {
    const online = this.negotiations.get(negotiationId)?.get(entry.userId);
    return online ? this.replace(online, entry) : false;
  }

  /** The negotiations where someone is online on this node. */
  negotiationIds(): string[] {
    return [...this.negotiations.keys()];
  }

  online(negotiationId: string): PresenceEntry[] {
    const users = this.negotiations.get(negotiationId);
    if (!users) return [];
    return [...users.values()]
      .map(({ entry }) => ({ ...entry }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || (a.userId < b.userId ? -1 : 1));
  }

  private replace(online: Online, entry: PresenceEntry): boolean {
    if (sameEntry(online.entry, entry)) return false;
    online.entry = { ...entry };
    return true;
  }
}
