/**
 * Refuses state-changing requests sent by another site (CSRF): browsers attach `Origin` (and
 * `Sec-Fetch-Site`) to cross-site requests, so a mismatch with our own host is refused.
 * Requests without either header come from non-browser clients, which cannot carry a
 * victim's cookie, and pass.
 */
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { ForbiddenError } from '../application/errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSameOrigin(req: Pick<IncomingMessage, 'headers'>): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function originCheck(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method) || isSameOrigin(req)) {
      next();
      return;
    }
    next(
      new ForbiddenError('cross-site-request', 'Cross-site request refused', {
        detail: 'This request came from another site.',
      }),
    );
  };
}
