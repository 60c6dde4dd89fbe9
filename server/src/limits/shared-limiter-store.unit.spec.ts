// A Redis that takes a connection but never answers (stuck, or behind a dead link the client has
// not noticed yet) must not hold up a sign-in: past the timeout the node counts on its own.
import type { Options } from 'express-rate-limit';
import { describe, expect, it } from 'vitest';
import { SharedLimiterStore } from './shared-limiter-store.js';

describe('a shared limiter store whose Redis does not answer', () => {
  it('counts locally after the timeout, and says so once', async () => {
    const warnings: unknown[] = [];
    const store = new SharedLimiterStore({
      redis: { isReady: true, sendCommand: () => new Promise<never>(() => undefined) },
      prefix: 'test:stuck:',
      timeoutMs: 50,
      logger: { warn: (o: unknown) => warnings.push(o), info: () => undefined },
    });
    store.init({ windowMs: 60_000 } as Options);
    const started = performance.now();
    // The memory store hands back its own record, which the next hit changes: read it at once.
    const hits = [(await store.increment('ip:1')).totalHits];
    hits.push((await store.increment('ip:1')).totalHits);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(hits).toEqual([1, 2]);
    expect(warnings).toHaveLength(1);
    store.shutdown();
  });
});
