// Ids derived from a command id, so a command retried after a lost response offers the store the
// same event ids (both stores then treat it as the same append), and a request that runs
// several commands gives each a stable id of its own.
import { createHash } from 'node:crypto';

/** A UUID (RFC 9562 version 8, "custom") from a command id and the event's index in it. */
export function eventIdFor(commandId: string, index: number | string): string {
  return uuidFrom(`${commandId}:${index}`);
}

/** The id of step `step` of a request whose own id is `commandId`. */
export const derivedId = (commandId: string, step: string): string =>
  uuidFrom(`${commandId}/${step}`);

function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
