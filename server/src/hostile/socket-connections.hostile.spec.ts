/**
 * A hostile participant hoarding socket.io connections, against a real server with its default
 * caps: one delegate opens 50 sockets at once; past their cap each extra one is refused with a
 * `too_many_connections` connect_error (and counted in /metrics), while another participant
 * connects and joins as usual. Closing the hoard gives the places back.
 */
import { realtimeErrorCodes, type RealtimeConnectErrorData } from '@accord/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ApiClient } from '../test-support/api-client.js';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const HOARD = 50;
const CAP = 20; // ACCORD_SOCKETIO_MAX_CONNECTIONS_PER_USER's default

const connectErrorData = z.object({ code: z.enum(realtimeErrorCodes), message: z.string() });

type Outcome = { socket: Socket } & (
  { connected: true } | { connected: false; data: RealtimeConnectErrorData | undefined }
);

describe('socket.io connection hoarding', () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  const sockets: Socket[] = [];

  const open = (client: ApiClient): Promise<Outcome> =>
    new Promise((resolve) => {
      const socket = io(server.url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { cookie: client.cookie! },
      });
      sockets.push(socket);
      socket.once('connect', () => resolve({ socket, connected: true }));
      socket.once('connect_error', (error: Error & { data?: unknown }) => {
        const parsed = connectErrorData.safeParse(error.data);
        resolve({ socket, connected: false, data: parsed.success ? parsed.data : undefined });
      });
    });

  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await server?.close();
  });

  it(`refuses one user's sockets past ${CAP} of ${HOARD}, while another user connects`, async () => {
    const hoard = await Promise.all(Array.from({ length: HOARD }, () => open(fx.clients.delegate)));
    const admitted = hoard.filter((outcome) => outcome.connected);
    const refused = hoard.filter((outcome) => !outcome.connected);
    expect(admitted).toHaveLength(CAP);
    expect(refused).toHaveLength(HOARD - CAP);
    for (const outcome of refused) {
      expect(outcome.connected ? undefined : outcome.data?.code).toBe('too_many_connections');
    }

    // The delegate's admitted sockets still work; someone else is not affected at all.
    const join = (socket: Socket) =>
      socket.timeout(5_000).emitWithAck('negotiation:join', {
        negotiationId: fx.negotiationId,
      }) as Promise<{ ok: boolean }>;
    expect(await join(admitted[0]!.socket)).toMatchObject({ ok: true });
    const other = await open(fx.clients.delegate2);
    expect(other.connected).toBe(true);
    expect(await join(other.socket)).toMatchObject({ ok: true });

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain(
      `accord_socketio_refused_total{reason="user-connections"} ${HOARD - CAP}`,
    );

    // Closing the hoard gives every place back: the delegate may connect again.
    for (const { socket } of hoard) socket.disconnect();
    const deadline = Date.now() + 10_000;
    let again = await open(fx.clients.delegate);
    while (!again.connected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await open(fx.clients.delegate);
    }
    expect(again.connected).toBe(true);
  });
});
