/**
 * The collaboration gateway's authentication hook: the session cookie says who, the Origin
 * header that the browser sent it from here, the membership what they act as, and the
 * permission matrix with the document's mode whether they may type.
 */
import { can, CollabUpgradeStatus } from '@accord/shared';
import { segmentGate } from '../application/segments/segment-gate.js';
import type { AccountService } from '../accounts/account-service.js';
import { isSameOrigin } from '../accounts/origin-check.js';
import { sessionTokenOf } from '../accounts/session-cookie.js';
import { hashToken } from '../accounts/tokens.js';
import type { CollabHooks } from './collab-hooks.js';
import type { ReadModelQueries } from '../readmodels/queries.js';
import { stakeholderColor } from './stakeholder-color.js';

export function createCollabAuth(deps: {
  accounts: Pick<AccountService, 'authenticate'>;
  queries: Pick<
    ReadModelQueries,
    'getDocumentAccess' | 'getMembership' | 'getStakeholder' | 'getSession'
  > &
    Partial<Pick<ReadModelQueries, 'listSegments'>>;
}): CollabHooks {
  const { accounts, queries } = deps;
  return {
    authenticate: (req, documentId) => {
      if (!isSameOrigin(req)) return Promise.resolve({ ok: false, status: 403 });
      const token = sessionTokenOf(req);
      const user = accounts.authenticate(token);
      if (!user || token === undefined) return Promise.resolve({ ok: false, status: 401 });
      // The gateway asks again at this moment, so an expired session does not keep its socket.
      const session = queries.getSession(hashToken(token));
      const expiresAt = session ? Date.parse(session.expiresAt) : undefined;
      const document = queries.getDocumentAccess(documentId);
      if (!document) return Promise.resolve({ ok: false, status: 404 });
      const membership = queries.getMembership(document.negotiationId, user.userId);
      // Not a member: answer as if the document did not exist, so ids do not leak.
      if (!membership) return Promise.resolve({ ok: false, status: 404 });
      // The live text runs past the horizon of a role a segment excludes: no connection until
      // the segment's material is released (the client reads the text as of its horizon).
      const segments = queries.listSegments?.(document.negotiationId) ?? [];
      if (segmentGate(segments, membership.role))
        return Promise.resolve({ ok: false, status: CollabUpgradeStatus.SegmentClosed });
      const stakeholder = queries.getStakeholder(document.negotiationId, membership.stakeholderId);
      const mayEdit = can(membership.role, 'text.edit', document.mode);
      const canWrite = mayEdit && !document.adopted;
      // Why the text is read-only, so the editor can say so: a delegate in a formal document
      // tables amendments instead; observers and civil society never type.
      let readOnlyReason: string | undefined;
      if (document.adopted) readOnlyReason = 'adopted';
      else if (!mayEdit)
        readOnlyReason = can(membership.role, 'text.edit', 'open-drafting')
          ? 'formal-mode'
          : 'role';
      return Promise.resolve({
        ok: true,
        canWrite,
        ...(readOnlyReason ? { readOnlyReason } : {}),
        ...(expiresAt !== undefined && Number.isFinite(expiresAt) ? { expiresAt } : {}),
        user: {
          userId: user.userId,
          displayName: user.displayName,
          stakeholderId: membership.stakeholderId,
          stakeholderName: stakeholder?.name ?? '',
          color: stakeholderColor(membership.stakeholderId),
          role: membership.role,
        },
      });
    },
  };
}
