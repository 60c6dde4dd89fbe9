// Per-person budgets shared by two nodes through a real redis-server: what one node spends the
// other sees after a flush, a dead node's connections stop counting, and a Redis restart degrades
// to local budgets without refusing anyone wrongly.
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisCountBudgetStore, RedisRateBudgetStore } from './redis-budget-stores.js';
import { startThrowawayRedis, type ThrowawayRedis } from './test-support/throwaway-redis.js';

let redis: ThrowawayRedis;
const clients: { destroy(): void; readonly isReady: boolean }[] = [];
const closers: { close(): void }[] = [];

async function client() {
  const c = createClient({
    url: redis.url,
    socket: { reconnectStrategy: () => 50 },
  });
  c.on('error', () => undefined); // reconnects on its own; the stores log the outage
  await c.connect();
  clients.push(c);
  return c;
}

beforeAll(async () => {
  redis = await startThrowawayRedis();
});

afterAll(async () => {
  for (const c of closers) c.close();
  for (const c of clients) c.destroy();
  await redis.stop();
});

const limit = { perSecond: 0.001, burst: 10 }; // effectively no refill during the test

describe('a rate budget shared by two nodes', () => {
  it('lets a person spend their burst once across both nodes, not once per node', async () => {
    const [a, b] = [
      new RedisRateBudgetStore({ redis: await client(), nodeId: 'a', flushEveryMs: 60_000 }),
      new RedisRateBudgetStore({ redis: await client(), nodeId: 'b', flushEveryMs: 60_000 }),
    ];
    closers.push(a, b);
    const onA = Array.from({ length: 7 }, () => a.take('user:1', limit)).filter(Boolean).length;
    await a.flush();
    const onB = Array.from({ length: 7 }, () => b.take('user:1', limit)).filter(Boolean).length;
    await b.flush();
    // B did not know of A's seven yet, so its own bucket let seven through; the shared bucket
    // is now below zero and both nodes refuse from their next flush on.
    expect(onA).toBe(7);
    expect(onB).toBe(7);
    await a.flush();
    expect(b.take('user:1', limit)).toBe(false);
    a.take('user:1', limit); // A has not flushed since B overspent: one more goes through locally
    await a.flush();
    expect(a.take('user:1', limit)).toBe(false);
    // Someone else is untouched.
    expect(a.take('user:2', limit)).toBe(true);
  });
});

describe('a connection count shared by two nodes', () => {
  it('holds a per-person maximum across nodes and forgets a node that stopped', async () => {
    const a = new RedisCountBudgetStore({
      redis: await client(),
      nodeId: 'count-a',
      flushEveryMs: 60_000,
    });
    const b = new RedisCountBudgetStore({
      redis: await client(),
      nodeId: 'count-b',
      flushEveryMs: 60_000,
      nodeTtlMs: 300,
    });
    closers.push(a, b);
    const releases = [b.acquire('user:9', 3), b.acquire('user:9', 3)];
    expect(releases.every(Boolean)).toBe(true);
    await b.flush();
    expect(a.acquire('user:9', 3)).toBeDefined();
    await a.flush(); // A learns B holds two
    expect(a.count('user:9')).toBe(3);
    expect(a.acquire('user:9', 3)).toBeUndefined();

    releases[0]!();
    await b.flush();
    await a.flush();
    expect(a.count('user:9')).toBe(2);
    expect(a.acquire('user:9', 3)).toBeDefined();

    // B dies without releasing: once its heartbeat lapses, its connection no longer counts.
    b.close();
    await new Promise((resolve) => setTimeout(resolve, 400));
    await a.flush();
    expect(a.count('user:9')).toBe(2);
  });
});

describe('when Redis is down', () => {
  it('keeps deciding locally during the outage, says so once, and shares again afterwards', async () => {
    const warnings: unknown[] = [];
    const infos: unknown[] = [];
    const logger = { warn: (o: unknown) => warnings.push(o), info: (o: unknown) => infos.push(o) };
    const redisClient = await client();
    const a = new RedisRateBudgetStore({
      redis: redisClient,
      nodeId: 'outage-a',
      flushEveryMs: 60_000,
      logger,
    });
    closers.push(a);
    await redis.kill();
    // Local budgets still apply: the burst goes through, the eleventh is refused.
    const taken = Array.from({ length: 11 }, () => a.take('user:5', limit)).filter(Boolean).length;
    expect(taken).toBe(10);
    await a.flush();
    await a.flush();
    expect(warnings).toHaveLength(1);

    await redis.start();
    await expect.poll(() => redisClient.isReady, { timeout: 5_000 }).toBe(true);
    await a.flush();
    expect(infos).toHaveLength(1);
    // The new, empty Redis holds a fresh shared bucket; spending there is shared again.
    const b = new RedisRateBudgetStore({
      redis: await client(),
      nodeId: 'outage-b',
      flushEveryMs: 60_000,
    });
    closers.push(b);
    for (let i = 0; i < 10; i += 1) b.take('user:6', limit);
    await b.flush();
    a.take('user:6', limit);
    await a.flush();
    expect(a.take('user:6', limit)).toBe(false);
  });
});
