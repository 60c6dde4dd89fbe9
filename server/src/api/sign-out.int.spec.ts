/**
 * Signing out ends that session's live connections at once: the collaboration websocket closes
 * with 4401 and socket.io says `session:ended`, while the same user's other sessions stay.
 */
import {
  CollabCloseCode,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@accord/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ApiClient } from '../test-support/api-client.js';
import {
  createNegotiationFixture,
  FIXTURE_PASSWORD,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('signing out', () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  const opened: { close(): void }[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
  }, 60_000);
  afterAll(async () => {
    for (const connection of opened) connection.close();
    await server.close();
  });

  const session = async () => {
    const client = new ApiClient(server.url);
    await client.signIn('delegate@fixture.test', FIXTURE_PASSWORD);
    return client;
  };

  const collab = async (client: ApiClient) => {
    const ws = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/collab/${fx.documents['open-drafting']}`,
      { headers: { cookie: client.cookie! } },
    );
    opened.push(ws);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return { ws, closed };
  };

  const realtime = async (client: ApiClient) => {
    const socket: Client = io(server.url, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { cookie: client.cookie! },
    });
    opened.push(socket);
    const ended = new Promise<string>((resolve) =>
      socket.on('session:ended', (e) => resolve(e.reason)),
    );
    const ack = await socket.emitWithAck('negotiation:join', { negotiationId: fx.negotiationId });
    expect(ack.ok).toBe(true);
    return { socket, ended };
  };

  it('closes the session’s collaboration and socket.io connections, and only that session’s', async () => {
    const leaving = await session();
    const staying = await session();
    const leavingText = await collab(leaving);
    const stayingText = await collab(staying);
    const leavingLive = await realtime(leaving);
    const stayingLive = await realtime(staying);

    expect((await leaving.delete('/api/session')).status).toBe(204);

    expect(await leavingText.closed).toBe(CollabCloseCode.SessionEnded);
    expect(await leavingLive.ended).toBe('session-ended');
    // The other session was asked again and is still valid: its connection stays open.
    expect(stayingText.ws.readyState).toBe(WebSocket.OPEN);
    expect(stayingLive.socket.connected).toBe(true);
    expect((await staying.get('/api/session')).status).toBe(200);
  });
});
