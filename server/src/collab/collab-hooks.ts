/**
 * The typed hooks through which the collaboration gateway asks the rest of Accord for decisions
 * it must not make itself (who the user is, whether they may write). Who a change is attributed
 * to (`Attribution`) belongs to the text's log, in text/text-history.ts.
 *
 *   const hooks: CollabHooks = {
 *     authenticate: async (req, documentId) => authorizeFromSessionCookie(req.headers.cookie, documentId),
 *   };
 */
import type { IncomingMessage } from 'node:http';
import type { Role } from '@accord/shared';
import type { TextRules } from './schema-check.js';

/** The authenticated person behind a connection, as other participants see them. */
export interface CollabUser {
  userId: string;
  displayName: string;
  /** The delegation (or organisation) the user acts for. */
  stakeholderId: string;
  stakeholderName: string;
  /** CSS colour of the user's cursor and selection. */
  color: string;
  /** The role they act in, shown to others (the projector follows the chair). */
  role?: Role;
}

export type CollabAuthResult =
  | {
      ok: true;
      user: CollabUser;
      canWrite: boolean;
      readOnlyReason?: string;
      /** When the session ends by itself (ms since the epoch): the hook is asked again then. */
      expiresAt?: number;
    }
  /** 423: a segment the user's role may not follow has not been released (CollabUpgradeStatus). */
  | { ok: false; status: 401 | 403 | 404 | 423 };

/**
 * What the hook may read of the upgrade request. The gateway keeps exactly this (not the
 * request) for `refreshAccess`, so a hook that passes on the upgrade behaves the same on refresh.
 */
export type CollabAuthRequest = Pick<IncomingMessage, 'headers' | 'url'>;

export interface CollabHooks {
  /**
   * Runs in the HTTP `upgrade` handler, before any websocket exists, and again for every open
   * connection on `refreshAccess`. Must check the session (cookie, never a URL token) and the
   * request's Origin (a cookie-authenticated websocket is otherwise open to cross-site
   * hijacking), and decide from the permission matrix and the document's mode whether the
   * connection may write. Declared as a property so that a hook typed for a full
   * IncomingMessage does not compile: on refresh only the headers and URL exist.
   */
  authenticate: (req: CollabAuthRequest, documentId: string) => Promise<CollabAuthResult>;
  /**
   * What the document's state says about its text (its paragraphs agreed ad ref, which no
   * update may change). Asked when the document loads and on `refreshTextRules`; without the
   * hook every paragraph is open. A hook that throws fails closed: the document does not load.
   */
  textRules?: (documentId: string) => Promise<TextRules>;
}
