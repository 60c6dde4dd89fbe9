// The REST limits shared by two nodes through a real redis-server: the sign-in limiter of two
// express apps (two nodes) counts one address's attempts once, not once per node; with Redis
// gone each node counts on its own, says so once, and nobody gets an error; with Redis back the
// counts are shared again.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginRateLimit } from '../accounts/login-rate-limit.js';
import { sendProblem, toProblem } from '../http/problem.js';
import { SharedLimiterStore } from './shared-limiter-store.js';
import { startThrowawayRedis, type ThrowawayRedis } from './test-support/throwaway-redis.js';

let redis: ThrowawayRedis;
const stops: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  redis = await startThrowawayRedis();
});

afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
  await redis.stop();
});

async function redisClient() {
  const client = createClient({ url: redis.url, socket: { reconnectStrategy: () => 50 } });
  client.on('error', () => undefined); // reconnects on its own; the store logs the outage
  await client.connect();
  stops.push(() => client.destroy());
  return client;
}

/** A node: an express app whose sign-in route allows `limit` failed attempts per address. */
async function node(prefix: string, limit: number, logger?: SharedLimiterStoreLogger) {
  const client = await redisClient();
  const store = new SharedLimiterStore({
    redis: client,
    prefix,
    ...(logger ? { logger } : {}),
  });
  const app = express();
  app.use(express.json());
  app.post('/session', loginRateLimit({ limit, store }), (_req, res) => {
    res.status(401).json({ type: 'wrong-password' }); // a failed attempt: it counts
  });
  // As the app answers errors: problem+json, 429 for a refused attempt.
  const answer: ErrorRequestHandler = (error, _req, res, next) => {
    void next;
    sendProblem(res, toProblem(error));
  };
  app.use(answer);
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  stops.push(async () => {
    server.close();
    await once(server, 'close');
  });
  const { port } = server.address() as AddressInfo;
  const attempt = async () =>
    (
      await fetch(`http://127.0.0.1:${port}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'guess@example.org' }),
      })
    ).status;
  return Object.assign(attempt, { client });
}

type SharedLimiterStoreLogger = { warn(o: unknown): void; info(o: unknown): void };

describe('an HTTP limit shared by two nodes', () => {
  it('counts one address’s sign-in attempts across both nodes', async () => {
    const [a, b] = [await node('test:both:', 4), await node('test:both:', 4)];
    const statuses = [await a(), await b(), await a(), await b(), await a(), await b()];
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('counts on each node while Redis is down, and shares again once it is back', async () => {
    const warnings: unknown[] = [];
    const infos: unknown[] = [];
    const logger = { warn: (o: unknown) => warnings.push(o), info: (o: unknown) => infos.push(o) };
    const a = await node('test:outage:', 2, logger);
    const b = await node('test:outage:', 2);
    expect(await a()).toBe(401);
    await redis.kill();
    // Local counts apply meanwhile: two more attempts on this node, then refused; no 500.
    expect([await a(), await a(), await a()]).toEqual([401, 401, 429]);
    expect(warnings).toHaveLength(1);

    await redis.start();
    await expect.poll(() => a.client.isReady && b.client.isReady, { timeout: 5_000 }).toBe(true);
    // The new Redis is empty: the two nodes share a fresh count again.
    expect([await b(), await b(), await b()]).toEqual([401, 401, 429]);
    expect(await a()).toBe(429);
    expect(infos).toHaveLength(1);
  });
});
