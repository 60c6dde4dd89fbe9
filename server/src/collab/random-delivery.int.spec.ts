/**
 * Seeded random delivery through the real server, in the manner of Yjs's own tests: several
 * peers edit, and their messages to and from the server are sent, delivered, lost on
 * reconnect, in an order drawn from a seeded generator. Whatever the order, every peer and the
 * server converge, and the text rebuilt from the log equals the live text. A failing seed is
 * printed and replays exactly.
 */
import { randomUUID } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as prng from 'lib0/prng';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeTempDir } from '../test-support/temp-dir.js';
import {
  insertParagraphs,
  listParagraphs,
  paragraphKinds,
  textFragment,
  textSegments,
} from '../text/doc-structure.js';
import { loadDocState } from '../text/text-history.js';
import {
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  MessageType,
  SyncMessageType,
} from './protocol.js';
import {
  connectRaw,
  startCollabServer,
  waitFor,
  type CollabTestServer,
  type RawClient,
  type UserName,
} from './test-support/collab-harness.js';

/** A protocol peer whose traffic the test moves by hand: nothing is sent or applied by itself. */
class QueuedPeer {
  readonly doc = new Y.Doc();
  outbox: Uint8Array[] = [];
  inbox: Uint8Array[] = [];
  raw!: RawClient;
  closedByServer: number | undefined;

  constructor(
    private readonly server: CollabTestServer,
    private readonly documentId: string,
    readonly user: UserName,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.outbox.push(encodeSyncUpdate(update));
    });
  }

  async connect(): Promise<void> {
    const raw = connectRaw(this.server, this.documentId, this.user);
    this.raw = raw;
    raw.socket.on('message', (data: Buffer) => this.inbox.push(new Uint8Array(data)));
    void raw.closed.then(({ code }) => {
      if (this.raw === raw && code !== 1000 && code !== 1005) this.closedByServer = code;
    });
    await raw.opened;
    this.outbox.unshift(encodeSyncStep1(this.doc));
  }

  /** Drops the connection with whatever was in flight, as a network failure would. */
  async reconnect(): Promise<void> {
    const old = this.raw;
    old.socket.close();
    await old.closed;
    this.inbox = [];
    this.outbox = [];
    await this.connect();
  }

  sendOne(): void {
    const message = this.outbox.shift();
    if (message) this.raw.socket.send(message);
  }

  deliverOne(): void {
    const message = this.inbox.shift();
    if (!message) return;
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== MessageType.Sync) return; // awareness: not under test
    const syncType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (syncType === SyncMessageType.Step1) {
      this.outbox.push(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, payload)));
    } else {
      Y.applyUpdate(this.doc, payload, this);
    }
  }

  get idle(): boolean {
    return this.outbox.length === 0 && this.inbox.length === 0;
  }

  editRandomly(gen: prng.PRNG, counter: number): void {
    const fragment = textFragment(this.doc);
    const paragraphs = fragment
      .toArray()
      .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
    const roll = prng.int32(gen, 0, 99);
    this.doc.transact(() => {
      if (paragraphs.length === 0 || roll < 12) {
        insertParagraphs(this.doc, prng.int32(gen, 0, fragment.length), [
          {
            id: `p-${this.user}-${counter}`,
            kind: prng.oneOf(gen, [...paragraphKinds]),
            text: prng.word(gen, 1, 12),
          },
        ]);
        return;
      }
      const paragraph = prng.oneOf(gen, paragraphs);
      const segment = textSegments(paragraph)[0];
      if (roll < 16 || !segment) {
        fragment.delete(fragment.toArray().indexOf(paragraph), 1);
      } else if (roll < 70 || segment.length === 0) {
        segment.insert(prng.int32(gen, 0, segment.length), ` ${prng.word(gen, 1, 8)}`);
      } else {
        const from = prng.int32(gen, 0, segment.length - 1);
        segment.delete(from, prng.int32(gen, 1, Math.min(6, segment.length - from)));
      }
    });
  }
}

const SEEDS = [1, 7, 42, 1234, 99991];
const STEPS = 400;

describe('seeded random delivery through the server', () => {
  let temp: { dir: string; remove(): Promise<void> };
  let server: CollabTestServer | undefined;

  beforeEach(async () => {
    temp = await makeTempDir();
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await temp.remove();
  });

  it.each(SEEDS)('converges and matches the log (seed %i)', async (seed) => {
    const gen = prng.create(seed);
    server = await startCollabServer(temp.dir, { snapshotEvery: { updates: 7, bytes: 64 * 1024 } });
    const documentId = randomUUID();
    await server.gateway.createDocumentText(
      documentId,
      [
        { id: 'p-0', kind: 'heading', text: 'Ocean declaration' },
        { id: 'p-1', kind: 'preambular', text: 'Recalling earlier work,' },
        { id: 'p-2', kind: 'operative', text: 'Decides to act;' },
      ],
      { userId: 'u-chair', stakeholderId: 's-chair' },
    );
    const writers: UserName[] = ['alice', 'bob', 'carol', 'chair'];
    const peers = [...writers, 'olga' as const].map(
      (user) => new QueuedPeer(server!, documentId, user),
    );
    for (const peer of peers) await peer.connect();

    for (let step = 0; step < STEPS; step++) {
      const peer = prng.oneOf(gen, peers);
      const roll = prng.int32(gen, 0, 99);
      if (roll < 35) {
        if (peer.user !== 'olga') peer.editRandomly(gen, step);
      } else if (roll < 65) {
        peer.sendOne();
      } else if (roll < 98) {
        peer.deliverOne();
      } else {
        await peer.reconnect();
      }
      // Let the server read what was sent and answer, at seeded moments only.
      if (prng.int32(gen, 0, 9) === 0) await new Promise((resolve) => setImmediate(resolve));
    }

    // Settle: everything sent and delivered until all agree with each other and the server.
    const fingerprint = (doc: Y.Doc) => JSON.stringify(listParagraphs(doc));
    await waitFor(
      async () => {
        for (const peer of peers) {
          while (!peer.idle) {
            peer.sendOne();
            peer.deliverOne();
          }
        }
        const live = JSON.stringify(await server!.gateway.readParagraphs(documentId));
        return peers.every((peer) => peer.idle && fingerprint(peer.doc) === live);
      },
      `convergence (seed ${seed})`,
      20_000,
    );

    expect(peers.map((peer) => peer.closedByServer)).toEqual(peers.map(() => undefined));
    const live = await server.gateway.readParagraphs(documentId);
    const expected = peers[0]!.doc;
    for (const peer of peers)
      expect(textFragment(peer.doc).toJSON()).toBe(textFragment(expected).toJSON());

    await server.close();
    const { openSqliteEventStore } = await import('../eventstore/sqlite/sqlite-event-store.js');
    const store = openSqliteEventStore({ file: server.file });
    try {
      const fromLog = await loadDocState(store, documentId);
      expect(listParagraphs(fromLog.doc)).toEqual(live);
      expect(textFragment(fromLog.doc).toJSON()).toBe(textFragment(expected).toJSON());
      expect(fromLog.snapshotRevision).toBeDefined();
    } finally {
      await store.close();
      server = undefined;
    }
    for (const peer of peers) peer.doc.destroy();
  });
});
