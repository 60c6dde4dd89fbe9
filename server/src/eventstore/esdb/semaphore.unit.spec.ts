// The write semaphore: a bound on what is in flight, first come first served, a timeout.
import { describe, expect, it } from 'vitest';
import { Semaphore, SemaphoreTimeout } from './semaphore.js';

describe('Semaphore', () => {
  it('lets `capacity` holders in and queues the rest in arrival order', async () => {
    const semaphore = new Semaphore(2);
    const order: string[] = [];
    const first = await semaphore.acquire(1_000);
    const second = await semaphore.acquire(1_000);

    const third = semaphore.acquire(1_000).then((release) => (order.push('third'), release));
    const fourth = semaphore.acquire(1_000).then((release) => (order.push('fourth'), release));
    await Promise.resolve();
    expect(semaphore.inFlight).toBe(2);
    expect(order).toEqual([]);

    first();
    (await third)();
    second();
    (await fourth)();

    expect(order).toEqual(['third', 'fourth']);
    expect(semaphore.inFlight).toBe(0);
  });

  it('gives up after the timeout and forgets the waiter', async () => {
    const semaphore = new Semaphore(1);
    const held = await semaphore.acquire(1_000);

    await expect(semaphore.acquire(5)).rejects.toBeInstanceOf(SemaphoreTimeout);

    held();
    expect(semaphore.inFlight).toBe(0);
  });

  it('ignores a second release', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire(1_000);

    release();
    release();

    expect(semaphore.inFlight).toBe(0);
  });

  it('idle() resolves when the last holder releases', async () => {
    const semaphore = new Semaphore(3);
    await semaphore.idle();
    const release = await semaphore.acquire(1_000);
    let idle = false;
    const waiting = semaphore.idle().then(() => (idle = true));

    await Promise.resolve();
    expect(idle).toBe(false);
    release();
    await waiting;

    expect(idle).toBe(true);
  });

  it('refuses a capacity below one', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
