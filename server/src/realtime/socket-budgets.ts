/**
 * Per-person budgets of the socket.io gateway: how many sockets one user, and the members of one
 * delegation together, may hold on this node, and how many room requests one user may send per
 * second across all their sockets. Counting per person rather than per socket means that
 * opening more tabs, or reconnecting, neither multiplies nor resets what one participant may do.
 *
 *   const budgets = new SocketBudgets(limits);
 *   const admitted = budgets.admit(userId, stakeholderIds); // at the handshake
 *   if (!admitted.ok) refuse(admitted.over);
 *   admitted.release();                                   // when the socket goes away
 *   if (!budgets.takeRequest(userId)) answer('rate_limited');
 *
 * The counters are the same stores as the collaboration gateway's (limits/budget-stores.ts), so a shared store can
 * replace both when several nodes run.
 */
import {
  MemoryCountBudgetStore,
  MemoryRateBudgetStore,
  type CountBudgetStore,
  type RateBudgetStore,
} from '../limits/budget-stores.js';
import type { RateLimit } from '../limits/rate-limit.js';

export interface SocketLimits {
  /** Sockets one user may hold on this node, across all their tabs and devices. */
  maxConnectionsPerUser: number;
  /** Sockets the members of one delegation may hold together on this node. */
  maxConnectionsPerStakeholder: number;
  /** Room requests (joins and leaves) of one user across their sockets. */
  userRequestRate: RateLimit;
}

/** The defaults of config.ts (ACCORD_SOCKETIO_*), also used where no configuration is given. */
export const defaultSocketLimits: SocketLimits = {
  maxConnectionsPerUser: 20,
  maxConnectionsPerStakeholder: 200,
  userRequestRate: { perSecond: 10, burst: 40 },
};

export type Admission =
  { ok: true; release: () => void } | { ok: false; over: 'user' | 'stakeholder' };

export class SocketBudgets {
  constructor(
    readonly limits: SocketLimits,
    private readonly counts: CountBudgetStore = new MemoryCountBudgetStore(),
    private readonly rates: RateBudgetStore = new MemoryRateBudgetStore(),
  ) {}

  /**
   * Counts a new socket of the user against their own cap and that of every delegation they
   * belong to (a socket is not tied to one negotiation, so it weighs on each of them). Takes
   * nothing when any cap is reached.
   */
  admit(userId: string, stakeholderIds: readonly string[]): Admission {
    const user = this.counts.acquire(`user:${userId}`, this.limits.maxConnectionsPerUser);
    if (!user) return { ok: false, over: 'user' };
    const held = [user];
    for (const stakeholderId of new Set(stakeholderIds)) {
      const stakeholder = this.counts.acquire(
        `stakeholder:${stakeholderId}`,
        this.limits.maxConnectionsPerStakeholder,
      );
      if (!stakeholder) {
        for (const release of held) release();
        return { ok: false, over: 'stakeholder' };
      }
      held.push(stakeholder);
    }
    // Each store release is idempotent already; this one is too, whoever calls it first.
    return { ok: true, release: () => held.forEach((release) => release()) };
  }

  connectionsOf(userId: string): number {
    return this.counts.count(`user:${userId}`);
  }

  connectionsOfStakeholder(stakeholderId: string): number {
    return this.counts.count(`stakeholder:${stakeholderId}`);
  }

  /** Takes one request from the user's budget; false when it is spent. */
  takeRequest(userId: string): boolean {
    return this.rates.take(`request:user:${userId}`, this.limits.userRequestRate);
  }
}
