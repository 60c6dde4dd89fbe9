// The gateway end to end: a real HTTP server, real y-websocket providers, a real SQLite store.
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { CollabCloseCode } from '@accord/shared';
import { Gauge, Registry } from 'prom-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { StoreUnavailable } from '../eventstore/errors.js';
import type { EventStore } from '../eventstore/port.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import {
  findParagraph,
  insertParagraphs,
  listParagraphs,
  replaceParagraphText,
  textSegments,
  type Paragraph,
} from '../text/doc-structure.js';
import type { Attribution } from '../text/text-history.js';
import { loadDocState } from '../text/text-history.js';
import {
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  decodeClientMessage,
  encodeSyncUpdate,
  MessageType,
} from './protocol.js';
import {
  connectProvider,
  connectRaw,
  interceptStore,
  readTextLog,
  startCollabServer,
  upgradeStatus,
  waitFor,
  type CollabTestServer,
  type GatewayOverrides,
  type TestClient,
} from './test-support/collab-harness.js';

const chair: Attribution = { userId: 'u-chair', stakeholderId: 's-chair' };

const paragraphs = (): Paragraph[] => [
  { id: randomUUID(), kind: 'heading', text: 'Draft declaration on the high seas' },
  { id: randomUUID(), kind: 'preambular', text: 'Recalling the Convention on the Law of the Sea,' },
  { id: randomUUID(), kind: 'operative', text: 'Decides to establish a working group on oceans;' },
];

/** A caret as y-prosemirror writes it (relative positions as JSON). */
const caret = (anchor: number, head: number) => ({
  anchor: { item: { client: 9, clock: anchor } },
  head: { item: { client: 9, clock: head } },
});

const textsOf = (doc: Y.Doc) => listParagraphs(doc).map((p) => p.text);

/** Appends to a paragraph's text in the client's own copy, as typing would. */
function type(client: TestClient, paragraphId: string, at: number | 'end', text: string): void {
  const paragraph = findParagraph(client.doc, paragraphId)!;
  const segment = textSegments(paragraph.element)[0]!;
  segment.insert(at === 'end' ? segment.length : at, text);
}

describe('collaboration gateway', () => {
  let temp: { dir: string; remove(): Promise<void> };
  let server: CollabTestServer;
  const clients: TestClient[] = [];

  const start = async (options: Parameters<typeof startCollabServer>[1] = {}) => {
    server = await startCollabServer(temp.dir, options);
    return server;
  };
  const connect = (documentId: string, user: Parameters<typeof connectProvider>[2]) => {
    const client = connectProvider(server, documentId, user);
    clients.push(client);
    return client;
  };
  const newDocument = async (initial = paragraphs()) => {
    const documentId = randomUUID();
    await server.gateway.createDocumentText(documentId, initial, chair);
    return { documentId, initial };
  };

  beforeEach(async () => {
    temp = await makeTempDir();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.close();
    await temp.remove();
  });

  it('converges two concurrent editors, and a third who joins later receives the text', async () => {
    await start();
    const { documentId, initial } = await newDocument();
    const alice = connect(documentId, 'alice');
    const bob = connect(documentId, 'bob');
    await waitFor(
      () => textsOf(alice.doc).length === 3 && textsOf(bob.doc).length === 3,
      'both synced',
    );

    // Both edit the same paragraph before seeing each other's change.
    type(alice, initial[2]!.id, 0, 'Alice: ');
    type(bob, initial[2]!.id, 'end', ' (Bob)');
    bob.doc.transact(() =>
      insertParagraphs(bob.doc, 3, [
        { id: randomUUID(), kind: 'operative', text: 'Requests a report.' },
      ]),
    );

    await waitFor(
      () =>
        isDeepStrictEqual(listParagraphs(alice.doc), listParagraphs(bob.doc)) &&
        textsOf(alice.doc).length === 4,
      'convergence',
    );
    const converged = listParagraphs(alice.doc);
    expect(converged[2]!.text).toBe('Alice: Decides to establish a working group on oceans; (Bob)');
    await waitFor(
      async () => isDeepStrictEqual(await server.gateway.readParagraphs(documentId), converged),
      'server text',
    );

    const carol = connect(documentId, 'carol');
    await waitFor(
      () => isDeepStrictEqual(listParagraphs(carol.doc), converged),
      'late joiner synced',
    );

    const authors = new Set(
      (await readTextLog(server.store, documentId)).map((e) => e.metadata.userId),
    );
    expect(authors).toEqual(new Set(['u-chair', 'u-alice', 'u-bob']));
  });

  it('broadcasts each stored batch merged, to everyone but the connection that sent it', async () => {
    await start();
    const { documentId } = await newDocument();
    const writers = [
      connectRaw(server, documentId, 'alice'),
      connectRaw(server, documentId, 'bob'),
    ];
    const reader = connectRaw(server, documentId, 'carol');
    await Promise.all([...writers, reader].map((c) => c.opened));
    // Each asks for the whole document first, as a provider does.
    for (const client of [...writers, reader]) client.socket.send(encodeSyncStep1(new Y.Doc()));
    const sent = writers.map((writer) => {
      const doc = new Y.Doc();
      doc.on('update', (update: Uint8Array) => writer.socket.send(encodeSyncUpdate(update)));
      return doc;
    });
    // Both write a burst without waiting, so stored batches hold updates from both.
    for (let i = 0; i < 20; i += 1) {
      sent.forEach((doc, w) =>
        doc.transact(() =>
          insertParagraphs(doc, 0, [{ id: randomUUID(), kind: 'operative', text: `w${w} ${i}` }]),
        ),
      );
    }
    await waitFor(
      async () => (await server.gateway.readParagraphs(documentId)).length === 3 + 40,
      'both bursts applied',
    );
    const received = (client: (typeof writers)[number]) => {
      const doc = new Y.Doc();
      const clientIds = new Set<number>();
      for (const bytes of client.messages) {
        const message = decodeClientMessage(bytes);
        if (message.type !== 'sync-update' && message.type !== 'sync-step2') continue;
        Y.applyUpdate(doc, message.update);
        for (const struct of Y.decodeUpdate(message.update).structs)
          clientIds.add(struct.id.client);
      }
      return { texts: textsOf(doc), clientIds };
    };
    await waitFor(() => received(reader).texts.length === 43, 'reader has everything');
    await waitFor(
      () => writers.every((w) => received(w).texts.length === 3 + 20),
      "writers have the others' paragraphs",
    );
    writers.forEach((writer, w) => {
      const { clientIds } = received(writer);
      expect(clientIds.has(sent[w]!.clientID), 'its own updates are not sent back').toBe(false);
      expect(clientIds.has(sent[1 - w]!.clientID)).toBe(true);
    });
  });

  it('loads a document once when many clients connect at the same moment', async () => {
    let textReads = 0;
    await start({
      wrapStore: (store) =>
        interceptStore(store, {
          readStream: (stream, options) => {
            if (!stream.startsWith('doctext-')) return store.readStream(stream, options);
            textReads += 1;
            // The load finishes only once all ten upgrades have been authenticated, so they
            // all arrive while it is under way.
            return (async function* () {
              await waitFor(() => server.auth.calls >= 10, 'all upgrades authenticated');
              yield* store.readStream(stream, options);
            })();
          },
        }),
    });
    const documentId = randomUUID();
    const crowd = (['alice', 'bob', 'carol', 'olga', 'chair'] as const).flatMap((user) => [
      connect(documentId, user),
      connect(documentId, user),
    ]);
    await waitFor(() => crowd.every((client) => client.provider.synced), 'everyone synced');
    expect(textReads).toBe(1);
    expect(server.gateway.stats()).toEqual({ documents: 1, connections: 10 });
  });

  it('counts connections and loaded documents in the metrics', async () => {
    const registry = new Registry();
    const metrics = {
      websocketConnections: new Gauge({
        name: 'ws',
        help: 'ws',
        labelNames: ['kind'],
        registers: [registry],
      }),
      loadedDocuments: new Gauge({ name: 'docs', help: 'docs', registers: [registry] }),
    };
    await start({ metrics, idleUnloadMs: 20 });
    const { documentId } = await newDocument();
    const alice = connect(documentId, 'alice');
    const bob = connect(documentId, 'bob');
    const value = async (gauge: Gauge) => (await gauge.get()).values[0]?.value ?? 0;
    await waitFor(
      async () => (await value(metrics.websocketConnections)) === 2,
      'two connections counted',
    );
    expect(await value(metrics.loadedDocuments)).toBe(1);
    alice.provider.disconnect();
    bob.provider.disconnect();
    await waitFor(
      async () => (await value(metrics.websocketConnections)) === 0,
      'connections released',
    );
    await waitFor(
      async () => (await value(metrics.loadedDocuments)) === 0,
      'idle document unloaded',
    );
  });

  it('lets an observer follow the text but refuses and never applies an update it sends', async () => {
    await start();
    const { documentId, initial } = await newDocument();
    const olga = connect(documentId, 'olga');
    const alice = connect(documentId, 'alice');
    await waitFor(
      () => textsOf(olga.doc).length === 3 && textsOf(alice.doc).length === 3,
      'synced',
    );
    type(alice, initial[0]!.id, 'end', ' (revised)');
    await waitFor(
      () => textsOf(olga.doc)[0] === 'Draft declaration on the high seas (revised)',
      'observer follows',
    );
    expect(olga.closes).toEqual([]);

    const before = await server.gateway.readParagraphs(documentId);
    const logBefore = (await readTextLog(server.store, documentId)).length;
    const raw = connectRaw(server, documentId, 'olga');
    await raw.opened;
    // An empty step 2 (what y-websocket sends after syncing) is tolerated: the sync step 1 sent
    // after it is still answered.
    raw.socket.send(encodeSyncStep2(Y.encodeStateAsUpdate(new Y.Doc())));
    raw.socket.send(encodeSyncStep1(new Y.Doc()));
    await waitFor(
      () => raw.messages.some((m) => m[0] === MessageType.Sync && m[1] === 1),
      'step 2 answer',
    );

    const crafted = new Y.Doc();
    crafted.transact(() =>
      insertParagraphs(crafted, 0, [{ id: 'x', kind: 'operative', text: 'Observers decide.' }]),
    );
    raw.socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(crafted)));
    const closed = await raw.closed;
    expect(closed).toEqual({ code: CollabCloseCode.Forbidden, reason: 'write-refused: observer' });

    expect(await server.gateway.readParagraphs(documentId)).toEqual(before);
    expect(await readTextLog(server.store, documentId)).toHaveLength(logBefore);
    expect(listParagraphs(alice.doc)).toEqual(before);
  });

  it('refuses an update from a delegate in a formal document', async () => {
    await start();
    const documentId = randomUUID();
    server.auth.formalDocuments.add(documentId);
    await server.gateway.createDocumentText(documentId, paragraphs(), chair);
    const bob = connect(documentId, 'bob');
    await waitFor(() => textsOf(bob.doc).length === 3, 'delegate receives the text');

    const raw = connectRaw(server, documentId, 'bob');
    await raw.opened;
    const crafted = new Y.Doc();
    crafted.transact(() =>
      insertParagraphs(crafted, 0, [{ id: 'y', kind: 'operative', text: 'Bob decides.' }]),
    );
    raw.socket.send(encodeSyncStep2(Y.encodeStateAsUpdate(crafted)));
    expect(await raw.closed).toEqual({
      code: CollabCloseCode.Forbidden,
      reason: 'write-refused: formal mode',
    });
    expect(textsOf(bob.doc)).toHaveLength(3);
    expect(await server.gateway.readParagraphs(documentId)).toHaveLength(3);
    expect(await readTextLog(server.store, documentId)).toHaveLength(1);
    expect(bob.closes).toEqual([]);
  });

  it('answers a refused upgrade with a plain HTTP status and opens no websocket', async () => {
    await start();
    const documentId = randomUUID();
    expect(await upgradeStatus(server, documentId)).toBe(401);
    expect(await upgradeStatus(server, documentId, 'test-user=nobody')).toBe(401);
    expect(await upgradeStatus(server, documentId, 'test-user=mallory')).toBe(403);
    expect(await upgradeStatus(server, 'not-a-document-id', 'test-user=alice')).toBe(404);
    // Authentication comes first: nothing was loaded for the refused requests.
    expect(server.gateway.stats()).toEqual({ documents: 0, connections: 0 });
  });

  it('applies a server change (an accepted amendment) for everyone and stores its attribution', async () => {
    await start();
    const { documentId, initial } = await newDocument();
    const alice = connect(documentId, 'alice');
    const bob = connect(documentId, 'bob');
    await waitFor(() => textsOf(alice.doc).length === 3 && textsOf(bob.doc).length === 3, 'synced');

    const operative = initial[2]!;
    const from = operative.text.indexOf('a working group');
    const attribution = { userId: 'u-chair', stakeholderId: 's-chair', amendmentId: randomUUID() };
    const { revision } = await server.gateway.applyServerChange(documentId, attribution, (doc) =>
      replaceParagraphText(
        doc,
        operative.id,
        from,
        from + 'a working group'.length,
        'an expert panel',
      ),
    );

    const expected = 'Decides to establish an expert panel on oceans;';
    await waitFor(
      () => textsOf(alice.doc)[2] === expected && textsOf(bob.doc)[2] === expected,
      'clients updated',
    );
    const event = (await readTextLog(server.store, documentId)).find(
      (e) => e.revision === revision,
    )!;
    expect(event.type).toBe('TextUpdated');
    expect(event.data).toBeInstanceOf(Uint8Array);
    const { occurredAt, ...rest } = event.metadata;
    expect(rest).toEqual(attribution);
    expect(occurredAt).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
  });

  it('refuses to create the text of a document that already has text', async () => {
    await start();
    const { documentId } = await newDocument();
    await expect(
      server.gateway.createDocumentText(documentId, paragraphs(), chair),
    ).rejects.toThrow(/already has text/);
    expect(await server.gateway.readParagraphs(documentId)).toHaveLength(3);
  });

  it('keeps an anchor on the same words through concurrent edits around them', async () => {
    await start();
    const { documentId, initial } = await newDocument();
    const operative = initial[2]!;
    const words = 'a working group';
    const from = operative.text.indexOf(words);
    const anchor = await server.gateway.createAnchor(
      documentId,
      operative.id,
      from,
      from + words.length,
    );

    const alice = connect(documentId, 'alice');
    const bob = connect(documentId, 'bob');
    await waitFor(() => textsOf(alice.doc).length === 3 && textsOf(bob.doc).length === 3, 'synced');
    // Each edits its own copy, positions taken from what it sees at the time.
    const at = (client: TestClient) => textsOf(client.doc)[2]!.indexOf(words);
    type(alice, operative.id, 0, 'Further ');
    type(alice, operative.id, at(alice), 'urgently '); // right before the words
    type(bob, operative.id, at(bob) + words.length, ' of experts'); // right after them
    type(bob, operative.id, 'end', ' and reports back');
    await waitFor(() => isDeepStrictEqual(textsOf(alice.doc), textsOf(bob.doc)), 'convergence');
    await waitFor(
      async () =>
        isDeepStrictEqual(
          (await server.gateway.readParagraphs(documentId)).map((p) => p.text),
          textsOf(alice.doc),
        ),
      'server has both edits',
    );

    const text = textsOf(alice.doc)[2]!;
    expect(text).toBe(
      'Further Decides to establish urgently a working group of experts on oceans; and reports back',
    );
    const resolved = await server.gateway.resolveAnchor(documentId, anchor);
    expect(resolved).toEqual({
      paragraphId: operative.id,
      start: text.indexOf(words),
      end: text.indexOf(words) + words.length,
      text: words,
    });
  });

  it('relays awareness with the authenticated identity, whatever the client claims', async () => {
    await start();
    const { documentId } = await newDocument();
    const alice = connect(documentId, 'alice');
    const bob = connect(documentId, 'bob');
    await waitFor(() => alice.provider.synced && bob.provider.synced, 'synced');

    alice.provider.awareness.setLocalState({
      user: { name: 'Bob', stakeholderId: 's-brazil', stakeholderName: 'Brazil', color: '#000000' },
      cursor: caret(3, 7),
    });
    await waitFor(
      () => bob.provider.awareness.getStates().get(alice.doc.clientID)?.cursor !== undefined,
      'relayed',
    );
    expect(bob.provider.awareness.getStates().get(alice.doc.clientID)).toEqual({
      user: {
        name: 'Alice',
        stakeholderId: 's-france',
        stakeholderName: 'France',
        color: '#1f77b4',
      },
      cursor: caret(3, 7),
    });

    // Speaking for bob's awareness id from another connection is ignored. Carol's own update
    // is relayed after it, so once others see carol, they would have seen the spoof too.
    bob.provider.awareness.setLocalState({ cursor: caret(1, 1) });
    await waitFor(
      () => alice.provider.awareness.getStates().get(bob.doc.clientID)?.cursor !== undefined,
      'bob seen',
    );
    const carol = connectRaw(server, documentId, 'carol');
    await carol.opened;
    const forged = new Awareness(new Y.Doc());
    const forgedClock = 1000;
    forged.clientID = bob.doc.clientID;
    forged.states.set(bob.doc.clientID, { user: { name: 'Forged' } });
    forged.meta.set(bob.doc.clientID, { clock: forgedClock, lastUpdated: Date.now() });
    carol.socket.send(encodeAwarenessMessage(encodeAwarenessUpdate(forged, [bob.doc.clientID])));
    const carolAwareness = new Awareness(new Y.Doc());
    carolAwareness.setLocalState({ cursor: caret(2, 2), hello: true });
    carol.socket.send(
      encodeAwarenessMessage(encodeAwarenessUpdate(carolAwareness, [carolAwareness.clientID])),
    );
    await waitFor(
      () => alice.provider.awareness.getStates().get(carolAwareness.clientID) !== undefined,
      'carol seen',
    );
    expect(alice.provider.awareness.getStates().get(bob.doc.clientID)?.user).toEqual(
      expect.objectContaining({ name: 'Bob', stakeholderId: 's-brazil' }),
    );
    // Only the fields of the shared schema travel: `hello` is dropped.
    expect(alice.provider.awareness.getStates().get(carolAwareness.clientID)).toEqual({
      cursor: caret(2, 2),
      user: { name: 'Carol', stakeholderId: 's-kenya', stakeholderName: 'Kenya', color: '#2ca02c' },
    });
    forged.destroy();
    carolAwareness.destroy();
    carol.socket.close();
  });

  it('closes with 4400 on a malformed message', async () => {
    await start();
    const { documentId } = await newDocument();
    const cases: Array<string | Uint8Array> = [
      new Uint8Array([MessageType.Sync, 7, 0]), // unknown sync message type
      new Uint8Array([42]), // unknown message type
      new Uint8Array([MessageType.Sync, 2, 200]), // payload length past the end
      new Uint8Array([MessageType.Sync, 2, 3, 1, 2, 3]), // not a Yjs update
      'text frame',
    ];
    for (const message of cases) {
      const raw = connectRaw(server, documentId, 'alice');
      await raw.opened;
      raw.socket.send(message);
      expect((await raw.closed).code).toBe(CollabCloseCode.MalformedMessage);
    }
    expect(await server.gateway.readParagraphs(documentId)).toHaveLength(3);
  });

  it('closes with 4413 an update too large for one stored event, without applying it', async () => {
    await start();
    const { documentId } = await newDocument();
    const raw = connectRaw(server, documentId, 'alice');
    await raw.opened;
    const big = new Y.Doc();
    big.transact(() =>
      insertParagraphs(big, 0, [{ id: 'big', kind: 'operative', text: 'x'.repeat(1_100_000) }]),
    );
    raw.socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(big)));
    expect((await raw.closed).code).toBe(CollabCloseCode.UpdateTooLarge);
    expect(await server.gateway.readParagraphs(documentId)).toHaveLength(3);
  });

  it('downgrades or closes open connections when access is refreshed', async () => {
    await start();
    const { documentId } = await newDocument();
    const raw = connectRaw(server, documentId, 'alice');
    const bob = connect(documentId, 'bob');
    await raw.opened;
    await waitFor(() => bob.provider.synced, 'bob synced');

    server.auth.overrides.set('alice', {
      ok: true,
      user: {
        userId: 'u-alice',
        displayName: 'Alice',
        stakeholderId: 's-france',
        stakeholderName: 'France',
        color: '#1f77b4',
      },
      canWrite: false,
      readOnlyReason: 'formal mode',
    });
    server.auth.overrides.set('bob', { ok: false, status: 401 });
    await server.gateway.refreshAccess(documentId);

    await waitFor(() => bob.closes.length > 0, 'bob closed');
    expect(bob.closes[0]!.code).toBe(CollabCloseCode.SessionEnded);
    // y-websocket gives up on 44xx codes: bob is not reconnected behind the server's back.
    expect(bob.provider.shouldConnect).toBe(false);

    const crafted = new Y.Doc();
    crafted.transact(() =>
      insertParagraphs(crafted, 0, [{ id: 'z', kind: 'operative', text: 'Late edit.' }]),
    );
    raw.socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(crafted)));
    expect(await raw.closed).toEqual({
      code: CollabCloseCode.Forbidden,
      reason: 'write-refused: formal mode',
    });
    expect(await server.gateway.readParagraphs(documentId)).toHaveLength(3);
  });

  it('on a failed append closes every connection with 4500, broadcasts nothing, and recovers from the log', async () => {
    let failTextAppends = 0;
    const flaky = (store: EventStore): EventStore =>
      interceptStore(store, {
        appendToStream: (stream, events, options) => {
          if (stream.startsWith('doctext-') && failTextAppends > 0) {
            failTextAppends -= 1;
            return Promise.reject(new StoreUnavailable('injected failure'));
          }
          return store.appendToStream(stream, events, options);
        },
      });
    await start({ wrapStore: flaky });
    const { documentId, initial } = await newDocument();
    const alice = connect(documentId, 'alice');
    const bob = connect(documentId, 'bob');
    await waitFor(() => textsOf(alice.doc).length === 3 && textsOf(bob.doc).length === 3, 'synced');
    let bobTextWhenClosed: string[] | undefined;
    bob.provider.on('connection-close', () => (bobTextWhenClosed ??= textsOf(bob.doc)));

    failTextAppends = 1;
    type(alice, initial[1]!.id, 'end', ' and its implementing agreement');

    await waitFor(() => alice.closes.length > 0 && bob.closes.length > 0, 'both closed');
    expect(alice.closes[0]!.code).toBe(CollabCloseCode.PersistenceFailed);
    expect(bob.closes[0]!.code).toBe(CollabCloseCode.PersistenceFailed);
    // The change never reached bob before it was stored.
    expect(bobTextWhenClosed![1]).toBe(initial[1]!.text);

    // Both reconnect; alice's client re-sends what the log lacks; it is stored, then relayed.
    const expected =
      'Recalling the Convention on the Law of the Sea, and its implementing agreement';
    await waitFor(() => textsOf(bob.doc)[1] === expected, 'bob receives the change after recovery');
    const fromLog = await loadDocState(server.store, documentId);
    expect(listParagraphs(fromLog.doc)[1]!.text).toBe(expected);
    fromLog.doc.destroy();
  });

  it('on close stores what was applied and closes connections with 1001', async () => {
    await start();
    const { documentId, initial } = await newDocument();
    const alice = connect(documentId, 'alice');
    await waitFor(() => textsOf(alice.doc).length === 3, 'synced');
    type(alice, initial[0]!.id, 'end', ' (final)');
    await waitFor(
      async () => (await server.gateway.readParagraphs(documentId))[0]!.text.endsWith('(final)'),
      'applied',
    );
    await server.gateway.close();
    await waitFor(() => alice.closes.length > 0, 'alice closed');
    expect(alice.closes[0]!.code).toBe(CollabCloseCode.GoingAway);
    const fromLog = await loadDocState(server.store, documentId);
    expect(listParagraphs(fromLog.doc)[0]!.text).toBe('Draft declaration on the high seas (final)');
    fromLog.doc.destroy();
  });

  it('terminates a connection that stops answering pings', async () => {
    await start({ pingIntervalMs: 50 } satisfies GatewayOverrides);
    const { documentId } = await newDocument();
    const raw = connectRaw(server, documentId, 'alice', { autoPong: false });
    await raw.opened;
    expect((await raw.closed).code).toBe(1006);
    await waitFor(() => server.gateway.stats().connections === 0, 'connection dropped');
  });
});
