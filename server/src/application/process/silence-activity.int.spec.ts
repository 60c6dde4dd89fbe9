/**
 * Deadlines and the silence procedure have their lines in the activity feed, as structured
 * entries every member reads: a deadline set and lifted, a silence started, broken (naming the
 * delegation) and ended with its outcome.
 */
import type { ActivityEntry } from '@accord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../../test-support/negotiation-fixture.js';
import { startTestServer, type TestServer } from '../../test-support/test-server.js';

describe('the silence procedure in the activity feed', () => {
  let server: TestServer;
  let fx: NegotiationFixture;
  beforeAll(async () => {
    server = await startTestServer();
    fx = await createNegotiationFixture(server);
  }, 60_000);
  afterAll(() => server.close());

  it('records deadlines and the silence’s start, break and end for everyone', async () => {
    const documentId = fx.documents.formal;
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const chair = fx.clients.chair;
    const deadline = `/api/documents/${documentId}/deadlines/amendments`;
    const set = await chair.put(deadline, { deadline: inAnHour, timeZone: 'Europe/Zurich' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect((await chair.delete(deadline)).status).toBe(200);
    const started = await chair.post<{ silenceId: string }>(
      `/api/documents/${documentId}/silences`,
      {
        until: inAnHour,
        timeZone: 'Europe/Zurich',
      },
    );
    expect(started.status).toBe(201);
    const broken = await fx.clients.delegate.post(
      `/api/documents/${documentId}/silences/${started.body.silenceId}/break`,
      { statement: 'Alderia cannot join consensus on OP 2.' },
    );
    expect(broken.status).toBe(200);

    for (const reader of ['civil-society', 'observer', 'delegate2'] as const) {
      const feed = await fx.clients[reader].get<ActivityEntry[]>(
        `/api/negotiations/${fx.negotiationId}/activity`,
      );
      expect(feed.status).toBe(200);
      const entry = (type: string) => feed.body.find((e) => e.activity.type === type)?.activity;
      expect(entry('DeadlineSet'), reader).toEqual({
        type: 'DeadlineSet',
        params: {
          actor: 'The chair',
          title: 'Fixture draft (formal)',
          deadlineKind: 'amendments',
          deadline: inAnHour,
          timeZone: 'Europe/Zurich',
        },
      });
      expect(entry('DeadlineCleared')?.params).toMatchObject({ deadlineKind: 'amendments' });
      expect(entry('SilenceStarted'), reader).toEqual({
        type: 'SilenceStarted',
        params: {
          actor: 'The chair',
          title: 'Fixture draft (formal)',
          until: inAnHour,
          timeZone: 'Europe/Zurich',
        },
      });
      expect(entry('SilenceBroken')?.params).toEqual({
        actor: 'The delegate',
        stakeholder: 'Alderia',
        title: 'Fixture draft (formal)',
      });
      expect(entry('SilenceEnded')?.params).toEqual({
        title: 'Fixture draft (formal)',
        outcome: 'broken',
      });
    }
  });
});
