/**
 * A token bucket: up to `burst` actions at once, refilled at `perSecond`. Used per connection
 * so one client cannot flood the others.
 *
 *   const limit = createTokenBucket({ perSecond: 20, burst: 40 });
 *   if (!limit.take()) return; // over the limit: drop
 */

export interface RateLimit {
  perSecond: number;
  burst: number;
}

export interface TokenBucket {
  /** Takes one token; false when none is left. */
  take(): boolean;
}

export function createTokenBucket(
  limit: RateLimit,
  now: () => number = performance.now.bind(performance),
): TokenBucket {
  if (!(limit.perSecond > 0) || !(limit.burst >= 1)) {
    throw new RangeError(`Invalid rate limit ${limit.perSecond}/s, burst ${limit.burst}`);
  }
  let tokens = limit.burst;
  let last = now();
  return {
    take() {
      const at = now();
      tokens = Math.min(limit.burst, tokens + ((at - last) / 1000) * limit.perSecond);
      last = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
