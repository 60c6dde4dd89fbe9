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

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: {
              content: Record<string, { schema: { properties?: Record<string, unknown> } }>;
            };
          }
        >
      >;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
    const table = doc.paths['/api/documents/{documentId}/amendments']!.post!;
    expect(Object.keys(table.requestBody!.content['application/json']!.schema.properties!)).toEqual(
      expect.arrayContaining(['paragraphId', 'kind', 'range', 'proposedText', 'rationale']),
    );
  });

  it('answers an unknown API route with problem+json', async () => {
    const res = await fetch(`${server.url}/api/nowhere`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({
      type: 'urn:accord:problem:not-found',
      status: 404,
      instance: '/api/nowhere',
    });
  });
});
