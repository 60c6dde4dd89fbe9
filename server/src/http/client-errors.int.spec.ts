// Requests Node's HTTP parser refuses before express sees them, sent over a raw socket to a real
// server: each gets an RFC 9457 problem with the usual security headers, and the server goes on.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

interface RawAnswer {
  statusLine: string;
  headers: Map<string, string>;
  body: string;
}

/** Writes `request` as bytes and reads until the server closes the connection. */
function rawRequest(url: string, request: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname, () => socket.write(request));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.setTimeout(10_000, () => reject(new Error('no answer within 10 s')));
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = new Map(
        lines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      resolve({ statusLine, headers, body });
    });
  });
}

const expectSecurityHeaders = (answer: RawAnswer) => {
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
  expect(Number(answer.headers.get('content-length'))).toBe(Buffer.byteLength(answer.body));
};

describe('requests refused by the HTTP parser', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers headers over the limit with a 431 problem', async () => {
    const answer = await rawRequest(
      server.url,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expectSecurityHeaders(answer);
    expect(JSON.parse(answer.body)).toEqual({
      type: 'urn:accord:problem:headers-too-large',
      title: 'Request line and headers too large',
      status: 431,
      detail: 'The request line and headers together may be at most 16384 bytes.',
    });
  });

  it('answers a request line over the limit alike', async () => {
    const answer = await rawRequest(
      server.url,
      `GET /api/${'x'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(answer.statusLine).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(answer.body)).toMatchObject({ status: 431 });
  });

  it('answers bytes that are not HTTP with a 400 problem, and keeps serving', async () => {
    const answer = await rawRequest(server.url, 'HELLO \u0000 there\r\n\r\n');
    expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expectSecurityHeaders(answer);
    expect(JSON.parse(answer.body)).toEqual({
      type: 'urn:accord:problem:malformed-request',
      title: 'The request is not valid HTTP',
      status: 400,
    });

    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it('answers an oversized request after a served one on a kept-alive connection', async () => {
    const { hostname, port } = new URL(server.url);
    const text = await new Promise<string>((resolve, reject) => {
      let received = '';
      const socket = connect(Number(port), hostname, () =>
        socket.write('GET /api/nowhere HTTP/1.1\r\nHost: x\r\n\r\n'),
      );
      socket.setEncoding('utf8');
      socket.on('error', reject);
      socket.on('data', (chunk: string) => {
        const before = received;
        received += chunk;
        // Once the first answer is whole (head and Content-Length bytes of body), the
        // oversized request follows on the same connection.
        const whole = (text: string) => {
          const headEnd = text.indexOf('\r\n\r\n');
          const length = /content-length: (\d+)/i.exec(text)?.[1];
          return (
            headEnd >= 0 &&
            length !== undefined &&
            Buffer.byteLength(text.slice(headEnd + 4)) >= Number(length)
          );
        };
        if (whole(received) && !whole(before))
          socket.write(
            `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
          );
      });
      socket.on('close', () => resolve(received));
    });
    // A body is not followed by a line break, so the next status line starts mid-line.
    const statusLines = [...text.matchAll(/HTTP\/1\.1 \d{3} [^\r]*/g)].map(([line]) => line);
    expect(statusLines).toEqual([
      'HTTP/1.1 404 Not Found',
      'HTTP/1.1 431 Request Header Fields Too Large',
    ]);
  });
});
