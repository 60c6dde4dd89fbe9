/**
 * A store for express-rate-limit's HTTP limiters (REST writes, sign-in attempts, public answers)
 * that several nodes share through Redis, so a budget holds across every node a browser or a
 * script reaches: without it, a guesser spread over three nodes gets three times the sign-in
 * attempts. The counting is rate-limit-redis's (one Lua script per hit). While Redis is not
 * reachable each node counts on its own, as the gateways' budgets do (redis-budget-stores.ts),
 * and the shared counts take over again once it is back.
 */
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import { MemoryStore } from 'express-rate-limit';
import type { Logger } from 'pino';
import { RedisStore } from 'rate-limit-redis';
import type { RateBudgetStore } from './budget-stores.js';

/** Budgets of the REST API that several nodes share. */
export interface SharedLimits {
  /** A store for one express-rate-limit limiter (each limiter needs its own). */
  limiterStore(name: string): Store;
  /** Token buckets per key (the public consultation's answers per address). */
  rates: RateBudgetStore;
}

/** The part of a node-redis client the store uses. */
export interface LimiterRedis {
  readonly isReady: boolean;
  sendCommand(args: string[]): Promise<unknown>;
}

export interface SharedLimiterStoreOptions {
  redis: LimiterRedis;
  /** Keys in Redis begin with it; one per limiter ('accord:limit:sign-in:'). */
  prefix: string;
  logger?: Pick<Logger, 'warn' | 'info'>;
  /** Longest a count may wait for Redis before this node counts on its own. Default 500 ms. */
  timeoutMs?: number;
}

/** A Redis that accepts a connection but does not answer must not hold up sign-ins. */
const TIMEOUT_MS = 500;

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export class SharedLimiterStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  private readonly local = new MemoryStore();
  private readonly shared: RedisStore;
  private options: Options | undefined;
  /** The shared store's scripts must be loaded (again) before it counts. */
  private loaded: Promise<void> | undefined;
  private outage = false;

  constructor(private readonly settings: SharedLimiterStoreOptions) {
    this.prefix = settings.prefix;
    const { redis } = settings;
    this.shared = new RedisStore({
      sendCommand: (...args: string[]) => redis.sendCommand(args) as Promise<never>,
      prefix: settings.prefix,
    });
  }

  init(options: Options): void {
    this.options = options;
    this.local.init(options);
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const counted = await this.onShared((shared) => shared.increment(key));
    return counted ?? this.local.increment(key);
  }

  async decrement(key: string): Promise<void> {
    const done = await this.onShared(async (shared) => {
      await shared.decrement(key);
      return true;
    });
    if (!done) await this.local.decrement(key);
  }

  async resetKey(key: string): Promise<void> {
    await this.local.resetKey(key);
    await this.onShared(async (shared) => {
      await shared.resetKey(key);
      return true;
    });
  }

  shutdown(): void {
    this.local.shutdown();
  }

  /** Runs `work` on the shared store, or answers undefined when Redis cannot be used now. */
  private async onShared<T>(work: (shared: RedisStore) => Promise<T>): Promise<T | undefined> {
    if (!this.options) return undefined;
    if (!this.settings.redis.isReady) {
      this.markOutage('not connected');
      return undefined;
    }
    try {
      // rate-limit-redis loads its scripts in init() and never again after a failed load.
      const loaded = (this.loaded ??= this.shared.init(this.options));
      const result = await withinTime(
        loaded.then(() => work(this.shared)),
        this.settings.timeoutMs ?? TIMEOUT_MS,
      );
      if (this.outage) {
        this.outage = false;
        this.settings.logger?.info({ prefix: this.prefix }, 'limits: Redis back, counts shared');
      }
      return result;
    } catch (error) {
      this.loaded = undefined;
      this.markOutage(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  }

  private markOutage(reason: string): void {
    if (this.outage) return;
    this.outage = true;
    this.settings.logger?.warn(
      { prefix: this.prefix, reason },
      'limits: Redis unusable, each node counts on its own',
    );
  }
}
