// The edges of the HTTP server: every answer carries a strict CSP and the other security
// headers, and /metrics answers only the metrics token, or only this machine without one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const TOKEN = 'metrics-token-for-the-test-0123456789';

describe('security headers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('every answer forbids inline script and framing, sniffing and referrers', async () => {
    for (const path of ['/healthz', '/api/nowhere', '/']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('without a token, /metrics answers this machine (the test runs on loopback)', async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('accord_http_requests_total');
  });

  it('without a token, /metrics refuses a request forwarded for another host', async () => {
    // The server trusts a loopback proxy, so the forwarded address is the client's.
    const res = await fetch(`${server.url}/metrics`, {
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ type: 'urn:accord:problem:metrics-loopback-only' });
  });
});

describe('/metrics with ACCORD_METRICS_TOKEN set', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ACCORD_METRICS_TOKEN: TOKEN });
  });
  afterAll(() => server.close());

  it('refuses a request without the token, even from loopback', async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect(await res.json()).toMatchObject({ type: 'urn:accord:problem:metrics-token-required' });
    const wrong = await fetch(`${server.url}/metrics`, {
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(wrong.status).toBe(401);
  });

  it('serves the metrics to the bearer of the token', async () => {
    const res = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('accord_http_requests_total');
  });
});
