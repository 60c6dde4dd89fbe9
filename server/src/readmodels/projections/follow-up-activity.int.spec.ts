// The activity feed's lines for recommendations, consultations and pledges, on a real server:
// each notable step is a structured entry naming the organisation, delegation or pledger; an
// answer to a consultation given in the app is a line that names nobody, not even as its actor.
import type { ActivityEntry } from '@accord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptDocument } from '../../test-support/adopt-document.js';
import {
  createNegotiationFixture,
  type FixtureMember,
  type NegotiationFixture,
} from '../../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

const hour = 3_600_000;

describe('activity lines for recommendations, consultations and pledges', () => {
  let server: TestServer;
  let fixture: NegotiationFixture;
  let documentId: string;
  let paragraphs: string[];
  const as = (member: FixtureMember) => fixture.clients[member];
  const feed = async () => {
    const res = await as('observer').get<ActivityEntry[]>(
      `/api/negotiations/${fixture.negotiationId}/activity?limit=500`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const lineOf = async (type: string) => (await feed()).find((e) => e.activity.type === type);

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await createNegotiationFixture(server);
    documentId = fixture.documents.formal;
    paragraphs = await fixture.paragraphIds(documentId);
  });
  afterAll(async () => {
    await server.close();
  });

  it('tells of a recommendation submitted and taken up, with who did it', async () => {
    const submitted = await as('civil-society').post<{ recommendationId: string }>(
      `/api/negotiations/${fixture.negotiationId}/recommendations`,
      {
        title: 'Shaded bus stops',
        documentId,
        paragraphIds: [paragraphs[1]],
        themes: ['Heat'],
        change: 'amend-paragraph',
        proposedText: 'Shade every bus stop in the hottest districts;',
        rationale: 'People wait in the sun.',
      },
    );
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const line = await lineOf('RecommendationSubmitted');
    expect(line?.kind).toBe('recommendation-submitted');
    expect(line?.activity.params).toMatchObject({ recommendation: 'Shaded bus stops' });
    expect((line?.activity.params as { stakeholder?: string }).stakeholder).toBeTruthy();

    const taken = await as('delegate').post(
      `/api/recommendations/${submitted.body.recommendationId}/take-up`,
      {
        documentId,
        paragraphId: paragraphs[1],
        kind: 'replace',
        range: {
          start: 0,
          end: 'Commit to establishing heat early-warning systems in every city;'.length,
        },
        proposedText: 'Shade every bus stop in the hottest districts;',
        rationale: 'We make it ours.',
      },
    );
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    // The uptake is recorded by a reactor, a moment after the amendment.
    let uptake: ActivityEntry | undefined;
    for (let i = 0; i < 40 && !uptake; i += 1) {
      uptake = await lineOf('RecommendationTakenUp');
      if (!uptake) await new Promise((r) => setTimeout(r, 100));
    }
    expect(uptake?.activity.params).toMatchObject({
      stakeholder: 'Alderia',
      recommendation: 'Shaded bus stops',
    });
  });

  it('tells of a consultation opened, and of an answer without naming who answered', async () => {
    const issued = await as('chair').post(`/api/documents/${documentId}/revisions`, {
      label: 'Zero draft',
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const opened = await as('secretariat').post<{ consultationId: string }>(
      `/api/negotiations/${fixture.negotiationId}/consultations`,
      {
        documentId,
        revisionLabel: 'Zero draft',
        title: 'Views on the zero draft',
        intro: '',
        opensAt: new Date(Date.now() - hour).toISOString(),
        closesAt: new Date(Date.now() + 48 * hour).toISOString(),
        questions: [{ kind: 'open', prompt: 'What would you change?', options: [] }],
        audience: 'invited',
        invitedStakeholderIds: [],
        identity: 'anonymous',
      },
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect((await lineOf('ConsultationOpened'))?.activity.params).toMatchObject({
      consultation: 'Views on the zero draft',
      label: 'Zero draft',
    });

    const answered = await as('civil-society').post(
      `/api/consultations/${opened.body.consultationId}/answers`,
      { answers: [{ questionId: 'q1', text: 'Name the heat.', optionIds: [], paragraphIds: [] }] },
    );
    expect(answered.status, JSON.stringify(answered.body)).toBe(201);
    const line = await lineOf('ConsultationAnswered');
    expect(line?.activity.params).toEqual({ consultation: 'Views on the zero draft' });
    expect(line?.actor).toMatchObject({ userId: null, stakeholderId: null, stakeholder: null });
  });

  it('tells of a pledge registered and reported on, naming the pledger', async () => {
    await adoptDocument(as('chair'), documentId);
    const registered = await as('delegate').post<{ pledgeId: string }>(
      `/api/negotiations/${fixture.negotiationId}/pledges`,
      {
        documentId,
        pledger: { kind: 'state' },
        content: {
          title: 'Cool roofs on schools',
          commitments: 'Paint every school roof white by 2028.',
          partners: [],
          timeline: { start: '2026-01-01', end: '2028-12-31' },
          indicators: [{ ref: 'roofs', name: 'Roofs', unit: '', baseline: 0, target: 40 }],
          objectiveIds: [],
          paragraphIds: [paragraphs[1]],
        },
      },
    );
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const pledgeId = registered.body.pledgeId;
    expect((await lineOf('PledgeRegistered'))?.activity.params).toMatchObject({
      pledger: 'Alderia',
      pledge: 'Cool roofs on schools',
    });
    const reported = await as('delegate').post(`/api/pledges/${pledgeId}/reports`, {
      status: 'at-risk',
      period: { from: '2026-01-01', to: '2026-03-31' },
      narrative: 'Paint is late.',
      figures: [{ ref: 'roofs', value: 3 }],
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(201);
    expect((await lineOf('PledgeProgressReported'))?.activity.params).toEqual({
      pledger: 'Alderia',
      pledge: 'Cool roofs on schools',
      status: 'at-risk',
    });
  });
});
