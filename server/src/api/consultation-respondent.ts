/**
 * The respondent cookie of the public consultation page: a random value that lets a browser
 * answer a consultation once without an account. It is httpOnly, scoped to the public answering
 * endpoints, and reaches the log only as a SHA-256 mixed with the consultation's id, so the
 * same browser has unrelated keys in two consultations.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parse, serialize } from 'cookie';

export const RESPONDENT_COOKIE = 'accord_respondent';
const ONE_YEAR_S = 365 * 24 * 60 * 60;

const isHttps = (req: IncomingMessage): boolean =>
  (req.socket as { encrypted?: boolean }).encrypted === true ||
  req.headers['x-forwarded-proto'] === 'https';

export function respondentCookieOf(req: Pick<IncomingMessage, 'headers'>): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const value = parse(header)[RESPONDENT_COOKIE];
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
}

export const newRespondentCookieValue = (): string => randomBytes(32).toString('base64url');

export function respondentCookie(req: IncomingMessage, value: string): string {
  return serialize(RESPONDENT_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(req),
    path: '/api/public/consultations',
    maxAge: ONE_YEAR_S,
  });
}
