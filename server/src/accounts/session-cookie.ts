/**
 * The session cookie: httpOnly so scripts cannot read it, SameSite=Lax so other sites cannot
 * send it with their requests, Secure behind HTTPS. Read the same way by express routes, the
 * socket.io handshake and the collaboration websocket upgrade.
 */
import type { IncomingMessage } from 'node:http';
import { parse, serialize } from 'cookie';

export const SESSION_COOKIE = 'accord_session';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000; // a long negotiating day

const isHttps = (req: IncomingMessage): boolean =>
  (req.socket as { encrypted?: boolean }).encrypted === true ||
  req.headers['x-forwarded-proto'] === 'https';

export function sessionTokenOf(req: Pick<IncomingMessage, 'headers'>): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const token = parse(header)[SESSION_COOKIE];
  return token && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : undefined;
}

export function sessionCookie(req: IncomingMessage, token: string, expires: Date): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(req),
    path: '/',
    expires,
  });
}

export function clearedSessionCookie(req: IncomingMessage): string {
  return serialize(SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(req),
    path: '/',
    maxAge: 0,
  });
}
