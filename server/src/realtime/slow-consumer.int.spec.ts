// A client that stops reading its socket: the changes pushed to it queue up on the server only
// until the heartbeat notices the missing pong and cuts the connection; everyone else goes on.
import { randomUUID } from 'node:crypto';
import type { Socket as NetSocket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  aChange,
  connectClient,
  connected,
  Directory,
  record,
  request,
  startRealtimeServer,
  waitFor,
  type RealtimeTestServer,
  type TestClient,
} from './test-support/realtime-harness.js';

/** The TCP socket under a socket.io client's websocket transport. */
function tcpOf(client: TestClient): NetSocket {
  const transport = client.io.engine.transport as unknown as { ws?: { _socket?: NetSocket } };
  const tcp = transport.ws?._socket;
  if (!tcp) throw new Error('no websocket transport under the client');
  return tcp;
}

describe('socket.io slow consumers', () => {
  let directory: Directory;
  let server: RealtimeTestServer;
  const clients: TestClient[] = [];
  const negotiationId = randomUUID();

  const member = async (name: string) => {
    const { user, token } = directory.signIn(name);
    directory.admit(negotiationId, user.userId, 'delegate');
    const socket = await connected(connectClient(server, { token }));
    clients.push(socket);
    expect(await request(socket, 'negotiation:join', { negotiationId })).toMatchObject({
      ok: true,
    });
    return { socket, received: record(socket) };
  };

  beforeEach(async () => {
    directory = new Directory();
    server = await startRealtimeServer(directory, {
      heartbeat: { intervalMs: 200, timeoutMs: 300 },
    });
  });

  afterEach(async () => {
    for (const socket of clients.splice(0)) socket.disconnect();
    await server.close();
  });

  it('closes a socket that stops reading, while one that reads keeps getting changes', async () => {
    const stalled = await member('Stella');
    const reader = await member('Rita');
    const open = async () => (await server.connections.get()).values[0]?.value ?? 0;
    expect(await open()).toBe(2);

    tcpOf(stalled.socket).pause();
    // A burst of changes (about 2 MB on the wire) while it does not read.
    const padding = 'x'.repeat(2_000);
    for (let i = 0; i < 1_000; i++) {
      server.changes.emit('changes', [
        aChange({ kind: 'comment', negotiationId, id: `${i}-${padding}` }),
      ]);
    }

    await waitFor(async () => (await open()) === 1, 'the stalled socket to be closed');
    await waitFor(() => reader.received.changes.length === 1_000, 'the reader to get them all');
    expect(reader.socket.connected).toBe(true);
    // Its TCP connection is cut too, so what was queued for it is freed now, not after the
    // websocket closing handshake it will never answer.
    const tcpConnections = () =>
      new Promise<number>((resolve, reject) =>
        server.httpServer.getConnections((error, count) =>
          error ? reject(error) : resolve(count),
        ),
      );
    await waitFor(async () => (await tcpConnections()) === 1, 'its TCP connection to go', 5_000);
  });
});
