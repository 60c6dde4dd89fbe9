// The chair's desk over HTTP on a real server: the chair and the secretariat read the decision
// queue, a delegate is refused; gavelling over standing objections needs a reason, and the reason
// is then on the record for everyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskView } from '@accord/shared';
import {
  createNegotiationFixture,
  type FixtureMember,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

interface Problem {
  type: string;
  detail: string;
  objectors?: { stakeholderId: string; name: string; statement: string }[];
}

describe("the chair's desk and the gavel guardrail", () => {
  let server: TestServer;
  let fixture: NegotiationFixture;
  let documentId: string;
  let paragraphs: string[];
  const as = (member: FixtureMember) => fixture.clients[member];
  const state = (member: FixtureMember, paragraphId: string, stance: string, statement = '') =>
    as(member).put(`/api/documents/${documentId}/positions`, {
      target: { kind: 'paragraph', id: paragraphId },
      stance,
      ...(statement ? { statement } : {}),
    });
  const desk = (member: FixtureMember) =>
    as(member).get<DeskView>(`/api/negotiations/${fixture.negotiationId}/desk`);

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await createNegotiationFixture(server);
    documentId = fixture.documents.formal;
    paragraphs = await fixture.paragraphIds(documentId);
    // The first paragraph: every delegation supports it. The second: Bravonia objects.
    for (const member of ['delegate', 'delegate2', 'chair'] as const) {
      expect((await state(member, paragraphs[0]!, 'support')).status).toBeLessThan(300);
    }
    expect((await state('delegate', paragraphs[1]!, 'support')).status).toBeLessThan(300);
    expect(
      (await state('delegate2', paragraphs[1]!, 'objection', 'The wording binds every city.'))
        .status,
    ).toBeLessThan(300);
    const tabled = await as('delegate').post(`/api/documents/${documentId}/amendments`, {
      paragraphId: paragraphs[3],
      kind: 'replace',
      // "open" in "Encourage cities to open cooling centres during heatwaves;"
      range: { start: 20, end: 24 },
      proposedText: 'open and staff',
    });
    expect(tabled.status, JSON.stringify(tabled.body)).toBe(201);
  });
  afterAll(async () => {
    await server.close();
  });

  it('gives the chair the queue: ready to gavel, objections to follow up, amendments awaiting', async () => {
    const res = await desk('chair');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const formal = res.body.documents.find((d) => d.documentId === documentId)!;
    expect(formal.readyToGavel.map((p) => p.paragraphId)).toEqual([paragraphs[0]]);
    const followUp = formal.followUps.find((f) => f.id === paragraphs[1])!;
    expect(followUp.target).toBe('paragraph');
    expect(followUp.objectors).toEqual([
      expect.objectContaining({
        stakeholderId: fixture.stakeholders.delegationB,
        statement: 'The wording binds every city.',
      }),
    ]);
    expect(formal.amendmentsAwaiting).toHaveLength(1);
    expect(formal.amendmentsAwaiting[0]!.paragraphId).toBe(paragraphs[3]);
  });

  it('lets the secretariat read it too, and refuses a delegate and civil society', async () => {
    expect((await desk('secretariat')).status).toBe(200);
    expect((await desk('delegate')).status).toBe(403);
    expect((await desk('civil-society')).status).toBe(403);
  });

  it('refuses to gavel over standing objections without a reason, naming the objectors', async () => {
    const res = await as('chair').put<Problem>(
      `/api/documents/${documentId}/paragraphs/${paragraphs[1]}/status`,
      { status: 'agreed-ad-ref' },
    );
    expect(res.status).toBe(409);
    expect(res.body.type).toContain('objections-standing');
    expect(res.body.objectors?.map((o) => o.stakeholderId)).toEqual([
      fixture.stakeholders.delegationB,
    ]);
  });

  it('gavels over objections with a reason, which the record then shows', async () => {
    const reason = 'Bravonia agreed to join consensus at the informal consultation.';
    const res = await as('chair').put(
      `/api/documents/${documentId}/paragraphs/${paragraphs[1]}/status`,
      { status: 'agreed-ad-ref', reason },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const consensus = await as('delegate2').get<{
      paragraphs: { paragraphId: string; chairStatus: string; chairStatusReason: string }[];
    }>(`/api/documents/${documentId}/consensus`);
    expect(consensus.body.paragraphs.find((p) => p.paragraphId === paragraphs[1])).toMatchObject({
      chairStatus: 'agreed-ad-ref',
      chairStatusReason: reason,
    });
    const after = await desk('chair');
    const formal = after.body.documents.find((d) => d.documentId === documentId)!;
    expect(formal.followUps.some((f) => f.id === paragraphs[1])).toBe(false);
  });

  it('gavels a paragraph nobody objects to without asking for a reason', async () => {
    const res = await as('chair').put(
      `/api/documents/${documentId}/paragraphs/${paragraphs[0]}/status`,
      { status: 'agreed-ad-ref' },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});
