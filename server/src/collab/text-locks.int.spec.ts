// The chair's gavel reaches the live text: once a paragraph is agreed ad ref over HTTP, an open
// websocket may no longer change it (4423), and once the chair reopens it, it may again. The
// locks come from the read models through the access refresh, on a real server.
import { CollabCloseCode, CollabCloseReason } from '@accord/shared';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { textFragment } from '../text/doc-structure.js';
import { encodeSyncStep1, encodeSyncUpdate, MessageType, SyncMessageType } from './protocol.js';

/** A raw writer that holds a synced copy of the text, to build real edits from. */
async function connectWriter(server: TestServer, cookie: string, documentId: string) {
  const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/${documentId}`, {
    headers: { cookie },
  });
  const doc = new Y.Doc();
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  let synced!: () => void;
  const whenSynced = new Promise<void>((resolve) => (synced = resolve));
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MessageType.Sync) return;
    const type = decoding.readVarUint(decoder);
    if (type === SyncMessageType.Step1) return;
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder));
    if (type === SyncMessageType.Step2) synced();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(encodeSyncStep1(new Y.Doc()));
  await whenSynced;
  /** Types `words` at the start of the paragraph at `index`, on a copy, and sends the change. */
  const type = (index: number, words: string) => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    ((textFragment(copy).get(index) as Y.XmlElement).get(0) as Y.XmlText).insert(0, words);
    ws.send(encodeSyncUpdate(Y.encodeStateAsUpdate(copy, Y.encodeStateVector(doc))));
  };
  return { ws, closed, type };
}

describe('locks of paragraphs agreed ad ref on the live text', () => {
  let server: TestServer;
  let fixture: NegotiationFixture;

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await createNegotiationFixture(server);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a delegate’s typing once the chair gavels, and takes it once reopened', async () => {
    const documentId = fixture.documents['open-drafting'];
    const [agreed, open] = (await fixture.paragraphIds(documentId)) as [string, string];
    const textOf = async (id: string) =>
      (await server.text.paragraphs(documentId)).find((p) => p.id === id)?.text;
    const cookie = fixture.clients.delegate.cookie!;
    // Connected before the gavel: the lock must reach a document already loaded.
    const writer = await connectWriter(server, cookie, documentId);

    const gavel = await fixture.clients.chair.put(
      `/api/documents/${documentId}/paragraphs/${agreed}/status`,
      { status: 'agreed-ad-ref' },
    );
    expect(gavel.status).toBe(200);
    const before = await textOf(agreed);
    writer.type(0, 'Further ');
    expect(await writer.closed).toEqual({
      code: CollabCloseCode.ParagraphLocked,
      reason: `${CollabCloseReason.ParagraphLocked}: ${agreed}`,
    });
    expect(await textOf(agreed)).toBe(before);

    // Other paragraphs stay open to the same delegate.
    const again = await connectWriter(server, cookie, documentId);
    again.type(1, 'Also ');
    await expect.poll(() => textOf(open)).toMatch(/^Also /);

    const reopen = await fixture.clients.chair.put(
      `/api/documents/${documentId}/paragraphs/${agreed}/status`,
      { status: 'open', reason: 'A delegation asked to revisit the wording' },
    );
    expect(reopen.status).toBe(200);
    again.type(0, 'Further ');
    await expect.poll(() => textOf(agreed)).toBe(`Further ${before}`);
    again.ws.close();
  });
});
