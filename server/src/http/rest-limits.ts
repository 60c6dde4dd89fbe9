/**
 * Per-minute budgets of REST requests, refused before the route runs (so nothing is appended)
 * with 429 `rate-limited` and Retry-After:
 * - writes (POST, PUT, PATCH, DELETE under /api): per signed-in user, and per address for
 *   requests without a session (sign-in, invitations); reads are free;
 * - reads of the public pages' endpoints (/api/public/…, no account): per address. Generous by
 *   default, since a conference venue puts hundreds of visitors behind one address.
 * The live text has its own budgets (collab/README.md).
 */
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import { RateLimitedError } from '../application/errors.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface MinuteLimitOptions {
  /** Requests allowed per key in one minute. */
  perMinute: number;
  windowMs?: number;
  /** Where the counts live: this process's memory unless given (several nodes share Redis). */
  store?: Store;
}

export interface RestWriteLimitOptions extends MinuteLimitOptions {
  /** The signed-in user's id, or undefined for a request without a valid session. */
  userIdOf(req: Request): string | undefined;
}

const addressOf = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');

function minuteLimit(
  options: MinuteLimitOptions & {
    /** Names the policy in the RateLimit headers. */
    identifier: string;
    counts: (req: Request) => boolean;
    keyOf: (req: Request) => string;
    title: string;
  },
): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs ?? 60_000,
    // A fixed window: a whole minute's budget may be spent at once, which is the burst allowed.
    limit: options.perMinute,
    ...(options.store ? { store: options.store } : {}),
    skip: (req) => !options.counts(req),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: options.identifier,
    keyGenerator: options.keyOf,
    handler: (_req, _res, next) => {
      next(
        new RateLimitedError('rate-limited', options.title, {
          detail: 'Wait a moment (see Retry-After), then try again.',
        }),
      );
    },
  });
}

export function restWriteLimit(options: RestWriteLimitOptions): RequestHandler {
  return minuteLimit({
    ...options,
    identifier: 'rest-writes',
    counts: (req) => WRITE_METHODS.has(req.method),
    keyOf: (req) => {
      const userId = options.userIdOf(req);
      return userId ? `user:${userId}` : `ip:${addressOf(req)}`;
    },
    title: 'Too many changes in a short time',
  });
}

/** Mounted on /api/public: every request there is a read by someone without an account. */
export function publicReadLimit(options: MinuteLimitOptions): RequestHandler {
  return minuteLimit({
    ...options,
    identifier: 'public-reads',
    counts: (req) => req.method === 'GET' || req.method === 'HEAD',
    keyOf: (req) => `ip:${addressOf(req)}`,
    title: 'Too many requests from this address',
  });
}
