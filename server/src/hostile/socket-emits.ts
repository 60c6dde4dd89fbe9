/**
 * Generated socket.io emits: the four known event names and unknown ones, with payloads that
 * are valid, aimed at someone else's negotiation, or random, and with or without an ack.
 */
import fc from 'fast-check';
import { hostileStringUpTo } from './rest-payloads.js';

/** Under the gateway's 100 KiB message limit (larger messages end the transport, on purpose). */
const hostileString = hostileStringUpTo(40_000);

export const knownEvents = [
  'negotiation:join',
  'negotiation:leave',
  'document:join',
  'document:leave',
] as const;

/** Names socket.io's client refuses to emit itself; sending them is not possible. */
const reserved = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
]);

export interface Emit {
  event: string;
  args: unknown[];
  withAck: boolean;
}

const eventName = fc.oneof(
  { arbitrary: fc.constantFrom(...knownEvents), weight: 6 },
  {
    arbitrary: fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'error',
      'change',
      'presence',
      'session:ended',
      'negotiation:join ',
      'NEGOTIATION:JOIN',
      'document:join\u0000',
    ),
    weight: 2,
  },
  { arbitrary: fc.string({ maxLength: 40 }).filter((s) => !reserved.has(s)), weight: 2 },
);

/** A payload for a room request: the right shape with real or foreign ids, or anything. */
const payload = (ids: string[]) =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom('negotiationId', 'documentId'), fc.constantFrom(...ids))
      .map(([key, id]) => ({ [key]: id })),
    fc
      .tuple(fc.constantFrom('negotiationId', 'documentId'), hostileString)
      .map(([k, v]) => ({ [k]: v })),
    fc.constantFrom(...ids).map((id) => ({ negotiationId: id, documentId: id, extra: true })),
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom<unknown>(
      null,
      undefined,
      0,
      '',
      [],
      JSON.parse('{"__proto__":{"polluted":true}}'),
    ),
    fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
  );

/** `ids`: real and unknown negotiation and document ids the payloads may name. */
export const anyEmit = (ids: string[]): fc.Arbitrary<Emit> =>
  fc
    .tuple(eventName, fc.array(payload(ids), { minLength: 0, maxLength: 3 }), fc.boolean())
    .map(([event, args, withAck]) => ({ event, args, withAck }));
