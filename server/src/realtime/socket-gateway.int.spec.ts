// The socket.io gateway end to end: a real HTTP server, real socket.io clients sending the
// session cookie, the projector's 'changes' played by a plain EventEmitter.
import { randomUUID } from 'node:crypto';
import type { JoinAck, Role } from '@accord/shared';
import type { Socket } from 'socket.io-client';
import { sessionTokenOf } from '../accounts/session-cookie.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  aChange,
  connectClient,
  connected,
  Directory,
  record,
  refusal,
  request,
  startRealtimeServer,
  waitFor,
  type ClientOptions,
  type RealtimeTestServer,
  type TestClient,
} from './test-support/realtime-harness.js';

const onlineIds = (answer: JoinAck) => (answer.ok ? answer.online.map((e) => e.userId) : []);

describe('socket.io gateway', () => {
  let directory: Directory;
  let server: RealtimeTestServer;
  const clients: TestClient[] = [];
  const negotiationId = randomUUID();
  const documentId = randomUUID();

  const client = (options: ClientOptions) => {
    const socket = connectClient(server, options);
    clients.push(socket);
    return socket;
  };
  /** A signed-in member of the negotiation, connected. */
  const member = async (displayName: string, role: Role) => {
    const { user, token } = directory.signIn(displayName);
    directory.admit(negotiationId, user.userId, role, `${displayName}'s delegation`);
    const socket = await connected(client({ token }));
    return { user, token, socket, received: record(socket) };
  };
  const joinNegotiation = (socket: TestClient, id = negotiationId) =>
    request(socket, 'negotiation:join', { negotiationId: id });

  beforeEach(async () => {
    directory = new Directory();
    directory.documents.set(documentId, negotiationId);
    server = await startRealtimeServer(directory);
  });

  afterEach(async () => {
    for (const socket of clients.splice(0)) socket.disconnect();
    await server.close();
  });

  it('pushes a change to a delegate as it happens, with its position as a string', async () => {
    const delegate = await member('Dana', 'delegate');
    expect(await joinNegotiation(delegate.socket)).toMatchObject({ ok: true });

    const tabled = aChange({ kind: 'amendment', negotiationId, id: randomUUID() });
    server.changes.emit('changes', [tabled]);

    await waitFor(() => delegate.received.changes.length > 0, 'the change');
    expect(delegate.received.changes).toEqual([
      {
        kind: 'amendment',
        negotiationId,
        id: tabled.id,
        eventType: 'AmendmentTabled',
        position: tabled.position.toString(),
      },
    ]);
  });

  it('sends a document change once to a socket in both the document and the negotiation', async () => {
    const delegate = await member('Dana', 'delegate');
    await joinNegotiation(delegate.socket);
    expect(await request(delegate.socket, 'document:join', { documentId })).toMatchObject({
      ok: true,
    });
    const onlyInDocument = await member('Dmitri', 'delegate');
    await request(onlyInDocument.socket, 'document:join', { documentId });

    const commented = aChange({ kind: 'comment', negotiationId, documentId });
    const marker = aChange({ kind: 'activity', negotiationId, documentId });
    server.changes.emit('changes', [commented, marker]);

    await waitFor(
      () => delegate.received.changes.length >= 2 && onlyInDocument.received.changes.length >= 2,
      'both changes at both members',
    );
    const positions = [commented, marker].map((change) => change.position.toString());
    expect(delegate.received.changes.map((change) => change.position)).toEqual(positions);
    expect(onlyInDocument.received.changes.map((change) => change.position)).toEqual(positions);
  });

  it('never sends an observer what its role may not read, while the chair gets it', async () => {
    const chair = await member('Chiara', 'chair');
    const observer = await member('Olga', 'observer');
    await joinNegotiation(chair.socket);
    await joinNegotiation(observer.socket);

    const invited = aChange({
      kind: 'invitation',
      negotiationId,
      eventType: 'MemberInvited',
      readAction: 'invitations.manage',
    });
    // Sent after the restricted change: once the observer has it, the other would have arrived.
    const marker = aChange({ kind: 'activity', negotiationId });
    server.changes.emit('changes', [invited]);
    server.changes.emit('changes', [marker]);

    await waitFor(() => chair.received.changes.length >= 2, 'the chair to get both');
    await waitFor(() => observer.received.changes.length >= 1, 'the observer to get the marker');
    expect(chair.received.changes.map((change) => change.kind)).toEqual(['invitation', 'activity']);
    expect(observer.received.changes.map((change) => change.kind)).toEqual(['activity']);
  });

  it('refuses a handshake without a session cookie, whatever the query or auth payload says', async () => {
    const { token } = directory.signIn('Eve');
    const withoutCookie = await refusal(client({ query: { token }, auth: { token } }));
    expect(withoutCookie.data).toEqual({ code: 'unauthenticated', message: 'Sign in first' });

    const unknown = await refusal(client({ token: 'x'.repeat(32) }));
    expect(unknown.data).toMatchObject({ code: 'unauthenticated' });
  });

  it("refuses a handshake from another site's page, even with a valid cookie", async () => {
    const { token } = directory.signIn('Eve');
    const crossSite = await refusal(client({ token, headers: { origin: 'https://evil.example' } }));
    expect(crossSite.data).toMatchObject({ code: 'forbidden' });

    const sameSite = client({ token, headers: { origin: server.url } });
    await expect(connected(sameSite)).resolves.toBe(sameSite);
  });

  it("refuses a non-member's joins, and answers an unknown document exactly as a forbidden one", async () => {
    const { token } = directory.signIn('Mallory');
    const outsider = await connected(client({ token }));
    const received = record(outsider);

    expect(await joinNegotiation(outsider)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // Same answer and the same lookups (the same timing class) whether the id exists or not,
    // so joining cannot probe which document ids exist.
    const lookups: string[] = [];
    const counting = directory.members.get.bind(directory.members);
    directory.members.get = (key: string) => (lookups.push('membership'), counting(key));
    const forbidden = await request(outsider, 'document:join', { documentId });
    const forbiddenLookups = lookups.splice(0);
    const unknown = await request(outsider, 'document:join', { documentId: randomUUID() });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(unknown).toEqual(forbidden);
    expect(lookups).toEqual(forbiddenLookups);

    // Nothing about the negotiation reaches the outsider.
    const delegate = await member('Dana', 'delegate');
    await joinNegotiation(delegate.socket);
    server.changes.emit('changes', [aChange({ kind: 'amendment', negotiationId, documentId })]);
    await waitFor(() => delegate.received.changes.length === 1, 'the member to get the change');
    expect(received.changes).toEqual([]);
    expect(received.presence).toEqual([]);
  });

  it("answers malformed payloads with 'invalid' and keeps serving", async () => {
    const delegate = await member('Dana', 'delegate');
    // The typed client would not let these through; a hostile one sends whatever it likes.
    const raw = delegate.socket as unknown as Socket;
    const ask = (event: string, ...args: unknown[]) =>
      raw.timeout(5_000).emitWithAck(event, ...args) as Promise<JoinAck>;

    const malformed: [string, ...unknown[]][] = [
      ['negotiation:join', { negotiationId: 42 }],
      ['negotiation:join', { negotiationId: 'not-an-id' }],
      ['negotiation:join', { negotiationId, extra: true }],
      ['negotiation:join', 'just a string'],
      ['negotiation:join', null],
      ['negotiation:join'],
      ['negotiation:join', { negotiationId }, { negotiationId }],
      ['document:join', { negotiationId }],
      ['document:leave', []],
      ['negotiation:leave', { negotiationId: { $ne: null } }],
    ];
    for (const [event, ...args] of malformed) {
      const answer = await ask(event, ...args);
      expect(answer, `${event} ${JSON.stringify(args)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
    }
    // Without an acknowledgement, and for events nobody handles, there is nothing to answer.
    raw.emit('negotiation:join', { negotiationId: 42 });
    raw.emit('no-such-event', { negotiationId });

    expect(await joinNegotiation(delegate.socket)).toMatchObject({ ok: true });
    expect(delegate.socket.connected).toBe(true);

    // A message above the size limit ends that connection, and only that one.
    const hog = await member('Hugo', 'delegate');
    const closed = new Promise<string>((resolve) => hog.socket.once('disconnect', resolve));
    (hog.socket as unknown as Socket).emit('negotiation:join', {
      negotiationId: 'x'.repeat(200_000),
    });
    await closed;
    const after = await member('Ines', 'delegate');
    expect(await joinNegotiation(after.socket)).toMatchObject({ ok: true });
    expect(delegate.socket.connected).toBe(true);
  });

  it('lists who is online, across tabs, and updates the list on disconnect', async () => {
    const ana = await member('Ana', 'delegate');
    const ben = await member('Ben', 'chair');
    const anaFirst = await joinNegotiation(ana.socket);
    expect(onlineIds(anaFirst)).toEqual([ana.user.userId]);

    const benJoined = await joinNegotiation(ben.socket);
    expect(benJoined).toEqual({
      ok: true,
      online: [
        {
          userId: ana.user.userId,
          displayName: 'Ana',
          stakeholderId: `s-${ana.user.userId}`,
          stakeholderName: "Ana's delegation",
          role: 'delegate',
        },
        {
          userId: ben.user.userId,
          displayName: 'Ben',
          stakeholderId: `s-${ben.user.userId}`,
          stakeholderName: "Ben's delegation",
          role: 'chair',
        },
      ],
    });
    await waitFor(() => ana.received.presence.at(-1)?.online.length === 2, 'Ana to see Ben arrive');

    // A second tab keeps Ana online when the first one closes.
    const anaSecondTab = await connected(client({ token: ana.token }));
    expect(onlineIds(await joinNegotiation(anaSecondTab))).toEqual([
      ana.user.userId,
      ben.user.userId,
    ]);
    ana.socket.disconnect();
    await waitFor(() => server.gateway.io.of('/').sockets.size === 2, 'the first tab to close');
    const benSees = (count: number) => () => ben.received.presence.at(-1)?.online.length === count;
    // Ben's list only changes when somebody arrives or leaves: Carol arriving after the first
    // tab closed proves that closing it did not take Ana offline.
    const carol = await member('Carol', 'observer');
    await joinNegotiation(carol.socket);
    await waitFor(benSees(3), 'Ben to see Carol arrive');
    expect(ben.received.presence.at(-1)?.online.map((entry) => entry.displayName)).toEqual([
      'Ana',
      'Ben',
      'Carol',
    ]);

    anaSecondTab.disconnect();
    await waitFor(benSees(2), 'Ben to see Ana leave');
    expect(ben.received.presence.at(-1)).toEqual({
      negotiationId,
      online: [
        expect.objectContaining({ displayName: 'Ben' }),
        expect.objectContaining({ displayName: 'Carol', role: 'observer' }),
      ],
    });

    await request(carol.socket, 'negotiation:leave', { negotiationId });
    await waitFor(benSees(1), 'Ben to see Carol leave');
  });

  it('tells every socket of a signed-out user that the session ended, and closes them', async () => {
    const dana = await member('Dana', 'delegate');
    const secondTab = await connected(client({ token: dana.token }));
    const secondReceived = record(secondTab);
    const reasons: string[] = [];
    for (const socket of [dana.socket, secondTab]) {
      socket.on('disconnect', (reason) => reasons.push(reason));
    }

    directory.signOut(dana.token);
    server.gateway.disconnectUser(dana.user.userId);

    await waitFor(() => reasons.length === 2, 'both tabs to be closed');
    expect(dana.received.ended).toEqual([{ reason: 'session-ended' }]);
    expect(secondReceived.ended).toEqual([{ reason: 'session-ended' }]);
    expect(reasons).toEqual(['io server disconnect', 'io server disconnect']);
    expect((await refusal(client({ token: dana.token }))).data).toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('moves a member whose role changed, and removes one who was expelled', async () => {
    const otherNegotiation = randomUUID();
    const chiara = await member('Chiara', 'chair');
    const watcher = await member('Wanda', 'delegate');
    directory.admit(otherNegotiation, chiara.user.userId, 'delegate');
    await joinNegotiation(chiara.socket);
    await joinNegotiation(chiara.socket, otherNegotiation);
    await request(chiara.socket, 'document:join', { documentId });
    await joinNegotiation(watcher.socket);

    // Stepped down to secretariat: still reads invitations, and the others see the new role.
    directory.admit(negotiationId, chiara.user.userId, 'secretariat');
    await server.gateway.refreshMembership(negotiationId, chiara.user.userId);
    await waitFor(
      () =>
        watcher.received.presence
          .at(-1)
          ?.online.some(
            (entry) => entry.displayName === 'Chiara' && entry.role === 'secretariat',
          ) ?? false,
      'the new role in the presence list',
    );

    // Now an observer: no longer told about invitations.
    directory.admit(negotiationId, chiara.user.userId, 'observer');
    await server.gateway.refreshMembership(negotiationId, chiara.user.userId);
    const restricted = aChange({
      kind: 'invitation',
      negotiationId,
      readAction: 'invitations.manage',
    });
    const marker = aChange({ kind: 'activity', negotiationId, documentId });
    server.changes.emit('changes', [restricted, marker]);
    await waitFor(() => chiara.received.changes.length === 1, 'the marker');
    expect(chiara.received.changes[0]?.kind).toBe('activity');

    // Expelled: out of the negotiation and its document, still in the other negotiation.
    directory.expel(negotiationId, chiara.user.userId);
    await server.gateway.refreshMembership(negotiationId, chiara.user.userId);
    await waitFor(() => chiara.received.ended.length === 1, 'the revocation notice');
    expect(chiara.received.ended).toEqual([{ reason: 'membership-revoked', negotiationId }]);
    await waitFor(
      () => watcher.received.presence.at(-1)?.online.length === 1,
      'Chiara to leave the presence list',
    );
    server.changes.emit('changes', [
      aChange({ kind: 'amendment', negotiationId, documentId }),
      aChange({ kind: 'activity', negotiationId: otherNegotiation }),
    ]);
    await waitFor(() => chiara.received.changes.length === 2, 'the other negotiation change');
    expect(chiara.received.changes[1]?.negotiationId).toBe(otherNegotiation);
    expect(chiara.socket.connected).toBe(true);
  });

  it('counts open sockets in the websocket gauge', async () => {
    const count = async () =>
      (await server.connections.get()).values.find((v) => v.labels.kind === 'socketio')?.value ?? 0;
    const dana = await member('Dana', 'delegate');
    await member('Dmitri', 'delegate');
    expect(await count()).toBe(2);
    dana.socket.disconnect();
    await waitFor(async () => (await count()) === 1, 'the gauge to drop');
  });

  it('closes its sockets on close but leaves the HTTP server to its owner', async () => {
    const dana = await member('Dana', 'delegate');
    const reasons: string[] = [];
    dana.socket.on('disconnect', (reason) => reasons.push(reason));
    await server.gateway.close();
    await waitFor(() => reasons.length === 1, 'the socket to close');
    expect(server.httpServer.listening).toBe(true);
    expect((await refusal(client({ token: dana.token }))).message).toBeTruthy();
  });
});

describe('socket.io gateway session checks', () => {
  it('closes a socket whose session expired since its handshake', async () => {
    const directory = new Directory();
    const server = await startRealtimeServer(directory, { sessionCheckMs: 20 });
    try {
      const { token } = directory.signIn('Dana');
      const socket = await connected(connectClient(server, { token }));
      const received = record(socket);
      directory.signOut(token);
      await waitFor(() => received.ended.length === 1 && socket.disconnected, 'the session end');
      expect(received.ended).toEqual([{ reason: 'session-ended' }]);
    } finally {
      await server.close();
    }
  });
});

describe('socket.io gateway session expiry', () => {
  it('closes a socket within moments of its session expiring, without waiting for the periodic check', async () => {
    const directory = new Directory();
    const expiresAt = Date.now() + 1000;
    const server = await startRealtimeServer(directory, {
      sessionCheckMs: 0,
      authenticate: (req) => {
        const token = sessionTokenOf(req);
        const user = token === undefined ? undefined : directory.sessions.get(token);
        if (!user || Date.now() >= expiresAt) return Promise.resolve(undefined);
        return Promise.resolve({ ...user, expiresAt });
      },
    });
    try {
      const { token } = directory.signIn('Dana');
      const socket = await connected(connectClient(server, { token }));
      const received = record(socket);
      await waitFor(() => socket.disconnected, 'the expired session to close', 4000);
      expect(Date.now() - expiresAt).toBeLessThan(1000);
      expect(received.ended).toEqual([{ reason: 'session-ended' }]);
    } finally {
      await server.close();
    }
  });
});
