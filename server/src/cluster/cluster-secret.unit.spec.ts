// The nodes agree on one secret through Redis, and find each other again after Redis restarted
// empty and another node set a new one.
import { describe, expect, it } from 'vitest';
import { ClusterSecret, type SecretRedis } from './cluster-secret.js';

/** Redis as far as the secret uses it: SET NX and GET on one map. */
function fakeRedis(): SecretRedis & { flush(): void } {
  const values = new Map<string, string>();
  return {
    set(key, value) {
      if (values.has(key)) return Promise.resolve(null);
      values.set(key, value);
      return Promise.resolve('OK');
    },
    get: (key) => Promise.resolve(values.get(key) ?? null),
    flush: () => values.clear(),
  };
}

describe('ClusterSecret', () => {
  it('given two nodes on one Redis, when each reads the secret, then they hold the same one', async () => {
    const redis = fakeRedis();
    const [a, b] = [new ClusterSecret(redis), new ClusterSecret(redis)];
    const secret = await a.current();
    expect(secret.length).toBeGreaterThanOrEqual(40);
    expect(await b.current()).toBe(secret);
    expect(await b.accepts(secret)).toBe(true);
    expect(await b.accepts(undefined)).toBe(false);
    expect(await b.accepts('guessed')).toBe(false);
  });

  it('given Redis restarted empty, when a node sets a new secret, then the others accept it', async () => {
    const redis = fakeRedis();
    const [a, b] = [new ClusterSecret(redis), new ClusterSecret(redis)];
    const old = await a.current();
    await b.current();
    redis.flush();
    const fresh = await a.reread();
    expect(fresh).not.toBe(old);
    // b read Redis a moment ago: it refuses until a second has passed, then reads again.
    expect(await b.accepts(fresh)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    expect(await b.accepts(fresh)).toBe(true);
    expect(await b.accepts(old)).toBe(false);
  });

  it('given a configured secret, when nodes send and check it, then Redis is never asked', async () => {
    const redis = fakeRedis();
    let asked = 0;
    const counting: SecretRedis = {
      set: (...args) => ((asked += 1), redis.set(...args)),
      get: (key) => ((asked += 1), redis.get(key)),
    };
    const configured = 'c'.repeat(40);
    const [a, b] = [
      new ClusterSecret(counting, { configured }),
      new ClusterSecret(counting, { configured }),
    ];
    expect(await a.current()).toBe(configured);
    expect(await a.reread()).toBe(configured);
    expect(await b.accepts(configured)).toBe(true);
    expect(await b.accepts('d'.repeat(40))).toBe(false);
    expect(asked).toBe(0);
  });
});
