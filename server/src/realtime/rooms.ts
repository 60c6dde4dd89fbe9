// Room names and the fan-out of read-model changes. Rooms are per role, so the filtering happens
// in the choice of rooms and works unchanged through socket.io's Redis adapter.
//
//   io.to(roomsFor(change)).emit('change', toChangeNotice(change));
import { can, roles, type ChangeNotice, type Role } from '@accord/shared';
import type { ReadModelChange } from '../readmodels/projection.js';

export const negotiationRoom = (negotiationId: string, role: Role): string =>
  `n:${negotiationId}:r:${role}`;

export const documentRoom = (documentId: string, role: Role): string => `d:${documentId}:r:${role}`;

/** Every socket of a user, on every node: how a session's end reaches all of them. */
export const userRoom = (userId: string): string => `u:${userId}`;

export const negotiationRooms = (negotiationId: string): string[] =>
  roles.map((role) => negotiationRoom(negotiationId, role));

/**
 * The role rooms of the change's document and negotiation whose role may read it. `excluded`:
 * roles past whose horizon the change lies (a segment excludes them); they hear only of the
 * schedule itself (`segment` changes), so their client can switch to the text as of the horizon.
 */
export function roomsFor(change: ReadModelChange, excluded: readonly Role[] = []): string[] {
  // A change meant for named users only (a private draft) never reaches a role room.
  if (change.audienceUserIds !== undefined) return change.audienceUserIds.map(userRoom);
  const rooms: string[] = [];
  for (const role of roles) {
    if (!can(role, change.readAction)) continue;
    if (change.kind !== 'segment' && excluded.includes(role)) continue;
    if (change.documentId !== undefined) rooms.push(documentRoom(change.documentId, role));
    if (change.negotiationId !== undefined) rooms.push(negotiationRoom(change.negotiationId, role));
  }
  return rooms;
}

/** The change as it goes on the wire: the position as a string, the read permission left out. */
export function toChangeNotice(change: ReadModelChange): ChangeNotice {
  const notice: ChangeNotice = {
    kind: change.kind,
    eventType: change.eventType,
    position: change.position.toString(),
  };
  if (change.negotiationId !== undefined) notice.negotiationId = change.negotiationId;
  if (change.documentId !== undefined) notice.documentId = change.documentId;
  if (change.id !== undefined) notice.id = change.id;
  if (change.activity !== undefined) notice.activity = change.activity;
  return notice;
}
