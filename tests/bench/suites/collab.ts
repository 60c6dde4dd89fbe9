/**
 * Live editing through a real Accord server (sessions, roles, every update durably appended):
 * editors connected with the stock y-websocket client, writes on a fixed open-loop schedule,
 * latency from a writer's edit to its arrival at every other client.
 *
 * This is the quick, in-process run: server and clients share one process. The side-by-side
 * against a bare y-websocket server on pinned cores is the live-editing suite of issue 8.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, startServer, type RunningServer } from '@accord/server';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { percentile } from '../lib/measure.js';
import type { BenchRow, SuiteResult } from '../lib/results.js';

const EDITORS = 50;
const WRITERS = 10;
const RATE = 100; // updates per second, all writers together
const SECONDS = 10;
const PASSWORD = 'benchmark password';

const cookieSocket = (cookie: string) =>
  class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  };

async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 201) throw new Error(`sign-in failed: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** A negotiation with one delegation per editor and an open-drafting document of WRITERS paragraphs. */
async function setUp(server: RunningServer): Promise<{ documentId: string; cookies: string[] }> {
  const now = () => new Date().toISOString();
  const negotiationId = randomUUID();
  const secretariat = {
    userId: await server.accounts.register({
      email: 'sec@bench.test',
      displayName: 'Secretariat',
      password: PASSWORD,
    }),
    stakeholderId: randomUUID(),
  };
  await server.commands.execute({
    type: 'OpenNegotiation',
    data: {
      negotiationId,
      title: 'Benchmark',
      description: '',
      secretariat: {
        stakeholderId: secretariat.stakeholderId,
        name: 'Secretariat',
        shortCode: 'SEC',
      },
    },
    meta: { commandId: randomUUID(), actor: { userId: secretariat.userId }, now: now() },
  });
  const asSecretariat = () => ({
    commandId: randomUUID(),
    actor: { ...secretariat, role: 'secretariat' as const },
    now: now(),
  });
  const cookies: string[] = [];
  for (let i = 0; i < EDITORS; i += 1) {
    const stakeholderId = randomUUID();
    await server.commands.execute({
      type: 'RegisterStakeholder',
      data: {
        negotiationId,
        stakeholderId,
        kind: 'delegation',
        name: `State ${i}`,
        shortCode: `S${i}`,
        groupIds: [],
      },
      meta: asSecretariat(),
    });
    const email = `editor${i}@bench.test`;
    const userId = await server.accounts.register({
      email,
      displayName: `Editor ${i}`,
      password: PASSWORD,
    });
    await server.commands.execute({
      type: 'AdmitMember',
      data: { negotiationId, userId, stakeholderId, role: 'delegate' },
      meta: asSecretariat(),
    });
    cookies.push(await signIn(server.url, email));
  }
  const documentId = randomUUID();
  await server.commands.execute({
    type: 'CreateDocument',
    data: {
      documentId,
      negotiationId,
      title: 'Benchmark draft',
      symbol: 'A/BENCH/1',
      mode: 'open-drafting',
    },
    meta: asSecretariat(),
  });
  await server.text.create(
    documentId,
    Array.from({ length: WRITERS }, (_, i) => ({
      id: randomUUID(),
      kind: 'operative' as const,
      text: `Paragraph ${i}.`,
    })),
    { userId: secretariat.userId, stakeholderId: secretariat.stakeholderId, role: 'secretariat' },
  );
  return { documentId, cookies };
}

export async function collabSuite(log: (line: string) => void): Promise<SuiteResult> {
  // Each y-websocket provider registers a process 'exit' handler in Node.
  process.setMaxListeners(EDITORS + 10);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-bench-collab-'));
  const server = await startServer(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      ACCORD_DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      ACCORD_DEMO: 'false',
    }),
  );
  const providers: WebsocketProvider[] = [];
  try {
    const { documentId, cookies } = await setUp(server);
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    let delivered = 0;
    const docs = cookies.map((cookie, i) => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(
        `${server.url.replace('http', 'ws')}/collab`,
        documentId,
        doc,
        {
          // y-websocket types the polyfill as the DOM WebSocket; ws's class is its Node equivalent.
          WebSocketPolyfill: cookieSocket(cookie) as unknown as typeof globalThis.WebSocket,
          disableBc: true,
        },
      );
      providers.push(provider);
      // Every client but the writer itself records when each marker arrives.
      doc.getXmlFragment('default').observeDeep((events, transaction) => {
        if (transaction.local) return;
        const arrived = performance.now();
        for (const event of events) {
          for (const change of event.changes.delta) {
            if (typeof change.insert !== 'string') continue;
            for (const marker of change.insert.match(/⟨[0-9]+:[0-9]+⟩/g) ?? []) {
              const sent = sentAt.get(marker);
              if (sent !== undefined) {
                latencies.push(arrived - sent);
                delivered += 1;
              }
            }
          }
        }
      });
      return { doc, provider, writer: i < WRITERS ? i : undefined };
    });
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error('clients did not sync')), 30_000);
      const check = () =>
        providers.every((p) => p.synced)
          ? (clearTimeout(deadline), resolve())
          : setTimeout(check, 50);
      check();
    });
    log(`${EDITORS} editors synced; writing ${RATE} updates/s for ${SECONDS} s`);

    const total = RATE * SECONDS;
    const interval = 1000 / RATE;
    const start = performance.now();
    for (let n = 0; n < total; n += 1) {
      // Open loop: each write has its slot on a fixed schedule, whatever the server does.
      const slot = start + n * interval;
      const wait = slot - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const writer = docs[n % WRITERS]!;
      const marker = `⟨${writer.writer}:${n}⟩`;
      sentAt.set(marker, performance.now());
      const paragraph = writer.doc.getXmlFragment('default').get(writer.writer!) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(0, marker);
    }
    const expected = total * (EDITORS - 1);
    const drainUntil = performance.now() + 15_000;
    while (delivered < expected && performance.now() < drainUntil)
      await new Promise((r) => setTimeout(r, 100));
    const elapsed = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const rows: BenchRow[] = [
      {
        case: `${EDITORS} editors, ${RATE} updates/s: p50 latency`,
        unit: 'ms',
        accord: percentile(latencies, 50),
        baseline: NaN,
        ratio: NaN,
      },
      {
        case: `${EDITORS} editors, ${RATE} updates/s: p95 latency`,
        unit: 'ms',
        accord: percentile(latencies, 95),
        baseline: NaN,
        ratio: NaN,
      },
      {
        case: `${EDITORS} editors, ${RATE} updates/s: p99 latency`,
        unit: 'ms',
        accord: percentile(latencies, 99),
        baseline: NaN,
        ratio: NaN,
      },
      {
        case: 'delivered / expected',
        unit: 'share',
        accord: delivered / expected,
        baseline: NaN,
        ratio: NaN,
        notes: `${delivered} of ${expected}`,
      },
      {
        case: 'updates written per second',
        unit: 'updates/s',
        accord: total / elapsed,
        baseline: NaN,
        ratio: NaN,
        notes: 'each durably appended before broadcast',
      },
    ];
    log(
      `p50 ${rows[0]!.accord.toFixed(1)} ms, p99 ${rows[2]!.accord.toFixed(1)} ms, delivered ${delivered}/${expected}`,
    );
    return {
      suite: 'Live editing, quick in-process run',
      baseline:
        'none in this quick run (the bare y-websocket server comparison is the issue 8 suite)',
      rows,
    };
  } finally {
    for (const p of providers) p.destroy();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
