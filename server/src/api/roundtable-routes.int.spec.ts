/**
 * Roundtables over HTTP on a real server: scheduling, the co-chairs' draft and sign-off, issuing a
 * paper version from the record (refused, writing nothing, until both co-chairs signed off the
 * current draft), downloading an issued file byte for byte against its recorded hash, previews,
 * concluding, and bad input that writes nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  roundtablePaperFormats,
  type ChangeNotice,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@accord/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../eventstore/port.js';
import type { RoundtableView } from '../readmodels/queries.js';
import { ApiClient } from '../test-support/api-client.js';
import {
  createNegotiationFixture,
  FIXTURE_PASSWORD,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

interface Issued {
  roundtableId: string;
  version: number;
  recordPosition: string;
  files: { format: string; mediaType: string; sha256: string; byteLength: number }[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('roundtables over HTTP', () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  let documentId: string;
  let paragraphs: string[];
  /** A delegate of delegation C, which co-chairs nothing. */
  let otherDelegate: ApiClient;

  const eventCount = async () => (await collect(server.store.readAll())).length;
  const download = async (
    client: ApiClient,
    path: string,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${server.url}${path}`, {
      headers: { cookie: client.cookie ?? '', ...headers },
    });
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
    documentId = fx.documents['open-drafting'];
    paragraphs = await fx.paragraphIds(documentId);
    const userId = await server.accounts.register({
      email: 'delegate3@fixture.test',
      displayName: 'The third delegate',
      password: FIXTURE_PASSWORD,
    });
    await server.commands.execute({
      type: 'AdmitMember',
      data: {
        negotiationId: fx.negotiationId,
        userId,
        stakeholderId: fx.stakeholders.delegationC,
        role: 'delegate',
      },
      meta: {
        commandId: randomUUID(),
        actor: {
          userId: fx.userIds.secretariat,
          stakeholderId: fx.stakeholders.secretariat,
          role: 'secretariat',
        },
        now: new Date().toISOString(),
      },
    });
    otherDelegate = new ApiClient(server.url);
    await otherDelegate.signIn('delegate3@fixture.test', FIXTURE_PASSWORD);

    // The record the paper draws on: a proposal, positions, and inputs from civil society.
    const tabled = await fx.clients.delegate2.post<{ amendmentId: string }>(
      `/api/documents/${documentId}/amendments`,
      {
        paragraphId: paragraphs[1],
        kind: 'replace',
        range: { start: 0, end: 6 },
        proposedText: 'Resolve',
        rationale: 'Stronger',
      },
    );
    expect(tabled.status).toBe(201);
    const target = { kind: 'paragraph', id: paragraphs[1] };
    for (const [client, stance, statement] of [
      [fx.clients.delegate, 'support', ''],
      [otherDelegate, 'objection', 'Every city is too many'],
      [fx.clients['civil-society'], 'support', 'Workers need these alerts'],
    ] as const) {
      const res = await client.put(`/api/documents/${documentId}/positions`, {
        target,
        stance,
        statement,
      });
      expect(res.status).toBe(200);
    }
    const comment = await fx.clients.observer.post(`/api/documents/${documentId}/comments`, {
      paragraphId: paragraphs[1],
      body: 'Alerts should reach people without phones too.',
    });
    expect(comment.status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
  });

  const schedule = (client = fx.clients.chair, body: Record<string, unknown> = {}) =>
    client.post<{ roundtableId: string }>(`/api/negotiations/${fx.negotiationId}/roundtables`, {
      theme: 'Early warning that reaches everyone',
      coChairStakeholderIds: [fx.stakeholders.delegationA, fx.stakeholders.delegationB],
      date: '2026-05-12',
      coverage: { documentId, paragraphIds: [paragraphs[1]] },
      invitedStakeholderIds: [fx.stakeholders.cso, fx.stakeholders.observer],
      ...body,
    });

  const get = async (roundtableId: string) =>
    (await fx.clients.observer.get<RoundtableView>(`/api/roundtables/${roundtableId}`)).body;

  const writeDraft = (roundtableId: string, background: string, client = fx.clients.delegate) =>
    client.put(`/api/roundtables/${roundtableId}/draft`, {
      background,
      guidingQuestions: ['How do alerts reach outdoor workers?', 'Who runs the system?'],
    });

  const signOff = async (roundtableId: string, client: ApiClient) =>
    client.post(`/api/roundtables/${roundtableId}/sign-off`, {
      draft: (await get(roundtableId)).draft,
    });

  it('schedules a roundtable that every member can read', async () => {
    const res = await schedule();
    expect(res.status).toBe(201);
    const roundtable = await get(res.body.roundtableId);
    expect(roundtable).toMatchObject({
      theme: 'Early warning that reaches everyone',
      date: '2026-05-12',
      status: 'scheduled',
      draft: 1,
      signOffs: [],
      readyToIssue: false,
      papers: [],
    });
    expect(roundtable.coChairs.map((c) => c.name)).toEqual(['Alderia', 'Bravonia']);
    expect(roundtable.invited.map((c) => c.name)).toEqual([
      'Workers Network',
      'Urban Health Organization',
    ]);
    const list = await fx.clients['civil-society'].get<RoundtableView[]>(
      `/api/negotiations/${fx.negotiationId}/roundtables`,
    );
    expect(list.body.map((r) => r.roundtableId)).toContain(res.body.roundtableId);
  });

  it('refuses to issue without both sign-offs, and appends nothing', async () => {
    const { roundtableId } = (await schedule()).body;
    expect((await writeDraft(roundtableId, 'Alerts arrive too late.')).status).toBe(200);
    const before = await eventCount();
    const none = await fx.clients.chair.post(`/api/roundtables/${roundtableId}/papers`, {});
    expect(none.status).toBe(409);
    expect(none.headers.get('content-type')).toContain('application/problem+json');
    expect(none.body).toMatchObject({ reason: 'sign-off-missing' });
    expect((await signOff(roundtableId, fx.clients.delegate)).status).toBe(200);
    const after = await eventCount();
    const one = await fx.clients.chair.post(`/api/roundtables/${roundtableId}/papers`, {});
    expect(one.status).toBe(409);
    expect(one.body).toMatchObject({ reason: 'sign-off-missing' });
    expect(await eventCount()).toBe(after);
    expect(after).toBe(before + 1); // only the sign-off
  });

  it('issues version 1 once both co-chairs signed off, and it downloads identically', async () => {
    const { roundtableId } = (await schedule()).body;
    await writeDraft(roundtableId, 'Alerts arrive too late for those who work outdoors.');
    await signOff(roundtableId, fx.clients.delegate);
    await signOff(roundtableId, fx.clients.delegate2);
    expect((await get(roundtableId)).readyToIssue).toBe(true);

    const key = randomUUID();
    const issued = await fx.clients.secretariat.post<Issued>(
      `/api/roundtables/${roundtableId}/papers`,
      {},
      { 'idempotency-key': key },
    );
    expect(issued.status).toBe(201);
    // A retried request (lost response) answers as the first time and issues nothing more.
    const before = await eventCount();
    const retried = await fx.clients.secretariat.post<Issued>(
      `/api/roundtables/${roundtableId}/papers`,
      {},
      { 'idempotency-key': key },
    );
    expect(retried.status).toBe(201);
    expect(retried.body.files).toEqual(issued.body.files);
    expect(await eventCount()).toBe(before);
    expect(issued.body.version).toBe(1);
    expect(issued.body.recordPosition).toMatch(/^\d+$/);
    expect(issued.body.files.map((f) => f.format).sort()).toEqual(
      [...roundtablePaperFormats].sort(),
    );
    for (const file of issued.body.files) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    const roundtable = await get(roundtableId);
    expect(roundtable.papers).toHaveLength(1);
    expect(roundtable.papers[0]!.files).toEqual(issued.body.files);
    expect(roundtable.signOffs).toEqual([]);
    expect(roundtable.papers[0]!.signedOffBy.map((s) => s.name)).toEqual(['Alderia', 'Bravonia']);

    for (const file of issued.body.files) {
      const path = `/api/roundtables/${roundtableId}/papers/1?format=${file.format}`;
      const first = await download(fx.clients.observer, path);
      const second = await download(fx.clients['civil-society'], path);
      expect(first.res.status).toBe(200);
      expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
      expect(sha256(first.bytes)).toBe(file.sha256);
      expect(first.bytes.byteLength).toBe(file.byteLength);
      expect(first.res.headers.get('etag')).toBe(`"sha256-${file.sha256}"`);
      expect(first.res.headers.get('digest')).toBe(
        `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`,
      );
      const again = await download(fx.clients.observer, path, {
        'if-none-match': `"sha256-${file.sha256}"`,
      });
      expect(again.res.status).toBe(304);
    }

    // The paper holds what the record says, attributed.
    const md = Buffer.from(
      (await download(fx.clients.observer, `/api/roundtables/${roundtableId}/papers/1?format=md`))
        .bytes,
    ).toString('utf8');
    expect(md).toContain('Early warning that reaches everyone');
    expect(md).toContain('Roundtable paper, version 1');
    expect(md).toContain('Alderia and Bravonia');
    expect(md).toContain('Alerts arrive too late for those who work outdoors.');
    expect(md).toContain('Resolve'); // the pending proposal in place
    expect(md).toContain('Objects: Corvalis');
    expect(md).toContain('Every city is too many');
    expect(md).toContain('Workers Network (civil society)');
    expect(md).toContain('Alerts should reach people without phones too.');
    expect(md).toContain('How do alerts reach outdoor workers?');

    // Later changes to the record change previews, never the issued bytes.
    await fx.clients.delegate2.put(`/api/documents/${documentId}/positions`, {
      target: { kind: 'paragraph', id: paragraphs[1] },
      stance: 'can-accept',
    });
    const md1 = issued.body.files.find((f) => f.format === 'md')!;
    const later = await download(
      fx.clients.observer,
      `/api/roundtables/${roundtableId}/papers/1?format=md`,
    );
    expect(sha256(later.bytes)).toBe(md1.sha256);

    const versions = await fx.clients.observer.get<unknown[]>(
      `/api/roundtables/${roundtableId}/papers`,
    );
    expect(versions.body).toHaveLength(1);
  });

  it('an edit to the background clears the sign-offs', async () => {
    const { roundtableId } = (await schedule()).body;
    await writeDraft(roundtableId, 'First words.');
    await signOff(roundtableId, fx.clients.delegate);
    await signOff(roundtableId, fx.clients.delegate2);
    expect((await get(roundtableId)).readyToIssue).toBe(true);
    expect((await writeDraft(roundtableId, 'Second words.', fx.clients.delegate2)).status).toBe(
      200,
    );
    const roundtable = await get(roundtableId);
    expect(roundtable).toMatchObject({ draft: 3, signOffs: [], readyToIssue: false });
    const before = await eventCount();
    const refused = await fx.clients.chair.post(`/api/roundtables/${roundtableId}/papers`, {});
    expect(refused.status).toBe(409);
    // A sign-off on the earlier draft is refused too.
    const stale = await fx.clients.delegate.post(`/api/roundtables/${roundtableId}/sign-off`, {
      draft: 2,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ reason: 'draft-changed' });
    expect(await eventCount()).toBe(before);
  });

  it('only the co-chair delegations write the draft and sign off', async () => {
    const { roundtableId } = (await schedule()).body;
    await writeDraft(roundtableId, 'Background.');
    const before = await eventCount();
    for (const client of [otherDelegate, fx.clients.chair, fx.clients['civil-society']]) {
      const res = await signOff(roundtableId, client);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({
        type: 'urn:accord:problem:forbidden',
        reason: 'not-a-co-chair',
      });
      expect((await writeDraft(roundtableId, 'Not mine to write.', client)).status).toBe(403);
    }
    expect(await eventCount()).toBe(before);
  });

  it('schedules, issues and concludes only for the chair and the secretariat', async () => {
    const before = await eventCount();
    for (const client of [fx.clients.delegate, fx.clients['civil-society'], fx.clients.observer]) {
      expect((await schedule(client)).status).toBe(403);
    }
    const { roundtableId } = (await schedule(fx.clients.secretariat)).body;
    const after = await eventCount();
    expect(after).toBe(before + 1);
    expect(
      (await fx.clients.delegate.post(`/api/roundtables/${roundtableId}/papers`, {})).status,
    ).toBe(403);
    expect(
      (
        await fx.clients.delegate.post(`/api/roundtables/${roundtableId}/conclude`, {
          summary: 'Done',
        })
      ).status,
    ).toBe(403);
    expect(await eventCount()).toBe(after);
    const concluded = await fx.clients.chair.post(`/api/roundtables/${roundtableId}/conclude`, {
      summary: 'Broad agreement that alerts must not depend on phones.',
    });
    expect(concluded.status).toBe(200);
    expect(await get(roundtableId)).toMatchObject({
      status: 'concluded',
      summary: 'Broad agreement that alerts must not depend on phones.',
    });
    const late = await writeDraft(roundtableId, 'Too late.');
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ reason: 'roundtable-concluded' });
  });

  it('previews the current draft without recording anything', async () => {
    const { roundtableId } = (await schedule()).body;
    await writeDraft(roundtableId, 'A preview shows the draft as it stands.');
    const before = await eventCount();
    const { res, bytes } = await download(
      fx.clients.observer,
      `/api/roundtables/${roundtableId}/paper-preview?format=html`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = Buffer.from(bytes).toString('utf8');
    expect(html).toContain('A preview shows the draft as it stands.');
    expect(html).toContain('not issued');
    const pdf = await download(
      fx.clients.observer,
      `/api/roundtables/${roundtableId}/paper-preview?format=pdf`,
    );
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(await eventCount()).toBe(before);
  });

  it('previews the draft with its headings in the language asked', async () => {
    const { roundtableId } = (await schedule()).body;
    await writeDraft(roundtableId, 'A preview keeps the co-chairs’ words as written.');
    const preview = async (lang: string) => {
      const { res, bytes } = await download(
        fx.clients.observer,
        `/api/roundtables/${roundtableId}/paper-preview?format=html&lang=${lang}`,
      );
      expect(res.status).toBe(200);
      return Buffer.from(bytes).toString('utf8');
    };
    const fr = await preview('fr');
    expect(fr).toContain('<h2>Contexte</h2>');
    expect(fr).toContain('Questions directrices');
    expect(fr).toContain('A preview keeps the co-chairs’ words as written.');
    expect(await preview('ar')).toContain('الخلفية');
    // Without ?lang= the paper follows the reader's interface language.
    const observer = fx.clients.observer;
    expect((await observer.put('/api/me/language', { language: 'es' })).status).toBe(200);
    try {
      const { bytes } = await download(
        observer,
        `/api/roundtables/${roundtableId}/paper-preview?format=html`,
      );
      expect(Buffer.from(bytes).toString('utf8')).toContain('<h2>Antecedentes</h2>');
    } finally {
      await observer.put('/api/me/language', { language: 'en' });
    }
  });

  it('pushes roundtable changes to the members of the negotiation over socket.io', async () => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(server.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: fx.clients.observer.cookie! },
    });
    try {
      const changes: ChangeNotice[] = [];
      socket.on('change', (c) => changes.push(c));
      const ack = await socket.emitWithAck('negotiation:join', { negotiationId: fx.negotiationId });
      expect(ack.ok).toBe(true);
      const { roundtableId } = (await schedule()).body;
      await writeDraft(roundtableId, 'Pushed to every member.');
      const pushed = () =>
        changes
          .filter((c) => c.kind === 'roundtable' && c.id === roundtableId)
          .map((c) => c.eventType);
      for (let i = 0; i < 200 && pushed().length < 2; i += 1) {
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(pushed()).toEqual(['RoundtableScheduled', 'RoundtableDraftEdited']);
      const scheduled = changes.find((c) => c.eventType === 'RoundtableScheduled')!;
      expect(scheduled.activity).toEqual({
        type: 'RoundtableScheduled',
        params: { actor: 'The chair', theme: 'Early warning that reaches everyone' },
      });
    } finally {
      socket.disconnect();
    }
  });

  it('answers bad input with a precise problem and writes nothing', async () => {
    const { roundtableId } = (await schedule()).body;
    const unknown = randomUUID();
    const before = await eventCount();
    const cases: [Promise<{ status: number; body: unknown }>, number, string][] = [
      [
        schedule(fx.clients.chair, { coChairStakeholderIds: [fx.stakeholders.delegationA] }),
        422,
        'invalid-input',
      ],
      [
        schedule(fx.clients.chair, {
          coChairStakeholderIds: [fx.stakeholders.delegationA, fx.stakeholders.delegationA],
        }),
        422,
        'invalid-input',
      ],
      [
        schedule(fx.clients.chair, {
          coChairStakeholderIds: [fx.stakeholders.delegationA, fx.stakeholders.cso],
        }),
        422,
        'co-chair-not-delegation',
      ],
      [schedule(fx.clients.chair, { date: 'next Tuesday' }), 422, 'invalid-input'],
      [schedule(fx.clients.chair, { theme: '   ' }), 422, 'invalid-input'],
      [
        schedule(fx.clients.chair, { coverage: { documentId, paragraphIds: [unknown] } }),
        422,
        'unknown-paragraph',
      ],
      [
        schedule(fx.clients.chair, {
          coverage: { documentId: unknown, paragraphIds: [paragraphs[0]] },
        }),
        422,
        'unknown-document',
      ],
      [
        schedule(fx.clients.chair, { invitedStakeholderIds: [unknown] }),
        422,
        'unknown-stakeholder',
      ],
      [schedule(fx.clients.chair, { extra: true }), 422, 'invalid-input'],
      [
        fx.clients.delegate.put(`/api/roundtables/${roundtableId}/draft`, {
          background: 'x',
          guidingQuestions: Array.from({ length: 21 }, (_, i) => `Question ${i}?`),
        }),
        422,
        'invalid-input',
      ],
      [
        fx.clients.delegate.post(`/api/roundtables/${roundtableId}/sign-off`, { draft: 0 }),
        422,
        'invalid-input',
      ],
      [
        fx.clients.delegate.post(`/api/roundtables/${roundtableId}/sign-off`, { draft: 1 }),
        422,
        'invalid',
      ],
      [fx.clients.observer.get(`/api/roundtables/${unknown}`), 404, 'not-found'],
      [fx.clients.observer.get(`/api/roundtables/not-an-id`), 422, 'invalid-input'],
      [
        fx.clients.observer.get(`/api/roundtables/${roundtableId}/papers/1?format=pdf`),
        404,
        'paper-version-not-found',
      ],
      [
        fx.clients.observer.get(`/api/roundtables/${roundtableId}/papers/1?format=exe`),
        422,
        'invalid-input',
      ],
      [
        fx.clients.observer.get(`/api/roundtables/${roundtableId}/paper-preview?format=rtf`),
        422,
        'invalid-input',
      ],
      [new ApiClient(server.url).get(`/api/roundtables/${roundtableId}`), 401, 'unauthenticated'],
    ];
    for (const [request, status, type] of cases) {
      const res = await request;
      expect({ status: res.status, type: (res.body as { type?: string }).type }).toEqual({
        status,
        type: `urn:accord:problem:${type}`,
      });
    }
    expect(await eventCount()).toBe(before);
  });
});
