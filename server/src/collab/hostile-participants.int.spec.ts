// Hostile participants on the live text: frames refused from their length before decoding,
// per-person budgets that reconnecting does not reset, a document size cap, session expiry.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { CollabCloseCode, CollabCloseReason, CollabUpgradeStatus } from '@accord/shared';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { createMetrics } from '../observability/metrics.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { insertParagraphs, listParagraphs, type Paragraph } from '../text/doc-structure.js';
import type { Attribution } from '../text/text-history.js';
import { CollabDocument } from './collab-document.js';
import type { CollabAuthResult } from './collab-hooks.js';
import {
  MessageType,
  SyncMessageType,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from './protocol.js';
import {
  TestAuth,
  connectProvider,
  connectRaw,
  readTextLog,
  startCollabServer,
  upgradeStatus,
  waitFor,
  type CollabTestServer,
  type RawClient,
  type TestClient,
} from './test-support/collab-harness.js';

const chair: Attribution = { userId: 'u-chair', stakeholderId: 's-chair' };
const MiB = 1024 * 1024;

const paragraphs = (): Paragraph[] => [
  { id: randomUUID(), kind: 'preambular', text: 'Recalling the Convention on the Law of the Sea,' },
  { id: randomUUID(), kind: 'operative', text: 'Decides to establish a working group on oceans;' },
];

/**
 * A Yjs update that changes nothing yet is slow to decode: `count` Skip structs (each one an
 * object for Y.decodeUpdate to build; skipped ranges are not changes).
 */
function skipsUpdate(count: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1); // one struct group
  encoding.writeVarUint(encoder, count);
  encoding.writeVarUint(encoder, 123456); // client
  encoding.writeVarUint(encoder, 0); // first clock
  for (let i = 0; i < count; i++) {
    encoding.writeUint8(encoder, 10); // a Skip
    encoding.writeVarUint(encoder, 1);
  }
  encoding.writeVarUint(encoder, 0); // empty delete set
  return encoding.toUint8Array(encoder);
}

/** A sync step 1 whose state vector names `clients` peers. */
function hugeStateVector(clients: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncMessageType.Step1);
  const vector = encoding.createEncoder();
  encoding.writeVarUint(vector, clients);
  for (let i = 0; i < clients; i++) {
    encoding.writeVarUint(vector, i + 1);
    encoding.writeVarUint(vector, 1);
  }
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(vector));
  return encoding.toUint8Array(encoder);
}

function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => insertParagraphs(doc, 0, [{ id: randomUUID(), kind: 'operative', text }]));
  return Y.encodeStateAsUpdate(doc);
}

/** A caret as y-prosemirror writes it (relative positions as JSON). */
const caret = (clock: number) => ({
  anchor: { item: { client: 9, clock } },
  head: { item: { client: 9, clock } },
});

function awarenessFrame(state: Record<string, unknown>): Uint8Array {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalState(state);
  const frame = encodeAwarenessMessage(encodeAwarenessUpdate(awareness, [awareness.clientID]));
  awareness.destroy();
  return frame;
}

/**
 * Server time spent handling each incoming frame: the gateway runs in this process, so the
 * document's message handler is timed directly.
 */
function timeFrameHandling(): { durations: number[]; restore(): void } {
  const prototype = CollabDocument.prototype as unknown as {
    receive: (...args: unknown[]) => unknown;
  };
  const original = prototype.receive;
  const durations: number[] = [];
  prototype.receive = function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      durations.push(performance.now() - started);
    }
  };
  return { durations, restore: () => (prototype.receive = original) };
}

const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`No ${what} within ${ms} ms`)), ms),
    ),
  ]);

describe('hostile participants on the collaboration gateway', () => {
  let temp: { dir: string; remove(): Promise<void> };
  let server: CollabTestServer;
  const raws: RawClient[] = [];
  const providers: TestClient[] = [];

  const start = async (options: Parameters<typeof startCollabServer>[1] = {}) => {
    server = await startCollabServer(temp.dir, options);
    return server;
  };
  const newDocument = async () => {
    const documentId = randomUUID();
    await server.gateway.createDocumentText(documentId, paragraphs(), chair);
    return documentId;
  };
  const raw = async (documentId: string, user: Parameters<typeof connectRaw>[2]) => {
    const client = connectRaw(server, documentId, user);
    raws.push(client);
    await client.opened;
    return client;
  };

  beforeEach(async () => {
    temp = await makeTempDir();
  });

  afterEach(async () => {
    for (const client of raws.splice(0)) client.socket.terminate();
    for (const client of providers.splice(0)) client.destroy();
    await server?.close();
    await temp.remove();
  });

  it('refuses a read-only participant’s large no-op update from its length, without decoding it', async () => {
    await start();
    const documentId = await newDocument();
    const olga = await raw(documentId, 'olga');
    // Just under the per-update limit, as the attack needs no more.
    const hostile = encodeSyncStep2(skipsUpdate(500_000));
    expect(hostile.byteLength).toBeLessThan(MiB - 4096);
    const timing = timeFrameHandling();
    try {
      olga.socket.send(hostile);
      const closed = await within(olga.closed, 5000, 'close');
      expect(closed).toEqual({
        code: CollabCloseCode.Forbidden,
        reason: 'write-refused: observer',
      });
    } finally {
      timing.restore();
    }
    console.info(`read-only no-op update: handled in ${timing.durations[0]?.toFixed(2)} ms`);
    expect(timing.durations).toHaveLength(1);
    expect(timing.durations[0]).toBeLessThan(50);
    expect(await readTextLog(server.store, documentId)).toHaveLength(1);
  });

  it('refuses a state vector far longer than the document’s before decoding it', async () => {
    await start();
    const documentId = await newDocument();
    const alice = await raw(documentId, 'alice');
    const timing = timeFrameHandling();
    try {
      alice.socket.send(hugeStateVector(1_000_000));
      const closed = await within(alice.closed, 5000, 'close');
      expect(closed.code).toBe(CollabCloseCode.FrameTooLarge);
    } finally {
      timing.restore();
    }
    console.info(`huge state vector: handled in ${timing.durations[0]?.toFixed(2)} ms`);
    expect(timing.durations[0]).toBeLessThan(50);
  });

  it('refuses an oversized awareness message before parsing it', async () => {
    await start();
    const documentId = await newDocument();
    const alice = await raw(documentId, 'alice');
    const timing = timeFrameHandling();
    try {
      alice.socket.send(awarenessFrame({ cursor: 'x'.repeat(4 * MiB) }));
      const closed = await within(alice.closed, 5000, 'close');
      expect(closed.code).toBe(CollabCloseCode.FrameTooLarge);
    } finally {
      timing.restore();
    }
    expect(timing.durations[0]).toBeLessThan(50);
  });

  it('limits one user’s awareness rate across all their connections', async () => {
    const metrics = createMetrics();
    await start({
      awarenessRate: { perSecond: 0.001, burst: 40 },
      personLimits: { userAwarenessRate: { perSecond: 0.001, burst: 5 } },
      metrics,
    });
    const documentId = await newDocument();
    const bob = await raw(documentId, 'bob');
    const sockets = await Promise.all([1, 2, 3].map(() => raw(documentId, 'alice')));
    const before = bob.messages.length;
    for (const alice of sockets) {
      for (let i = 0; i < 20; i++) alice.socket.send(awarenessFrame({ cursor: caret(i) }));
    }
    // A marker from someone else, relayed after everything alice sent before it.
    const carol = await raw(documentId, 'carol');
    carol.socket.send(awarenessFrame({ cursor: caret(0) }));
    const relayedToBob = () =>
      bob.messages.slice(before).filter((m) => m[0] === MessageType.Awareness);
    await waitFor(
      () => relayedToBob().some((m) => Buffer.from(m).includes('Carol')),
      'marker relayed',
    );
    const fromAlice = relayedToBob().filter((m) => Buffer.from(m).includes('Alice'));
    expect(fromAlice.length).toBeGreaterThan(0);
    expect(fromAlice.length).toBeLessThanOrEqual(5);
    // Operators see what was dropped, and over which budget: alice's 60 frames less her 5.
    const dropped = (await metrics.awarenessDropped.get()).values;
    expect(dropped.map((v) => [v.labels.over, v.value])).toEqual([['user', 55]]);
  });

  it('keeps a user’s update budget when they reconnect, and closes with 4429', async () => {
    await start({ personLimits: { userUpdateRate: { perSecond: 0.001, burst: 5 } } });
    const documentId = await newDocument();
    const first = await raw(documentId, 'alice');
    for (let i = 0; i < 6; i++) first.socket.send(encodeSyncUpdate(paragraphUpdate(`p${i}`)));
    expect(await within(first.closed, 5000, 'close')).toEqual({
      code: CollabCloseCode.RateLimited,
      reason: 'rate-limited: user',
    });
    const again = await raw(documentId, 'alice');
    again.socket.send(encodeSyncUpdate(paragraphUpdate('after reconnecting')));
    expect((await within(again.closed, 5000, 'close')).code).toBe(CollabCloseCode.RateLimited);
    // Someone else is not affected.
    const bob = await raw(documentId, 'bob');
    bob.socket.send(encodeSyncUpdate(paragraphUpdate('from bob')));
    await waitFor(
      async () =>
        (await server.gateway.readParagraphs(documentId)).some((p) => p.text === 'from bob'),
      'bob stored',
    );
  });

  it('counts asking for the full state again and again against the update budget', async () => {
    await start({ personLimits: { userUpdateRate: { perSecond: 0.001, burst: 5 } } });
    const documentId = await newDocument();
    const alice = await raw(documentId, 'alice');
    for (let i = 0; i < 10; i++) alice.socket.send(encodeSyncStep1(new Y.Doc()));
    expect(await within(alice.closed, 5000, 'close')).toEqual({
      code: CollabCloseCode.RateLimited,
      reason: 'rate-limited: user',
    });
    const answers = alice.messages.filter((m) => m[0] === MessageType.Sync && m[1] === 1);
    expect(answers.length).toBeLessThanOrEqual(5);
  });

  it('refuses the upgrade past the per-user connection cap with 429, and admits again after one closes', async () => {
    await start({ personLimits: { maxConnectionsPerUser: 2 } });
    const documentId = await newDocument();
    const first = await raw(documentId, 'alice');
    await raw(documentId, 'alice');
    expect(await upgradeStatus(server, documentId, 'test-user=alice')).toBe(
      CollabUpgradeStatus.TooManyConnections,
    );
    // Another user is not counted against alice.
    await raw(documentId, 'bob');
    first.socket.close();
    await first.closed;
    await waitFor(() => server.gateway.stats().connections === 2, 'close seen by the server');
    await raw(documentId, 'alice');
  });

  it('refuses an update that would grow the document past its maximum, storing nothing', async () => {
    await start({ maxDocumentBytes: 4096 });
    const documentId = await newDocument();
    const alice = await raw(documentId, 'alice');
    alice.socket.send(encodeSyncUpdate(paragraphUpdate('a small addition')));
    await waitFor(
      async () => (await server.gateway.readParagraphs(documentId)).length === 3,
      'small update stored',
    );
    const logBefore = (await readTextLog(server.store, documentId)).length;
    alice.socket.send(encodeSyncUpdate(paragraphUpdate('y'.repeat(8000))));
    expect((await within(alice.closed, 5000, 'close')).code).toBe(CollabCloseCode.DocumentTooLarge);
    expect(await server.gateway.readParagraphs(documentId)).toHaveLength(3);
    expect(await readTextLog(server.store, documentId)).toHaveLength(logBefore);
  });

  it('refuses an update that makes one paragraph too long, storing nothing', async () => {
    await start({ maxParagraphChars: 1000 });
    const documentId = await newDocument();
    const alice = await raw(documentId, 'alice');
    alice.socket.send(encodeSyncUpdate(paragraphUpdate('z'.repeat(1000))));
    await waitFor(
      async () => (await server.gateway.readParagraphs(documentId)).length === 3,
      'a paragraph at the maximum stored',
    );
    const logBefore = (await readTextLog(server.store, documentId)).length;
    alice.socket.send(encodeSyncUpdate(paragraphUpdate('z'.repeat(1001))));
    const closed = await within(alice.closed, 5000, 'close');
    expect(closed.code).toBe(CollabCloseCode.DocumentTooLarge);
    expect(closed.reason).toBe(`${CollabCloseReason.ParagraphTooLong}: new`);
    expect(await server.gateway.readParagraphs(documentId)).toHaveLength(3);
    expect(await readTextLog(server.store, documentId)).toHaveLength(logBefore);
  });

  it('closes a slow consumer once all buffers together pass the overall cap, and it resyncs on reconnect', async () => {
    // The per-connection cap is out of reach: only the overall one can close anybody. The big
    // paragraphs that fill the buffers are allowed for this test.
    await start({
      maxBufferedBytes: 512 * MiB,
      maxTotalBufferedBytes: 256 * 1024,
      maxParagraphChars: MiB,
    });
    const documentId = await newDocument();
    const slow = connectProvider(server, documentId, 'bob');
    const fast = connectProvider(server, documentId, 'carol');
    providers.push(slow, fast);
    await waitFor(() => slow.provider.synced && fast.provider.synced, 'both synced');
    // Bob stops reading: what the server sends him piles up in its buffers.
    (slow.provider.ws as unknown as WebSocket).pause();

    const writer = await raw(documentId, 'alice');
    for (let i = 0; i < 16; i++) {
      writer.socket.send(encodeSyncUpdate(paragraphUpdate(`${i}`.padEnd(800_000, 'x'))));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Bob is closed (he cannot read the close frame yet: the server drops his socket soon after).
    await waitFor(() => server.gateway.stats().connections === 2, 'the slow consumer shed', 20_000);
    (slow.provider.ws as unknown as WebSocket).resume();
    await waitFor(() => slow.closes.length > 0, 'bob notices');
    expect([CollabCloseCode.TryAgainLater, 1006]).toContain(slow.closes[0]!.code);
    await waitFor(() => listParagraphs(fast.doc).length === 18, 'the fast reader has everything');
    expect(fast.closes).toEqual([]);
    // Bob's provider reconnects by itself and resyncs what he missed.
    await waitFor(() => listParagraphs(slow.doc).length === 18, 'the slow one resynced', 20_000);
  });

  it('closes a live connection with 4401 within moments of its session expiring', async () => {
    const expiresAt = Date.now() + 1500;
    class ExpiringAuth extends TestAuth {
      override async authenticate(
        req: { headers: IncomingHttpHeaders },
        documentId: string,
      ): Promise<CollabAuthResult> {
        if (Date.now() >= expiresAt) return { ok: false, status: 401 };
        const result = await super.authenticate(req, documentId);
        return result.ok ? { ...result, expiresAt } : result;
      }
    }
    await start({ auth: new ExpiringAuth() });
    const documentId = await newDocument();
    const alice = await raw(documentId, 'alice');
    const closed = await within(alice.closed, 4000, 'close after expiry');
    expect(closed.code).toBe(CollabCloseCode.SessionEnded);
    expect(Date.now() - expiresAt).toBeLessThan(1000);
  });
});
