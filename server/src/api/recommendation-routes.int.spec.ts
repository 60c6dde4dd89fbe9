// Recommendations over HTTP on a real server: one recommendation followed from submission to the
// adopted text (endorsed, taken up by two delegations in one step each, one amendment accepted,
// a revision issued, the text adopted), the uptake report's figures in HTML, PDF and DOCX, and
// the refusals: who may submit, endorse and take up, and ids that are not there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecommendationView } from '@accord/shared';
import {
  createNegotiationFixture,
  type FixtureMember,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const wording =
  'Commit to establishing heat early-warning systems and cooling networks in every city;';

describe('recommendations and their uptake', () => {
  let server: TestServer;
  let fixture: NegotiationFixture;
  let documentId: string;
  let paragraphId: string;
  let recommendationId: string;
  let amendmentId: string;
  const as = (member: FixtureMember) => fixture.clients[member];
  const list = () => `/api/negotiations/${fixture.negotiationId}/recommendations`;
  const one = async (member: FixtureMember = 'observer') => {
    const res = await as(member).get<{ recommendation: RecommendationView }>(
      `/api/recommendations/${recommendationId}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.recommendation;
  };

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await createNegotiationFixture(server);
    documentId = fixture.documents.formal;
    paragraphId = (await fixture.paragraphIds(documentId))[1]!;
  });
  afterAll(async () => {
    await server.close();
  });

  it('lets civil society submit for its organisation, and refuses a delegate', async () => {
    const body = {
      title: 'Cooling networks beside early warning',
      documentId,
      paragraphIds: [paragraphId],
      themes: ['Heat', 'Health'],
      change: 'amend-paragraph',
      proposedText: wording,
      rationale: 'Warnings save lives only when people have somewhere cool to go.',
    };
    expect((await as('delegate').post(list(), body)).status).toBe(403);
    const res = await as('civil-society').post<{ recommendationId: string }>(list(), body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    recommendationId = res.body.recommendationId;
    // A second one, on a theme only, that nobody takes up.
    const other = await as('observer').post(list(), {
      ...body,
      title: 'Data on heat deaths',
      documentId: null,
      paragraphIds: [],
      themes: ['Data'],
    });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const unknownParagraph = await as('civil-society').post(list(), {
      ...body,
      paragraphIds: [fixture.negotiationId],
    });
    expect(unknownParagraph.status).toBe(422);
    const recommendation = await one();
    expect(recommendation).toMatchObject({
      organisation: { stakeholderId: fixture.stakeholders.cso, name: 'Workers Network' },
      fate: 'not-taken-up',
      paragraphs: [{ paragraphId, label: 'OP 1' }],
    });
  });

  it('records endorsements by other organisations only', async () => {
    const path = `/api/recommendations/${recommendationId}/endorse`;
    expect((await as('civil-society').post(path)).status).toBe(409);
    expect((await as('delegate').post(path)).status).toBe(403);
    expect((await as('observer').post(path)).status).toBe(200);
    expect((await one()).endorsers.map((e) => e.name)).toEqual(['Urban Health Organization']);
  });

  it('lets delegations take it up in one step, each once, and refuses civil society', async () => {
    const takeUpBody = {
      documentId,
      paragraphId,
      kind: 'replace',
      range: {
        start: 0,
        end: 'Commit to establishing heat early-warning systems in every city;'.length,
      },
      proposedText: wording,
      rationale: 'Taken up from the Workers Network.',
    };
    const takeUp = (member: FixtureMember) =>
      as(member).post<{ amendmentId: string }>(
        `/api/recommendations/${recommendationId}/take-up`,
        takeUpBody,
      );
    expect((await takeUp('civil-society')).status).toBe(403);
    const first = await takeUp('delegate');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    amendmentId = first.body.amendmentId;
    expect((await takeUp('delegate2')).status).toBe(201);
    const again = await as('delegate').post<{ type: string }>(
      `/api/recommendations/${recommendationId}/take-up`,
      takeUpBody,
    );
    expect(again.status).toBe(409);
    expect(again.body.type).toContain('already-taken-up');

    const recommendation = await one();
    expect(recommendation.fate).toBe('taken-up');
    expect(recommendation.uptake.map((u) => u.delegation.name)).toEqual(['Alderia', 'Bravonia']);
    const amendment = await as('chair').get<{
      sponsorStakeholderId: string;
      proposal: { proposedText: string };
    }>(`/api/amendments/${amendmentId}`);
    expect(amendment.body).toMatchObject({
      sponsorStakeholderId: fixture.stakeholders.delegationA,
      proposal: { proposedText: wording },
    });
    // The amendment tells its readers whose recommendation it took up, in the paragraph's list too.
    const listed = await as('delegate2').get<
      { amendmentId: string; takenUpFrom?: { recommendationId: string; stakeholder: object } }[]
    >(`/api/documents/${documentId}/amendments?paragraphId=${paragraphId}`);
    const taken = listed.body.find((a) => a.amendmentId === amendmentId);
    expect(taken?.takenUpFrom).toMatchObject({
      recommendationId,
      stakeholder: { stakeholderId: recommendation.organisation.stakeholderId },
    });
  });

  it('follows it into a revision and the adopted text, at its number and in its words', async () => {
    const accepted = await as('chair').post(`/api/amendments/${amendmentId}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect((await one()).fate).toBe('accepted');
    const issued = await as('chair').post<{ label: string }>(
      `/api/documents/${documentId}/revisions`,
      {},
    );
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const adopted = await as('chair').post(`/api/documents/${documentId}/adopt`, {
      revisionLabel: issued.body.label,
    });
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);

    const recommendation = await one('civil-society');
    expect(recommendation.fate).toBe('in-final-text');
    expect(recommendation.finalText).toEqual({
      ref: 'OP 1',
      words: wording,
      revisionLabel: issued.body.label,
    });
    expect(recommendation.timeline.map((t) => t.kind)).toEqual([
      'submitted',
      'endorsed',
      'taken-up',
      'taken-up',
      'amendment-accepted',
      'in-revision',
      'in-final-text',
    ]);
    expect(recommendation.timeline.find((t) => t.kind === 'in-revision')?.label).toBe(
      issued.body.label,
    );
  });

  it('reports the figures in HTML, PDF and DOCX for every member', async () => {
    const report = (format: string) =>
      as('observer').get<string>(
        `/api/negotiations/${fixture.negotiationId}/recommendations/report?format=${format}`,
      );
    const html = await report('html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.body).toContain('submitted 2 · taken up 1 · accepted 1 · in the final text 1');
    expect(html.body).toContain(
      'Heat: submitted 1 · taken up 1 · accepted 1 · in the final text 1',
    );
    expect(html.body).toContain(
      'Data: submitted 1 · taken up 0 · accepted 0 · in the final text 0',
    );
    expect(html.body).toContain(
      'Workers Network: submitted 1 · taken up 1 · accepted 1 · in the final text 1',
    );
    const pdf = await report('pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.body.startsWith('%PDF')).toBe(true);
    const docx = await report('docx');
    expect(docx.status).toBe(200);
    expect(docx.body.startsWith('PK')).toBe(true);
    expect((await report('exe')).status).toBe(422);
  });

  it('writes the report in the language asked, keeping the recommendations in their words', async () => {
    const report = (lang: string) =>
      as('observer').get<string>(
        `/api/negotiations/${fixture.negotiationId}/recommendations/report?format=html&lang=${lang}`,
      );
    const fr = await report('fr');
    expect(fr.status).toBe(200);
    expect(fr.body).toContain('<html lang="fr" dir="ltr">');
    expect(fr.body).toContain('<h1>Les recommandations et la suite qui leur a été donnée</h1>');
    expect(fr.body).toContain('soumises : 2 · reprises : 1 · acceptées : 1');
    expect(fr.body).not.toContain('In figures');
    const ar = await report('ar');
    expect(ar.body).toContain('<html lang="ar" dir="rtl">');
    expect(ar.body).toContain('التوصيات ومدى الأخذ بها');
    expect((await report('de')).status).toBe(422);
  });

  it('answers 404 for an unknown recommendation and for a stranger', async () => {
    const missing = '01JD0000000000000000000099';
    expect((await as('observer').get(`/api/recommendations/${missing}`)).status).toBe(404);
    expect((await as('observer').post(`/api/recommendations/${missing}/endorse`)).status).toBe(404);
    expect((await as('observer').get('/api/recommendations/not-an-id')).status).toBe(422);
  });
});
