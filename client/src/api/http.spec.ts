import { documentContracts, recordContracts } from '@accord/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from './call.js';
import { ApiError, postFile, request, setUnauthenticatedHandler } from './http.js';

const answer = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

afterEach(() => {
  vi.unstubAllGlobals();
  setUnauthenticatedHandler(undefined);
});

describe('ApiError', () => {
  it('takes its code from the problem type URN', () => {
    const error = new ApiError(410, { type: 'urn:accord:problem:invitation-expired' });
    expect(error.code).toBe('invitation-expired');
    expect(new ApiError(500, {}).code).toBe('');
  });
});

describe('call', () => {
  it('builds the path and query from the contract and sends the body', async () => {
    const fetch = vi.fn(() => Promise.resolve(answer(200, { position: '7' })));
    vi.stubGlobal('fetch', fetch);
    await call(documentContracts.changeMode, {
      params: { documentId: 'd 1' },
      body: { mode: 'formal' },
    });
    await call(recordContracts.consensus, {
      params: { documentId: 'd1' },
      query: { asOf: undefined },
    });
    expect(fetch.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      '/api/documents/d%201/mode',
      '/api/documents/d1/consensus',
    ]);
    const init = (fetch.mock.calls[0] as unknown[])[1] as RequestInit;
    expect(init.method).toBe('PUT');
    expect(init.body).toBe('{"mode":"formal"}');
  });
});

describe('a 401', () => {
  it('sends the app back to sign-in from any call, uploads included', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(answer(401, { type: 'urn:accord:problem:unauthenticated' })),
    );
    const signIn = vi.fn();
    setUnauthenticatedHandler(signIn);
    await expect(request('GET', '/negotiations')).rejects.toBeInstanceOf(ApiError);
    await expect(
      postFile('/negotiations/n1/imports', new Blob(['# Draft']), 'text/markdown'),
    ).rejects.toBeInstanceOf(ApiError);
    expect(signIn).toHaveBeenCalledTimes(2);
  });

  it('is a wrong password, not a lost session, when signing in', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(answer(401, {})));
    const signIn = vi.fn();
    setUnauthenticatedHandler(signIn);
    await expect(
      request('POST', '/session', { email: 'a@b.c', password: 'x' }),
    ).rejects.toBeInstanceOf(ApiError);
    expect(signIn).not.toHaveBeenCalled();
  });
});
