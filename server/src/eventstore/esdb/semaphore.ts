/**
 * A counting semaphore that bounds how many writes are in flight at once, so a burst of
 * commands queues here instead of piling requests onto the gRPC channel. Waiters are served
 * in arrival order and give up after a timeout.
 *
 *   const release = await writes.acquire(10_000);
 *   try { await send(); } finally { release(); }
 */

/** A waiter gave up: every slot stayed taken for the whole timeout. */
export class SemaphoreTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no free slot within ${timeoutMs} ms`);
    this.name = 'SemaphoreTimeout';
  }
}

interface Waiter {
  grant(): void;
}

export class Semaphore {
  #inFlight = 0;
  readonly #waiters: Waiter[] = [];
  readonly #idleListeners: Array<() => void> = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`Semaphore capacity must be a positive integer, got ${capacity}`);
    }
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Resolves with a release function once a slot is free; call it exactly once. */
  acquire(timeoutMs: number): Promise<() => void> {
    if (this.#inFlight < this.capacity) {
      this.#inFlight += 1;
      return Promise.resolve(this.#releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve(this.#releaser());
        },
      };
      const timer = setTimeout(() => {
        const index = this.#waiters.indexOf(waiter);
        if (index >= 0) this.#waiters.splice(index, 1);
        reject(new SemaphoreTimeout(timeoutMs));
      }, timeoutMs);
      this.#waiters.push(waiter);
    });
  }

  /** Resolves when nothing is in flight (immediately if nothing is). */
  idle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleListeners.push(resolve));
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiters.shift();
      // The slot passes straight to the next waiter, so the count stays the same.
      if (next !== undefined) return next.grant();
      this.#inFlight -= 1;
      if (this.#inFlight === 0) for (const listener of this.#idleListeners.splice(0)) listener();
    };
  }
}
