// The public review per objective over HTTP: anyone without an account reads the same counts and
// rows a member reads for an adopted text, cacheable a minute; an unknown negotiation is a 404.
import type { PledgeReview } from '@accord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptDocument } from '../test-support/adopt-document.js';
import { ApiClient } from '../test-support/api-client.js';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

describe('the public review of pledges', () => {
  let server: TestServer;
  let fixture: NegotiationFixture;
  let documentId: string;
  let op1: string;

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await createNegotiationFixture(server);
    documentId = fixture.documents.formal;
    [, op1] = (await fixture.paragraphIds(documentId)) as [string, string];
    await adoptDocument(fixture.clients.chair, documentId);
    const pledged = await fixture.clients.delegate.post(
      `/api/negotiations/${fixture.negotiationId}/pledges`,
      {
        documentId,
        pledger: { kind: 'state' },
        content: {
          title: 'Cool roofs on schools',
          commitments: 'Paint every school roof white.',
          partners: [],
          timeline: { start: '2026-01-01', end: '2028-12-31' },
          indicators: [],
          objectiveIds: [op1],
          paragraphIds: [],
        },
      },
    );
    expect(pledged.status, JSON.stringify(pledged.body)).toBe(201);
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers a visitor as it answers a member, without an account', async () => {
    const query = `documentId=${documentId}&objectiveId=${op1}&asOf=2026-06-30`;
    const visitor = new ApiClient(server.url);
    const seen = await visitor.get<PledgeReview>(
      `/api/public/negotiations/${fixture.negotiationId}/pledge-review?${query}`,
    );
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect(seen.headers.get('cache-control')).toBe('public, max-age=60');
    expect(seen.body.objective?.rows.map((r) => r.title)).toEqual(['Cool roofs on schools']);
    const member = await fixture.clients.observer.get<PledgeReview>(
      `/api/negotiations/${fixture.negotiationId}/pledge-review?${query}`,
    );
    expect(seen.body).toEqual(member.body);
    expect(
      (
        await visitor.get(
          `/api/public/negotiations/${crypto.randomUUID()}/pledge-review?documentId=${documentId}`,
        )
      ).status,
    ).toBe(404);
  });
});
