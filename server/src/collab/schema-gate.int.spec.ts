// The schema gate through a real websocket: updates outside the negotiation-text schema and
// edits to a paragraph agreed ad ref are refused with their close code, and nothing of them is
// stored in the doctext- stream or reaches anyone else; honest participants carry on.
import { randomUUID } from 'node:crypto';
import { CollabCloseCode, CollabCloseReason, isWriteRefused } from '@accord/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createMetrics, type Metrics } from '../observability/metrics.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import {
  insertParagraphs,
  listParagraphs,
  textFragment,
  type Paragraph,
} from '../text/doc-structure.js';
import type { Attribution } from '../text/text-history.js';
import { MessageType, SyncMessageType, encodeSyncStep2, encodeSyncUpdate } from './protocol.js';
import type { TextRules } from './schema-check.js';
import {
  TestAuth,
  connectProvider,
  connectRaw,
  readTextLog,
  startCollabServer,
  waitFor,
  type CollabTestServer,
  type RawClient,
  type TestClient,
} from './test-support/collab-harness.js';

const chair: Attribution = { userId: 'u-chair', stakeholderId: 's-chair' };

/** The test auth hook, plus locks the test sets per document (as the chair's gavel would). */
class LockingAuth extends TestAuth {
  readonly locked = new Map<string, Set<string>>();

  textRules(documentId: string): Promise<TextRules> {
    return Promise.resolve({ lockedParagraphIds: this.locked.get(documentId) ?? new Set() });
  }
}

const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`No ${what} within ${ms} ms`)), ms),
    ),
  ]);

describe('the schema gate on the collaboration websocket', () => {
  let temp: { dir: string; remove(): Promise<void> };
  let server: CollabTestServer;
  let auth: LockingAuth;
  let metrics: Metrics;
  let text: Paragraph[];
  const raws: RawClient[] = [];
  const providers: TestClient[] = [];

  beforeEach(async () => {
    temp = await makeTempDir();
    auth = new LockingAuth();
    metrics = createMetrics();
    server = await startCollabServer(temp.dir, { auth, metrics });
    text = [
      { id: randomUUID(), kind: 'preambular', text: 'Recalling its resolution 70/1,' },
      { id: randomUUID(), kind: 'operative', text: 'Decides to establish a working group;' },
    ];
  });

  afterEach(async () => {
    for (const client of raws.splice(0)) client.socket.terminate();
    for (const client of providers.splice(0)) client.destroy();
    await server?.close();
    await temp.remove();
  });

  const newDocument = async () => {
    const documentId = randomUUID();
    await server.gateway.createDocumentText(documentId, text, chair);
    return documentId;
  };
  const raw = async (documentId: string) => {
    const client = connectRaw(server, documentId, 'alice');
    raws.push(client);
    await client.opened;
    return client;
  };
  const provider = async (documentId: string, user: 'bob' | 'carol') => {
    const client = connectProvider(server, documentId, user);
    providers.push(client);
    await waitFor(() => client.provider.synced, `${user} synced`);
    return client;
  };
  /** An edit made on a copy of a synced client's document, as the update that carries it. */
  const editOn = (synced: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(synced));
    edit(copy);
    return Y.encodeStateAsUpdate(copy, Y.encodeStateVector(synced));
  };
  const textOf = (doc: Y.Doc, index: number) =>
    (textFragment(doc).get(index) as Y.XmlElement).get(0) as Y.XmlText;
  const refusals = async () =>
    Object.fromEntries(
      (await metrics.collabRefusals.get()).values.map((v) => [String(v.labels.reason), v.value]),
    );

  /** Sends `update` from a raw writer and answers how its connection was closed. */
  const refused = async (documentId: string, update: Uint8Array) => {
    const hostile = await raw(documentId);
    hostile.socket.send(encodeSyncUpdate(update));
    return within(hostile.closed, 5000, 'close');
  };

  it('refuses a foreign element and deep nesting with 4422; nothing is stored or broadcast', async () => {
    const documentId = await newDocument();
    const bob = await provider(documentId, 'bob');
    let bobHeard = 0;
    bob.doc.on('update', () => (bobHeard += 1));
    const logBefore = (await readTextLog(server.store, documentId)).length;

    const foreign = editOn(bob.doc, (doc) =>
      textFragment(doc).insert(1, [new Y.XmlElement('script')]),
    );
    const closed = await refused(documentId, foreign);
    expect(closed).toEqual({
      code: CollabCloseCode.SchemaViolation,
      reason: `${CollabCloseReason.SchemaViolation}: element "script" in the text fragment`,
    });
    expect(isWriteRefused(closed.code, closed.reason)).toBe(true);

    const deep = editOn(bob.doc, (doc) => textOf(doc, 0).insertEmbed(3, new Y.XmlElement('b')));
    expect(await refused(documentId, deep)).toEqual({
      code: CollabCloseCode.SchemaViolation,
      reason: `${CollabCloseReason.SchemaViolation}: nesting deeper than 2 levels`,
    });

    const rootless = editOn(bob.doc, (doc) => doc.getMap('settings').set('theme', 'dark'));
    expect((await refused(documentId, rootless)).code).toBe(CollabCloseCode.SchemaViolation);

    expect(await readTextLog(server.store, documentId)).toHaveLength(logBefore);
    expect(await server.gateway.readParagraphs(documentId)).toEqual(text);
    expect(await refusals()).toEqual({ [CollabCloseReason.SchemaViolation]: 3 });

    // The honest participants carry on: Bob's words are stored and reach Carol, and what Carol
    // receives is the whole broadcast since she joined — none of the refused structs.
    const carol = await provider(documentId, 'carol');
    textOf(bob.doc, 1).insert(0, 'Also ');
    await waitFor(() => listParagraphs(carol.doc)[1]?.text.startsWith('Also ') === true, 'carol');
    expect(await readTextLog(server.store, documentId)).toHaveLength(logBefore + 1);
    expect(
      textFragment(carol.doc)
        .toArray()
        .every((node) => node instanceof Y.XmlElement),
    ).toBe(true);
    expect(carol.doc.share.has('settings')).toBe(false);
    expect(bobHeard).toBe(1); // his own typing only: nothing of the refused updates reached him
    expect(bob.closes).toEqual([]);
  });

  it('refuses edits to a paragraph agreed ad ref with 4423 until the chair reopens it', async () => {
    const documentId = await newDocument();
    const bob = await provider(documentId, 'bob');
    const [agreed, open] = text.map((p) => p.id) as [string, string];
    auth.locked.set(documentId, new Set([agreed]));
    await server.gateway.refreshTextRules(documentId);
    const logBefore = (await readTextLog(server.store, documentId)).length;

    const typing = editOn(bob.doc, (doc) => textOf(doc, 0).insert(0, 'Further '));
    expect(await refused(documentId, typing)).toEqual({
      code: CollabCloseCode.ParagraphLocked,
      reason: `${CollabCloseReason.ParagraphLocked}: ${agreed}`,
    });
    const kind = editOn(bob.doc, (doc) =>
      (textFragment(doc).get(0) as Y.XmlElement).setAttribute('kind', 'operative'),
    );
    expect((await refused(documentId, kind)).code).toBe(CollabCloseCode.ParagraphLocked);
    const deletion = editOn(bob.doc, (doc) => textFragment(doc).delete(0, 1));
    expect((await refused(documentId, deletion)).code).toBe(CollabCloseCode.ParagraphLocked);
    expect(await readTextLog(server.store, documentId)).toHaveLength(logBefore);
    expect(listParagraphs(bob.doc)).toEqual(text);
    expect(await refusals()).toEqual({ [CollabCloseReason.ParagraphLocked]: 3 });

    // The open paragraph stays open to everyone.
    textOf(bob.doc, 1).insert(0, 'Also ');
    await waitFor(
      async () =>
        (await server.gateway.readParagraphs(documentId))[1]?.text.startsWith('Also ') === true,
      'the open paragraph edited',
    );
    expect((await server.gateway.readParagraphs(documentId))[1]?.id).toBe(open);

    // Reopened: the same edit now goes through.
    auth.locked.delete(documentId);
    await server.gateway.refreshTextRules(documentId);
    const writer = await raw(documentId);
    writer.socket.send(
      encodeSyncUpdate(editOn(bob.doc, (doc) => textOf(doc, 0).insert(0, 'Further '))),
    );
    await waitFor(
      () => listParagraphs(bob.doc)[0]?.text.startsWith('Further ') === true,
      'the reopened paragraph edited',
    );
  });

  it('applies nothing of an update built on a lost one, and asks its sender to resync instead', async () => {
    const documentId = await newDocument();
    const bob = await provider(documentId, 'bob');
    const writer = await raw(documentId);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(bob.doc));
    const synced = Y.encodeStateVector(copy);
    insertParagraphs(copy, 2, [{ id: randomUUID(), kind: 'operative', text: 'Invites States' }]);
    const afterLost = Y.encodeStateVector(copy);
    textOf(copy, 2).insert(14, ' to report');
    const logBefore = (await readTextLog(server.store, documentId)).length;
    const stepOnes = () =>
      writer.messages.filter((m) => m[0] === MessageType.Sync && m[1] === SyncMessageType.Step1)
        .length;
    const asked = stepOnes();

    // The paragraph's own update was "lost"; the typing into it arrives alone.
    writer.socket.send(encodeSyncUpdate(Y.encodeStateAsUpdate(copy, afterLost)));
    await waitFor(() => stepOnes() > asked, 'the server asks for what it lacks');
    expect(await readTextLog(server.store, documentId)).toHaveLength(logBefore);
    expect(listParagraphs(bob.doc)).toHaveLength(2);

    // The answer a y-websocket client gives: everything the server lacks, in one update.
    writer.socket.send(encodeSyncStep2(Y.encodeStateAsUpdate(copy, synced)));
    await waitFor(
      () => listParagraphs(bob.doc)[2]?.text === 'Invites States to report',
      'both updates applied',
    );
    expect(writer.socket.readyState).toBe(writer.socket.OPEN);
  });
});
