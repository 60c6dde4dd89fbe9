import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEndpoint, entityIdSchema } from '@accord/shared';
import { ApiRouter } from './api-router.js';
import { sendProblem, toProblem } from './problem.js';

const ID = '01JABCDEFGHJKMNPQRSTVWXYZ0';

const contracts = {
  rename: defineEndpoint({
    method: 'put',
    path: '/things/:thingId/name',
    params: z.object({ thingId: entityIdSchema }),
    body: z.strictObject({ name: z.string().min(1).max(20) }),
    response: z.object({ thingId: z.string(), name: z.string() }),
  }),
  broken: defineEndpoint({
    method: 'get',
    path: '/broken',
    response: z.object({ count: z.number() }),
  }),
  remove: defineEndpoint({ method: 'delete', path: '/things', status: 204 }),
  upload: defineEndpoint({
    method: 'post',
    path: '/uploads',
    upload: { contentTypes: ['text/markdown'] },
    status: 201,
    response: z.object({ bytes: z.number() }),
  }),
};

let base: string;
let close: () => void;
let openApi: Record<string, unknown>;

beforeAll(async () => {
  const api = new ApiRouter<{ userId: string }>({
    prefix: '/api',
    authenticate: () => Promise.resolve({ userId: 'u' }),
    checkResponses: true,
  });
  api.router.use(express.json());
  api.implement(contracts.rename, {
    summary: 'Rename a thing',
    handler: ({ params, body }) =>
      Promise.resolve({ body: { thingId: params.thingId, name: body.name } }),
  });
  api.implement(contracts.broken, {
    summary: 'Answers what its contract does not allow',
    // The check under test: a handler that breaks its contract (bypassing the compiler).
    handler: () => Promise.resolve({ body: { count: 'many' } as unknown as { count: number } }),
  });
  api.implement(contracts.remove, { summary: 'Remove', handler: () => Promise.resolve() });
  api.implement(contracts.upload, {
    summary: 'Upload',
    uploadLimit: 100,
    handler: ({ body }) => Promise.resolve({ body: { bytes: body.length } }),
  });
  openApi = api.openApi({ title: 't', version: '1' });
  const app = express();
  api.mount(app);
  app.use((error: unknown, _req: express.Request, res: express.Response, _next: unknown) => {
    sendProblem(res, toProblem(error));
  });
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  close = () => server.close();
});

afterAll(() => close());

const send = (method: string, path: string, body?: unknown, type = 'application/json') =>
  fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': type },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });

describe('a route implementing a contract', () => {
  it('validates the request with the contract and answers its JSON', async () => {
    const ok = await send('PUT', `/things/${ID}/name`, { name: 'Rev 1' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ thingId: ID, name: 'Rev 1' });
    const bad = await send('PUT', `/things/${ID}/name`, { name: '', extra: 1 });
    expect(bad.status).toBe(422);
  });

  it('fails an answer that breaks the contract when responses are checked', async () => {
    const response = await send('GET', '/broken');
    expect(response.status).toBe(500);
  });

  it('answers 204 for a contract without a response', async () => {
    expect((await send('DELETE', '/things')).status).toBe(204);
  });

  it('reads an upload as bytes, with its status', async () => {
    const response = await send('POST', '/uploads', '# Draft', 'text/markdown');
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ bytes: 7 });
    expect((await send('POST', '/uploads', 'x', 'text/plain')).status).toBe(415);
  });

  it('documents the response schema in the OpenAPI document', () => {
    const paths = openApi.paths as Record<string, Record<string, { responses: unknown }>>;
    expect(paths['/api/things/{thingId}/name']!.put!.responses).toMatchObject({
      200: {
        content: {
          'application/json': {
            schema: { type: 'object', properties: { thingId: { type: 'string' } } },
          },
        },
      },
    });
    expect(paths['/api/things']!.delete!.responses).toHaveProperty('204');
  });
});
