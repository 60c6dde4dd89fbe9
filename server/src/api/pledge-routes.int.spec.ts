// Action pledges over HTTP on a real server: pledges are refused until the text is adopted, then
// a delegation, the secretariat (for a city) and civil society pledge towards its objectives; the
// delegation reports and revises, and the pledge's history replays as it stood at each report;
// the review counts standings as of a day; the public endpoints answer without an account; the
// background paper renders in every format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PledgeDetail, PledgeList, PledgeReview } from '@accord/shared';
import {
  createNegotiationFixture,
  type FixtureMember,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { adoptDocument } from '../test-support/adopt-document.js';
import { ApiClient } from '../test-support/api-client.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const content = (
  objectiveIds: string[],
  paragraphIds: string[],
  title = 'Heat alerts in every district',
) => ({
  title,
  commitments: 'Set up heat alerts in each district, in the languages residents speak.',
  partners: ['National Meteorological Service'],
  timeline: { start: '2026-01-01', end: '2028-12-31' },
  indicators: [
    { ref: 'districts', name: 'Districts covered', unit: 'districts', baseline: 2, target: 12 },
  ],
  objectiveIds,
  paragraphIds,
});

describe('action pledges', () => {
  let server: TestServer;
  let fixture: NegotiationFixture;
  let documentId: string;
  let op1: string;
  let op1a: string;
  let op2: string;
  let pledgeId: string;
  const as = (member: FixtureMember) => fixture.clients[member];
  const pledges = () => `/api/negotiations/${fixture.negotiationId}/pledges`;

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await createNegotiationFixture(server);
    documentId = fixture.documents.formal;
    [, op1, op1a, op2] = (await fixture.paragraphIds(documentId)) as [
      string,
      string,
      string,
      string,
    ];
  });
  afterAll(async () => {
    await server.close();
  });

  it('refuses a pledge on a text that is not adopted yet', async () => {
    const res = await as('delegate').post(pledges(), {
      documentId,
      pledger: { kind: 'state' },
      content: content([op1], []),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(409);
  });

  it('lists the adopted text with its objectives: each OP with its sub-paragraphs', async () => {
    await adoptDocument(as('chair'), documentId);
    const list = await as('observer').get<PledgeList>(pledges());
    expect(list.status).toBe(200);
    expect(list.body.adoptedTexts).toHaveLength(1);
    expect(
      list.body.adoptedTexts[0]!.objectives.map((o) => o.paragraphs.map((p) => p.ref)),
    ).toEqual([['OP 1', 'OP 1 (a)'], ['OP 2']]);
  });

  it('registers pledges by a delegation, by the secretariat for a city, and by civil society', async () => {
    const mine = await as('delegate').post<{ pledgeId: string }>(pledges(), {
      documentId,
      pledger: { kind: 'state' },
      content: content([], [op1a]),
    });
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    pledgeId = mine.body.pledgeId;
    const city = await as('secretariat').post(pledges(), {
      documentId,
      pledger: { kind: 'local-authority', outsideActor: 'City of Lakeport' },
      content: content([op1], [], 'Cooling centres in every ward'),
    });
    expect(city.status, JSON.stringify(city.body)).toBe(201);
    const cso = await as('civil-society').post(pledges(), {
      documentId,
      pledger: { kind: 'civil-society' },
      content: content([op2], [], 'Train outreach workers'),
    });
    expect(cso.status, JSON.stringify(cso.body)).toBe(201);
    // A paragraph outside the text's objectives, and the chair, are refused.
    const unknown = await as('delegate2').post(pledges(), {
      documentId,
      pledger: { kind: 'state' },
      content: content([fixture.documents['open-drafting']], []),
    });
    expect(unknown.status).toBe(422);
    const chair = await as('chair').post(pledges(), {
      documentId,
      pledger: { kind: 'state' },
      content: content([op1], []),
    });
    expect(chair.status).toBe(403);

    const list = await as('observer').get<PledgeList>(pledges());
    expect(list.body.pledges.map((p) => [p.pledger.name, p.content.objectives.length])).toEqual([
      ['Alderia', 1],
      ['City of Lakeport', 1],
      ['Workers Network', 1],
    ]);
  });

  it("replays the pledge's history: the pledge as it stood at each report", async () => {
    const report = (status: string, to: string, value: number) =>
      as('delegate').post(`/api/pledges/${pledgeId}/reports`, {
        status,
        period: { from: '2026-01-01', to },
        narrative: `Report to ${to}.`,
        figures: [{ ref: 'districts', value }],
      });
    expect((await report('on-track', '2026-03-31', 4)).status).toBe(201);
    const revised = await as('delegate').put(`/api/pledges/${pledgeId}`, {
      content: content([], [op1a], 'Heat alerts in every district and village'),
      note: 'Villages added',
    });
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);
    expect((await report('at-risk', '2026-06-30', 5)).status).toBe(201);
    // Another delegation may not report on it; a figure must name an indicator.
    const stranger = await as('delegate2').post(`/api/pledges/${pledgeId}/reports`, {
      status: 'achieved',
      period: { from: '2026-01-01', to: '2026-06-30' },
      narrative: '',
      figures: [],
    });
    expect(stranger.status).toBe(403);

    const detail = await as('civil-society').get<PledgeDetail>(`/api/pledges/${pledgeId}`);
    expect(detail.status).toBe(200);
    const { history } = detail.body;
    expect(history.map((s) => s.kind)).toEqual(['registered', 'reported', 'revised', 'reported']);
    const [, first, , second] = history;
    expect(first!.pledge.content.title).toBe('Heat alerts in every district');
    expect(first!.pledge.reports.map((r) => r.status)).toEqual(['on-track']);
    expect(second!.pledge.content.title).toBe('Heat alerts in every district and village');
    expect(second!.report).toMatchObject({
      status: 'at-risk',
      figures: [{ ref: 'districts', value: 5 }],
    });
    expect(detail.body.pledge.revisions).toBe(1);
  });

  it('counts standings per objective as of a day, with silent pledges and a trend', async () => {
    const review = async (asOf: string, objectiveId?: string) => {
      const query = new URLSearchParams({
        documentId,
        asOf,
        windowDays: '180',
        ...(objectiveId ? { objectiveId } : {}),
      });
      const res = await as('delegate2').get<PledgeReview>(
        `/api/negotiations/${fixture.negotiationId}/pledge-review?${query.toString()}`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    const autumn = await review('2026-09-30', op1);
    expect(autumn.objective!.counts).toEqual({
      'on-track': 0,
      'at-risk': 1,
      'off-track': 0,
      achieved: 0,
      silent: 1,
    });
    expect(autumn.objective!.rows.map((r) => [r.pledgerName, r.standing])).toEqual([
      ['Alderia', 'at-risk'],
      ['City of Lakeport', 'silent'],
    ]);
    expect(autumn.objectives.map((o) => o.counts.silent)).toEqual([1, 1]);
    const april = autumn.objective!.trend.find((p) => p.date === '2026-04-03')!;
    expect(april.counts).toMatchObject({ 'on-track': 1, silent: 1 });
    // A year on, with no new report, the delegation's pledge has gone silent too.
    expect((await review('2027-06-30', op1)).objective!.counts.silent).toBe(2);
  });

  it('serves the pledges to anyone without an account, and nothing else of the negotiation', async () => {
    const visitor = new ApiClient(server.url);
    const list = await visitor.get<PledgeList>(
      `/api/public/negotiations/${fixture.negotiationId}/pledges`,
    );
    expect(list.status).toBe(200);
    expect(list.body.pledges).toHaveLength(3);
    // The same for every visitor: shared caches may keep it a minute.
    expect(list.headers.get('cache-control')).toBe('public, max-age=60');
    const one = await visitor.get<PledgeDetail>(`/api/public/pledges/${pledgeId}`);
    expect(one.status).toBe(200);
    expect(one.body.history).toHaveLength(4);
    expect((await visitor.get(`/api/pledges/${pledgeId}`)).status).toBe(401);
    expect((await visitor.get(`/api/negotiations/${fixture.negotiationId}/documents`)).status).toBe(
      401,
    );
    expect((await visitor.get(`/api/public/pledges/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("renders the review forum's background paper as HTML, PDF and DOCX", async () => {
    const paper = (format: string) =>
      as('observer').request<string>(
        'GET',
        `/api/negotiations/${fixture.negotiationId}/pledge-review/paper?documentId=${documentId}&asOf=2026-09-30&format=${format}`,
      );
    const html = await paper('html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.body).toContain('Cooling centres in every ward');
    expect((await paper('pdf')).headers.get('content-type')).toContain('application/pdf');
    expect((await paper('docx')).status).toBe(200);
  });

  it('writes the background paper in the language asked', async () => {
    const paper = (lang: string) =>
      as('observer').request<string>(
        'GET',
        `/api/negotiations/${fixture.negotiationId}/pledge-review/paper?documentId=${documentId}&asOf=2026-09-30&format=html&lang=${lang}`,
      );
    const fr = await paper('fr');
    expect(fr.status).toBe(200);
    expect(fr.body).toContain('Document de référence pour le forum d’examen');
    expect(fr.body).toContain('au 30 septembre 2026');
    expect(fr.body).toContain('Cooling centres in every ward');
    const ar = await paper('ar');
    expect(ar.body).toContain('dir="rtl"');
    expect(ar.body).toContain('ورقة معلومات أساسية لمنتدى الاستعراض');
  });
});
