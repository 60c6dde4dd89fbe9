/**
 * The silence procedure end to end on a real server and SQLite store: a whole-text silence
 * whose deadline passes while the server is down ends once and adopts the text once when it
 * comes back (and again after a restart that forgets the outcome reactor's checkpoint); two
 * schedulers racing on one store (two nodes) end a paragraphs silence once; and the deadlines
 * for amendments and positions refuse late tabling and stating with `deadline-passed`.
 */
import { processStream, documentStream } from '@accord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandService } from '../../commands/command-service.js';
import { loadConfig } from '../../config.js';
import { collect } from '../../eventstore/port.js';
import { createLogger } from '../../observability/logger.js';
import { createMetrics } from '../../observability/metrics.js';
import { openReadModelDb, readModelFile } from '../../readmodels/read-model-db.js';
import { startServer, type RunningServer } from '../../server.js';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../../test-support/negotiation-fixture.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { expiryCommandId, SilenceScheduler } from './silence-scheduler.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (condition: () => Promise<boolean> | boolean, what: string) => {
  for (let i = 0; i < 400; i += 1) {
    if (await condition()) return;
    await sleep(25);
  }
  throw new Error(`timed out waiting until ${what}`);
};
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

interface ProcessBody {
  silence: { silenceId: string; status: string } | null;
  silences: {
    silenceId: string;
    status: string;
    breaks: { statement: string }[];
    result: {
      adoptedRevisionLabel: string | null;
      agreedParagraphIds: string[];
      problems: unknown[];
    } | null;
  }[];
}

describe('the silence procedure across a kill', () => {
  let dataDir: { dir: string; remove(): Promise<void> };
  let server: RunningServer;
  let fx: NegotiationFixture;

  /** The clients keep talking to one address, so a restart listens on the first start's port. */
  let port = '0';
  const start = async () => {
    const started = await startServer(
      loadConfig({
        PORT: port,
        HOST: '127.0.0.1',
        ACCORD_DATA_DIR: dataDir.dir,
        LOG_LEVEL: process.env.TEST_LOG ?? 'silent',
        ACCORD_DEMO: 'false',
        ACCORD_REST_WRITES_PER_MINUTE: '1000000',
      }),
    );
    port = new URL(started.url).port;
    return started;
  };

  /**
   * As a kill -9 would leave it: every timer and subscription of the instance stops (they die
   * with a process) and it stops listening, but nothing is flushed or closed — the store's
   * handle and the live text are simply abandoned.
   */
  const kill = async (victim: RunningServer) => {
    await victim.services.stop();
    await victim.readModels.stop();
    victim.httpServer.closeAllConnections();
    victim.httpServer.close();
  };

  beforeAll(async () => {
    dataDir = await makeTempDir();
    server = await start();
    fx = await createNegotiationFixture(server);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await dataDir.remove();
  });

  const events = async (stream: string, type: string) =>
    (await collect(server.store.readStream(stream))).filter((e) => e.type === type);

  it('ends once and adopts the text once when the deadline passed while the server was down', async () => {
    const documentId = fx.documents.formal;
    const issued = await fx.clients.chair.post(`/api/documents/${documentId}/revisions`, {
      label: 'Rev 1',
    });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const deadline = inMs(1_500);
    const started = await fx.clients.chair.post<{ silenceId: string }>(
      `/api/documents/${documentId}/silences`,
      { until: deadline, timeZone: 'Europe/Zurich', note: 'Rev 1 under silence' },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(server.services.silenceScheduler.scheduled).toBe(1);

    await kill(server);
    await sleep(Date.parse(deadline) - Date.now() + 300);
    server = await start();

    await until(async () => {
      const view = await fx.clients.observer.get<ProcessBody>(
        `/api/documents/${documentId}/process`,
      );
      return view.body.silences[0]?.result !== null && view.body.silences[0]?.result !== undefined;
    }, 'the adopted silence has its outcome recorded');
    const view = await fx.clients.observer.get<ProcessBody>(`/api/documents/${documentId}/process`);
    expect(view.body.silence).toBeNull();
    expect(view.body.silences[0]).toMatchObject({
      silenceId: started.body.silenceId,
      status: 'adopted',
      result: { adoptedRevisionLabel: 'Rev 1', agreedParagraphIds: [], problems: [] },
    });
    expect(await events(processStream(documentId), 'SilenceEnded')).toHaveLength(1);
    expect(await events(documentStream(documentId), 'DocumentAdopted')).toHaveLength(1);
    const fired = (
      await server.metrics.registry.getSingleMetric('accord_silence_expiries_total')?.get()
    )?.values.find((v) => v.labels.result === 'ended')?.value;
    expect(fired).toBe(1);

    // Another restart that forgets the outcome reactor's checkpoint reads the end again: nothing twice.
    await server.close();
    const db = openReadModelDb(readModelFile(dataDir.dir));
    db.prepare('DELETE FROM checkpoints WHERE projector = ?').run('reactor:silence-outcome');
    db.close();
    server = await start();
    await sleep(300);
    expect(await events(processStream(documentId), 'SilenceEnded')).toHaveLength(1);
    expect(await events(processStream(documentId), 'SilenceOutcomeRecorded')).toHaveLength(1);
    expect(await events(documentStream(documentId), 'DocumentAdopted')).toHaveLength(1);
  }, 60_000);

  it('ends a paragraphs silence once when two nodes fire at its deadline, and agrees them ad ref', async () => {
    const documentId = fx.documents['open-drafting'];
    const [first, second] = await fx.paragraphIds(documentId);
    // A second node: its own scheduler and command service on the same store. (Two SQLite
    // connections would not do: the embedded store tells only its own connection about new
    // events, and it is a one-node store anyway.)
    const otherStore = server.store;
    const otherMetrics = createMetrics();
    const otherNode = new SilenceScheduler({
      store: otherStore,
      commands: createCommandService({
        store: otherStore,
        waitForReadModels: () => Promise.resolve(),
      }),
      logger: createLogger('silent'),
      metrics: otherMetrics,
    });
    try {
      const deadline = inMs(800);
      const started = await fx.clients.chair.post<{ silenceId: string }>(
        `/api/documents/${documentId}/silences`,
        { paragraphIds: [first, second], until: deadline, timeZone: 'UTC' },
      );
      expect(started.status).toBe(201);
      // The other node reads the silence from the log as it starts, as a restarting node would.
      await otherNode.start();
      expect(otherNode.scheduled).toBe(1);
      await until(async () => {
        const view = await fx.clients.chair.get<ProcessBody>(
          `/api/documents/${documentId}/process`,
        );
        return Boolean(view.body.silences[0]?.result);
      }, 'the outcome is recorded');
      await until(() => otherNode.scheduled === 0, 'the other node is done');
      expect(await events(processStream(documentId), 'SilenceEnded')).toHaveLength(1);
      // Exactly one node ended it; the other found it ended (or saw the end in the log first).
      const firings = async (registry: typeof otherMetrics.registry, result: string) =>
        (await registry.getSingleMetric('accord_silence_expiries_total')?.get())?.values.find(
          (v) => v.labels.result === result,
        )?.value ?? 0;
      expect(
        (await firings(server.metrics.registry, 'ended')) +
          (await firings(otherMetrics.registry, 'ended')),
      ).toBe(1);
      // Late expiries from both nodes at once, as after a partition heals: nothing more is appended.
      const expire = (commands: typeof server.commands) =>
        commands.execute({
          type: 'ExpireSilence',
          data: { documentId, silenceId: started.body.silenceId },
          meta: {
            commandId: expiryCommandId(started.body.silenceId),
            actor: {
              userId: fx.userIds.chair,
              stakeholderId: fx.stakeholders.delegationC,
              role: 'chair',
            },
            now: new Date().toISOString(),
          },
        });
      const otherCommands = createCommandService({
        store: otherStore,
        waitForReadModels: () => Promise.resolve(),
      });
      const answers = await Promise.all([expire(server.commands), expire(otherCommands)]);
      expect(answers.every((a) => a.duplicate)).toBe(true);
      expect(await events(processStream(documentId), 'SilenceEnded')).toHaveLength(1);
      const gavels = await events(documentStream(documentId), 'ParagraphStatusSet');
      expect(gavels.map((e) => (e.data as { paragraphId: string }).paragraphId).sort()).toEqual(
        [first, second].sort(),
      );
      const view = await fx.clients.chair.get<ProcessBody>(`/api/documents/${documentId}/process`);
      expect(view.body.silences[0]!.result!.agreedParagraphIds).toEqual([first, second]);
    } finally {
      await otherNode.stop();
    }
  }, 30_000);

  it('refuses a break after the deadline, and records breaks before it', async () => {
    const documentId = fx.documents['open-drafting'];
    const [, , third] = await fx.paragraphIds(documentId);
    const started = await fx.clients.chair.post<{ silenceId: string }>(
      `/api/documents/${documentId}/silences`,
      { paragraphIds: [third], until: inMs(60_000), timeZone: 'UTC', note: 'OP 3' },
    );
    expect(started.status).toBe(201);
    const path = `/api/documents/${documentId}/silences/${started.body.silenceId}/break`;
    expect((await fx.clients['civil-society'].post(path, { statement: 'No' })).status).toBe(403);
    expect((await fx.clients.chair.post(path, { statement: 'No' })).status).toBe(403);
    expect((await fx.clients.delegate.post(path, { statement: '' })).status).toBe(422);
    const broken = await fx.clients.delegate.post(path, { statement: 'We cannot accept OP 3.' });
    expect(broken.status).toBe(200);
    const view = await fx.clients.observer.get<ProcessBody>(`/api/documents/${documentId}/process`);
    expect(view.body.silences[0]).toMatchObject({
      status: 'broken',
      breaks: [{ statement: 'We cannot accept OP 3.' }],
    });

    // The chair's decision queue hears of it, with the deadlines still ahead.
    const queue = await server.services.process.queue(fx.negotiationId);
    expect(queue.silencesBroken.map((b) => b.silence.silenceId)).toContain(started.body.silenceId);
    expect(queue.silencesRunning).toEqual([]);
  });

  it('refuses amendments and positions after their deadlines, saying when they closed', async () => {
    const documentId = fx.documents['open-drafting'];
    const [paragraphId] = await fx.paragraphIds(documentId);
    const amendmentsBy = inMs(400);
    for (const kind of ['amendments', 'positions']) {
      const set = await fx.clients.chair.put(`/api/documents/${documentId}/deadlines/${kind}`, {
        deadline: amendmentsBy,
        timeZone: 'Africa/Nairobi',
      });
      expect(set.status).toBe(200);
    }
    expect(
      (
        await fx.clients.delegate.put(`/api/documents/${documentId}/deadlines/positions`, {
          deadline: amendmentsBy,
          timeZone: 'UTC',
        })
      ).status,
    ).toBe(403);
    await sleep(Date.parse(amendmentsBy) - Date.now() + 50);

    const tabled = await fx.clients.delegate.post<{ type: string; detail: string }>(
      `/api/documents/${documentId}/amendments`,
      {
        paragraphId,
        kind: 'insert',
        range: { start: 0, end: 0 },
        proposedText: 'Late ',
        rationale: '',
      },
    );
    expect(tabled.status).toBe(409);
    expect(tabled.body.type).toBe('urn:accord:problem:deadline-passed');
    expect(tabled.body.detail).toContain(amendmentsBy);
    const stated = await fx.clients.delegate.put<{ type: string }>(
      `/api/documents/${documentId}/positions`,
      { target: { kind: 'paragraph', id: paragraphId }, stance: 'support' },
    );
    expect(stated.status).toBe(409);
    expect(stated.body.type).toBe('urn:accord:problem:deadline-passed');

    // Cleared, the door opens again.
    const cleared = await fx.clients.chair.delete(
      `/api/documents/${documentId}/deadlines/positions`,
    );
    expect(cleared.status).toBe(200);
    const again = await fx.clients.delegate.put(`/api/documents/${documentId}/positions`, {
      target: { kind: 'paragraph', id: paragraphId },
      stance: 'support',
    });
    expect(again.status).toBe(200);
  });
});
