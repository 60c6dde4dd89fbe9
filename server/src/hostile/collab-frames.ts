/**
 * Generated frames for the collaboration websocket (`/collab/<documentId>`): random bytes,
 * valid framing around garbage, broken varints, hostile state vectors, random and valid Yjs
 * updates, and awareness messages with random JSON. Each frame says whether the server may
 * store anything because of it, so the suite can check that nothing else is stored.
 */
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { decodeClientMessage, MessageType, SyncMessageType } from '../collab/protocol.js';
import { createParagraph, textFragment } from '../text/doc-structure.js';

export type FrameKind =
  | 'random-bytes'
  | 'garbage-payload'
  | 'broken-varint'
  | 'hostile-state-vector'
  | 'random-structs'
  | 'valid-update'
  | 'awareness'
  | 'text-frame';

export interface Frame {
  kind: FrameKind;
  data: Uint8Array | string;
}

const bytes = (max: number) => fc.uint8Array({ minLength: 0, maxLength: max });

function frameOf(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const syncFrame = (syncType: number, payload: Uint8Array) =>
  frameOf((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, syncType);
    encoding.writeVarUint8Array(e, payload);
  });

const randomBytes = bytes(96).map((data): Frame => ({ kind: 'random-bytes', data }));

/** A known or unknown message type, then a length-prefixed payload of garbage. */
const garbagePayload = fc
  .tuple(fc.nat(260), fc.nat(6), bytes(200), fc.boolean())
  .map(([type, syncType, payload, trailing]): Frame => {
    const data = frameOf((e) => {
      encoding.writeVarUint(e, type % 5 === 0 ? MessageType.Sync : type);
      if (type % 5 === 0) encoding.writeVarUint(e, syncType);
      encoding.writeVarUint8Array(e, payload);
      if (trailing) encoding.writeUint8(e, 7); // trailing bytes after a complete message
    });
    return { kind: 'garbage-payload', data };
  });

/** Varints that never end, that overflow 53 bits, or lengths longer than the frame. */
const brokenVarint = fc
  .oneof(
    fc.integer({ min: 1, max: 24 }).map((n) => new Uint8Array(n).fill(0xff)),
    fc.constant(Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])),
    fc
      .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 2 ** 31 }), bytes(16))
      .map(([type, claimed, tail]) =>
        frameOf((e) => {
          encoding.writeVarUint(e, type);
          if (type === 0) encoding.writeVarUint(e, SyncMessageType.Update);
          encoding.writeVarUint(e, claimed + tail.length); // claims more than follows
          encoding.writeUint8Array(e, tail);
        }),
      ),
    fc.constant(Uint8Array.from([0x80])),
    fc.constant(Uint8Array.from([0, 0x80])),
  )
  .map((data): Frame => ({ kind: 'broken-varint', data }));

/** Sync step 1 with a garbage, huge, or valid-but-absurd state vector. */
const hostileStateVector = fc
  .oneof(
    bytes(64),
    fc.integer({ min: 200, max: 1500 }).map((clients) =>
      frameOf((v) => {
        encoding.writeVarUint(v, clients);
        for (let i = 0; i < clients; i++) {
          encoding.writeVarUint(v, 1 + i * 7919);
          encoding.writeVarUint(v, 1);
        }
      }),
    ),
    fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 20 }).map((entries) =>
      frameOf((v) => {
        encoding.writeVarUint(v, entries.length);
        for (const [client, clock] of entries) {
          encoding.writeVarUint(v, client);
          encoding.writeVarUint(v, clock);
        }
      }),
    ),
    // Claims a million clients and carries none.
    fc.constant(frameOf((v) => encoding.writeVarUint(v, 1_000_000))),
  )
  .map((vector): Frame => ({ kind: 'hostile-state-vector', data: syncFrame(0, vector) }));

/** Yjs update framing (struct groups, clients, clocks) around random struct bytes. */
const randomStructs = fc
  .tuple(
    fc.constantFrom(SyncMessageType.Step2, SyncMessageType.Update),
    fc.integer({ min: 0, max: 4 }),
    fc.integer({ min: 0, max: 6 }),
    fc.nat(),
    fc.nat(1000),
    bytes(48),
  )
  .map(([syncType, groups, structs, client, clock, body]): Frame => {
    const update = frameOf((e) => {
      encoding.writeVarUint(e, groups);
      for (let g = 0; g < groups; g++) {
        encoding.writeVarUint(e, structs);
        encoding.writeVarUint(e, client + g);
        encoding.writeVarUint(e, clock);
        encoding.writeUint8Array(e, body);
      }
      encoding.writeVarUint(e, 0); // empty delete set
    });
    return { kind: 'random-structs', data: syncFrame(syncType, update) };
  });

/**
 * Well-formed updates a client could really produce: paragraphs in the text (the shape the
 * server keeps), and changes to other shared types it has no business holding.
 */
const validUpdate = fc
  .tuple(
    fc.constantFrom(SyncMessageType.Step2, SyncMessageType.Update),
    fc.constantFrom('paragraph', 'foreign-map', 'foreign-text', 'delete-only'),
    fc.string({ maxLength: 40 }),
    fc.integer({ min: 1, max: 2 ** 31 }),
    fc.uuid(),
  )
  .map(([syncType, shape, text, clientID, paragraphId]): Frame => {
    const doc = new Y.Doc();
    doc.clientID = clientID;
    if (shape === 'paragraph')
      textFragment(doc).insert(0, [
        createParagraph({ id: paragraphId, kind: 'operative', text: text || 'x' }),
      ]);
    else if (shape === 'foreign-map') doc.getMap('hostile').set(text || 'k', text);
    else if (shape === 'foreign-text') doc.getText('hostile').insert(0, text || 'x');
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return { kind: 'valid-update', data: syncFrame(syncType, update) };
  });

const deepJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** Awareness states: random JSON, deep, huge, not JSON at all, spoofed client ids. */
const awarenessState = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.integer({ min: 100, max: 20_000 }).map(deepJson),
  fc.integer({ min: 1_000, max: 80_000 }).map((n) => JSON.stringify({ user: 'x'.repeat(n) })),
  fc.string({ maxLength: 40 }), // usually not JSON
  fc.constantFrom(
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"user":{"name":"spoof","color":"#000"},"cursor":{"anchor":1,"head":"x"}}',
    '{"cursor":{"anchor":{"item":{"client":-1,"clock":1e308}},"head":null}}',
    // Valid cursors (so the relay forwards something) beside a spoofed identity and extras.
    '{"cursor":{"anchor":{"item":{"client":9,"clock":1}},"head":{"item":{"client":9,"clock":2}}},"user":{"name":"Spoofed chair","stakeholderId":"x","stakeholderName":"x","color":"#ffffff"},"extra":"<img src=x onerror=alert(1)>"}',
    '{"cursor":null,"__proto__":{"polluted":true}}',
    'null',
  ),
);

const awareness = fc
  .array(
    fc.tuple(
      fc.oneof(fc.nat(), fc.constant(0), fc.constant(2 ** 53 - 1)),
      fc.nat(),
      awarenessState,
    ),
    { minLength: 0, maxLength: 3 },
  )
  .map((entries): Frame => {
    const update = frameOf((e) => {
      encoding.writeVarUint(e, entries.length);
      for (const [client, clock, state] of entries) {
        encoding.writeVarUint(e, client);
        encoding.writeVarUint(e, clock);
        encoding.writeVarString(e, state);
      }
    });
    const data = frameOf((e) => {
      encoding.writeVarUint(e, MessageType.Awareness);
      encoding.writeVarUint8Array(e, update);
    });
    return { kind: 'awareness', data };
  });

const textFrame = fc.string({ maxLength: 64 }).map((data): Frame => ({ kind: 'text-frame', data }));

/** Every kind of frame, weighted towards the cheap malformed ones. */
export const anyFrame: fc.Arbitrary<Frame> = fc.oneof(
  { arbitrary: randomBytes, weight: 3 },
  { arbitrary: garbagePayload, weight: 3 },
  { arbitrary: brokenVarint, weight: 2 },
  { arbitrary: hostileStateVector, weight: 2 },
  { arbitrary: randomStructs, weight: 3 },
  { arbitrary: validUpdate, weight: 2 },
  { arbitrary: awareness, weight: 4 },
  { arbitrary: textFrame, weight: 1 },
);

/**
 * Whether a writer's frame carries a document update the server could accept (it decodes as
 * a Yjs update). Any other frame, and any frame from a read-only connection, must store nothing.
 */
export function mayStoreFromWriter(frame: Frame): boolean {
  if (typeof frame.data === 'string') return false;
  let message;
  try {
    message = decodeClientMessage(frame.data);
  } catch {
    return false;
  }
  if (message.type !== 'sync-step2' && message.type !== 'sync-update') return false;
  try {
    Y.decodeUpdate(message.update);
    return true;
  } catch {
    return false;
  }
}
