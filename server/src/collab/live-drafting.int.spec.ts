/**
 * Live co-drafting through the whole server with real sessions: the stock y-websocket client,
 * the permission matrix deciding who may type, and a chair's decision reaching every editor.
 */
import { docTextStream } from '@accord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { collect } from '../eventstore/port.js';
import {
  createNegotiationFixture,
  type FixtureMember,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { listParagraphs } from '../text/doc-structure.js';
import { cookieWebSocket } from './test-support/collab-harness.js';

describe('live co-drafting', () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  const providers: WebsocketProvider[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
  }, 60_000);
  afterAll(async () => {
    for (const p of providers) p.destroy();
    await server.close();
  });

  function open(member: FixtureMember, documentId: string) {
    const doc = new Y.Doc();
    const closes: number[] = [];
    const provider = new WebsocketProvider(
      `${server.url.replace('http', 'ws')}/collab`,
      documentId,
      doc,
      {
        // y-websocket types the polyfill as the DOM WebSocket; ws's class is its Node equivalent.
        WebSocketPolyfill: cookieWebSocket(
          fx.clients[member].cookie,
        ) as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      },
    );
    provider.on('connection-close', (event: { code: number } | null) => {
      if (event) closes.push(event.code);
    });
    providers.push(provider);
    const text = () => listParagraphs(doc).map((p) => p.text);
    return { doc, provider, closes, text };
  }

  const until = async (condition: () => boolean, what: string) => {
    for (let i = 0; i < 400 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(condition(), what).toBe(true);
  };
  const synced = (p: WebsocketProvider) => until(() => p.synced, 'synced');

  /** Types into a paragraph's text as an editor would, in one local transaction. */
  function type(doc: Y.Doc, paragraphIndex: number, offset: number, words: string) {
    const element = doc.getXmlFragment('default').get(paragraphIndex) as Y.XmlElement;
    (element.get(0) as Y.XmlText).insert(offset, words);
  }

  it('two delegates edit concurrently and converge; a latecomer and an observer receive the text', async () => {
    const documentId = fx.documents['open-drafting'];
    const a = open('delegate', documentId);
    const b = open('delegate2', documentId);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    type(a.doc, 1, 0, 'Firmly ');
    type(b.doc, 1, a.text()[1]!.length - 7, ' and villages');
    type(b.doc, 3, 0, 'Strongly ');
    await until(
      () =>
        JSON.stringify(a.text()) === JSON.stringify(b.text()) &&
        a.text()[3]!.startsWith('Strongly') &&
        a.text()[1]!.includes('villages'),
      'converged',
    );

    const late = open('chair', documentId);
    const observer = open('observer', documentId);
    await Promise.all([synced(late.provider), synced(observer.provider)]);
    expect(late.text()).toEqual(a.text());
    expect(observer.text()).toEqual(a.text());

    // The server stored every change: the text rebuilt from its log equals what the editors see.
    expect((await server.text.paragraphs(documentId)).map((p) => p.text)).toEqual(a.text());
  });

  it('an observer cannot change a character: the change is refused and nothing is stored', async () => {
    const documentId = fx.documents['open-drafting'];
    const observer = open('observer', documentId);
    await synced(observer.provider);
    const before = await collect(server.store.readStream(docTextStream(documentId)));
    type(observer.doc, 0, 0, 'Hijacked ');
    await until(() => observer.closes.includes(4403), 'refused with 4403');
    expect((await server.text.paragraphs(documentId))[0]!.text.startsWith('Hijacked')).toBe(false);
    expect(await collect(server.store.readStream(docTextStream(documentId)))).toHaveLength(
      before.length,
    );
  });

  it('a delegate in a formal document cannot type either', async () => {
    const documentId = fx.documents.formal;
    const delegate = open('delegate', documentId);
    await synced(delegate.provider);
    type(delegate.doc, 0, 0, 'Unilaterally ');
    await until(() => delegate.closes.includes(4403), 'refused with 4403');
    expect((await server.text.paragraphs(documentId))[0]!.text.startsWith('Unilaterally')).toBe(
      false,
    );
  });

  it('switching to formal mode takes the pen from a delegate who is already connected', async () => {
    const created = await fx.clients.chair.post<{ documentId: string }>(
      `/api/negotiations/${fx.negotiationId}/documents`,
      {
        title: 'Switched draft',
        symbol: 'A/FIX/3',
        mode: 'open-drafting',
        paragraphs: [{ kind: 'operative', text: 'Decide to review progress every two years.' }],
      },
    );
    const documentId = created.body.documentId;
    const delegate = open('delegate', documentId);
    await synced(delegate.provider);
    type(delegate.doc, 0, 0, 'Also ');
    const storedText = async () => (await server.text.paragraphs(documentId))[0]!.text;
    for (let i = 0; i < 400 && !(await storedText()).startsWith('Also '); i += 1)
      await new Promise((r) => setTimeout(r, 25));
    expect(await storedText()).toBe('Also Decide to review progress every two years.');

    // The mode change answers once open connections have been re-decided: the next change is refused.
    expect(
      (await fx.clients.chair.put(`/api/documents/${documentId}/mode`, { mode: 'formal' })).status,
    ).toBe(200);
    type(delegate.doc, 0, 0, 'Unilaterally ');
    await until(() => delegate.closes.includes(4403), 'refused after the switch');
    expect((await server.text.paragraphs(documentId))[0]!.text).toBe(
      'Also Decide to review progress every two years.',
    );
  });

  it("the chair's acceptance of an amendment changes the text in every open editor, attributed", async () => {
    const documentId = fx.documents.formal;
    const a = open('delegate', documentId);
    const b = open('observer', documentId);
    await Promise.all([synced(a.provider), synced(b.provider)]);
    const paragraph = (await server.text.paragraphs(documentId))[3]!;
    const tabled = await fx.clients.delegate2.post<{ amendmentId: string }>(
      `/api/documents/${documentId}/amendments`,
      {
        paragraphId: paragraph.id,
        kind: 'replace',
        range: { start: 0, end: 'Encourage'.length },
        proposedText: 'Urge',
        rationale: 'Stronger',
      },
    );
    expect(tabled.status).toBe(201);
    const accepted = await fx.clients.chair.post(
      `/api/amendments/${tabled.body.amendmentId}/accept`,
    );
    expect(accepted.status).toBe(200);
    await until(
      () => a.text()[3]!.startsWith('Urge cities') && b.text()[3]!.startsWith('Urge cities'),
      'both editors changed',
    );
    const log = await collect(server.store.readStream(docTextStream(documentId)));
    expect(log.at(-1)!.metadata).toMatchObject({
      amendmentId: tabled.body.amendmentId,
      userId: fx.userIds.chair,
      stakeholderId: fx.stakeholders.delegationB,
    });
  });
});
