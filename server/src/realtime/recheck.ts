// Lookups that a revocation must not be overtaken by: a revocation marks every lookup then in
// flight for its key, and a marked lookup runs again, so nothing acts on what it read before.
//
//   const member = await memberships.run(() => membership(negotiationId, userId), () => key);
//   memberships.invalidate(key); // after a revocation, before re-reading

export class StaleLookup extends Error {
  override readonly name = 'StaleLookup';
}

export class Recheck<K> {
  private readonly inFlight = new Set<Set<K>>();

  constructor(private readonly maxAttempts = 5) {}

  invalidate(key: K): void {
    for (const marks of this.inFlight) marks.add(key);
  }

  /**
   * Runs `lookup` until no invalidation of the key it concerns arrived meanwhile. The key may
   * depend on the result (a session lookup learns its user only when it returns).
   */
  async run<T>(lookup: () => Promise<T>, concerns: (result: T) => K | undefined): Promise<T> {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const marks = new Set<K>();
      this.inFlight.add(marks);
      try {
        const result = await lookup();
        const key = concerns(result);
        if (key === undefined || !marks.has(key)) return result;
      } finally {
        this.inFlight.delete(marks);
      }
    }
    throw new StaleLookup(`Still revoked after ${this.maxAttempts} attempts`);
  }
}
