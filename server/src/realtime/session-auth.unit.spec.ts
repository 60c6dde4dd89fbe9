// The session checks of both live channels report when the session expires, so the gateways can
// close a connection at that moment.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../accounts/session-cookie.js';
import { hashToken } from '../accounts/tokens.js';
import { createCollabAuth } from '../collab/collab-auth.js';
import type { ReadModelQueries } from '../readmodels/queries.js';
import { sessionAuthenticator } from './session-auth.js';

const TOKEN = 'a'.repeat(32);
const expiresAt = '2026-12-04T18:00:00.000Z';
const user = { userId: 'u1', email: 'a@example.org', displayName: 'Ana' };
const accounts = {
  authenticate: (token: string | undefined) => (token === TOKEN ? user : undefined),
};
const getSession = (tokenHash: string) =>
  tokenHash === hashToken(TOKEN) ? { userId: 'u1', expiresAt } : undefined;
const request = (token?: string) =>
  ({ headers: token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}, url: '/' }) as IncomingMessage;

describe('session expiry for live connections', () => {
  it('socket.io: answers the user with the session’s expiry, and nothing without a session', async () => {
    const authenticate = sessionAuthenticator({ accounts, queries: { getSession } });
    expect(await authenticate(request(TOKEN))).toEqual({
      userId: 'u1',
      displayName: 'Ana',
      expiresAt: Date.parse(expiresAt),
    });
    expect(await authenticate(request('x'.repeat(30)))).toBeUndefined();
    expect(await authenticate(request())).toBeUndefined();
  });

  it('collaboration: the hook’s answer carries the session’s expiry', async () => {
    const queries = {
      getSession,
      getDocumentAccess: () => ({ negotiationId: 'n1', mode: 'open-drafting', adopted: false }),
      getMembership: () => ({ stakeholderId: 's1', role: 'delegate' }),
      getStakeholder: () => ({ stakeholderId: 's1', name: 'France' }),
    } as unknown as Pick<
      ReadModelQueries,
      'getDocumentAccess' | 'getMembership' | 'getStakeholder' | 'getSession'
    >;
    const hook = createCollabAuth({ accounts, queries });
    const answer = await hook.authenticate(request(TOKEN), 'd1');
    expect(answer).toMatchObject({ ok: true, expiresAt: Date.parse(expiresAt) });
    expect(await hook.authenticate(request(), 'd1')).toEqual({ ok: false, status: 401 });
  });
});
