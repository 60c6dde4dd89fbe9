/**
 * Budget stores: token buckets and counters kept by key (a user, a delegation), shared by the
 * gateways that limit what one person may do across all their connections. Interfaces, so that
 * with several nodes a shared (Redis-backed) store can replace the in-memory one. The hot path
 * must stay synchronous, so such a store answers from tokens it leased in blocks from Redis (as
 * rate-limiter-flexible's in-memory block does) rather than with one round trip per frame.
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
