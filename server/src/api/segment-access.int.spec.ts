/**
 * A government-only segment, end to end on a real server: while it is unreleased, a member of
 * civil society reads nothing of its material through any path — every GET route of the API
 * (enumerated from the contracts, each tried now, at a later position, at a later time and at a
 * revision issued in the segment), exports, socket.io notices and presence, and the Yjs gateway —
 * and may not act; after the chair releases it, the same member reads it all.
 */
import {
  allEndpoints,
  CollabCloseCode,
  CollabUpgradeStatus,
  type ChangeNotice,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@accord/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { collect } from '../eventstore/port.js';
import {
  createNegotiationFixture,
  type FixtureMember,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { adoptDocument } from '../test-support/adopt-document.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Every piece of the segment's material carries this marker; none may reach civil society. */
const SECRET = 'SECRETMARK';

describe('a government-only segment', () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  let documentId: string;
  let paragraphId: string;
  let amendmentId: string;
  let libraryTextId: string;
  let consultationId: string;
  let pledgeId: string;
  let recommendationId: string;
  let segmentId: string;
  let commentId: string;
  const sockets: Client[] = [];
  const sockNotices: Record<'cso' | 'delegate', ChangeNotice[]> = { cso: [], delegate: [] };
  let csoPresence = 0;
  let liveClose: Promise<number>;

  const negotiationPath = () => `/api/negotiations/${fx.negotiationId}`;
  const head = async () =>
    (await collect(server.store.readAll({ direction: 'backwards', maxCount: 1 })))[0]!.position!;
  const until = async (condition: () => boolean | Promise<boolean>) => {
    for (let i = 0; i < 400 && !(await condition()); i += 1)
      await new Promise((r) => setTimeout(r, 25));
    expect(await condition()).toBe(true);
  };
  const socketFor = async (member: FixtureMember): Promise<Client> => {
    const socket: Client = io(server.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: fx.clients[member].cookie! },
    });
    sockets.push(socket);
    const ack = await socket.emitWithAck('negotiation:join', { negotiationId: fx.negotiationId });
    expect(ack.ok).toBe(true);
    return socket;
  };
  /** Opens a live text connection; resolves with the close code, or the refused upgrade's status. */
  const collab = (member: FixtureMember) => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab/${documentId}`, {
      headers: { cookie: fx.clients[member].cookie! },
    });
    const opened = new Promise<'open' | number>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('error', () => resolve(-1));
    });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    return { ws, opened, closed };
  };

  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
    documentId = fx.documents['open-drafting'];
    paragraphId = (await fx.paragraphIds(documentId))[1]!;
    const { chair } = fx.clients;

    // A plenary segment open to everyone, closed and released: nothing is held back from it.
    const session = await chair.post<{ sessionId: string }>(`${negotiationPath()}/sessions`, {
      title: 'Second reading, 12–14 May',
      startsOn: '2026-05-12',
      endsOn: '2026-05-14',
      timeZone: 'Europe/Zurich',
    });
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    const plenary = await chair.post<{ segmentId: string }>(`${negotiationPath()}/segments`, {
      sessionId: session.body.sessionId,
      title: 'Plenary',
      access: 'observers',
    });
    expect(plenary.status).toBe(201);
    await chair.post(`${negotiationPath()}/segments/${plenary.body.segmentId}/close`);

    // Said in the open, before the informals: civil society keeps reading it.
    const before = await fx.clients.delegate.put(`/api/documents/${documentId}/positions`, {
      target: { kind: 'paragraph', id: paragraphId },
      stance: 'support',
      statement: 'Said before the informals',
    });
    expect(before.status).toBeLessThan(300);
    // A recommendation submitted in the open; a delegation takes it up during the informals.
    const recommended = await fx.clients['civil-society'].post<{ recommendationId: string }>(
      `${negotiationPath()}/recommendations`,
      {
        title: 'Heat alerts in every language',
        documentId,
        paragraphIds: [paragraphId],
        themes: ['Heat'],
        change: 'amend-paragraph',
        proposedText: 'Alerts reach residents in the languages they speak.',
        rationale: '',
      },
    );
    expect(recommended.status, JSON.stringify(recommended.body)).toBe(201);
    recommendationId = recommended.body.recommendationId;
    // The formal text was adopted in the open, so pledges can be made towards it.
    const formal = fx.documents.formal;
    await adoptDocument(chair, formal);

    // Civil society follows live: a socket.io connection and the collaborative text.
    const cso = await socketFor('civil-society');
    cso.on('change', (c) => sockNotices.cso.push(c));
    cso.on('presence', () => (csoPresence += 1));
    const delegate = await socketFor('delegate');
    delegate.on('change', (c) => sockNotices.delegate.push(c));
    const live = collab('civil-society');
    expect(await live.opened).toBe('open');
    liveClose = live.closed;

    // The government-only segment opens; its material follows.
    const informal = await chair.post<{ segmentId: string }>(`${negotiationPath()}/segments`, {
      sessionId: session.body.sessionId,
      title: 'Informal consultations',
      access: 'governments',
    });
    expect(informal.status).toBe(201);
    segmentId = informal.body.segmentId;

    const tabled = await fx.clients.delegate.post<{ amendmentId: string }>(
      `/api/documents/${documentId}/amendments`,
      {
        paragraphId,
        kind: 'insert',
        range: { start: 0, end: 0 },
        proposedText: `${SECRET} `,
        rationale: `${SECRET} rationale`,
      },
    );
    expect(tabled.status).toBe(201);
    amendmentId = tabled.body.amendmentId;
    const takenUp = await fx.clients.delegate2.post(
      `/api/recommendations/${recommendationId}/take-up`,
      {
        documentId,
        paragraphId,
        kind: 'insert',
        range: { start: 0, end: 0 },
        proposedText: `${SECRET} alerts `,
        rationale: `${SECRET} uptake`,
      },
    );
    expect(takenUp.status, JSON.stringify(takenUp.body)).toBe(201);
    const position = await fx.clients.delegate2.put(`/api/documents/${documentId}/positions`, {
      target: { kind: 'amendment', id: amendmentId },
      stance: 'objection',
      statement: `${SECRET} objection`,
    });
    expect(position.status).toBeLessThan(300);
    const comment = await fx.clients.delegate.post<{ commentId: string }>(
      `/api/documents/${documentId}/comments`,
      { paragraphId, body: `${SECRET} comment` },
    );
    expect(comment.status).toBe(201);
    commentId = comment.body.commentId;
    expect((await chair.post(`/api/amendments/${amendmentId}/accept`)).status).toBeLessThan(300);
    await until(async () =>
      (await server.text.paragraphs(documentId)).some((p) => p.text.includes(SECRET)),
    );
    const revision = await chair.post(`/api/documents/${documentId}/revisions`, {
      label: `${SECRET} Rev`,
    });
    expect(revision.status).toBe(201);
    // Agreed language found during the segment is theirs alone too, until the release.
    const imported = await chair.post<{ libraryTextId: string }>(
      `${negotiationPath()}/library/texts`,
      {
        title: `${SECRET} declaration`,
        symbol: null,
        adoptedOn: '2025-01-01',
        language: 'en',
        paragraphs: [{ ref: 'OP 1', text: `Recalls the ${SECRET} wording.` }],
      },
    );
    expect(imported.status).toBe(201);
    libraryTextId = imported.body.libraryTextId;
    // A consultation opened during the segment on its revision is theirs alone too.
    const consulted = await chair.post<{ consultationId: string }>(
      `${negotiationPath()}/consultations`,
      {
        documentId,
        revisionLabel: `${SECRET} Rev`,
        title: `${SECRET} consultation`,
        intro: '',
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
        questions: [{ kind: 'open', prompt: 'Views?', options: [] }],
        audience: 'invited',
        invitedStakeholderIds: [],
        identity: 'identified',
      },
    );
    expect(consulted.status, JSON.stringify(consulted.body)).toBe(201);
    consultationId = consulted.body.consultationId;
    // A pledge made during the segment is theirs alone too, on the public pages as well.
    const [, formalOp1] = await fx.paragraphIds(fx.documents.formal);
    const pledged = await fx.clients.delegate.post<{ pledgeId: string }>(
      `${negotiationPath()}/pledges`,
      {
        documentId: fx.documents.formal,
        pledger: { kind: 'state' },
        content: {
          title: `${SECRET} pledge`,
          commitments: 'Act on heat.',
          partners: [],
          timeline: { start: '2026-01-01', end: '2026-12-31' },
          indicators: [],
          objectiveIds: [formalOp1],
          paragraphIds: [],
        },
      },
    );
    expect(pledged.status, JSON.stringify(pledged.body)).toBe(201);
    pledgeId = pledged.body.pledgeId;
    await until(() => sockNotices.delegate.some((c) => c.eventType === 'RevisionIssued'));
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.close();
  });

  it('governments read the segment’s material (the marker is really there)', async () => {
    const frame = await fx.clients.delegate.get(`/api/documents/${documentId}/frame?asOf=now`);
    expect(JSON.stringify(frame.body)).toContain(SECRET);
  });

  it('no GET route of the API shows civil society the material, at any point', async () => {
    const later = (await head()) + 1000n;
    const points = [
      undefined,
      'now',
      `position:${later}`,
      `time:${new Date(Date.now() + 60_000).toISOString()}`,
      `revision:${SECRET} Rev`,
    ];
    const ids: Record<string, string> = {
      negotiationId: fx.negotiationId,
      documentId,
      amendmentId,
      paragraphId,
      commentId,
      segmentId,
      stakeholderId: fx.stakeholders.delegationA,
      label: `${SECRET} Rev`,
      kind: 'amendments',
      libraryTextId,
      consultationId,
      pledgeId,
      recommendationId,
    };
    let tried = 0;
    for (const endpoint of allEndpoints()) {
      if (endpoint.method !== 'get') continue;
      const names = [...endpoint.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      if (names.length === 0 || names.some((n) => ids[n] === undefined)) continue;
      const path = endpoint.path.replace(/:(\w+)/g, (_, n: string) => encodeURIComponent(ids[n]!));
      const shape: Record<string, unknown> =
        (endpoint.query as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
      const queries: string[] = [];
      if ('format' in shape) {
        for (const format of ['md', 'html', 'akn', 'json']) {
          for (const point of points.slice(1))
            queries.push(`format=${format}&variant=compilation&asOf=${encodeURIComponent(point!)}`);
          queries.push(`format=${format}&variant=compare&from=position:1&to=now`);
        }
      } else if ('asOf' in shape) {
        queries.push(
          ...points.map((p) => (p === undefined ? '' : `asOf=${encodeURIComponent(p)}`)),
        );
      } else if ('q' in shape) {
        queries.push(`q=${SECRET}`);
      } else if ('from' in shape && 'to' in shape) {
        queries.push('from=position:1&to=now', `from=position:1&to=position:${later}`);
      } else {
        queries.push('');
      }
      for (const query of queries) {
        const res = await fetch(`${server.url}/api${path}${query ? `?${query}` : ''}`, {
          headers: { cookie: fx.clients['civil-society'].cookie! },
        });
        // A problem's `instance` echoes the path asked for, which may hold the label we sent.
        const text = (await res.text()).replace(/"instance":"[^"]*"/, '');
        tried += 1;
        expect(
          text,
          `${endpoint.method.toUpperCase()} ${path}?${query} → ${res.status}`,
        ).not.toContain(SECRET);
        if (res.status === 403) expect(text).toMatch(/segment-closed|forbidden/);
      }
    }
    expect(tried).toBeGreaterThan(30);
  });

  it('time travel answers civil society as of the horizon, and the schedule names it', async () => {
    const schedule = await fx.clients['civil-society'].get<{
      horizon: { position: string; segmentId: string } | null;
    }>(`${negotiationPath()}/schedule`);
    expect(schedule.body.horizon).toMatchObject({ segmentId });
    const frame = await fx.clients['civil-society'].get<{ asOf: { recordPosition: string } }>(
      `/api/documents/${documentId}/frame?asOf=now`,
    );
    expect(frame.status).toBe(200);
    expect(BigInt(frame.body.asOf.recordPosition)).toBeLessThanOrEqual(
      BigInt(schedule.body.horizon!.position),
    );
    // Positions and their history are answered as they stood at the horizon.
    for (const path of ['positions', 'positions/history']) {
      const res = await fx.clients['civil-society'].get(`/api/documents/${documentId}/${path}`);
      expect(res.status, path).toBe(200);
      expect(JSON.stringify(res.body), path).toContain('Said before the informals');
    }
    // Comments too: those posted before the segment, none from it.
    const comments = await fx.clients['civil-society'].get(`/api/documents/${documentId}/comments`);
    expect(comments.status).toBe(200);
    expect(JSON.stringify(comments.body)).not.toContain(SECRET);
  });

  it('tells civil society a recommendation’s fate as it stood at the horizon', async () => {
    const fate = async (member: FixtureMember) =>
      (
        await fx.clients[member].get<{ recommendation: { fate: string } }>(
          `/api/recommendations/${recommendationId}`,
        )
      ).body.recommendation.fate;
    expect(await fate('delegate')).toBe('taken-up');
    expect(await fate('civil-society')).toBe('not-taken-up');
  });

  it('civil society may not act while the segment runs', async () => {
    const res = await fx.clients['civil-society'].post(`/api/documents/${documentId}/comments`, {
      paragraphId,
      body: 'May we speak?',
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ segmentId, segmentTitle: 'Informal consultations' });
  });

  it('socket.io tells civil society of the segment and of nothing in it, presence neither', () => {
    expect(sockNotices.cso.filter((c) => c.kind === 'segment').length).toBeGreaterThan(0);
    const opened = sockNotices.cso.findIndex((c) => c.eventType === 'SegmentOpened');
    expect(opened).toBeGreaterThanOrEqual(0);
    expect(sockNotices.cso.slice(opened).filter((c) => c.kind !== 'segment')).toEqual([]);
    expect(JSON.stringify(sockNotices.cso)).not.toContain(SECRET);
    expect(sockNotices.delegate.some((c) => c.id === amendmentId)).toBe(true);
    expect(csoPresence).toBeLessThanOrEqual(2); // only the joins before the segment opened
  });

  it('the Yjs gateway closed civil society’s live text and refuses a new one', async () => {
    expect(await liveClose).toBe(CollabCloseCode.SegmentClosed);
    expect(await collab('civil-society').opened).toBe(CollabUpgradeStatus.SegmentClosed);
    const delegate = collab('delegate');
    expect(await delegate.opened).toBe('open');
    delegate.ws.close();
  });

  it('after the chair closes and releases it, civil society reads it all', async () => {
    const { chair } = fx.clients;
    const release = `${negotiationPath()}/segments/${segmentId}/release`;
    // Material is released once the segment is over.
    expect((await chair.post(release)).status).toBe(409);
    expect((await chair.post(`${negotiationPath()}/segments/${segmentId}/close`)).status).toBe(200);
    // Once it is over civil society may speak again, and sees its own words, still not the
    // segment's.
    const spoken = await fx.clients['civil-society'].post(`/api/documents/${documentId}/comments`, {
      paragraphId,
      body: 'Back in the room',
    });
    expect(spoken.status).toBe(201);
    const closedComments = await fx.clients['civil-society'].get(
      `/api/documents/${documentId}/comments`,
    );
    expect(closedComments.status).toBe(200);
    expect(JSON.stringify(closedComments.body)).toContain('Back in the room');
    expect(JSON.stringify(closedComments.body)).not.toContain(SECRET);
    expect((await chair.post(release)).status).toBe(200);

    const cso = fx.clients['civil-society'];
    for (const path of [
      `/api/documents/${documentId}/frame?asOf=now`,
      `/api/documents/${documentId}/comments`,
      `/api/documents/${documentId}/amendments`,
      `/api/documents/${documentId}/export?format=md&variant=compilation`,
    ]) {
      const res = await fetch(`${server.url}${path}`, { headers: { cookie: cso.cookie! } });
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain(SECRET);
    }
    const live = collab('civil-society');
    expect(await live.opened).toBe('open');
    live.ws.close();
  });
});
