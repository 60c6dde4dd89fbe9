/**
 * The socket.io handshake's session check: the user behind the session cookie, with the moment
 * the session expires so the gateway can close the socket then rather than at its next
 * periodic check.
 *
 *   createSocketGateway({ authenticate: sessionAuthenticator({ accounts, queries }), ... });
 */
import type { IncomingMessage } from 'node:http';
import type { AccountService } from '../accounts/account-service.js';
import { sessionTokenOf } from '../accounts/session-cookie.js';
import { hashToken } from '../accounts/tokens.js';
import type { ReadModelQueries } from '../readmodels/queries.js';
import type { RealtimeSession } from './socket-gateway.js';

export function sessionAuthenticator(deps: {
  accounts: Pick<AccountService, 'authenticate'>;
  queries: Pick<ReadModelQueries, 'getSession'>;
}): (req: IncomingMessage) => Promise<RealtimeSession | undefined> {
  return (req) => {
    const token = sessionTokenOf(req);
    const user = deps.accounts.authenticate(token);
    if (!user || token === undefined) return Promise.resolve(undefined);
    const expiresAt = Date.parse(deps.queries.getSession(hashToken(token))?.expiresAt ?? '');
    return Promise.resolve({
      userId: user.userId,
      displayName: user.displayName,
      ...(Number.isFinite(expiresAt) ? { expiresAt } : {}),
    });
  };
}
