// Consultations over HTTP on a real server: the secretariat opens a public consultation on an
// issued revision, people answer through the link without an account (no session cookie, one
// answer per browser, a honeypot, a body limit, a per-address budget), a member answers in the
// app, the chair closes it early and later answers are refused with problem+json, and the
// synthesis counts options per question and answers per paragraph. The report renders as HTML,
// PDF and DOCX.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ConsultationSummaryView,
  ConsultationSynthesisView,
  ConsultationView,
  PublicConsultationView,
} from '@accord/shared';
import {
  createNegotiationFixture,
  type FixtureMember,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

const hour = 3_600_000;

/** A browser with no account: keeps only the respondent cookie the server gives it. */
function browser(server: TestServer, address: string) {
  let cookie: string | undefined;
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie ? { cookie } : {}),
        'x-forwarded-for': address,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as unknown, set };
  };
  return {
    get: (path: string) => send('GET', path),
    post: (path: string, body: unknown) => send('POST', path, body),
    get cookie() {
      return cookie;
    },
  };
}

describe('consultations on a draft', () => {
  let server: TestServer;
  let fixture: NegotiationFixture;
  let documentId: string;
  let paragraphs: string[];
  let consultationId: string;
  let linkPath: string;
  const as = (member: FixtureMember) => fixture.clients[member];
  const publicPath = () => `/api/public${linkPath.replace('/consult/', '/consultations/')}`;

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await createNegotiationFixture(server);
    documentId = fixture.documents.formal;
    paragraphs = await fixture.paragraphIds(documentId);
    const issued = await as('chair').post(`/api/documents/${documentId}/revisions`, {
      label: 'Zero draft',
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  });
  afterAll(async () => {
    await server.close();
  });

  const opening = (overrides: Record<string, unknown> = {}) => ({
    documentId,
    revisionLabel: 'Zero draft',
    title: 'Views on the zero draft',
    intro: 'Which parts of the zero draft would you change?',
    opensAt: new Date(Date.now() - hour).toISOString(),
    closesAt: new Date(Date.now() + 48 * hour).toISOString(),
    questions: [
      {
        kind: 'single',
        prompt: 'Is the scope right?',
        options: ['Too narrow', 'Right', 'Too broad'],
      },
      { kind: 'open', prompt: 'What would you change?', options: [] },
    ],
    audience: 'public',
    invitedStakeholderIds: [],
    identity: 'anonymous',
    ...overrides,
  });

  it('lets the secretariat open a public consultation on an issued revision, and refuses a delegate', async () => {
    const refused = await as('delegate').post(
      `/api/negotiations/${fixture.negotiationId}/consultations`,
      opening(),
    );
    expect(refused.status).toBe(403);
    const unknownRevision = await as('secretariat').post(
      `/api/negotiations/${fixture.negotiationId}/consultations`,
      opening({ revisionLabel: 'Rev 9' }),
    );
    expect(unknownRevision.status).toBe(422);
    const res = await as('secretariat').post<{ consultationId: string }>(
      `/api/negotiations/${fixture.negotiationId}/consultations`,
      opening(),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    consultationId = res.body.consultationId;

    const view = await as('secretariat').get<ConsultationView>(
      `/api/consultations/${consultationId}`,
    );
    expect(view.body).toMatchObject({ phase: 'open', audience: 'public', responses: 0 });
    expect(view.body.paragraphs.map((p) => p.paragraphId)).toEqual(paragraphs);
    linkPath = view.body.linkPath!;
    expect(linkPath).toMatch(/^\/consult\/[A-Za-z0-9_-]{43}$/);
    // Only those who manage it see the link.
    const observerView = await as('observer').get<ConsultationView>(
      `/api/consultations/${consultationId}`,
    );
    expect(observerView.body.linkPath).toBeNull();
    const list = await as('civil-society').get<{ consultations: ConsultationSummaryView[] }>(
      `/api/negotiations/${fixture.negotiationId}/consultations`,
    );
    expect(list.body.consultations.map((c) => c.consultationId)).toEqual([consultationId]);
  });

  it('takes anonymous answers through the link without an account, once per browser', async () => {
    const first = browser(server, '203.0.113.7');
    const page = await first.get(publicPath());
    expect(page.status).toBe(200);
    expect(first.cookie).toMatch(/^accord_respondent=/);
    expect((page.body as PublicConsultationView).answered).toBe(false);
    const answer = {
      answers: [
        { questionId: 'q1', text: null, optionIds: ['o2'], paragraphIds: [paragraphs[0]] },
        {
          questionId: 'q2',
          text: 'Mention heat in the first paragraph.',
          optionIds: [],
          paragraphIds: [paragraphs[0], paragraphs[1]],
        },
      ],
    };
    const posted = await first.post(`${publicPath()}/answers`, answer);
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    expect((await first.get(publicPath())).body).toMatchObject({ answered: true });

    const again = await first.post(`${publicPath()}/answers`, answer);
    expect(again.status).toBe(409);
    expect((again.body as { reason: string }).reason).toBe('already-answered');

    // A second browser (a new cookie) answers too; its first POST gets its cookie there.
    const second = browser(server, '203.0.113.8');
    const secondPost = await second.post(`${publicPath()}/answers`, {
      answers: [{ questionId: 'q1', text: null, optionIds: ['o3'], paragraphIds: [paragraphs[1]] }],
    });
    expect(secondPost.status, JSON.stringify(secondPost.body)).toBe(201);
    expect(second.cookie).toMatch(/^accord_respondent=/);

    // The log holds no address and names nobody.
    const answered = [];
    for await (const e of server.store.readStream(`consultation-${consultationId}`)) {
      if (e.type === 'ConsultationAnswered') answered.push(e);
    }
    expect(answered).toHaveLength(2);
    const raw = JSON.stringify(answered.map((e) => [e.data, e.metadata]));
    expect(raw).not.toContain('203.0.113');
    expect(raw).not.toContain('userId');
    expect(raw).not.toContain(second.cookie!.split('=')[1]);
  });

  it('refuses a bad token, an oversized body, and robots filling the hidden field', async () => {
    const stranger = browser(server, '203.0.113.20');
    expect((await stranger.get(`/api/public/consultations/${'A'.repeat(43)}`)).status).toBe(404);
    // Each text is within its own limit; together they are over the public body limit.
    const huge = await stranger.post(`${publicPath()}/answers`, {
      answers: Array.from({ length: 10 }, () => ({
        questionId: 'q2',
        text: 'x'.repeat(3_900),
        optionIds: [],
        paragraphIds: [],
      })),
    });
    expect(huge.status).toBe(413);
    const robot = await stranger.post(`${publicPath()}/answers`, {
      answers: [{ questionId: 'q2', text: 'Buy now', optionIds: [], paragraphIds: [] }],
      website: 'http://spam.example',
    });
    expect(robot.status).toBe(201);
    expect(robot.body).toEqual({ responseId: null });
    const view = await as('chair').get<ConsultationView>(`/api/consultations/${consultationId}`);
    expect(view.body.responses).toBe(2);
  });

  it('limits how many answers one address may send', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      // A fresh browser each time, all from one address: the cookie does not help a flood.
      const res = await browser(server, '198.51.100.9').post(`${publicPath()}/answers`, {
        answers: [{ questionId: 'q1', text: null, optionIds: ['o1'], paragraphIds: [] }],
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('lets a member answer in the app, and the synthesis counts per question and per paragraph', async () => {
    const res = await as('civil-society').post(`/api/consultations/${consultationId}/answers`, {
      answers: [
        {
          questionId: 'q2',
          text: 'Name older persons in the second paragraph.',
          optionIds: [],
          paragraphIds: [paragraphs[1]],
        },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const refusedSynthesis = await as('observer').get(
      `/api/consultations/${consultationId}/synthesis`,
    );
    expect(refusedSynthesis.status).toBe(403);
    const synthesis = await as('chair').get<ConsultationSynthesisView>(
      `/api/consultations/${consultationId}/synthesis`,
    );
    expect(synthesis.status).toBe(200);
    const s = synthesis.body;
    expect(s.responses).toBe(13);
    expect(s.anonymous).toBe(13);
    expect(s.throughLink).toBe(12);
    expect(s.questions[0]!.options.map((o) => o.count)).toEqual([10, 1, 1]);
    expect(s.questions[1]!.texts.map((t) => t.text)).toEqual([
      'Mention heat in the first paragraph.',
      'Name older persons in the second paragraph.',
    ]);
    const byParagraph = new Map(s.paragraphs.map((p) => [p.paragraphId, p]));
    expect(byParagraph.get(paragraphs[0]!)).toMatchObject({ answers: 2 });
    expect(byParagraph.get(paragraphs[0]!)!.excerpts.map((e) => e.text)).toEqual([
      'Mention heat in the first paragraph.',
    ]);
    expect(byParagraph.get(paragraphs[1]!)).toMatchObject({ answers: 3 });
    expect(s.participation.at(-1)?.cumulative).toBe(13);
  });

  it('renders the consultation report as HTML, PDF and DOCX', async () => {
    const html = await as('secretariat').request(
      'GET',
      `/api/consultations/${consultationId}/report?format=html`,
    );
    expect(html.status).toBe(200);
    expect(String(html.body)).toContain('Answers per paragraph');
    expect(String(html.body)).toContain('Mention heat in the first paragraph.');
    for (const format of ['pdf', 'docx']) {
      const res = await fetch(
        `${server.url}/api/consultations/${consultationId}/report?format=${format}`,
        {
          headers: { cookie: as('secretariat').cookie! },
        },
      );
      expect(res.status, format).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('writes the report in the language asked, keeping the answers in their words', async () => {
    const report = async (lang: string) =>
      String(
        (
          await as('secretariat').request(
            'GET',
            `/api/consultations/${consultationId}/report?format=html&lang=${lang}`,
          )
        ).body,
      );
    const fr = await report('fr');
    expect(fr).toContain('Rapport de consultation');
    expect(fr).toContain('Réponses par paragraphe');
    expect(fr).toContain('Mention heat in the first paragraph.');
    expect(fr).not.toContain('Answers per paragraph');
    const ar = await report('ar');
    expect(ar).toContain('dir="rtl"');
    expect(ar).toContain('الإجابات حسب الفقرة');
  });

  it('refuses answers once the chair has closed it, with problem+json', async () => {
    const closed = await as('chair').post(`/api/consultations/${consultationId}/close`, {
      reason: 'Enough views',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const late = await browser(server, '203.0.113.30').post(`${publicPath()}/answers`, {
      answers: [{ questionId: 'q1', text: null, optionIds: ['o1'], paragraphIds: [] }],
    });
    expect(late.status).toBe(409);
    expect((late.body as { reason: string }).reason).toBe('consultation-closed');
    const page = await browser(server, '203.0.113.30').get(publicPath());
    expect(page.body).toMatchObject({ phase: 'closed' });
  });

  it('refuses answers before the period opens', async () => {
    const res = await as('chair').post<{ consultationId: string }>(
      `/api/negotiations/${fixture.negotiationId}/consultations`,
      opening({
        title: 'Later',
        opensAt: new Date(Date.now() + 24 * hour).toISOString(),
        audience: 'invited',
        identity: 'identified',
        invitedStakeholderIds: [fixture.stakeholders.delegationA],
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const early = await as('delegate').post(
      `/api/consultations/${res.body.consultationId}/answers`,
      {
        answers: [{ questionId: 'q1', text: null, optionIds: ['o1'], paragraphIds: [] }],
      },
    );
    expect(early.status).toBe(409);
    expect((early.body as { reason: string }).reason).toBe('consultation-not-open');
    // Civil society is not invited to this one.
    const notInvited = await as('civil-society').get<ConsultationView>(
      `/api/consultations/${res.body.consultationId}`,
    );
    expect(notInvited.body.you.mayAnswer).toBe(false);
  });
});
