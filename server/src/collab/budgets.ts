/**
 * Per-person budgets: rate limits and connection counts kept per user and per stakeholder
 * across all their connections on this node, so that opening more sockets or reconnecting
 * neither multiplies nor resets what one person (or one delegation) may do.
 *
 *   const budgets = new CollabBudgets(limits);
 *   const release = budgets.admit(user); // undefined: too many connections
 *   if (!budgets.takeUpdate(user).ok) close(4429);
 *   release();                            // when the connection closes
 *
 * The stores behind it are in `limits/budget-stores.ts`, shared with the socket.io gateway.
 */
import {
  MemoryCountBudgetStore,
  MemoryRateBudgetStore,
  type CountBudgetStore,
  type RateBudgetStore,
} from '../limits/budget-stores.js';
import type { RateLimit } from '../limits/rate-limit.js';

export interface PersonLimits {
  /** Document updates of one user across all their connections; excess closes with 4429. */
  userUpdateRate: RateLimit;
  /** Document updates of one delegation (all its users); excess closes with 4429. */
  stakeholderUpdateRate: RateLimit;
  /** Awareness updates of one user across their connections; excess dropped. */
  userAwarenessRate: RateLimit;
  /** Awareness updates of one delegation; excess dropped. */
  stakeholderAwarenessRate: RateLimit;
  /** Live collaboration connections one user may hold on this node. */
  maxConnectionsPerUser: number;
  /** Live collaboration connections one delegation may hold on this node. */
  maxConnectionsPerStakeholder: number;
}

export const defaultPersonLimits: PersonLimits = {
  userUpdateRate: { perSecond: 150, burst: 600 },
  stakeholderUpdateRate: { perSecond: 400, burst: 1600 },
  userAwarenessRate: { perSecond: 30, burst: 60 },
  stakeholderAwarenessRate: { perSecond: 120, burst: 240 },
  maxConnectionsPerUser: 20,
  maxConnectionsPerStakeholder: 200,
};

export interface Person {
  userId: string;
  stakeholderId: string;
}

export type BudgetVerdict = { ok: true } | { ok: false; over: 'user' | 'stakeholder' };

export class CollabBudgets {
  constructor(
    readonly limits: PersonLimits,
    private readonly rates: RateBudgetStore = new MemoryRateBudgetStore(),
    private readonly counts: CountBudgetStore = new MemoryCountBudgetStore(),
  ) {}

  /** Counts a new connection for the person; undefined when they are at their cap. */
  admit(person: Person): (() => void) | undefined {
    const user = this.counts.acquire(`user:${person.userId}`, this.limits.maxConnectionsPerUser);
    if (!user) return undefined;
    const stakeholder = this.counts.acquire(
      `stakeholder:${person.stakeholderId}`,
      this.limits.maxConnectionsPerStakeholder,
    );
    if (!stakeholder) {
      user();
      return undefined;
    }
    return () => {
      user();
      stakeholder();
    };
  }

  connectionsOf(userId: string): number {
    return this.counts.count(`user:${userId}`);
  }

  takeUpdate(person: Person): BudgetVerdict {
    return this.take(
      'update',
      person,
      this.limits.userUpdateRate,
      this.limits.stakeholderUpdateRate,
    );
  }

  takeAwareness(person: Person): BudgetVerdict {
    return this.take(
      'awareness',
      person,
      this.limits.userAwarenessRate,
      this.limits.stakeholderAwarenessRate,
    );
  }

  private take(
    kind: string,
    person: Person,
    user: RateLimit,
    stakeholder: RateLimit,
  ): BudgetVerdict {
    // The user's own bucket first: one noisy user should not drain their delegation's budget
    // once they are already over their own.
    if (!this.rates.take(`${kind}:user:${person.userId}`, user)) return { ok: false, over: 'user' };
    if (!this.rates.take(`${kind}:stakeholder:${person.stakeholderId}`, stakeholder))
      return { ok: false, over: 'stakeholder' };
    return { ok: true };
  }
}
