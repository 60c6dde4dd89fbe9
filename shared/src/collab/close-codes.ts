/**
 * Close codes of the collaboration websocket (`/collab/<documentId>`), named once so the server
 * that closes and the browser that reacts agree.
 *
 * y-websocket's client stops reconnecting on 4400–4499 ("the server decided; retrying cannot
 * help") and retries on every other code, so each code sits in the range that matches what
 * the client should do. The browser should pass `shouldReconnect: (e) => !isPermanentClose(e.code)`
 * so that 1009 is treated as permanent too.
 *
 *   socket.close(CollabCloseCode.PersistenceFailed, CollabCloseReason.PersistenceFailed);
 */

export const CollabCloseCode = {
  /**
   * The server is shutting down, or (reason `handed-over`) another node now owns the document
   * (RFC 6455 "going away"). Reconnect.
   */
  GoingAway: 1001,
  /**
   * A frame exceeded the gateway's `maxMessageBytes` (RFC 6455 "message too big"); sent by the
   * `ws` library itself before the message is read. Permanent: the same message would be sent
   * again after a reconnect.
   */
  MessageTooBig: 1009,
  /** An unexpected server error while handling the connection (RFC 6455). Reconnect. */
  InternalError: 1011,
  /**
   * The client did not read fast enough and the server stopped buffering for it (RFC 6455
   * "try again later"). Reconnect: the resync sends what it missed.
   */
  TryAgainLater: 1013,
  /** A message could not be decoded (unknown type, truncated, invalid Yjs update). */
  MalformedMessage: 4400,
  /** The session behind the connection ended (logout, expiry), found by `refreshAccess`. */
  SessionEnded: 4401,
  /**
   * Refused: a read-only connection sent a change (`write-refused`; the change was neither
   * applied, stored nor broadcast), or the user lost access (`access-revoked`). Permanent on
   * purpose: a client whose change was refused would send it again on every reconnect, so it
   * must drop its local copy and reconnect with a fresh Y.Doc.
   */
  Forbidden: 4403,
  /** The document no longer exists (found by `refreshAccess`). */
  DocumentNotFound: 4404,
  /**
   * One Yjs update is larger than one stored event may be (about 1 MiB, EventStoreDB's append
   * limit). The update was not applied.
   */
  UpdateTooLarge: 4413,
  /**
   * A frame is larger than its kind may be, found from its length before anything in it is
   * decoded: a state vector longer than the server's own allows for, or an awareness message
   * over the awareness limit. Permanent: the client would send the same frame again.
   */
  FrameTooLarge: 4414,
  /**
   * The update would grow the document past its maximum stored size, or one paragraph's text
   * past its maximum length (reason `paragraph-too-long: <paragraph id>`); nothing was applied or
   * stored. Permanent, and like a refused write: the client's copy holds a change the server
   * will never take, so it starts again from a fresh Y.Doc.
   */
  DocumentTooLarge: 4415,
  /**
   * The update steps outside the negotiation-text schema (`shared/src/negotiation-text/schema.ts`):
   * an element, attribute, mark, content or root the schema does not name, nesting deeper than
   * it allows, a changed paragraph id, or a struct whose parent or neighbour the server cannot
   * find. Reason `schema-violation: <detail>`. Nothing was applied, stored or broadcast.
   * Permanent, and a refused write: the client starts again from a fresh Y.Doc.
   */
  SchemaViolation: 4422,
  /**
   * The update would change a paragraph agreed ad ref (its words, kind or attributes, or delete
   * it), which nobody may do until the chair reopens it. Reason `paragraph-locked: <paragraph
   * id>`. Nothing was applied, stored or broadcast. Permanent, and a refused write.
   */
  ParagraphLocked: 4423,
  /**
   * The connection sent document updates faster than its limit allows: per connection, or for
   * the user or their delegation across all their connections (reason `rate-limited: user` or
   * `rate-limited: stakeholder`).
   */
  RateLimited: 4429,
  /**
   * A segment the user's role may not follow opened in the negotiation (reason `segment-closed:
   * <segment id>`). Permanent: the client switches to the text as it stood before the segment
   * (its horizon) until the chair releases the segment's material.
   */
  SegmentClosed: 4451,
  /**
   * Appending to the document's log failed, so the server unloaded the document. Reconnect:
   * the document is reloaded from the log and the client re-sends what was not stored.
   */
  PersistenceFailed: 4500,
} as const;

export type CollabCloseCode = (typeof CollabCloseCode)[keyof typeof CollabCloseCode];

/** Machine-readable close reasons; a human-readable detail may follow after `: `. */
export const CollabCloseReason = {
  ShuttingDown: 'shutting-down',
  MessageTooBig: 'message-too-big',
  InternalError: 'internal-error',
  SlowConsumer: 'slow-consumer',
  MalformedMessage: 'malformed-message',
  SessionEnded: 'session-ended',
  WriteRefused: 'write-refused',
  AccessRevoked: 'access-revoked',
  DocumentNotFound: 'document-not-found',
  UpdateTooLarge: 'update-too-large',
  RateLimited: 'rate-limited',
  FrameTooLarge: 'frame-too-large',
  DocumentTooLarge: 'document-too-large',
  ParagraphTooLong: 'paragraph-too-long',
  SchemaViolation: 'schema-violation',
  ParagraphLocked: 'paragraph-locked',
  PersistenceFailed: 'persistence-failed',
  SegmentClosed: 'segment-closed',
  HandedOver: 'handed-over',
} as const;

export type CollabCloseReason = (typeof CollabCloseReason)[keyof typeof CollabCloseReason];

/** Whether reconnecting after this close is pointless (the client must change something first). */
export function isPermanentClose(code: number): boolean {
  return (code >= 4400 && code < 4500) || code === CollabCloseCode.MessageTooBig;
}

/** A refused write: the local copy holds a change the server will never take, so start afresh. */
export function isWriteRefused(code: number, reason: string): boolean {
  if (
    code === CollabCloseCode.DocumentTooLarge ||
    code === CollabCloseCode.SchemaViolation ||
    code === CollabCloseCode.ParagraphLocked
  )
    return true;
  return code === CollabCloseCode.Forbidden && reason.startsWith(CollabCloseReason.WriteRefused);
}

/**
 * HTTP statuses with which the upgrade of `/collab/<documentId>` is refused before any
 * websocket exists (the browser only sees a failed connection and retries with backoff).
 */
export const CollabUpgradeStatus = {
  Unauthenticated: 401,
  Forbidden: 403,
  /** Unknown document, or one the user may not see: answered alike so ids do not leak. */
  NotFound: 404,
  /** The user or their delegation already holds as many live connections as allowed. */
  TooManyConnections: 429,
  /**
   * A segment the user's role may not follow has not been released: no live text; the client
   * reads the text as of its horizon through the REST API instead.
   */
  SegmentClosed: 423,
  Unavailable: 503,
} as const;
