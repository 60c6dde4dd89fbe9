// The record routes over HTTP on a real server: consensus and frames as of a revision equal what
// was live when it was issued, the comparison is exact and attributed, track records, milestones
// and coalitions, and the refusals (before the document, unknown revision, bad syntax, outsiders).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInUser } from '../accounts/account-service.js';
import { ApiRouter } from '../http/api-router.js';
import { ApiClient } from '../test-support/api-client.js';
import {
  createNegotiationFixture,
  FIXTURE_PASSWORD,
  type FixtureMember,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { startRecordApi } from '../timetravel/test-support/record-api.js';
import { tellStory, type Story } from '../timetravel/test-support/negotiation-story.js';
import { recordRoutes } from './record-routes.js';

interface Consensus {
  asOf: { asOf: string; recordPosition: string; textRevision: string | null };
  rule: { name: string };
  summary: Record<string, unknown>;
  paragraphs: {
    paragraphId: string;
    label: string;
    status: string;
    objectors: { stakeholderId: string }[];
  }[];
  amendments: { amendmentId: string; status: string }[];
}

describe('record routes', () => {
  let server: TestServer;
  let recordApi: { url: string; close(): Promise<void> };
  let fixture: NegotiationFixture;
  let story: Story;
  const liveConsensus: Record<string, Consensus> = {};
  const as = (member: FixtureMember) =>
    new ApiClient(recordApi.url, fixture.clients[member].cookie);
  const doc = (path: string) => `/api/documents/${story.documentId}${path}`;

  beforeAll(async () => {
    server = await startTestServer();
    recordApi = await startRecordApi(server);
    fixture = await createNegotiationFixture(server);
    story = await tellStory(server, fixture, {
      // What a delegate saw live, right after the chair issued the revision.
      onRevision: async (label) => {
        const res = await as('delegate').get<Consensus>(
          `/api/documents/${fixture.documents.formal}/consensus`,
        );
        liveConsensus[label] = res.body;
      },
    });
  });
  afterAll(async () => {
    await recordApi.close();
    await server.close();
  });

  it.each(['Zero draft', 'Rev 1'] as const)(
    'gives the consensus as of %s exactly as it was live then',
    async (label) => {
      const res = await as('observer').get<Consensus>(
        doc(`/consensus?asOf=${encodeURIComponent(`revision:${label}`)}`),
      );
      expect(res.status).toBe(200);
      const { asOf: thenAsOf, ...then } = res.body;
      const { asOf: liveAsOf, ...live } = liveConsensus[label]!;
      expect(then).toEqual(live);
      expect(thenAsOf).toMatchObject({
        asOf: `revision:${label}`,
        recordPosition: liveAsOf.recordPosition,
      });
      expect(then.rule.name).toBe('no-objection');
    },
  );

  it('gives the frame as of a revision: the text as it was when issued', async () => {
    const res = await as('civil-society').get<{
      paragraphs: { id: string; label: string; text: string; chairStatus: string }[];
      amendments: { amendmentId: string; status: string }[];
    }>(doc('/frame?asOf=revision:Rev%201'));
    expect(res.status).toBe(200);
    expect(
      res.body.paragraphs.map((p) => ({
        id: p.id,
        label: p.label,
        text: p.text,
        status: p.chairStatus,
      })),
    ).toEqual(
      story.captures['Rev 1'].paragraphs.map(({ id, label, text, status }) => ({
        id,
        label,
        text,
        status,
      })),
    );
    expect(res.body.amendments.map((a) => [a.amendmentId, a.status])).toEqual([
      [story.accepted, 'accepted'],
      [story.pending, 'pending'],
    ]);
  });

  it('compares two points exactly, each change attributed', async () => {
    const res = await as('delegate').get<{
      paragraphs: {
        paragraphId: string;
        change: string;
        runs: { op: string; text: string; by: { stakeholderId: string }[] }[];
      }[];
    }>(
      doc(
        `/compare?from=${encodeURIComponent('revision:Zero draft')}&to=${encodeURIComponent('revision:Rev 1')}`,
      ),
    );
    expect(res.status).toBe(200);
    const { delegationA, delegationB, delegationC } = fixture.stakeholders;
    expect(
      res.body.paragraphs.flatMap((p) =>
        p.runs
          .filter((r) => r.op !== 'equal')
          .map((r) => [p.change, r.op, r.text, r.by.map((b) => b.stakeholderId)]),
      ),
    ).toEqual([
      ['modified', 'insert', 'urgently ', [delegationA]],
      ['modified', 'delete', 'every city', [delegationB]],
      ['modified', 'insert', 'all cities', [delegationB]],
      ['removed', 'delete', 'with alerts in the languages spoken by residents;', [delegationC]],
    ]);
    // `to` defaults to now: the chair's later edit of OP 2 shows up.
    const toNow = await as('delegate').get<{
      paragraphs: { runs: { op: string; text: string }[] }[];
    }>(doc('/compare?from=revision:Rev%201'));
    expect(toNow.body.paragraphs.at(-1)!.runs.filter((r) => r.op !== 'equal')).toMatchObject([
      { op: 'delete', text: 'Encourage' },
      { op: 'insert', text: 'Urge' },
    ]);
  });

  it('refuses a comparison that goes backwards', async () => {
    const res = await as('delegate').get(doc('/compare?from=now&to=revision:Rev%201'));
    expect(res).toMatchObject({ status: 422, body: { type: 'urn:accord:problem:from-after-to' } });
  });

  it("gives a delegation's track record with the revision in force at each change", async () => {
    const res = await as('delegate').get<{
      stakeholder: { name: string };
      changes: {
        stance: string | null;
        statement: string;
        revisionLabel: string | null;
        userId: string;
      }[];
    }>(doc(`/positions/track?stakeholderId=${fixture.stakeholders.delegationB}`));
    expect(res.status).toBe(200);
    expect(res.body.stakeholder.name).toBe('Bravonia');
    expect(res.body.changes.map((c) => [c.stance, c.statement, c.revisionLabel, c.userId])).toEqual(
      [
        ['objection', 'Unfunded mandate', null, fixture.userIds.delegate2],
        ['can-accept', 'With all cities', 'Zero draft', fixture.userIds.delegate2],
      ],
    );
    const onParagraph = await as('delegate').get<{
      changes: { stakeholder: { shortCode: string } }[];
    }>(doc(`/positions/track?targetKind=paragraph&targetId=${story.paragraphIds[1]}`));
    expect(onParagraph.body.changes.map((c) => c.stakeholder.shortCode)).toEqual([
      'ALD',
      'BRV',
      'WN',
      'BRV',
    ]);
    const neither = await as('delegate').get(doc('/positions/track'));
    expect(neither.status).toBe(422);
  });

  it('lists the milestones, each with a point a frame can jump to', async () => {
    const res = await as('delegate').get<{
      milestones: { kind: string; documentId: string; label?: string; asOf: string }[];
    }>(`/api/negotiations/${fixture.negotiationId}/milestones?documentId=${story.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.milestones.map((m) => [m.kind, m.label ?? null])).toEqual([
      ['document-created', 'A/FIX/2'],
      ['revision-issued', 'Zero draft'],
      ['amendment-accepted', null],
      ['paragraph-agreed-ad-ref', null],
      ['revision-issued', 'Rev 1'],
    ]);
    const rev1 = res.body.milestones[4]!;
    const frame = await as('delegate').get<{ asOf: { revisionInForce: string } }>(
      doc(`/frame?asOf=${rev1.asOf}`),
    );
    expect(frame.body.asOf.revisionInForce).toBe('Rev 1');
    const onlyRevisions = await as('delegate').get<{ milestones: unknown[] }>(
      `/api/negotiations/${fixture.negotiationId}/milestones?kinds=revision-issued`,
    );
    expect(onlyRevisions.body.milestones).toHaveLength(2);
  });

  it('analyses coalitions with the method stated', async () => {
    const res = await as('delegate').get<{ method: { threshold: number }; delegations: number }>(
      doc('/coalitions?threshold=0.6&includeInherited=true'),
    );
    expect(res.status).toBe(200);
    expect(res.body.method.threshold).toBe(0.6);
    expect(res.body.delegations).toBe(2);
  });

  it('refuses points before the document existed, unknown revisions and bad syntax precisely', async () => {
    const before = await as('delegate').get(doc('/frame?asOf=position:1'));
    expect(before).toMatchObject({
      status: 422,
      body: { type: 'urn:accord:problem:before-document', errors: [{ path: 'query.asOf' }] },
    });
    const unknown = await as('delegate').get(doc('/consensus?asOf=revision:Rev%209'));
    expect(unknown).toMatchObject({
      status: 404,
      body: { type: 'urn:accord:problem:revision-not-found', revisions: ['Zero draft', 'Rev 1'] },
    });
    for (const bad of ['yesterday', 'time:10:00', 'position:-1', 'revision:']) {
      const res = await as('delegate').get(doc(`/frame?asOf=${encodeURIComponent(bad)}`));
      expect(res.status, bad).toBe(422);
    }
    expect((await as('delegate').get(doc('/frame'))).status).toBe(422);
  });

  it('shows nothing to someone outside the negotiation', async () => {
    await server.accounts.register({
      email: 'outsider@fixture.test',
      displayName: 'Out',
      password: FIXTURE_PASSWORD,
    });
    const signedIn = new ApiClient(server.url);
    await signedIn.signIn('outsider@fixture.test', FIXTURE_PASSWORD);
    const outsider = new ApiClient(recordApi.url, signedIn.cookie);
    expect((await outsider.get(doc('/consensus'))).status).toBe(404);
    expect(
      (await outsider.get(`/api/negotiations/${fixture.negotiationId}/milestones`)).status,
    ).toBe(404);
    expect((await new ApiClient(recordApi.url).get(doc('/consensus'))).status).toBe(401);
  });

  it('documents every route, with its query, in the OpenAPI document', () => {
    const api = new ApiRouter<SignedInUser>({
      prefix: '/api',
      authenticate: () => Promise.resolve(undefined),
    });
    const { commands, accounts, text, access, store, readModels } = server;
    recordRoutes(api, { commands, queries: readModels.queries, accounts, text, access, store });
    const { paths } = api.openApi({ title: 'Accord', version: 'test' }) as {
      paths: Record<string, { get: { parameters: { name: string }[] } }>;
    };
    expect(Object.keys(paths)).toEqual([
      '/api/documents/{documentId}/consensus',
      '/api/documents/{documentId}/frame',
      '/api/documents/{documentId}/compare',
      '/api/documents/{documentId}/positions/track',
      '/api/negotiations/{negotiationId}/milestones',
      '/api/documents/{documentId}/coalitions',
    ]);
    expect(paths['/api/documents/{documentId}/compare']!.get.parameters.map((p) => p.name)).toEqual(
      ['documentId', 'from', 'to'],
    );
  });
});
