// Per-person budgets of the socket.io gateway, end to end: socket caps per user and per
// delegation refuse the extra handshake with a connect_error, places come back on disconnect,
// and room requests are rate-limited per user across all their sockets.
import { randomUUID } from 'node:crypto';
import type { Role } from '@accord/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SocketLimits } from './socket-budgets.js';
import {
  connectClient,
  connected,
  Directory,
  record,
  refusal,
  request,
  startRealtimeServer,
  waitFor,
  type RealtimeTestServer,
  type TestClient,
} from './test-support/realtime-harness.js';

const limits: SocketLimits = {
  maxConnectionsPerUser: 3,
  maxConnectionsPerStakeholder: 5,
  // Slow refill, so that a slow machine running the test does not earn extra requests.
  userRequestRate: { perSecond: 0.2, burst: 6 },
};

describe('socket.io per-person budgets', () => {
  let directory: Directory;
  let server: RealtimeTestServer;
  const clients: TestClient[] = [];
  const negotiationId = randomUUID();

  const open = (token: string) => {
    const socket = connectClient(server, { token });
    clients.push(socket);
    return socket;
  };
  const person = (name: string, role: Role = 'delegate', stakeholderId?: string) => {
    const signedIn = directory.signIn(name);
    directory.admit(negotiationId, signedIn.user.userId, role);
    if (stakeholderId !== undefined) {
      directory.members.set(`${negotiationId} ${signedIn.user.userId}`, { stakeholderId, role });
    }
    return signedIn;
  };
  const refusals = async (reason: string) =>
    (await server.refusals.get()).values.find((value) => value.labels.reason === reason)?.value ??
    0;

  beforeEach(async () => {
    directory = new Directory();
    server = await startRealtimeServer(directory, { limits });
  });

  afterEach(async () => {
    for (const socket of clients.splice(0)) socket.disconnect();
    await server.close();
  });

  it("refuses a user's socket past their cap with a clear connect_error, before any room", async () => {
    const ana = person('Ana');
    const tabs = await Promise.all([1, 2, 3].map(() => connected(open(ana.token))));
    const extra = open(ana.token);
    const received = record(extra);
    const refused = await refusal(extra);
    expect(refused.data).toEqual({
      code: 'too_many_connections',
      message: expect.stringContaining('3 live connections') as string,
    });
    expect(refused.message).toMatch(/close a tab/);
    expect(received).toEqual({ changes: [], presence: [], ended: [] });
    expect(await refusals('user-connections')).toBe(1);

    // Another person is not affected, and the tabs already open keep working.
    const ben = person('Ben');
    await connected(open(ben.token));
    expect(await request(tabs[0]!, 'negotiation:join', { negotiationId })).toMatchObject({
      ok: true,
    });
  });

  it('gives a place back when one of the tabs closes', async () => {
    const ana = person('Ana');
    const tabs = await Promise.all([1, 2, 3].map(() => connected(open(ana.token))));
    await refusal(open(ana.token));
    tabs[1]!.disconnect();
    // The server sees the close a moment after the client does.
    await waitFor(async () => {
      const retry = open(ana.token);
      try {
        await connected(retry);
        return true;
      } catch {
        return false;
      }
    }, 'a place to come free');
    await refusal(open(ana.token));
  });

  it("caps a delegation's sockets across its members", async () => {
    const stakeholderId = `s-${randomUUID()}`;
    const first = person('Ana', 'delegate', stakeholderId);
    const second = person('Ben', 'delegate', stakeholderId);
    await Promise.all([1, 2, 3].map(() => connected(open(first.token))));
    await Promise.all([1, 2].map(() => connected(open(second.token))));
    const refused = await refusal(open(second.token));
    expect(refused.data).toMatchObject({
      code: 'too_many_connections',
      message: expect.stringContaining('delegation') as string,
    });
    expect(await refusals('stakeholder-connections')).toBe(1);
    // Someone of another delegation still connects.
    await connected(open(person('Chen').token));
  });

  it("rate-limits one user's room requests across all their sockets, not per socket", async () => {
    const ana = person('Ana');
    const [one, two] = await Promise.all([1, 2].map(() => connected(open(ana.token))));
    const answers = [];
    // Alternating sockets: a per-socket budget would let all twelve through.
    for (let i = 0; i < 12; i++) {
      answers.push(await request(i % 2 ? one! : two!, 'negotiation:join', { negotiationId }));
    }
    const codes = answers.map((answer) => (answer.ok ? 'ok' : answer.error.code));
    expect(codes.filter((code) => code === 'ok').length).toBeLessThanOrEqual(7);
    expect(codes).toContain('rate_limited');
    expect(await refusals('request-rate')).toBeGreaterThanOrEqual(5);

    // A reconnect does not reset it either; someone else's budget is untouched.
    const three = await connected(open(ana.token));
    expect(await request(three, 'negotiation:leave', { negotiationId })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    });
    const ben = person('Ben');
    const bens = await connected(open(ben.token));
    expect(await request(bens, 'negotiation:join', { negotiationId })).toMatchObject({ ok: true });
  });
});
