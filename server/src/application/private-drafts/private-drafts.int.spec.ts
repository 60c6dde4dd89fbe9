/**
 * A private draft reaches its owner's members and nobody else: not another delegation, not civil
 * society, not the chair, through REST, socket.io notices, the activity feed, time travel or
 * exports. Once tabled, the amendment is public, and the words the draft had before are still not.
 */
import { randomUUID } from 'node:crypto';
import type { ChangeNotice, ClientToServerEvents, ServerToClientEvents } from '@accord/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type ApiResponse } from '../../test-support/api-client.js';
import {
  createNegotiationFixture,
  FIXTURE_PASSWORD,
  type NegotiationFixture,
} from '../../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';
import { tablingIds } from './private-draft-service.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type Member = 'delegate' | 'groupSpeaker' | 'delegate2' | 'civil-society' | 'chair' | 'observer';

/** Words only the draft ever held; none of them may appear anywhere an outsider can read. */
const FIRST_WORDS = 'quietly-drafted-alpha-7781';
const FIRST_RATIONALE = 'rationale-kept-inside-group-4410';
const SECOND_WORDS = 'tabled-wording-bravo-2290';
const COMMENT = 'group-internal-remark-5521';

describe('private drafts never leak', () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  const clients = {} as Record<Member, ApiClient>;
  const notices = {} as Record<Member, ChangeNotice[]>;
  const sockets: Client[] = [];
  let documentId: string;
  let paragraphId: string;
  let draftId: string;
  /** A point before the draft began, for comparisons across its life. */
  let beforeDraft: string;

  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
    // A second member of Group G: a delegate acting for the group itself.
    const speakerId = await server.accounts.register({
      email: 'speaker@fixture.test',
      displayName: 'The group speaker',
      password: FIXTURE_PASSWORD,
    });
    const secretariat = {
      userId: fx.userIds.secretariat,
      stakeholderId: fx.stakeholders.secretariat,
      role: 'secretariat' as const,
    };
    await server.commands.execute({
      type: 'AdmitMember',
      data: {
        negotiationId: fx.negotiationId,
        userId: speakerId,
        stakeholderId: fx.stakeholders.groupG,
        role: 'delegate',
      },
      meta: { commandId: randomUUID(), actor: secretariat, now: new Date().toISOString() },
    });
    const speaker = new ApiClient(server.url);
    await speaker.signIn('speaker@fixture.test', FIXTURE_PASSWORD);
    Object.assign(clients, {
      delegate: fx.clients.delegate,
      groupSpeaker: speaker,
      delegate2: fx.clients.delegate2,
      'civil-society': fx.clients['civil-society'],
      chair: fx.clients.chair,
      observer: fx.clients.observer,
    });
    documentId = fx.documents.formal;
    [, paragraphId] = (await fx.paragraphIds(documentId)) as [string, string];
    for (const member of Object.keys(clients) as Member[]) {
      const socket: Client = io(server.url, {
        transports: ['websocket'],
        extraHeaders: { cookie: clients[member].cookie! },
      });
      sockets.push(socket);
      notices[member] = [];
      socket.on('change', (c) => notices[member].push(c));
      expect(
        (await socket.emitWithAck('negotiation:join', { negotiationId: fx.negotiationId })).ok,
      ).toBe(true);
      expect((await socket.emitWithAck('document:join', { documentId })).ok).toBe(true);
    }
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.close();
  });

  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 400 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(condition()).toBe(true);
  };

  const outsiders: Member[] = ['delegate2', 'civil-society', 'chair', 'observer'];

  /** Everything an outsider can read about the document and the negotiation, as one text. */
  async function everythingVisibleTo(member: Member): Promise<string> {
    const c = clients[member];
    const paths = [
      `/api/negotiations/${fx.negotiationId}/activity`,
      `/api/documents/${documentId}/amendments`,
      `/api/documents/${documentId}/comments`,
      `/api/documents/${documentId}/consensus`,
      `/api/documents/${documentId}/consensus?asOf=now`,
      `/api/documents/${documentId}/frame?asOf=now`,
      `/api/documents/${documentId}/compare?from=position:${beforeDraft}&to=now`,
      `/api/documents/${documentId}/export?format=json&variant=compilation`,
      `/api/documents/${documentId}/export?format=md&variant=compilation`,
      `/api/documents/${documentId}/export?format=akn&variant=compare&from=position:${beforeDraft}&to=now`,
    ];
    const answers: ApiResponse[] = [];
    for (const path of paths) {
      const answer = await c.get(path);
      // Every path must answer, or the check below would pass on an error page.
      expect(answer.status, `${member} ${path}`).toBe(200);
      answers.push(answer);
    }
    return JSON.stringify(answers.map((a) => ({ status: a.status, body: a.body })));
  }

  it('lets the group’s members draft, edit and comment together', async () => {
    const marker = await clients.delegate2.post<{ position: string }>(
      `/api/documents/${documentId}/comments`,
      { paragraphId, body: 'A public remark before any draft' },
    );
    expect(marker.status).toBe(201);
    beforeDraft = marker.body.position;
    const started = await clients.delegate.post<{ draftId: string }>(
      `/api/documents/${documentId}/private-drafts`,
      {
        paragraphId,
        ownerStakeholderId: fx.stakeholders.groupG,
        kind: 'amendment',
        amendmentKind: 'replace',
        range: { start: 0, end: 6 },
        text: FIRST_WORDS,
        rationale: FIRST_RATIONALE,
      },
    );
    expect(started.status).toBe(201);
    draftId = started.body.draftId;

    const seen = await clients.groupSpeaker.get<{ text: string; owner: { stakeholderId: string } }>(
      `/api/private-drafts/${draftId}`,
    );
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      text: FIRST_WORDS,
      owner: { stakeholderId: fx.stakeholders.groupG },
    });
    const commented = await clients.groupSpeaker.post(`/api/private-drafts/${draftId}/comments`, {
      body: COMMENT,
    });
    expect(commented.status).toBe(201);
    const edited = await clients.groupSpeaker.put(`/api/private-drafts/${draftId}`, {
      text: SECOND_WORDS,
      rationale: FIRST_RATIONALE,
    });
    expect(edited.status).toBe(200);
    const listed = await clients.delegate.get<{ drafts: { draftId: string; text: string }[] }>(
      `/api/documents/${documentId}/private-drafts`,
    );
    expect(listed.body.drafts).toEqual([expect.objectContaining({ draftId, text: SECOND_WORDS })]);
  });

  it('answers an outsider as if the draft did not exist, on every route', async () => {
    const tryAll = async (c: ApiClient, id: string) => [
      (await c.get(`/api/private-drafts/${id}`)).status,
      (await c.put(`/api/private-drafts/${id}`, { text: 'x', rationale: '' })).status,
      (await c.post(`/api/private-drafts/${id}/comments`, { body: 'x' })).status,
      (await c.post(`/api/private-drafts/${id}/table`, {})).status,
      (await c.post(`/api/private-drafts/${id}/discard`)).status,
    ];
    const neverUsed = randomUUID();
    for (const member of outsiders) {
      const c = clients[member];
      const answers = await tryAll(c, draftId);
      // The same answers as for an id nobody ever used: nothing tells the draft exists.
      expect(answers, member).toEqual(await tryAll(c, neverUsed));
      // Another delegation gets 404; roles that never draft privately are refused outright.
      const expected = member === 'delegate2' ? 404 : 403;
      expect(answers, member).toEqual([expected, expected, expected, expected, expected]);
      const list = await c.get<{ drafts: unknown[] }>(
        `/api/documents/${documentId}/private-drafts`,
      );
      if (member === 'delegate2') expect(list.body.drafts).toEqual([]);
      else expect(list.status, member).toBe(403);
    }
  });

  it('tells only the owner’s members, on their own rooms', async () => {
    const isDraft = (c: ChangeNotice) => c.kind === 'private-draft' && c.id === draftId;
    await until(
      () =>
        notices.delegate.filter(isDraft).length >= 3 &&
        notices.groupSpeaker.filter(isDraft).length >= 3,
    );
    // Notices arrive in log order: an amendment tabled afterwards reaches everyone, so by the
    // time outsiders have it they would have had the draft's notices too.
    const marker = await clients.delegate2.post<{ amendmentId: string }>(
      `/api/documents/${documentId}/amendments`,
      { paragraphId, kind: 'insert', range: { start: 0, end: 0 }, proposedText: 'Also ' },
    );
    expect(marker.status).toBe(201);
    const hasMarker = (c: ChangeNotice) => c.id === marker.body.amendmentId;
    await until(() => outsiders.every((m) => notices[m].some(hasMarker)));
    for (const member of outsiders) {
      expect(notices[member].filter(isDraft), member).toEqual([]);
      expect(JSON.stringify(notices[member]), member).not.toContain(draftId);
    }
    for (const member of Object.keys(notices) as Member[]) {
      const wire = JSON.stringify(notices[member]);
      expect(wire).not.toContain(FIRST_WORDS);
      expect(wire).not.toContain(SECOND_WORDS);
    }
  });

  it('shows outsiders nothing of it in activity, time travel or exports', async () => {
    for (const member of outsiders) {
      const visible = await everythingVisibleTo(member);
      for (const secret of [draftId, FIRST_WORDS, SECOND_WORDS, FIRST_RATIONALE, COMMENT]) {
        expect(visible, `${member} sees ${secret}`).not.toContain(secret);
      }
    }
    // The owner's members see no draft there either: those paths are public record.
    const member = await everythingVisibleTo('delegate');
    expect(member).not.toContain(SECOND_WORDS);
  });

  it('tables the draft once as the group’s amendment, which is then public', async () => {
    const tabled = await clients.groupSpeaker.post<{
      tabledAs: { kind: string; amendmentId: string };
    }>(`/api/private-drafts/${draftId}/table`, {});
    expect(tabled.status).toBe(200);
    const { amendmentId } = tabled.body.tabledAs;
    expect(amendmentId).toBe(tablingIds(draftId).amendmentId);
    // A retry (another member pressing Table again) tables nothing new.
    const again = await clients.delegate.post<{ tabledAs: unknown }>(
      `/api/private-drafts/${draftId}/table`,
      {},
    );
    expect(again.status).toBe(200);
    expect(again.body.tabledAs).toEqual(tabled.body.tabledAs);

    const amendment = await clients.delegate2.get<{
      sponsorStakeholderId: string;
      proposal: { proposedText: string };
    }>(`/api/amendments/${amendmentId}`);
    expect(amendment.status).toBe(200);
    expect(amendment.body.sponsorStakeholderId).toBe(fx.stakeholders.groupG);
    expect(amendment.body.proposal.proposedText).toBe(SECOND_WORDS);
    const all = await clients.delegate2.get<{ proposal: { proposedText: string } }[]>(
      `/api/documents/${documentId}/amendments`,
    );
    expect(all.body.filter((a) => a.proposal.proposedText === SECOND_WORDS)).toHaveLength(1);

    // The draft itself, and what it said before, stay the group's.
    for (const m of outsiders) {
      const status = (await clients[m].get(`/api/private-drafts/${draftId}`)).status;
      expect(status, m).toBe(m === 'delegate2' ? 404 : 403);
      const visible = await everythingVisibleTo(m);
      expect(visible, m).toContain(SECOND_WORDS);
      for (const secret of [draftId, FIRST_WORDS, COMMENT]) {
        expect(visible, `${m} sees ${secret}`).not.toContain(secret);
      }
    }
    const view = await clients.delegate.get<{ status: string }>(`/api/private-drafts/${draftId}`);
    expect(view.body.status).toBe('tabled');
  });

  it('completes a tabling interrupted between its two steps without a second amendment', async () => {
    const started = await clients.delegate.post<{ draftId: string }>(
      `/api/documents/${documentId}/private-drafts`,
      {
        paragraphId,
        kind: 'amendment',
        amendmentKind: 'insert',
        range: { start: 0, end: 0 },
        text: 'Interrupted ',
      },
    );
    expect(started.status).toBe(201);
    const id = started.body.draftId;
    const ids = tablingIds(id);
    // Step 1 alone, as a crash right after it would leave things: the amendment, no link.
    const actor = {
      userId: fx.userIds.delegate,
      stakeholderId: fx.stakeholders.delegationA,
      role: 'delegate' as const,
    };
    await server.services.amendments.table(
      {
        amendmentId: ids.amendmentId,
        documentId,
        paragraphId,
        kind: 'insert',
        range: { start: 0, end: 0 },
        proposedText: 'Interrupted ',
        rationale: '',
      },
      { commandId: ids.commandId, actor, now: new Date().toISOString() },
    );
    const before = await clients.delegate.get<{ status: string }>(`/api/private-drafts/${id}`);
    expect(before.body.status).toBe('drafting');

    const retried = await clients.delegate.post<{ tabledAs: { amendmentId: string } }>(
      `/api/private-drafts/${id}/table`,
      {},
    );
    expect(retried.status).toBe(200);
    expect(retried.body.tabledAs.amendmentId).toBe(ids.amendmentId);
    const after = await clients.delegate.get<{ status: string }>(`/api/private-drafts/${id}`);
    expect(after.body.status).toBe('tabled');
    const all = await clients.delegate.get<{ proposal: { proposedText: string } }[]>(
      `/api/documents/${documentId}/amendments`,
    );
    expect(all.body.filter((a) => a.proposal.proposedText === 'Interrupted ')).toHaveLength(1);
  });
});
