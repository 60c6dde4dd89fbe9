// Readable, deterministic ids, times and command meta for unit tests.
import type { Actor, CommandMeta } from '../messages.js';
import type { Role } from '../vocabulary.js';

/** A valid v4-shaped UUID whose last group spells the name's number: `uuid(7)` → `…-000000000007`. */
export const uuid = (n: number): string =>
  `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

export const at = (time: string): string => `2026-03-02T${time}:00.000Z`;
export const NOW = at('10:00');

let commandCounter = 0;
export const metaFor = (actor: Actor, now: string = NOW): CommandMeta => ({
  commandId: uuid(900_000 + ++commandCounter),
  actor,
  now,
});

export const actor = (userId: string, stakeholderId: string, role: Role): Actor => ({
  userId,
  stakeholderId,
  role,
});
