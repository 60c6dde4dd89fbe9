// "Who wrote what" through the whole server: two delegations type into one paragraph with the stock
// y-websocket client, an accepted amendment writes words for its sponsor, and the authorship route
// credits every run to the right stakeholder and person, now and as of an earlier point.
import type { AuthorshipView } from '@accord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { cookieWebSocket } from '../collab/test-support/collab-harness.js';
import { ApiClient } from '../test-support/api-client.js';
import {
  createNegotiationFixture,
  FIXTURE_PASSWORD,
  type FixtureMember,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { listParagraphs } from './doc-structure.js';

const OP1 = 'Commit to establishing heat early-warning systems in every city;';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('who wrote what', () => {
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

  const until = async (condition: () => boolean | Promise<boolean>, what: string) => {
    let ok = false;
    for (let i = 0; i < 400 && !(ok = await condition()); i += 1) await pause(25);
    expect(ok, what).toBe(true);
  };

  function open(member: FixtureMember, documentId: string) {
    const doc = new Y.Doc();
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
    providers.push(provider);
    return { doc, provider, text: () => listParagraphs(doc).map((p) => p.text) };
  }

  /** Types into a paragraph's text as an editor would, in one local transaction. */
  function type(doc: Y.Doc, paragraphIndex: number, offset: number, words: string) {
    const element = doc.getXmlFragment('default').get(paragraphIndex) as Y.XmlElement;
    (element.get(0) as Y.XmlText).insert(offset, words);
  }

  const authorship = (documentId: string, asOf?: string, member: FixtureMember = 'observer') =>
    fx.clients[member].get<AuthorshipView>(
      `/api/documents/${documentId}/authorship${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`,
    );
  const brief = (view: AuthorshipView, paragraphIndex: number) =>
    view.paragraphs[paragraphIndex]!.runs.map((r) => [
      r.text,
      view.stakeholders[r.stakeholderId ?? '']?.shortCode ?? r.stakeholderId,
    ]);

  it('credits two delegations typing into one paragraph, each run to its own stakeholder', async () => {
    const documentId = fx.documents['open-drafting'];
    const before = `time:${new Date().toISOString()}`;
    await pause(15);
    const a = open('delegate', documentId);
    const b = open('delegate2', documentId);
    await until(() => a.provider.synced && b.provider.synced, 'synced');
    type(a.doc, 1, 7, 'urgently ');
    await until(() => b.text()[1]!.includes('urgently'), 'Alderia reached Bravonia');
    type(b.doc, 1, b.text()[1]!.length - 1, ' and town');
    const expected = OP1.replace('Commit ', 'Commit urgently ').replace('city;', 'city and town;');
    // The route reads the stored log, which the gateway writes in batches.
    await until(
      async () =>
        (await authorship(documentId)).body.paragraphs[1]?.runs.map((r) => r.text).join('') ===
        expected,
      'both edits stored',
    );

    const { status, body } = await authorship(documentId);
    expect(status).toBe(200);
    expect(brief(body, 1)).toEqual([
      ['Commit ', 'CRV'],
      ['urgently ', 'ALD'],
      ['to establishing heat early-warning systems in every city', 'CRV'],
      [' and town', 'BRV'],
      [';', 'CRV'],
    ]);
    const [, alderia, , bravonia] = body.paragraphs[1]!.runs;
    expect(alderia).toMatchObject({ userId: fx.userIds.delegate, amendmentId: null });
    expect(bravonia).toMatchObject({ userId: fx.userIds.delegate2, amendmentId: null });
    expect(Date.parse(bravonia!.at!)).toBeGreaterThanOrEqual(Date.parse(alderia!.until!));
    expect(body.paragraphs[1]).toMatchObject({ label: 'OP 1', kind: 'operative' });
    expect(body.people[fx.userIds.delegate]?.displayName).toBeTypeOf('string');
    expect(body.stakeholders[fx.stakeholders.delegationB]).toMatchObject({
      name: 'Bravonia',
      kind: 'delegation',
    });
    // Untouched paragraphs are one run each, by the chair who created the document.
    expect(brief(body, 0)).toEqual([
      ['Recognizing that extreme heat endangers the health of urban residents,', 'CRV'],
    ]);

    // As of before the typing, the chair wrote everything.
    const then = await authorship(documentId, before);
    expect(then.status).toBe(200);
    expect(brief(then.body, 1)).toEqual([[OP1, 'CRV']]);
    expect(Number(then.body.asOf.textRevision)).toBeLessThan(Number(body.asOf.textRevision));
  });

  it("credits the words of an accepted amendment to its sponsor, through the chair's hand", async () => {
    const documentId = fx.documents.formal;
    const [, op1] = await fx.paragraphIds(documentId);
    const tabled = await fx.clients.delegate.post<{ amendmentId: string }>(
      `/api/documents/${documentId}/amendments`,
      {
        paragraphId: op1,
        kind: 'replace',
        range: { start: 53, end: 63 },
        proposedText: 'all cities',
        rationale: 'Plain words',
      },
    );
    expect(tabled.status).toBe(201);
    const accepted = await fx.clients.chair.post(
      `/api/amendments/${tabled.body.amendmentId}/accept`,
    );
    expect(accepted.status).toBeLessThan(300);
    await until(
      async () =>
        (await authorship(documentId)).body.paragraphs[1]?.runs.some(
          (r) => r.text === 'all cities',
        ) === true,
      'amendment stored',
    );
    const { body } = await authorship(documentId, undefined, 'civil-society');
    expect(brief(body, 1)).toEqual([
      ['Commit to establishing heat early-warning systems in ', 'CRV'],
      ['all cities', 'ALD'],
      [';', 'CRV'],
    ]);
    expect(body.paragraphs[1]!.runs[1]).toMatchObject({
      userId: fx.userIds.chair,
      amendmentId: tabled.body.amendmentId,
    });
  });

  it('refuses outsiders, anonymous readers and malformed points', async () => {
    const documentId = fx.documents.formal;
    await server.accounts.register({
      email: 'outsider-authorship@fixture.test',
      displayName: 'Out',
      password: FIXTURE_PASSWORD,
    });
    const outsider = new ApiClient(server.url);
    await outsider.signIn('outsider-authorship@fixture.test', FIXTURE_PASSWORD);
    const path = `/api/documents/${documentId}/authorship`;
    expect((await outsider.get(path)).status).toBe(404);
    expect((await new ApiClient(server.url).get(path)).status).toBe(401);
    expect((await fx.clients.delegate.get(`${path}?asOf=yesterday`)).status).toBe(422);
  });
});
