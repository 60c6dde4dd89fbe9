import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server.js';

describe('the Accord server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('reports health and the store in use', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', store: 'sqlite' });
  });

  it('serves Prometheus metrics, including request counts and append latency', async () => {
    await server.store.appendToStream('probe-1', [{ type: 'Probed', data: {} }]);
    await fetch(`${server.url}/healthz`);
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(
      /accord_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /accord_eventstore_append_duration_seconds_count\{store="sqlite",outcome="ok"\} 1/,
    );
    expect(text).toContain('accord_eventstore_appended_events_total{store="sqlite"} 1');
  });

  it('answers an unknown route with problem+json', async () => {
    const res = await fetch(`${server.url}/nowhere`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({
      type: 'urn:accord:problem:not-found',
      status: 404,
      instance: '/nowhere',
    });
  });
});
