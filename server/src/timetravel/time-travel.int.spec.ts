// Time travel on a real server: a frame as of a revision (by label, by its position, by the time
// just after it) is what was live when the chair issued it; comparisons are exact and attributed;
// points before the document existed are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAsOf } from '@accord/shared';
import { InvalidInputError } from '../application/errors.js';
import { toProblem } from '../http/problem.js';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { compareAsOf } from './compare.js';
import { frameAsOf, type DocumentFrame } from './frame.js';
import { RecordHistory } from './record-history.js';
import { tellStory, type LiveCapture, type Story } from './test-support/negotiation-story.js';

const point = (text: string) => parseAsOf(text)!;

/** The frame in the shape the live routes gave at the time. */
const asCaptured = (frame: DocumentFrame) => ({
  paragraphs: frame.paragraphs.map(({ id, kind, label, text, chairStatus }) => ({
    id,
    kind,
    label,
    text,
    status: chairStatus,
  })),
  positions: frame.positions.map((p) => ({
    targetId: p.target.id,
    stakeholderId: p.stakeholderId,
    stance: p.stance,
    statement: p.statement,
  })),
  amendments: frame.amendments.map((a) => ({ amendmentId: a.amendmentId, status: a.status })),
});
const sortPositions = (c: Pick<LiveCapture, 'positions'>) =>
  [...c.positions].sort((a, b) =>
    `${a.targetId}${a.stakeholderId}`.localeCompare(`${b.targetId}${b.stakeholderId}`),
  );
const expectSameAsLive = (frame: DocumentFrame, live: LiveCapture) => {
  const seen = asCaptured(frame);
  expect(seen.paragraphs).toEqual(live.paragraphs);
  expect(sortPositions(seen)).toEqual(sortPositions(live));
  expect(seen.amendments).toEqual(live.amendments);
  expect(frame.asOf.textRevision).toBe(live.textRevision);
};

describe('time travel on a real server', () => {
  let server: TestServer;
  let fixture: NegotiationFixture;
  let story: Story;
  let deps: { store: TestServer['store']; history: RecordHistory };

  beforeAll(async () => {
    server = await startTestServer();
    fixture = await createNegotiationFixture(server);
    story = await tellStory(server, fixture);
    deps = {
      store: server.store,
      history: new RecordHistory(server.store, { checkpointEvery: 7 }),
    };
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(['Zero draft', 'Rev 1'] as const)(
    'shows the document as of %s as it was live when issued',
    async (label) => {
      const live = story.captures[label];
      const byLabel = await frameAsOf(deps, story.documentId, point(`revision:${label}`));
      expectSameAsLive(byLabel, live);
      expect(byLabel.asOf).toMatchObject({ recordPosition: live.position, revisionInForce: label });
      // The same moment named by the revision event's position, or by the time just after it.
      const byPosition = await frameAsOf(
        deps,
        story.documentId,
        point(`position:${live.position}`),
      );
      expect(byPosition).toEqual({
        ...byLabel,
        asOf: { ...byLabel.asOf, asOf: `position:${live.position}` },
      });
      const byTime = await frameAsOf(deps, story.documentId, point(`time:${live.time}`));
      expectSameAsLive(byTime, live);
      expect(byTime.consensus).toEqual(byLabel.consensus);
    },
  );

  it('counts consensus as it stood: Group G speaks for Alderia, civil society is not counted', async () => {
    const [, op1, , op2] = story.paragraphIds;
    const zero = (await frameAsOf(deps, story.documentId, point('revision:Zero draft'))).consensus;
    const onOp1 = zero.paragraphs.find((p) => p.paragraphId === op1)!;
    expect(onOp1).toMatchObject({ status: 'contested', label: 'OP 1' });
    expect(onOp1.objectors.map((o) => o.stakeholderId)).toEqual([fixture.stakeholders.delegationB]);
    expect(onOp1.notCounted.map((n) => n.stakeholderId)).toEqual([fixture.stakeholders.cso]);
    const onOp2 = zero.paragraphs.find((p) => p.paragraphId === op2)!;
    expect(onOp2.objectors).toMatchObject([
      { stakeholderId: fixture.stakeholders.delegationA, source: 'group', statement: 'Group line' },
    ]);

    const rev1 = (await frameAsOf(deps, story.documentId, point('revision:Rev 1'))).consensus;
    expect(rev1.paragraphs.map((p) => [p.label, p.status])).toEqual([
      ['PP 1', 'agreed-ad-ref'],
      // Alderia supports and Bravonia can accept, but Corvalis has not spoken.
      ['OP 1', 'no-objection-so-far'],
      ['OP 2', 'contested'],
    ]);
    expect(rev1.amendments.map((a) => [a.amendmentId, a.status])).toEqual([
      [story.pending, 'contested'],
    ]);
  });

  it('compares two revisions exactly, each change attributed', async () => {
    const [, op1, op1a, op2] = story.paragraphIds as [string, string, string, string];
    const comparison = await compareAsOf(
      deps,
      story.documentId,
      point('revision:Zero draft'),
      point('revision:Rev 1'),
    );
    const { delegationA, delegationB, delegationC } = fixture.stakeholders;
    const runs = (id: string) =>
      comparison.paragraphs
        .find((p) => p.paragraphId === id)!
        .runs.map((r) => [r.op, r.text, r.by.map((b) => b.stakeholderId).join(','), r.attribution]);
    expect(runs(op1)).toEqual([
      ['equal', 'Commit ', '', 'none'],
      ['insert', 'urgently ', delegationA, 'exact'],
      ['equal', 'to establishing heat early-warning systems in ', '', 'none'],
      ['delete', 'every city', delegationB, 'exact'],
      ['insert', 'all cities', delegationB, 'exact'],
      ['equal', ';', '', 'none'],
    ]);
    const accepted = comparison.paragraphs[1]!.runs[3]!.by[0]!;
    expect(accepted).toMatchObject({ amendmentId: story.accepted, userId: fixture.userIds.chair });
    expect(runs(op1a)).toEqual([
      ['delete', 'with alerts in the languages spoken by residents;', delegationC, 'exact'],
    ]);
    expect(runs(op2)).toEqual([
      ['equal', 'Encourage cities to open cooling centres during heatwaves;', '', 'none'],
    ]);
    expect(comparison.summary).toMatchObject({ modified: 1, removed: 1, unchanged: 2, added: 0 });
    expect(comparison.stakeholders[delegationB]).toMatchObject({ name: 'Bravonia' });
  });

  it('refuses a point before the document existed, saying when it was created', async () => {
    for (const before of ['position:1', 'time:2000-01-01T00:00:00Z']) {
      const refusal = await frameAsOf(deps, story.documentId, point(before)).catch(
        (e: unknown) => e,
      );
      expect(refusal).toBeInstanceOf(InvalidInputError);
      expect(toProblem(refusal)).toMatchObject({
        status: 422,
        type: 'urn:accord:problem:before-document',
        documentCreatedPosition: expect.stringMatching(/^\d+$/) as unknown,
      });
    }
  });
});
