// Slows password guessing: a few failed sign-ins per address and e-mail, then a wait.
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import { RateLimitedError } from '../application/errors.js';

export function loginRateLimit(
  options: {
    limit?: number;
    windowMs?: number;
    /** Where the counts live: this process's memory unless given (several nodes share Redis). */
    store?: Store;
  } = {},
): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs ?? 15 * 60 * 1000,
    limit: options.limit ?? 10,
    ...(options.store ? { store: options.store } : {}),
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const email = (req.body as { email?: unknown } | undefined)?.email;
      return `${ipKeyGenerator(req.ip ?? 'unknown')}|${typeof email === 'string' ? email.toLowerCase().slice(0, 200) : ''}`;
    },
    handler: (_req, _res, next) => {
      next(
        new RateLimitedError('too-many-attempts', 'Too many sign-in attempts', {
          detail: 'Wait a few minutes, then try again.',
        }),
      );
    },
  });
}
