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
 * The stores behind it are interfaces so that, with several nodes, a shared (Redis-backed)
 * store can replace the in-memory one. The hot path must stay synchronous, so such a store
 * answers from tokens it leased in blocks from Redis (as rate-limiter-flexible's in-memory
 * block does) rather than with one round trip per frame.
 */
import type { RateLimit } from './rate-limit.js';

/** Token buckets by key; one bucket per key, created full. */
export interface RateBudgetStore {
  /** Takes one token from `key`'s bucket; false when none is left. */
  take(key: string, limit: RateLimit): boolean;
}

/** Counts of live things (connections) by key. */
export interface CountBudgetStore {
  /** Adds one to `key` unless it already holds `max`; the release undoes it (once). */
  acquire(key: string, max: number): (() => void) | undefined;
  count(key: string): number;
}

interface Bucket {
  tokens: number;
  last: number;
}

// Buckets that refilled are dropped during a sweep; a sweep runs at most this often.
const SWEEP_EVERY_MS = 60_000;

export class MemoryRateBudgetStore implements RateBudgetStore {
  private readonly buckets = new Map<string, Bucket & { limit: RateLimit }>();
  private lastSweep: number;

  constructor(private readonly now: () => number = performance.now.bind(performance)) {
    this.lastSweep = now();
  }

  take(key: string, limit: RateLimit): boolean {
    const at = this.now();
    this.sweep(at);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: limit.burst, last: at, limit };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(
      limit.burst,
      bucket.tokens + ((at - bucket.last) / 1000) * limit.perSecond,
    );
    bucket.last = at;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Number of buckets held (for tests: idle people cost no memory). */
  get size(): number {
    return this.buckets.size;
  }

  private sweep(at: number): void {
    if (at - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = at;
    for (const [key, bucket] of this.buckets) {
      const refilled = bucket.tokens + ((at - bucket.last) / 1000) * bucket.limit.perSecond;
      // A full bucket is the same as no bucket.
      if (refilled >= bucket.limit.burst) this.buckets.delete(key);
    }
  }
}

export class MemoryCountBudgetStore implements CountBudgetStore {
  private readonly counts = new Map<string, number>();

  acquire(key: string, max: number): (() => void) | undefined {
    const current = this.counts.get(key) ?? 0;
    if (current >= max) return undefined;
    this.counts.set(key, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left <= 0) this.counts.delete(key);
      else this.counts.set(key, left);
    };
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

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
