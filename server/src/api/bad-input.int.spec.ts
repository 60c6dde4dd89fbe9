/**
 * Bad input loses nothing: malformed, oversize, unauthenticated, cross-site, forbidden and
 * unknown-id requests each get a precise problem+json answer, and the event log does not change.
 */
import { randomUUID } from 'node:crypto';
import { COMMENT_BODY_MAX, POSITION_STATEMENT_MAX } from '@accord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../eventstore/port.js';
import { ApiClient } from '../test-support/api-client.js';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

interface BadRequest {
  name: string;
  as: 'delegate' | 'observer' | 'civil-society' | 'anonymous' | 'chair';
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  type?: string;
}

describe('bad input', () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  let requests: BadRequest[];
  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
    const doc = fx.documents['open-drafting'];
    const formal = fx.documents.formal;
    const [p0, p1] = await fx.paragraphIds(doc);
    const tabled = await fx.clients.delegate.post<{ amendmentId: string }>(
      `/api/documents/${doc}/amendments`,
      {
        paragraphId: p1,
        kind: 'replace',
        range: { start: 0, end: 6 },
        proposedText: 'Decide',
        rationale: 'Firmer',
      },
    );
    const withdrawn = await fx.clients.delegate.post<{ amendmentId: string }>(
      `/api/documents/${doc}/amendments`,
      {
        paragraphId: p1,
        kind: 'delete',
        range: { start: 0, end: 7 },
        rationale: '',
      },
    );
    await fx.clients.delegate.post(`/api/amendments/${withdrawn.body.amendmentId}/withdraw`, {});
    const amendment = tabled.body.amendmentId;
    const negotiation = fx.negotiationId;
    const unknown = randomUUID();
    const validAmendment = {
      paragraphId: p1,
      kind: 'insert',
      range: { start: 0, end: 0 },
      proposedText: 'Also ',
      rationale: 'x',
    };

    // Every command route: without a session (401), with a body that is not JSON (400), with a
    // JSON array (422), with an unknown field (422).
    const commandRoutes: { method: string; path: string; body: Record<string, unknown> }[] = [
      { method: 'POST', path: `/api/documents/${doc}/amendments`, body: validAmendment },
      { method: 'POST', path: `/api/amendments/${amendment}/cosponsor`, body: {} },
      {
        method: 'POST',
        path: `/api/amendments/${amendment}/revise`,
        body: { proposedText: 'Resolve' },
      },
      { method: 'POST', path: `/api/amendments/${amendment}/withdraw`, body: {} },
      { method: 'POST', path: `/api/amendments/${amendment}/accept`, body: {} },
      { method: 'POST', path: `/api/amendments/${amendment}/reject`, body: { reason: 'No' } },
      {
        method: 'PUT',
        path: `/api/documents/${doc}/positions`,
        body: { target: { kind: 'paragraph', id: p0 }, stance: 'support' },
      },
      {
        method: 'POST',
        path: `/api/documents/${doc}/positions/withdraw`,
        body: { target: { kind: 'paragraph', id: p0 } },
      },
      {
        method: 'POST',
        path: `/api/documents/${doc}/comments`,
        body: { paragraphId: p0, body: 'Hello' },
      },
      {
        method: 'PUT',
        path: `/api/documents/${doc}/paragraphs/${p0}/status`,
        body: { status: 'bracketed' },
      },
      { method: 'POST', path: `/api/documents/${doc}/revisions`, body: {} },
      { method: 'PUT', path: `/api/documents/${doc}/mode`, body: { mode: 'formal' } },
      {
        method: 'POST',
        path: `/api/negotiations/${negotiation}/documents`,
        body: { title: 'T', symbol: 'S', mode: 'formal' },
      },
      {
        method: 'POST',
        path: `/api/negotiations/${negotiation}/stakeholders`,
        body: { kind: 'observer', name: 'N', shortCode: 'NN' },
      },
      {
        method: 'POST',
        path: `/api/negotiations/${negotiation}/invitations`,
        body: { email: 'a@b.org', stakeholderId: fx.stakeholders.delegationA, role: 'delegate' },
      },
      {
        method: 'PUT',
        path: `/api/negotiations/${negotiation}/chairs`,
        body: { userIds: [fx.userIds.chair] },
      },
      {
        method: 'PATCH',
        path: `/api/negotiations/${negotiation}/members/${fx.userIds.delegate}`,
        body: { role: 'observer' },
      },
      {
        method: 'POST',
        path: '/api/negotiations',
        body: { title: 'T', description: '', secretariat: { name: 'S', shortCode: 'S' } },
      },
    ];
    requests = commandRoutes.flatMap(({ method, path, body }) => [
      {
        name: `${method} ${path} without a session`,
        as: 'anonymous' as const,
        method,
        path,
        body,
        status: 401,
        type: 'unauthenticated',
      },
      {
        name: `${method} ${path} with a body that is not JSON`,
        as: 'chair' as const,
        method,
        path,
        body: '{"oops": ',
        status: 400,
        type: 'malformed-json',
      },
      {
        name: `${method} ${path} with an array body`,
        as: 'chair' as const,
        method,
        path,
        body: [body],
        status: 422,
        type: 'invalid-input',
      },
      {
        name: `${method} ${path} with an unknown field`,
        as: 'chair' as const,
        method,
        path,
        body: { ...body, sneaky: true },
        status: 422,
        type: 'invalid-input',
      },
      {
        name: `${method} ${path} from another site`,
        as: 'chair' as const,
        method,
        path,
        body,
        headers: { origin: 'https://evil.example' },
        status: 403,
        type: 'cross-site-request',
      },
    ]);

    const amendments = `/api/documents/${doc}/amendments`;
    const specific: BadRequest[] = [
      {
        name: 'unknown amendment kind',
        as: 'delegate',
        method: 'POST',
        path: amendments,
        body: { ...validAmendment, kind: 'rewrite' },
        status: 422,
      },
      {
        name: 'negative range',
        as: 'delegate',
        method: 'POST',
        path: amendments,
        body: { ...validAmendment, range: { start: -1, end: 2 } },
        status: 422,
      },
      {
        name: 'range past the paragraph',
        as: 'delegate',
        method: 'POST',
        path: amendments,
        body: { ...validAmendment, kind: 'replace', range: { start: 0, end: 10_000 } },
        status: 422,
        type: 'invalid-range',
      },
      {
        name: 'range end before start',
        as: 'delegate',
        method: 'POST',
        path: amendments,
        body: { ...validAmendment, range: { start: 5, end: 2 } },
        status: 422,
      },
      {
        name: 'replace with an empty range',
        as: 'delegate',
        method: 'POST',
        path: amendments,
        body: { ...validAmendment, kind: 'replace', range: { start: 3, end: 3 } },
        status: 422,
        type: 'invalid-range',
      },
      {
        name: 'insert without a range',
        as: 'delegate',
        method: 'POST',
        path: amendments,
        body: { paragraphId: p1, kind: 'insert', proposedText: 'x' },
        status: 422,
        type: 'invalid-range',
      },
      {
        name: 'proposed text far too long',
        as: 'delegate',
        method: 'POST',
        path: amendments,
        body: { ...validAmendment, proposedText: 'x'.repeat(20_000) },
        status: 422,
      },
      {
        name: 'paragraph not in the document',
        as: 'delegate',
        method: 'POST',
        path: amendments,
        body: { ...validAmendment, paragraphId: unknown },
        status: 422,
        type: 'unknown-paragraph',
      },
      {
        name: 'paragraph id not an id',
        as: 'delegate',
        method: 'POST',
        path: amendments,
        body: { ...validAmendment, paragraphId: 'para-1' },
        status: 422,
      },
      {
        name: 'rationale of the wrong type',
        as: 'delegate',
        method: 'POST',
        path: amendments,
        body: { ...validAmendment, rationale: 42 },
        status: 422,
      },
      {
        name: 'missing paragraph',
        as: 'delegate',
        method: 'POST',
        path: amendments,
        body: { kind: 'insert' },
        status: 422,
      },
      {
        name: 'empty body',
        as: 'delegate',
        method: 'POST',
        path: amendments,
        body: {},
        status: 422,
      },
      {
        name: 'observer tables an amendment',
        as: 'observer',
        method: 'POST',
        path: amendments,
        body: validAmendment,
        status: 403,
        type: 'forbidden',
      },
      {
        name: 'civil society tables an amendment',
        as: 'civil-society',
        method: 'POST',
        path: amendments,
        body: validAmendment,
        status: 403,
        type: 'forbidden',
      },
      {
        name: 'delegate accepts an amendment',
        as: 'delegate',
        method: 'POST',
        path: `/api/amendments/${amendment}/accept`,
        body: {},
        status: 403,
        type: 'forbidden',
      },
      {
        name: 'delegate issues a revision',
        as: 'delegate',
        method: 'POST',
        path: `/api/documents/${doc}/revisions`,
        body: {},
        status: 403,
        type: 'forbidden',
      },
      {
        name: 'civil society gavels a paragraph',
        as: 'civil-society',
        method: 'PUT',
        path: `/api/documents/${doc}/paragraphs/${p0}/status`,
        body: { status: 'agreed-ad-ref' },
        status: 403,
        type: 'forbidden',
      },
      {
        name: 'observer reads the members',
        as: 'observer',
        method: 'GET',
        path: `/api/negotiations/${negotiation}/members`,
        status: 403,
        type: 'forbidden',
      },
      {
        name: 'chair accepts a withdrawn amendment',
        as: 'chair',
        method: 'POST',
        path: `/api/amendments/${withdrawn.body.amendmentId}/accept`,
        body: {},
        status: 409,
      },
      {
        name: 'unknown stance',
        as: 'delegate',
        method: 'PUT',
        path: `/api/documents/${doc}/positions`,
        body: { target: { kind: 'paragraph', id: p0 }, stance: 'maybe' },
        status: 422,
      },
      {
        name: 'unknown target kind',
        as: 'delegate',
        method: 'PUT',
        path: `/api/documents/${doc}/positions`,
        body: { target: { kind: 'chapter', id: p0 }, stance: 'support' },
        status: 422,
      },
      {
        name: 'position on an unknown paragraph',
        as: 'delegate',
        method: 'PUT',
        path: `/api/documents/${doc}/positions`,
        body: { target: { kind: 'paragraph', id: unknown }, stance: 'support' },
        status: 422,
        type: 'unknown-target',
      },
      {
        name: 'position on an amendment to another document',
        as: 'delegate',
        method: 'PUT',
        path: `/api/documents/${formal}/positions`,
        body: { target: { kind: 'amendment', id: amendment }, stance: 'support' },
        status: 422,
        type: 'unknown-target',
      },
      {
        name: 'statement too long',
        as: 'delegate',
        method: 'PUT',
        path: `/api/documents/${doc}/positions`,
        body: {
          target: { kind: 'paragraph', id: p0 },
          stance: 'objection',
          statement: 'x'.repeat(5000),
        },
        status: 422,
      },
      {
        name: 'withdrawing a position never stated',
        as: 'delegate',
        method: 'POST',
        path: `/api/documents/${doc}/positions/withdraw`,
        body: { target: { kind: 'paragraph', id: p1 } },
        status: 404,
      },
      {
        name: 'empty comment',
        as: 'observer',
        method: 'POST',
        path: `/api/documents/${doc}/comments`,
        body: { paragraphId: p0, body: '   ' },
        status: 422,
      },
      {
        name: 'comment too long',
        as: 'observer',
        method: 'POST',
        path: `/api/documents/${doc}/comments`,
        body: { paragraphId: p0, body: 'x'.repeat(COMMENT_BODY_MAX + 1) },
        status: 422,
      },
      {
        name: 'statement one character too long',
        as: 'delegate',
        method: 'PUT',
        path: `/api/documents/${doc}/positions`,
        body: {
          target: { kind: 'paragraph', id: p0 },
          stance: 'support',
          statement: 'x'.repeat(POSITION_STATEMENT_MAX + 1),
        },
        status: 422,
      },
      {
        name: 'comment range outside the paragraph',
        as: 'observer',
        method: 'POST',
        path: `/api/documents/${doc}/comments`,
        body: { paragraphId: p0, range: { start: 5, end: 9_999 }, body: 'Hm' },
        status: 422,
        type: 'invalid-range',
      },
      {
        name: 'reply to an unknown comment',
        as: 'observer',
        method: 'POST',
        path: `/api/documents/${doc}/comments/${unknown}/replies`,
        body: { body: 'Hm' },
        status: 404,
      },
      {
        name: 'unknown paragraph status',
        as: 'chair',
        method: 'PUT',
        path: `/api/documents/${doc}/paragraphs/${p0}/status`,
        body: { status: 'done' },
        status: 422,
      },
      {
        name: 'status of an unknown paragraph',
        as: 'chair',
        method: 'PUT',
        path: `/api/documents/${doc}/paragraphs/${unknown}/status`,
        body: { status: 'bracketed' },
        status: 422,
        type: 'unknown-paragraph',
      },
      {
        name: 'unknown document mode',
        as: 'chair',
        method: 'PUT',
        path: `/api/documents/${doc}/mode`,
        body: { mode: 'chaos' },
        status: 422,
      },
      {
        name: 'adopting a revision never issued',
        as: 'chair',
        method: 'POST',
        path: `/api/documents/${doc}/adopt`,
        body: { revisionLabel: 'Rev 9' },
        status: 404,
      },
      {
        name: 'stakeholder of an unknown kind',
        as: 'chair',
        method: 'POST',
        path: `/api/negotiations/${negotiation}/stakeholders`,
        body: { kind: 'company', name: 'Acme', shortCode: 'ACME' },
        status: 422,
      },
      {
        name: 'lower-case short code',
        as: 'chair',
        method: 'POST',
        path: `/api/negotiations/${negotiation}/stakeholders`,
        body: { kind: 'observer', name: 'Acme', shortCode: 'acme' },
        status: 422,
      },
      {
        name: 'delegation in an unknown group',
        as: 'chair',
        method: 'POST',
        path: `/api/negotiations/${negotiation}/stakeholders`,
        body: { kind: 'delegation', name: 'Nowhere', shortCode: 'NWH', groupIds: [unknown] },
        status: 422,
      },
      {
        name: 'invitation to a bad address',
        as: 'chair',
        method: 'POST',
        path: `/api/negotiations/${negotiation}/invitations`,
        body: {
          email: 'not-an-email',
          stakeholderId: fx.stakeholders.delegationA,
          role: 'delegate',
        },
        status: 422,
      },
      {
        name: 'invitation with an unknown role',
        as: 'chair',
        method: 'POST',
        path: `/api/negotiations/${negotiation}/invitations`,
        body: { email: 'a@b.org', stakeholderId: fx.stakeholders.delegationA, role: 'king' },
        status: 422,
      },
      {
        name: 'invitation for an unknown stakeholder',
        as: 'chair',
        method: 'POST',
        path: `/api/negotiations/${negotiation}/invitations`,
        body: { email: 'a@b.org', stakeholderId: unknown, role: 'delegate' },
        status: 404,
      },
      {
        name: 'observer role for a delegation',
        as: 'chair',
        method: 'POST',
        path: `/api/negotiations/${negotiation}/invitations`,
        body: { email: 'a@b.org', stakeholderId: fx.stakeholders.delegationA, role: 'observer' },
        status: 422,
      },
      {
        name: 'unknown document',
        as: 'delegate',
        method: 'GET',
        path: `/api/documents/${unknown}`,
        status: 404,
      },
      {
        name: 'document id that is not an id',
        as: 'delegate',
        method: 'GET',
        path: '/api/documents/not-an-id',
        status: 422,
      },
      {
        name: 'accept an unknown amendment',
        as: 'chair',
        method: 'POST',
        path: `/api/amendments/${unknown}/accept`,
        body: {},
        status: 404,
      },
      {
        name: 'a negotiation one is not in',
        as: 'delegate',
        method: 'GET',
        path: `/api/negotiations/${unknown}`,
        status: 404,
      },
      {
        name: 'activity since a non-time',
        as: 'delegate',
        method: 'GET',
        path: `/api/negotiations/${negotiation}/activity?since=yesterday`,
        status: 422,
      },
      {
        name: 'an Idempotency-Key that is not an id',
        as: 'delegate',
        method: 'PUT',
        path: `/api/documents/${doc}/positions`,
        body: { target: { kind: 'paragraph', id: p0 }, stance: 'support' },
        headers: { 'idempotency-key': 'abc' },
        status: 422,
      },
      {
        name: 'a body over the size limit',
        as: 'delegate',
        method: 'POST',
        path: amendments,
        body: { ...validAmendment, rationale: 'x'.repeat(300_000) },
        status: 413,
        type: 'body-too-large',
      },
      {
        name: 'wrong e-mail or password',
        as: 'anonymous',
        method: 'POST',
        path: '/api/session',
        body: { email: 'delegate@fixture.test', password: 'wrong password' },
        status: 401,
        type: 'invalid-credentials',
      },
      {
        name: 'sign-in with an unknown field',
        as: 'anonymous',
        method: 'POST',
        path: '/api/session',
        body: { email: 'delegate@fixture.test', password: 'x', remember: true },
        status: 422,
      },
      {
        name: 'an invitation with a wrong token',
        as: 'anonymous',
        method: 'POST',
        path: `/api/invitations/${unknown}/accept`,
        body: { token: 'x'.repeat(43), password: 'long enough password' },
        status: 404,
      },
      {
        name: 'an unknown route',
        as: 'delegate',
        method: 'GET',
        path: '/api/nowhere',
        status: 404,
        type: 'not-found',
      },
    ];
    requests.push(...specific);
  }, 60_000);
  afterAll(() => server.close());

  it('answers over 100 bad requests precisely and appends nothing', async () => {
    expect(requests.length).toBeGreaterThanOrEqual(100);
    const before = (await collect(server.store.readAll())).length;
    const anonymous = new ApiClient(server.url);
    const answers = [];
    for (const r of requests) {
      const client = r.as === 'anonymous' ? anonymous : fx.clients[r.as];
      answers.push({
        r,
        res: await client.request<{ type?: string; status?: number; title?: string }>(
          r.method,
          r.path,
          r.body,
          r.headers,
        ),
      });
    }
    // Every mismatch at once, so one run shows them all.
    expect(
      answers
        .filter(({ r, res }) => res.status !== r.status)
        .map(({ r, res }) => `${r.name}: ${res.status}`),
    ).toEqual([]);
    for (const { r, res } of answers) {
      expect(res.headers.get('content-type'), r.name).toContain('application/problem+json');
      expect(res.body.status, r.name).toBe(r.status);
      expect(res.body.title, r.name).toBeTruthy();
      if (r.type) expect(res.body.type, r.name).toBe(`urn:accord:problem:${r.type}`);
    }
    const after = (await collect(server.store.readAll())).length;
    expect(after).toBe(before);
  });

  it('a retried request with the same Idempotency-Key appends once and answers the same', async () => {
    const doc = fx.documents['open-drafting'];
    const [, p1] = await fx.paragraphIds(doc);
    const key = randomUUID();
    const body = {
      paragraphId: p1,
      kind: 'insert',
      range: { start: 0, end: 0 },
      proposedText: 'Further ',
      rationale: 'Retried',
    };
    const first = await fx.clients.delegate.post<{ amendmentId: string; position: string }>(
      `/api/documents/${doc}/amendments`,
      body,
      { 'idempotency-key': key },
    );
    const before = (await collect(server.store.readAll())).length;
    const second = await fx.clients.delegate.post<{ amendmentId: string; position: string }>(
      `/api/documents/${doc}/amendments`,
      body,
      { 'idempotency-key': key },
    );
    expect(first.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect((await collect(server.store.readAll())).length).toBe(before);
    expect(
      server.readModels.queries.listAmendments(doc).filter((a) => a.rationale === 'Retried'),
    ).toHaveLength(1);

    // The same key for a different request is refused, not taken as new.
    const reused = await fx.clients.delegate.put(`/api/documents/${doc}/positions`, {
      target: { kind: 'paragraph', id: p1 },
      stance: 'support',
    });
    expect(reused.status).toBe(200);
    const clash = await fx.clients.delegate.request(
      'PUT',
      `/api/documents/${doc}/positions`,
      { target: { kind: 'paragraph', id: p1 }, stance: 'objection' },
      { 'idempotency-key': key },
    );
    expect(clash.status).toBe(409);
    expect((clash.body as { type: string }).type).toBe('urn:accord:problem:idempotency-key-reused');
  });
});
