// Sub-amendments, restoring a decision and chairs acting as chairs, over HTTP on a real server:
// a sub-amendment is decided before its parent and changes the parent's words (not the text)
// when accepted; a rejection is restored with a reason; an acceptance cannot be; withdrawing a
// parent withdraws its pending sub-amendments; the chair co-sponsors nothing.
import type { AmendmentView } from '@accord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNegotiationFixture,
  type FixtureMember,
  type NegotiationFixture,
} from '../../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

interface Problem {
  type: string;
  reason?: string;
  subAmendmentIds?: string[];
}

describe('sub-amendments and restoring decisions through REST', () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  let documentId: string;
  let paragraphId: string;
  const as = (member: FixtureMember) => fx.clients[member];
  const amendment = async (amendmentId: string) =>
    (await as('delegate').get<AmendmentView>(`/api/amendments/${amendmentId}`)).body;
  const paragraphText = async () =>
    (await server.text.paragraphs(documentId)).find((p) => p.id === paragraphId)?.text ?? '';

  /** "open" in "Encourage cities to open cooling centres during heatwaves;", replaced. */
  const tableParent = async (proposedText: string) => {
    const res = await as('delegate').post<{ amendmentId: string }>(
      `/api/documents/${documentId}/amendments`,
      { paragraphId, kind: 'replace', range: { start: 20, end: 24 }, proposedText },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.amendmentId;
  };
  const tableSub = (member: FixtureMember, parentAmendmentId: string, proposedText: string) =>
    as(member).post<{ amendmentId: string } & Problem>(`/api/documents/${documentId}/amendments`, {
      paragraphId,
      kind: 'replace',
      parentAmendmentId,
      proposedText,
      rationale: 'Funding matters more than staff',
    });

  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
    documentId = fx.documents.formal;
    paragraphId = (await fx.paragraphIds(documentId))[3]!;
  });
  afterAll(async () => {
    await server.close();
  });

  it('decides a sub-amendment before its parent, and its words become the parent’s', async () => {
    const parentId = await tableParent('open and staff');
    const tabled = await tableSub('delegate2', parentId, 'open and fund');
    expect(tabled.status, JSON.stringify(tabled.body)).toBe(201);
    const subId = tabled.body.amendmentId;
    const sub = await amendment(subId);
    expect(sub.parentAmendmentId).toBe(parentId);
    expect(sub.proposal).toMatchObject({ kind: 'replace', originalText: 'open' });

    // One level deep only.
    const deeper = await tableSub('delegate', subId, 'open and run');
    expect(deeper.status).toBe(409);
    expect(deeper.body.type).toBe('urn:accord:problem:sub-amendment-too-deep');

    // The parent waits for its sub-amendment, whatever the decision.
    for (const [action, body] of [
      ['accept', undefined],
      ['reject', { reason: 'Not now' }],
    ] as const) {
      const refused = await as('chair').post<Problem>(
        `/api/amendments/${parentId}/${action}`,
        body,
      );
      expect(refused.status).toBe(409);
      expect(refused.body.type).toBe('urn:accord:problem:sub-amendments-pending');
      expect(refused.body.subAmendmentIds).toEqual([subId]);
    }

    // Rejected, then restored with a reason: pending again, the restoration on record.
    expect(
      (await as('chair').post(`/api/amendments/${subId}/reject`, { reason: 'Too vague' })).status,
    ).toBe(200);
    const restored = await as('chair').post(`/api/amendments/${subId}/restore`, {
      reason: 'The room asked to hear it again',
    });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(await amendment(subId)).toMatchObject({
      status: 'pending',
      reason: null,
      restored: { reason: 'The room asked to hear it again' },
    });

    // Accepted: the parent's proposal changes, the text does not (yet).
    const before = await paragraphText();
    const accepted = await as('chair').post(`/api/amendments/${subId}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(await amendment(parentId)).toMatchObject({
      status: 'pending',
      revision: 2,
      proposal: { proposedText: 'open and fund' },
    });
    expect(await paragraphText()).toBe(before);

    // Now the parent can be accepted, and its (sub-amended) words reach the text.
    expect((await as('chair').post(`/api/amendments/${parentId}/accept`)).status).toBe(200);
    expect(await paragraphText()).toContain('open and fund cooling centres');

    // An accepted amendment cannot be restored: its words are in the text.
    const undo = await as('chair').post<Problem>(`/api/amendments/${parentId}/restore`, {
      reason: 'Second thoughts',
    });
    expect(undo.status).toBe(409);
    expect(undo.body.reason).toBe('amendment-accepted');
    // Nor does a decided amendment take sub-amendments.
    expect((await tableSub('delegate2', parentId, 'open')).body.type).toBe(
      'urn:accord:problem:parent-not-pending',
    );
  });

  it('withdraws pending sub-amendments with their parent', async () => {
    const parentId = await tableParent('open or staff');
    const subId = (await tableSub('delegate2', parentId, 'open or run')).body.amendmentId;
    const withdrawn = await as('delegate').post(`/api/amendments/${parentId}/withdraw`, {
      reason: 'Overtaken',
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect((await amendment(subId)).status).toBe('withdrawn');
  });

  it('only the chair restores, and the chair co-sponsors nothing', async () => {
    const amendmentId = await tableParent('open at once');
    expect((await as('chair').post(`/api/amendments/${amendmentId}/cosponsor`)).status).toBe(403);
    expect(
      (await as('chair').post(`/api/amendments/${amendmentId}/reject`, { reason: 'No' })).status,
    ).toBe(200);
    expect(
      (await as('delegate').post(`/api/amendments/${amendmentId}/restore`, { reason: 'Please' }))
        .status,
    ).toBe(403);
  });
});
