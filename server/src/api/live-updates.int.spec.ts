/**
 * Live updates through the whole server: a command over REST becomes an event, the read models
 * apply it, and socket.io pushes it only to the roles that may read it.
 */
import type { ChangeNotice, ClientToServerEvents, ServerToClientEvents } from '@accord/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('live updates over socket.io', () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  const sockets: Client[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server.close();
  });

  async function connect(
    member: 'chair' | 'delegate' | 'observer',
  ): Promise<{ socket: Client; changes: ChangeNotice[] }> {
    const socket: Client = io(server.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: fx.clients[member].cookie! },
    });
    sockets.push(socket);
    const changes: ChangeNotice[] = [];
    socket.on('change', (c) => changes.push(c));
    const ack = await socket.emitWithAck('negotiation:join', { negotiationId: fx.negotiationId });
    expect(ack.ok).toBe(true);
    return { socket, changes };
  }

  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 400 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(condition()).toBe(true);
  };

  it('pushes a new amendment to the delegate and keeps invitations from the observer', async () => {
    const chair = await connect('chair');
    const delegate = await connect('delegate');
    const observer = await connect('observer');

    const invited = await fx.clients.chair.post<{ invitationId: string }>(
      `/api/negotiations/${fx.negotiationId}/invitations`,
      {
        email: 'newcomer@fixture.test',
        stakeholderId: fx.stakeholders.delegationB,
        role: 'delegate',
      },
    );
    expect(invited.status).toBe(201);

    const doc = fx.documents['open-drafting'];
    const [, p1] = await fx.paragraphIds(doc);
    const tabled = await fx.clients.delegate2.post<{ amendmentId: string }>(
      `/api/documents/${doc}/amendments`,
      {
        paragraphId: p1,
        kind: 'insert',
        range: { start: 0, end: 0 },
        proposedText: 'Urgently ',
        rationale: 'Heat kills',
      },
    );
    expect(tabled.status).toBe(201);
    const isTabled = (c: ChangeNotice) =>
      c.kind === 'amendment' &&
      c.id === tabled.body.amendmentId &&
      c.eventType === 'AmendmentTabled';

    await until(
      () =>
        delegate.changes.some(isTabled) &&
        observer.changes.some(isTabled) &&
        chair.changes.some(isTabled),
    );
    // Changes arrive in log order: the invitation came first, so the observer would have had it by now.
    expect(
      chair.changes.some((c) => c.kind === 'invitation' && c.id === invited.body.invitationId),
    ).toBe(true);
    expect(observer.changes.filter((c) => c.kind === 'invitation' || c.kind === 'member')).toEqual(
      [],
    );
    expect(delegate.changes.filter((c) => c.kind === 'invitation' || c.kind === 'member')).toEqual(
      [],
    );
    expect(delegate.changes.find(isTabled)).toMatchObject({
      documentId: doc,
      negotiationId: fx.negotiationId,
    });
  });
});
