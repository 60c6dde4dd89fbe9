/**
 * The silence procedure's deadline is a durable scheduled step. The built server runs as a child
 * process on a SQLite file; a silence is started and the process is killed with SIGKILL
 * (a) well before its deadline, staying dead past it, and (b) right at the deadline. After each
 * restart the silence must end adopted and the document be adopted, and across every kill and
 * restart the log must hold SilenceEnded{adopted}, the adoption and the recorded outcome exactly
 * once each.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../eventstore/sqlite/sqlite-event-store.js';
import { ApiClient } from '../test-support/api-client.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { builtMain, startAccord, type AccordProcess } from './test-support/accord-process.js';
import { waitFor } from './test-support/storm-clients.js';

const DEMO_PASSWORD = 'accord-demo-2026';
// Generous: several helpers share two cores, and the demo seed hashes many passwords.
const START_TIMEOUT_MS = 120_000;
const SETTLE_TIMEOUT_MS = 60_000;

const running = new Set<AccordProcess>();
afterEach(async () => {
  for (const server of running) await server.killHard();
  running.clear();
});

async function start(dataDir: string, port: number): Promise<AccordProcess> {
  const server = await startAccord({ dataDir, port, timeoutMs: START_TIMEOUT_MS });
  running.add(server);
  void server.exited.then(() => running.delete(server));
  return server;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** A fresh document with an issued revision, so an adopted silence has a text to adopt. */
async function documentWithRevision(chair: ApiClient, title: string): Promise<string> {
  const negotiations = await chair.get<{ negotiationId: string }[]>('/api/negotiations');
  expect(negotiations.status).toBe(200);
  const negotiationId = negotiations.body[0]!.negotiationId;
  const created = await chair.post<{ documentId: string }>(
    `/api/negotiations/${negotiationId}/documents`,
    {
      title,
      symbol: `A/SIL/${title.length}`,
      mode: 'formal',
      paragraphs: [
        { kind: 'preambular', text: 'Recalling the work of the heat action partnership,' },
        { kind: 'operative', text: 'Decides to review progress at its next session;' },
      ],
    },
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const { documentId } = created.body;
  const issued = await chair.post(`/api/documents/${documentId}/revisions`, {});
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return documentId;
}

async function startSilence(chair: ApiClient, documentId: string, until: Date): Promise<string> {
  const started = await chair.post<{ silenceId: string }>(`/api/documents/${documentId}/silences`, {
    until: until.toISOString(),
    timeZone: 'UTC',
    note: 'Under silence for the crash test',
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  return started.body.silenceId;
}

async function signInChair(url: string): Promise<ApiClient> {
  const chair = new ApiClient(url);
  await chair.signIn('chair1@demo.accord.test', DEMO_PASSWORD);
  return chair;
}

async function waitUntilAdopted(chair: ApiClient, documentId: string): Promise<void> {
  await waitFor(
    async () =>
      (await chair.get<{ adopted: boolean }>(`/api/documents/${documentId}`)).body.adopted,
    `document ${documentId} to be adopted by its silence`,
    SETTLE_TIMEOUT_MS,
  );
}

/** Reads the log itself, with no server running, and counts what each silence caused. */
async function countInLog(dataDir: string, documentIds: string[], silenceIds: string[]) {
  const store = openSqliteEventStore({ file: path.join(dataDir, 'accord.sqlite') });
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  try {
    for await (const event of store.readAll({
      filter: {
        on: 'eventType',
        prefixes: ['SilenceEnded', 'SilenceOutcomeRecorded', 'DocumentAdopted'],
      },
    })) {
      const data = event.data as { documentId?: string; silenceId?: string; outcome?: string };
      if (event.type === 'DocumentAdopted' && documentIds.includes(data.documentId ?? '')) {
        bump(`adopted:${data.documentId}`);
      }
      if (silenceIds.includes(data.silenceId ?? '')) {
        bump(`${event.type}${data.outcome ? `:${data.outcome}` : ''}:${data.silenceId}`);
      }
    }
  } finally {
    await store.close();
  }
  return counts;
}

describe('a kill -9 around a silence procedure’s deadline', () => {
  it(
    'adopts once, whether the process was down at the deadline or died right on it',
    async () => {
      expect(existsSync(builtMain), `${builtMain} is missing: run the build first`).toBe(true);
      const temp = await makeTempDir();
      try {
        let server = await start(temp.dir, 0);
        const { port } = server;
        let chair = await signInChair(server.url);

        // (a) Killed four seconds before the deadline and kept down until after it.
        const downDoc = await documentWithRevision(chair, 'Silence while the server is down');
        const downUntil = new Date(Date.now() + 4_000);
        const downSilence = await startSilence(chair, downDoc, downUntil);
        await server.killHard();
        await sleep(downUntil.getTime() - Date.now() + 1_500);
        server = await start(temp.dir, port);
        chair = await signInChair(server.url);
        await waitUntilAdopted(chair, downDoc);

        // (b) Killed right at the deadline: the expiry may or may not have been appended, and
        // the adoption may or may not have followed, when the process dies.
        const edgeDoc = await documentWithRevision(chair, 'Silence ending as the server dies');
        const edgeUntil = new Date(Date.now() + 3_000);
        const edgeSilence = await startSilence(chair, edgeDoc, edgeUntil);
        await sleep(edgeUntil.getTime() - Date.now());
        await server.killHard();
        server = await start(temp.dir, port);
        chair = await signInChair(server.url);
        await waitUntilAdopted(chair, edgeDoc);

        // One more kill and restart with both silences over: nothing fires again.
        await server.killHard();
        server = await start(temp.dir, port);
        chair = await signInChair(server.url);
        await sleep(1_500);
        expect(await server.stop()).toBe(0);

        const counts = await countInLog(temp.dir, [downDoc, edgeDoc], [downSilence, edgeSilence]);
        for (const [documentId, silenceId] of [
          [downDoc, downSilence],
          [edgeDoc, edgeSilence],
        ] as const) {
          expect(counts.get(`SilenceEnded:adopted:${silenceId}`), 'SilenceEnded{adopted}').toBe(1);
          expect(counts.get(`adopted:${documentId}`), 'DocumentAdopted').toBe(1);
          expect(counts.get(`SilenceOutcomeRecorded:${silenceId}`), 'outcome recorded').toBe(1);
          for (const outcome of ['broken', 'withdrawn']) {
            expect(counts.get(`SilenceEnded:${outcome}:${silenceId}`)).toBeUndefined();
          }
        }
      } finally {
        for (const server of running) await server.killHard();
        await temp.remove();
      }
    },
    8 * 60_000,
  );
});
