// Presence across nodes: two socket.io gateways on one Redis (the adapter several nodes use),
// each with its own sockets. A member online on one node is listed on the other; one who leaves
// is gone from both; a user with a tab on each node is listed once.
import { randomUUID } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient, type RedisClientType } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startThrowawayRedis,
  type ThrowawayRedis,
} from '../limits/test-support/throwaway-redis.js';
import {
  connectClient,
  connected,
  Directory,
  record,
  request,
  startRealtimeServer,
  waitFor,
  type RealtimeTestServer,
  type Received,
  type TestClient,
} from './test-support/realtime-harness.js';

const negotiationId = randomUUID();

describe('presence across two nodes', () => {
  let redis: ThrowawayRedis;
  const redisClients: RedisClientType[] = [];
  const directory = new Directory();
  let nodeA: RealtimeTestServer;
  let nodeB: RealtimeTestServer;
  const sockets: TestClient[] = [];

  const node = async (): Promise<RealtimeTestServer> => {
    const pub = createClient({ url: redis.url }) as RedisClientType;
    const sub = pub.duplicate();
    redisClients.push(pub, sub);
    await Promise.all([pub.connect(), sub.connect()]);
    return startRealtimeServer(directory, {
      attachAdapter: (io) => io.adapter(createAdapter(pub, sub)),
      presenceShareMs: 200,
    });
  };

  const online = async (
    server: RealtimeTestServer,
    token: string,
  ): Promise<{ socket: TestClient; received: Received }> => {
    const socket = await connected(connectClient(server, { token }));
    sockets.push(socket);
    const received = record(socket);
    const ack = await request(socket, 'negotiation:join', { negotiationId });
    expect(ack).toMatchObject({ ok: true });
    return { socket, received };
  };

  const names = (received: Received) =>
    received.presence.at(-1)?.online.map((entry) => entry.displayName) ?? [];

  beforeAll(async () => {
    redis = await startThrowawayRedis();
    nodeA = await node();
    nodeB = await node();
  }, 30_000);

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await nodeA?.close();
    await nodeB?.close();
    await Promise.all(redisClients.map((client) => client.quit().catch(() => undefined)));
    await redis?.stop();
  });

  it('lists the members online on either node, once each, and drops those who leave', async () => {
    const ana = directory.signIn('Ana');
    const ben = directory.signIn('Ben');
    directory.admit(negotiationId, ana.user.userId, 'delegate');
    directory.admit(negotiationId, ben.user.userId, 'observer');

    const anaOnA = await online(nodeA, ana.token);
    const benOnB = await online(nodeB, ben.token);
    await waitFor(() => names(anaOnA.received).join() === 'Ana,Ben', 'Ana (node A) to see Ben');
    await waitFor(() => names(benOnB.received).join() === 'Ana,Ben', 'Ben (node B) to see Ana');

    // Ana opens a second tab on node B: still one Ana.
    const anaOnB = await online(nodeB, ana.token);
    await waitFor(() => names(anaOnB.received).join() === 'Ana,Ben', 'the second tab to see both');
    expect(names(benOnB.received)).toEqual(['Ana', 'Ben']);

    // Ben leaves: gone on node A too, while Ana's two tabs keep her listed.
    benOnB.socket.disconnect();
    await waitFor(() => names(anaOnA.received).join() === 'Ana', 'node A to see Ben leave');
    expect(names(anaOnB.received)).toEqual(['Ana']);
  });
});
