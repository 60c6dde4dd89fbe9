/**
 * Crash test of the built server: five delegates type into the demo document at a steady rate
 * while an observer watches; the server's whole process group is killed with SIGKILL in the
 * middle of it. Every token the observer had received before the kill was stored before it was
 * broadcast, so after a restart the server must still have all of them (read before any client
 * reconnects, so no client can put them back); then the clients reconnect, re-send what they
 * typed offline, and everyone converges on one text, which the log replays after another kill.
 */
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../test-support/api-client.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import type { Paragraph } from '../text/doc-structure.js';
import { builtMain, startAccord, type AccordProcess } from './test-support/accord-process.js';
import {
  connectClient,
  makeWriter,
  renderText,
  tokensIn,
  waitFor,
  type CollabClient,
  type Writer,
} from './test-support/storm-clients.js';

const DEMO_PASSWORD = 'accord-demo-2026';
/** Delegates of five different delegations, so no delegation's shared budget is the limit. */
const WRITERS = ['mru', 'pel', 'slm', 'nhr', 'hlv'] as const;
const TYPING_INTERVAL_MS = 20;
/** Tokens per writer the observer must have seen before the kill (and at least the storm time). */
const MIN_ACKED_PER_WRITER = 25;
const MIN_STORM_MS = 2_500;
// Generous: six helpers share two cores, and the demo seed hashes many passwords.
const START_TIMEOUT_MS = 120_000;
const SETTLE_TIMEOUT_MS = 120_000;

// Whatever happens, no server outlives its test.
const running = new Set<AccordProcess>();
const clients: CollabClient[] = [];
const writers: Writer[] = [];
afterEach(async () => {
  for (const writer of writers.splice(0)) writer.stop();
  for (const client of clients.splice(0)) client.destroy();
  for (const server of running) await server.killHard();
  running.clear();
});

async function start(dataDir: string, port: number): Promise<AccordProcess> {
  const server = await startAccord({ dataDir, port, timeoutMs: START_TIMEOUT_MS });
  running.add(server);
  void server.exited.then(() => running.delete(server));
  return server;
}

async function signIn(url: string, key: string): Promise<ApiClient> {
  const api = new ApiClient(url);
  await api.signIn(`${key}@demo.accord.test`, DEMO_PASSWORD);
  return api;
}

/** The document's paragraphs as the REST API reads them from the server's store. */
async function restParagraphs(api: ApiClient, documentId: string): Promise<Paragraph[]> {
  const res = await api.get<{ paragraphs: Paragraph[] }>(`/api/documents/${documentId}`);
  expect(res.status).toBe(200);
  return res.body.paragraphs.map(({ id, kind, text }) => ({ id, kind, text }));
}

async function openDraftingDocument(api: ApiClient): Promise<string> {
  const negotiations = await api.get<{ negotiationId: string }[]>('/api/negotiations');
  expect(negotiations.status).toBe(200);
  const negotiationId = negotiations.body[0]!.negotiationId;
  const documents = await api.get<{ documentId: string; mode: string; adopted: boolean }[]>(
    `/api/negotiations/${negotiationId}/documents`,
  );
  expect(documents.status).toBe(200);
  const open = documents.body.find((d) => d.mode === 'open-drafting' && !d.adopted);
  if (!open) throw new Error('the demo has no document in open drafting');
  return open.documentId;
}

/** Has the chair close and release the segment under way in the demo negotiation, if any. */
async function releaseOpenSegment(chair: ApiClient): Promise<void> {
  const negotiations = await chair.get<{ negotiationId: string }[]>('/api/negotiations');
  const negotiationId = negotiations.body[0]!.negotiationId;
  const schedule = await chair.get<{ openSegment: { segmentId: string } | null }>(
    `/api/negotiations/${negotiationId}/schedule`,
  );
  expect(schedule.status).toBe(200);
  if (!schedule.body.openSegment) return;
  const segment = `/api/negotiations/${negotiationId}/segments/${schedule.body.openSegment.segmentId}`;
  expect((await chair.post(`${segment}/close`, {})).status).toBeLessThan(300);
  expect((await chair.post(`${segment}/release`, {})).status).toBeLessThan(300);
}

describe('a kill -9 during a multi-writer storm', () => {
  it(
    'loses no acknowledged edit, and every client converges after the restart',
    async () => {
      expect(existsSync(builtMain), `${builtMain} is missing: run the build first`).toBe(true);
      const temp = await makeTempDir();
      try {
        // 1. A server with the demo, five writers and an observer on the open document.
        let server = await start(temp.dir, 0);
        const { port } = server;
        const wsBase = server.url.replace(/^http/, 'ws');
        const observerApi = await signIn(server.url, 'obs1');
        // The demo runs a government-only segment that keeps observers off the live text.
        await releaseOpenSegment(await signIn(server.url, 'chair1'));
        const documentId = await openDraftingDocument(observerApi);
        const writerApis = await Promise.all(WRITERS.map((key) => signIn(server.url, key)));

        const observer = connectClient(wsBase, documentId, observerApi.cookie!, 'observer');
        clients.push(observer);
        const writerClients = WRITERS.map((key, i) =>
          connectClient(wsBase, documentId, writerApis[i]!.cookie!, key),
        );
        clients.push(...writerClients);
        await Promise.all(clients.map((c) => c.synced(SETTLE_TIMEOUT_MS)));
        writers.push(...writerClients.map((client, i) => makeWriter(client, i)));

        // 2. The storm: every writer types a token every 20 ms.
        const stormStarted = Date.now();
        for (const writer of writers) writer.start(TYPING_INTERVAL_MS);
        await waitFor(
          () => {
            if (Date.now() - stormStarted < MIN_STORM_MS) return false;
            const seen = [...tokensIn(observer.paragraphs())];
            return WRITERS.every(
              (_, i) => seen.filter((t) => t.startsWith(`w${i}-`)).length >= MIN_ACKED_PER_WRITER,
            );
          },
          'the observer to receive tokens from every writer',
          SETTLE_TIMEOUT_MS,
        );

        // 3. kill -9 of the process group, mid-storm. What the observer holds came from the
        // server before it died, so it was stored: those tokens are the acknowledged ones.
        await server.killHard();
        const killedAt = Date.now();
        const acknowledged = tokensIn(observer.paragraphs());
        const writtenBeforeKill = writers.reduce((sum, w) => sum + w.written.length, 0);
        // Keep every client away from the restarted server until its store has been read, so
        // no client can hand back a token the server lost. Writers keep typing offline.
        for (const client of clients) client.provider.disconnect();

        // 4. Restart on the same data dir and port; the store alone must hold every
        // acknowledged token.
        server = await start(temp.dir, port);
        expect(server.port).toBe(port);
        const afterRestart = tokensIn(await restParagraphs(observerApi, documentId));
        const lost = [...acknowledged].filter((token) => !afterRestart.has(token));
        console.info(
          `kill -9 during storm: ${writtenBeforeKill} tokens typed before the kill, ` +
            `${acknowledged.size} acknowledged, ${lost.length} lost, ` +
            `${afterRestart.size} stored after the restart`,
        );
        expect(acknowledged.size).toBeGreaterThanOrEqual(WRITERS.length * MIN_ACKED_PER_WRITER);
        expect(lost, 'acknowledged tokens missing after the restart').toEqual([]);

        // 5. The clients reconnect and re-send what the server lacks (their offline typing
        // and anything unacknowledged); everyone converges on a text holding every token.
        for (const writer of writers) writer.stop();
        const written = writers.flatMap((w) => w.written);
        const typedOffline = written.length - writtenBeforeKill;
        const reconnectedAt = Date.now();
        for (const client of clients) client.provider.connect();
        const converged = () => {
          const texts = clients.map((c) => renderText(c.paragraphs()));
          if (texts.some((t) => t !== texts[0])) return false;
          const tokens = tokensIn(observer.paragraphs());
          return written.every((token) => tokens.has(token));
        };
        await waitFor(converged, 'every client to converge on every token', SETTLE_TIMEOUT_MS);
        const convergeMs = Date.now() - reconnectedAt;
        const finalText = renderText(observer.paragraphs());
        await waitFor(
          async () => renderText(await restParagraphs(observerApi, documentId)) === finalText,
          'the server to read the converged text',
          SETTLE_TIMEOUT_MS,
        );

        console.info(
          `after the restart: ${typedOffline} tokens typed offline re-sent, every client ` +
            `converged ${convergeMs} ms after reconnecting (outage ${reconnectedAt - killedAt} ms)`,
        );

        // 6. The log replays to the same text: kill -9 again with nobody connected, restart,
        // and a fresh client (and the REST API) read exactly the converged text.
        for (const client of clients.splice(0)) client.destroy();
        await server.killHard();
        server = await start(temp.dir, port);
        const fresh = connectClient(wsBase, documentId, observerApi.cookie!, 'fresh observer');
        clients.push(fresh);
        await fresh.synced(SETTLE_TIMEOUT_MS);
        expect(renderText(fresh.paragraphs())).toBe(finalText);
        expect(renderText(await restParagraphs(observerApi, documentId))).toBe(finalText);

        fresh.destroy();
        clients.splice(0);
        expect(await server.stop()).toBe(0);
      } finally {
        for (const server of running) await server.killHard();
        await temp.remove();
      }
    },
    6 * 60_000,
  );
});
