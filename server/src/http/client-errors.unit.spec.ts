// The raw answers to requests Node's parser refuses: a problem per kind, framed as HTTP/1.1.
import { describe, expect, it } from 'vitest';
import { rawProblemResponse } from './client-errors.js';

const parse = (raw: string) => {
  const [head = '', body = ''] = raw.split('\r\n\r\n');
  return { statusLine: head.split('\r\n')[0], body: JSON.parse(body) as Record<string, unknown> };
};

describe('answers to parser errors', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 'HTTP/1.1 431 Request Header Fields Too Large', 'headers-too-large'],
    [
      'HPE_CHUNK_EXTENSIONS_OVERFLOW',
      'HTTP/1.1 413 Payload Too Large',
      'chunk-extensions-too-large',
    ],
    ['ERR_HTTP_REQUEST_TIMEOUT', 'HTTP/1.1 408 Request Timeout', 'request-timeout'],
    ['HPE_INVALID_METHOD', 'HTTP/1.1 400 Bad Request', 'malformed-request'],
    [undefined, 'HTTP/1.1 400 Bad Request', 'malformed-request'],
  ])('%s → %s', (code, statusLine, type) => {
    const answer = parse(rawProblemResponse(code, 8192));
    expect(answer.statusLine).toBe(statusLine);
    expect(answer.body).toMatchObject({
      type: `urn:accord:problem:${type}`,
      status: Number(statusLine.split(' ')[1]),
    });
    expect(typeof answer.body.title).toBe('string');
  });

  it('names the header limit it was given', () => {
    expect(parse(rawProblemResponse('HPE_HEADER_OVERFLOW', 8192)).body.detail).toContain('8192');
  });
});
