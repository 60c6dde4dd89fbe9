/**
 * Budget stores shared by several Accord nodes through Redis, so one person's budgets (messages per
 * second, live connections) hold across every node they reach, not per node.
 *
 * The gateways ask synchronously on every frame, so a Redis round trip cannot sit on that path.
 * Each node decides locally with an in-memory store and reconciles with Redis every `flushEveryMs`:
 * - rates: the node reports how many tokens each person took since the last flush to one token
 *   bucket per person in Redis (a Lua script, atomic); when the shared bucket is empty the node
 *   refuses that person locally until the shared bucket has refilled one token;
 * - counts: each node writes its own count per person into a Redis hash (one field per node) and
 *   reads the other live nodes' counts back; a node that stops heart-beating no longer counts.
 * A person spread over N nodes can therefore overshoot by what N-1 nodes allow within one flush
 * window (50 ms by default) — bounded, and far below what a flood needs. If Redis is unreachable the
 * nodes fall back to their local budgets (logged once per outage) and reconcile when it returns.
 */
import type { Logger } from 'pino';
import type { CountBudgetStore, RateBudgetStore } from './budget-stores.js';
import { MemoryCountBudgetStore, MemoryRateBudgetStore } from './budget-stores.js';
import type { RateLimit } from './rate-limit.js';

/** The part of a node-redis client these stores use. */
export interface BudgetRedis {
  readonly isReady: boolean;
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>;
}

export interface RedisBudgetOptions {
  redis: BudgetRedis;
  /** This node's id; its count fields and heartbeat are named after it. */
  nodeId: string;
  prefix?: string;
  flushEveryMs?: number;
  /** A node whose heartbeat is older than this no longer counts. */
  nodeTtlMs?: number;
  logger?: Pick<Logger, 'warn' | 'info'>;
  now?: () => number;
}

// Refill the person's shared bucket, take what this node used, return what is left (may be < 0).
const TAKE_TOKENS = `
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local used = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local held = redis.call('HMGET', KEYS[1], 'tokens', 'last')
local tokens = tonumber(held[1]) or burst
local last = tonumber(held[2]) or now
tokens = math.min(burst, tokens + (now - last) / 1000 * rate) - used
redis.call('HSET', KEYS[1], 'tokens', tokens, 'last', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) / rate * 1000) + 1000)
return tostring(tokens)
`;

// Write this node's count for a person, drop fields of nodes without a heartbeat, return the sum
// of the other live nodes' counts.
const SHARE_COUNT = `
local node = ARGV[1]
if tonumber(ARGV[2]) > 0 then
  redis.call('HSET', KEYS[1], node, ARGV[2])
else
  redis.call('HDEL', KEYS[1], node)
end
local fields = redis.call('HGETALL', KEYS[1])
local others = 0
for i = 1, #fields, 2 do
  if fields[i] ~= node then
    if redis.call('EXISTS', ARGV[3] .. fields[i]) == 1 then
      others = others + tonumber(fields[i + 1])
    else
      redis.call('HDEL', KEYS[1], fields[i])
    end
  end
end
return others
`;

const HEARTBEAT = `redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) return 1`;

/** The reconciliation loop both stores share: a timer, a heartbeat, outage logging. */
abstract class RedisReconciler {
  protected readonly redis: BudgetRedis;
  protected readonly nodeId: string;
  protected readonly prefix: string;
  private readonly nodeTtlMs: number;
  private readonly logger?: Pick<Logger, 'warn' | 'info'>;
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> | undefined;
  private outage = false;

  constructor(options: RedisBudgetOptions) {
    this.redis = options.redis;
    this.nodeId = options.nodeId;
    this.prefix = options.prefix ?? 'accord:budget:';
    this.nodeTtlMs = options.nodeTtlMs ?? 15_000;
    this.logger = options.logger;
    this.timer = setInterval(() => void this.flush(), options.flushEveryMs ?? 50);
    this.timer.unref();
  }

  protected nodeKey(nodeId: string): string {
    return `${this.prefix}node:${nodeId}`;
  }

  /** Reconciles with Redis now; resolves when done (tests call it to skip the timer). */
  flush(): Promise<void> {
    this.flushing ??= this.reconcileOnce().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  close(): void {
    clearInterval(this.timer);
  }

  protected abstract reconcile(): Promise<void>;

  private async reconcileOnce(): Promise<void> {
    if (!this.redis.isReady) return this.markOutage('not connected');
    try {
      await this.redis.eval(HEARTBEAT, {
        keys: [this.nodeKey(this.nodeId)],
        arguments: [String(this.nodeTtlMs)],
      });
      await this.reconcile();
      if (this.outage) {
        this.outage = false;
        this.logger?.info('budgets: Redis is back, per-person budgets are shared again');
      }
    } catch (error) {
      this.markOutage(error instanceof Error ? error.message : String(error));
    }
  }

  private markOutage(reason: string): void {
    if (this.outage) return;
    this.outage = true;
    this.logger?.warn({ reason }, 'budgets: Redis unreachable, each node keeps its own budgets');
  }
}

export class RedisRateBudgetStore extends RedisReconciler implements RateBudgetStore {
  private readonly local: MemoryRateBudgetStore;
  private readonly now: () => number;
  /** Tokens taken locally since the last flush, per person. */
  private readonly used = new Map<string, { count: number; limit: RateLimit }>();
  /** People the shared bucket refused, until when (local clock). */
  private readonly blockedUntil = new Map<string, number>();

  constructor(options: RedisBudgetOptions) {
    super(options);
    this.now = options.now ?? performance.now.bind(performance);
    this.local = new MemoryRateBudgetStore(this.now);
  }

  take(key: string, limit: RateLimit): boolean {
    const blocked = this.blockedUntil.get(key);
    if (blocked !== undefined) {
      if (blocked > this.now()) return false;
      this.blockedUntil.delete(key);
    }
    if (!this.local.take(key, limit)) return false;
    const entry = this.used.get(key);
    if (entry) entry.count += 1;
    else this.used.set(key, { count: 1, limit });
    return true;
  }

  protected async reconcile(): Promise<void> {
    const batch = [...this.used];
    this.used.clear();
    for (const [key, { count, limit }] of batch) {
      const left = Number(
        await this.redis.eval(TAKE_TOKENS, {
          keys: [`${this.prefix}rate:${key}`],
          arguments: [String(limit.burst), String(limit.perSecond), String(count)],
        }),
      );
      // Below one token the person waits until the shared bucket refills to one.
      if (left < 1) this.blockedUntil.set(key, this.now() + ((1 - left) / limit.perSecond) * 1000);
    }
  }
}

export class RedisCountBudgetStore extends RedisReconciler implements CountBudgetStore {
  private readonly local = new MemoryCountBudgetStore();
  /** The other live nodes' counts per person, as of the last flush. */
  private readonly others = new Map<string, number>();
  /** People whose count this node must share (changed, or still held here). */
  private readonly tracked = new Set<string>();

  acquire(key: string, max: number): (() => void) | undefined {
    const elsewhere = this.others.get(key) ?? 0;
    const release = this.local.acquire(key, max - elsewhere);
    if (!release) return undefined;
    this.tracked.add(key);
    return () => {
      release();
      this.tracked.add(key);
    };
  }

  count(key: string): number {
    return this.local.count(key) + (this.others.get(key) ?? 0);
  }

  protected async reconcile(): Promise<void> {
    for (const key of [...this.tracked]) {
      const mine = this.local.count(key);
      const elsewhere = Number(
        await this.redis.eval(SHARE_COUNT, {
          keys: [`${this.prefix}count:${key}`],
          arguments: [this.nodeId, String(mine), this.nodeKey('')],
        }),
      );
      if (elsewhere > 0) this.others.set(key, elsewhere);
      else this.others.delete(key);
      // Keep following people held here; forget the rest once shared as zero.
      if (mine === 0) this.tracked.delete(key);
    }
  }
}
