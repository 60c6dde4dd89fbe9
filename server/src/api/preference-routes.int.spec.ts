// The interface language is kept on the account: chosen on one device, it comes back with the
// session on the next, and only its owner can set it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../test-support/api-client.js';
import { createNegotiationFixture, FIXTURE_PASSWORD } from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

interface Session {
  user: { userId: string; language?: string };
}

describe('PUT /api/me/language', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await createNegotiationFixture(server);
  }, 60_000);
  afterAll(async () => {
    await server.close();
  });

  const signedIn = async () => {
    const client = new ApiClient(server.url);
    await client.signIn('delegate@fixture.test', FIXTURE_PASSWORD);
    return client;
  };

  it('keeps the choice on the account for every later session', async () => {
    const laptop = await signedIn();
    expect((await laptop.get<Session>('/api/session')).body.user.language).toBeUndefined();

    const chosen = await laptop.put('/api/me/language', { language: 'fr' });
    expect(chosen).toMatchObject({ status: 200, body: { language: 'fr' } });

    const phone = await signedIn();
    expect((await phone.get<Session>('/api/session')).body.user.language).toBe('fr');
    // Choosing the same language again is fine and changes nothing.
    expect((await phone.put('/api/me/language', { language: 'fr' })).status).toBe(200);
  });

  it('accepts only the six languages, and only from a signed-in person', async () => {
    const client = await signedIn();
    expect((await client.put('/api/me/language', { language: 'de' })).status).toBe(422);
    expect((await client.put('/api/me/language', { language: 'fr', userId: 'x' })).status).toBe(
      422,
    );
    const anonymous = new ApiClient(server.url);
    expect((await anonymous.put('/api/me/language', { language: 'fr' })).status).toBe(401);
  });
});
