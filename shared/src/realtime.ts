// The socket.io protocol between the browser and the server's gateway: both event maps, a zod
// schema for every client→server payload (the server validates at run time anyway) and the
// shapes of acknowledgements, pushed changes and presence.
//
//   const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ path: REALTIME_PATH });
//   const answer = await socket.emitWithAck('negotiation:join', { negotiationId });
//   if (!answer.ok) explain(answer.error.code);
import { z } from 'zod';
import { entityIdSchema } from './schema.js';
import type { ActivityDescription } from './activity.js';
import type { Role } from './vocabulary.js';

export const REALTIME_PATH = '/socket.io';

/**
 * The domain's error codes as far as a socket can meet them, plus `internal` for a failure of
 * the server itself (the request may be repeated). `too_many_connections`: the person (or their
 * delegation) already holds as many sockets as the server allows; `rate_limited`: they sent
 * more requests than their budget, across all their sockets.
 */
export const realtimeErrorCodes = [
  'unauthenticated',
  'forbidden',
  'not_found',
  'invalid',
  'internal',
  'too_many_connections',
  'rate_limited',
] as const;
export type RealtimeErrorCode = (typeof realtimeErrorCodes)[number];

export interface RealtimeError {
  code: RealtimeErrorCode;
  message: string;
}

/**
 * `err.data` of a `connect_error` raised by the server (no session, another site's page, too
 * many connections).
 */
export type RealtimeConnectErrorData = RealtimeError;

export const negotiationRoomRequestSchema = z.strictObject({ negotiationId: entityIdSchema });
export type NegotiationRoomRequest = z.infer<typeof negotiationRoomRequestSchema>;

export const documentRoomRequestSchema = z.strictObject({ documentId: entityIdSchema });
export type DocumentRoomRequest = z.infer<typeof documentRoomRequestSchema>;

/** One user online in a negotiation, however many tabs they have open. */
export interface PresenceEntry {
  userId: string;
  displayName: string;
  stakeholderId: string;
  stakeholderName?: string;
  role: Role;
}

export interface PresenceUpdate {
  negotiationId: string;
  /** Everyone online, sorted by display name. */
  online: PresenceEntry[];
}

/** A read-model change as pushed to the browser; clients dedupe by `position`. */
export interface ChangeNotice {
  /** e.g. 'amendment', 'position', 'comment', 'document', 'stakeholder', 'member', 'activity' */
  kind: string;
  negotiationId?: string;
  documentId?: string;
  id?: string;
  /** The event that caused it. */
  eventType: string;
  /** The global log position as a decimal string (a bigint does not survive JSON). */
  position: string;
  /** What happened, as data the client puts into words (activity entries and toasts). */
  activity?: ActivityDescription;
}

export type SessionEndedNotice =
  /** The user logged out or the session expired: the socket is closed, log in again. */
  | { reason: 'session-ended' }
  /** The user is no longer a member (or no longer may read): their rooms there were left. */
  | { reason: 'membership-revoked'; negotiationId: string };

export type RealtimeFailure = { ok: false; error: RealtimeError };

/** Answer to a join: for a document, who is online in the document's negotiation. */
export type JoinAck = { ok: true; online: PresenceEntry[] } | RealtimeFailure;
export type LeaveAck = { ok: true } | RealtimeFailure;

export interface ClientToServerEvents {
  'negotiation:join': (request: NegotiationRoomRequest, ack: (answer: JoinAck) => void) => void;
  'negotiation:leave': (request: NegotiationRoomRequest, ack?: (answer: LeaveAck) => void) => void;
  'document:join': (request: DocumentRoomRequest, ack: (answer: JoinAck) => void) => void;
  'document:leave': (request: DocumentRoomRequest, ack?: (answer: LeaveAck) => void) => void;
}

export interface ServerToClientEvents {
  change: (change: ChangeNotice) => void;
  presence: (update: PresenceUpdate) => void;
  'session:ended': (ended: SessionEndedNotice) => void;
}
