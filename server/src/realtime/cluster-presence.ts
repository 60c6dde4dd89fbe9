// Who is online across several nodes. Each node tracks its own sockets (presence.ts) and tells
// the others its list for a negotiation whenever it changes, and again every few seconds; what a
// node shows its sockets is its own list joined with the other nodes' latest ones. A node that
// dies stops telling, and its list is dropped once it is older than `staleAfterMs`, so its users
// go offline everywhere without anyone having to notice the death.
import type { PresenceEntry } from '@accord/shared';

/** One node's list of who is online in one negotiation, as sent between nodes. */
export interface PresenceShare {
  node: string;
  negotiationId: string;
  online: PresenceEntry[];
}

interface Heard {
  online: PresenceEntry[];
  at: number;
}

const byName = (a: PresenceEntry, b: PresenceEntry): number =>
  a.displayName.localeCompare(b.displayName) || (a.userId < b.userId ? -1 : 1);

const sameList = (a: readonly PresenceEntry[], b: readonly PresenceEntry[]): boolean =>
  a.length === b.length && a.every((entry, i) => JSON.stringify(entry) === JSON.stringify(b[i]));

export class ClusterPresence {
  /** negotiation → node → its latest list. */
  private readonly heard = new Map<string, Map<string, Heard>>();

  constructor(private readonly staleAfterMs: number) {}

  /**
   * Keeps another node's list; true when it changes what this node shows (given its own list).
   * An empty list is forgotten at once: that node has nobody there any more.
   */
  receive(share: PresenceShare, local: readonly PresenceEntry[], now: number): boolean {
    const before = this.joined(share.negotiationId, local, now);
    let nodes = this.heard.get(share.negotiationId);
    if (share.online.length === 0) {
      nodes?.delete(share.node);
      if (nodes?.size === 0) this.heard.delete(share.negotiationId);
    } else {
      if (!nodes) this.heard.set(share.negotiationId, (nodes = new Map<string, Heard>()));
      nodes.set(share.node, { online: share.online, at: now });
    }
    return !sameList(before, this.joined(share.negotiationId, local, now));
  }

  /**
   * Drops the lists of nodes not heard from in time; returns the negotiations where that
   * changed who is online.
   */
  expire(now: number): string[] {
    const changed: string[] = [];
    for (const [negotiationId, nodes] of this.heard) {
      for (const [node, heard] of nodes) {
        if (now - heard.at <= this.staleAfterMs) continue;
        nodes.delete(node);
        if (!changed.includes(negotiationId)) changed.push(negotiationId);
      }
      if (nodes.size === 0) this.heard.delete(negotiationId);
    }
    return changed;
  }

  /** This node's list joined with the others' fresh ones, one entry per user, by name. */
  joined(negotiationId: string, local: readonly PresenceEntry[], now: number): PresenceEntry[] {
    const users = new Map(local.map((entry) => [entry.userId, entry]));
    for (const heard of this.heard.get(negotiationId)?.values() ?? []) {
      if (now - heard.at > this.staleAfterMs) continue;
      for (const entry of heard.online)
        if (!users.has(entry.userId)) users.set(entry.userId, entry);
    }
    return [...users.values()].sort(byName);
  }
}
