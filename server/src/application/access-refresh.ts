/**
 * The one path by which open live connections learn that who may read or write has changed
 * (and, for the text, which paragraphs are locked).
 * It reacts to the read models' changes (mode switched, document adopted, member admitted,
 * re-roled or revoked), whichever node made them, and asks every holder of live connections
 * (the Yjs gateway, the socket.io gateway) to re-decide them. Routes do not call it: the command
 * service waits for `settled()` after the read models reach the command's position, so a request
 * that changed access answers only once this node's connections were re-decided.
 *
 *   const access = createAccessRefresh({ changes: projector, documentsOf, logger });
 *   access.attach({ documentAccessChanged: (id) => collab.refreshAccess(id), signedOut });
 *   await projector.waitFor(position); await access.settled();
 *
 * A sign-out leaves no read-model change (sessions are never pushed), so it is the one explicit
 * call: `signedOut(userId)`, made by whoever ended the session.
 */
import type { Logger } from '../observability/logger.js';
import type { ReadModelChange } from '../readmodels/projection.js';

/** The events after which connections to a document, or to a negotiation's documents, are re-decided. */
export const ACCESS_EVENTS: ReadonlySet<string> = new Set([
  'DocumentModeChanged',
  'DocumentAdopted',
  'MemberRoleChanged',
  'MemberRevoked',
  'MemberAdmitted',
  // A segment that excludes some roles opened, or its material was released (segments/).
  'SegmentOpened',
  'SegmentReleased',
]);

/**
 * The events after which a document's text rules are re-read: the chair's gavel and its
 * reopening lock and unlock a paragraph's words for every live connection.
 */
export const TEXT_RULE_EVENTS: ReadonlySet<string> = new Set(['ParagraphStatusSet']);

/** The projector, or anything else that emits `'changes'` with read-model changes. */
export interface AccessChangeFeed {
  on(event: 'changes', listener: (changes: ReadModelChange[]) => void): unknown;
  off(event: 'changes', listener: (changes: ReadModelChange[]) => void): unknown;
}

/** Something that holds live connections whose rights depend on the read models. */
export interface LiveConnections {
  /** Re-decides every open connection to the document's text. */
  documentAccessChanged?(documentId: string): Promise<void>;
  /** Re-reads which of the document's paragraphs are locked. */
  textRulesChanged?(documentId: string): Promise<void>;
  /** Re-reads one member's role in a negotiation and moves or closes their connections. */
  memberChanged?(negotiationId: string, userId: string): Promise<void>;
  /** Closes the connections of the user's ended sessions; their other sessions stay. */
  signedOut?(userId: string): Promise<void>;
}

export interface AccessRefresh {
  /** Adds a holder of live connections; the returned function removes it. */
  attach(connections: LiveConnections): () => void;
  /** Ends the live connections of a session that was just ended (sign-out). */
  signedOut(userId: string): Promise<void>;
  /** Resolves once every refresh started so far has finished (failures are logged, not thrown). */
  settled(): Promise<void>;
  /** Stops listening to the read models. */
  close(): void;
}

export function createAccessRefresh(deps: {
  changes: AccessChangeFeed;
  /** The documents of a negotiation, whose connections a membership change re-decides. */
  documentsOf: (negotiationId: string) => readonly string[];
  logger: Logger;
}): AccessRefresh {
  const { changes, documentsOf, logger } = deps;
  const holders = new Set<LiveConnections>();
  const inFlight = new Set<Promise<void>>();

  const track = (work: Promise<void>, context: object, what: string): void => {
    const tracked = work.then(
      () => undefined,
      (error: unknown) => logger.warn({ err: error, ...context }, what),
    );
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
  };

  const refreshDocuments = (documentIds: readonly string[]): Promise<void> =>
    Promise.all(
      [...holders].flatMap((holder) =>
        holder.documentAccessChanged
          ? documentIds.map((documentId) => holder.documentAccessChanged!(documentId))
          : [],
      ),
    ).then(() => undefined);

  // Runs synchronously inside the projector's batch, before any caller's `waitFor` continues, so
  // the refresh is already in flight when the command service asks for `settled()`.
  const onChanges = (batch: ReadModelChange[]): void => {
    for (const change of batch) {
      const { documentId } = change;
      if (TEXT_RULE_EVENTS.has(change.eventType) && documentId) {
        for (const holder of holders) {
          if (holder.textRulesChanged)
            track(
              holder.textRulesChanged(documentId),
              { change: { eventType: change.eventType, id: change.id } },
              'refreshing the text rules failed',
            );
        }
      }
      if (!ACCESS_EVENTS.has(change.eventType)) continue;
      const context = { change: { eventType: change.eventType, id: change.id } };
      const documentIds = change.documentId
        ? [change.documentId]
        : change.negotiationId
          ? documentsOf(change.negotiationId)
          : [];
      track(refreshDocuments(documentIds), context, 'refreshing collaboration access failed');
      // socket.io rooms follow the member's new role, or close when the membership is revoked.
      const { negotiationId, id: userId } = change;
      if (change.kind === 'member' && negotiationId && userId) {
        for (const holder of holders) {
          if (holder.memberChanged)
            track(
              holder.memberChanged(negotiationId, userId),
              context,
              'refreshing socket rooms failed',
            );
        }
      }
    }
  };
  changes.on('changes', onChanges);

  return {
    attach(connections) {
      holders.add(connections);
      return () => holders.delete(connections);
    },
    async signedOut(userId) {
      await Promise.all(
        [...holders].flatMap((holder) => (holder.signedOut ? [holder.signedOut(userId)] : [])),
      );
    },
    async settled() {
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
    close() {
      changes.off('changes', onChanges);
      holders.clear();
    },
  };
}
