/**
 * The edges a hostile participant pushes on: opening negotiations is for operators only, the
 * invitation preview and sign-in answer alike whether or not an e-mail has an account, REST
 * writes have a budget per user and per address, and reads of the public pages one per address.
 * Each refusal appends nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headPosition } from '../readmodels/rebuild.js';
import { ApiClient } from '../test-support/api-client.js';
import {
  createNegotiationFixture,
  FIXTURE_PASSWORD,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const newNegotiation = (title: string) => ({
  title,
  description: '',
  secretariat: { name: 'Secretariat', shortCode: 'SEC' },
});

interface Problem {
  type: string;
  title: string;
  detail?: string;
}

describe('opening negotiations and invitations', () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  beforeAll(async () => {
    server = await startTestServer({ ACCORD_OPERATORS: 'Secretariat@Fixture.test' });
    fx = await createNegotiationFixture(server);
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('refuses a signed-in non-operator with 403 operator-only and appends nothing', async () => {
    const before = await headPosition(server.store);
    const res = await fx.clients.delegate.post<Problem>(
      '/api/negotiations',
      newNegotiation('Not mine to open'),
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(res.body.type).toBe('urn:accord:problem:operator-only');
    expect(await headPosition(server.store)).toBe(before);
    const mine = await fx.clients.delegate.get<unknown[]>('/api/negotiations');
    expect(mine.body).toHaveLength(1);
  });

  it('lets an operator (e-mail matched without regard to case) open a negotiation', async () => {
    const res = await fx.clients.secretariat.post<{ negotiationId: string }>(
      '/api/negotiations',
      newNegotiation('Opened by the operator'),
    );
    expect(res.status).toBe(201);
    const detail = await fx.clients.secretariat.get<{ title: string }>(
      `/api/negotiations/${res.body.negotiationId}`,
    );
    expect(detail.body.title).toBe('Opened by the operator');
  });

  const invite = async (email: string) => {
    const res = await fx.clients.secretariat.post<{ invitationId: string; link: string }>(
      `/api/negotiations/${fx.negotiationId}/invitations`,
      { email, stakeholderId: fx.stakeholders.delegationC, role: 'delegate' },
    );
    expect(res.status).toBe(201);
    const token = res.body.link.replace(/^.*#token=/, '');
    return { invitationId: res.body.invitationId, token };
  };

  it('previews an invitation alike whether or not its e-mail has an account', async () => {
    await server.accounts.register({
      email: 'has-account@fixture.test',
      displayName: 'Has an account',
      password: FIXTURE_PASSWORD,
    });
    const anonymous = new ApiClient(server.url);
    const previews = [];
    for (const email of ['has-account@fixture.test', 'no-account@fixture.test']) {
      const { invitationId, token } = await invite(email);
      const res = await anonymous.post<Record<string, unknown>>(
        `/api/invitations/${invitationId}/preview`,
        { token },
      );
      previews.push(res);
    }
    const [existing, fresh] = previews;
    expect(existing!.status).toBe(200);
    expect(fresh!.status).toBe(existing!.status);
    expect(Object.keys(fresh!.body).sort()).toEqual(Object.keys(existing!.body).sort());
    const { email: e1, expiresAt: x1, ...restExisting } = existing!.body;
    const { email: e2, expiresAt: x2, ...restFresh } = fresh!.body;
    expect([e1, e2]).toEqual(['has-account@fixture.test', 'no-account@fixture.test']);
    expect(typeof x1).toBe(typeof x2);
    expect(restFresh).toEqual(restExisting);
    expect(existing!.body).not.toHaveProperty('accountExists');
  });

  it('accepts with a name and a password whether or not the e-mail has an account', async () => {
    await server.accounts.register({
      email: 'returning@fixture.test',
      displayName: 'Returning Person',
      password: FIXTURE_PASSWORD,
    });
    const existing = await invite('returning@fixture.test');
    const anonymous = new ApiClient(server.url);
    const signedIn = await anonymous.post<{ user: { displayName: string } }>(
      `/api/invitations/${existing.invitationId}/accept`,
      { token: existing.token, password: FIXTURE_PASSWORD, displayName: 'Typed anyway' },
    );
    expect(signedIn.status).toBe(201);
    // An existing account keeps its name: the form's name only names a new account.
    expect(signedIn.body.user.displayName).toBe('Returning Person');

    const fresh = await invite('newcomer@fixture.test');
    const created = await new ApiClient(server.url).post<{ user: { displayName: string } }>(
      `/api/invitations/${fresh.invitationId}/accept`,
      { token: fresh.token, password: FIXTURE_PASSWORD, displayName: 'New Comer' },
    );
    expect(created.status).toBe(201);
    expect(created.body.user.displayName).toBe('New Comer');
  });

  it('answers a wrong password and an unknown e-mail at sign-in identically', async () => {
    const wrongPassword = await new ApiClient(server.url).post('/api/session', {
      email: 'delegate@fixture.test',
      password: 'not the password at all',
    });
    const unknownEmail = await new ApiClient(server.url).post('/api/session', {
      email: 'nobody-here@fixture.test',
      password: 'not the password at all',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(wrongPassword.status);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });
});

describe('the REST write budget', () => {
  let server: TestServer;
  const PASSWORD = 'a long enough password';
  beforeAll(async () => {
    server = await startTestServer({
      ACCORD_OPERATORS: 'first@limit.test,second@limit.test',
      ACCORD_REST_WRITES_PER_MINUTE: '3',
    });
    for (const email of ['first@limit.test', 'second@limit.test']) {
      await server.accounts.register({ email, displayName: email, password: PASSWORD });
    }
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('answers 429 rate-limited with Retry-After past the budget, appending nothing', async () => {
    // Two sign-ins spend two of this address's three public writes.
    const first = new ApiClient(server.url);
    await first.signIn('first@limit.test', PASSWORD);
    const second = new ApiClient(server.url);
    await second.signIn('second@limit.test', PASSWORD);

    for (let i = 0; i < 3; i += 1) {
      const res = await first.post('/api/negotiations', newNegotiation(`Within budget ${i}`));
      expect(res.status).toBe(201);
    }
    const before = await headPosition(server.store);
    const refused = await first.post<Problem>('/api/negotiations', newNegotiation('One too many'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body.type).toBe('urn:accord:problem:rate-limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await headPosition(server.store)).toBe(before);

    // Reads are not counted, and another user has a budget of their own.
    expect((await first.get('/api/negotiations')).status).toBe(200);
    const other = await second.post('/api/negotiations', newNegotiation('Someone else'));
    expect(other.status).toBe(201);
  });

  it('counts writes without a session per address', async () => {
    // The address has one public write left after the two sign-ins above.
    const anonymous = new ApiClient(server.url);
    const attempt = () =>
      anonymous.post<Problem>('/api/session', { email: 'x@limit.test', password: 'wrong one' });
    expect((await attempt()).status).toBe(401);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(refused.body.type).toBe('urn:accord:problem:rate-limited');
  });
});

describe('the public pages’ read budget', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ACCORD_PUBLIC_READS_PER_MINUTE: '3' });
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  it('answers 429 rate-limited past the budget of an address, and spares signed-in reads', async () => {
    const visitor = new ApiClient(server.url);
    const read = () => visitor.get<Problem>(`/api/public/pledges/${randomUUID()}`);
    // An unknown pledge costs a look-up all the same: 404s count.
    for (let i = 0; i < 3; i += 1) expect((await read()).status).toBe(404);
    const refused = await read();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(refused.body.type).toBe('urn:accord:problem:rate-limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Only the public endpoints are counted.
    expect((await visitor.get('/api/session')).status).not.toBe(429);
  });
});
