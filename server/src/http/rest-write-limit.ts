/**
 * A budget of REST writes (POST, PUT, PATCH, DELETE under /api) per minute: per signed-in user,
 * and per address for requests without a session (sign-in, invitations). Past it, 429
 * `rate-limited` with Retry-After, before the route runs, so nothing is appended. Reads are
 * free; the live text has its own budgets (collab/README.md).
 */
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import { RateLimitedError } from '../application/errors.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RestWriteLimitOptions {
  /** Writes allowed per key in one minute (ACCORD_REST_WRITES_PER_MINUTE). */
  perMinute: number;
  /** The signed-in user's id, or undefined for a request without a valid session. */
  userIdOf(req: Request): string | undefined;
  windowMs?: number;
  /** Where the counts live: this process's memory unless given (several nodes share Redis). */
  store?: Store;
}

export function restWriteLimit(options: RestWriteLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs ?? 60_000,
    // A fixed window: a whole minute's budget may be spent at once, which is the burst allowed.
    limit: options.perMinute,
    ...(options.store ? { store: options.store } : {}),
    skip: (req) => !WRITE_METHODS.has(req.method),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Names this policy in the RateLimit headers, apart from the sign-in limiter's.
    identifier: 'rest-writes',
    keyGenerator: (req) => {
      const userId = options.userIdOf(req);
      return userId ? `user:${userId}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (_req, _res, next) => {
      next(
        new RateLimitedError('rate-limited', 'Too many changes in a short time', {
          detail: 'Wait a moment (see Retry-After), then try again.',
        }),
      );
    },
  });
}
