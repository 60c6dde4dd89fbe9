/**
 * The soak: Accord's built server (pinned to core 0) under steady, mixed load for a long time —
 * 200 editors writing at 1 update/s each across several documents with cursors moving and
 * positions stated over REST, and 2,000 socket.io clients in the negotiation's and documents'
 * rooms receiving the pushes — to show whether memory creeps, the event loop stays responsive,
 * errors appear, or updates go missing. Two client processes (editors, audience) run pinned to
 * core 1. The steady phase lasts `--duration <s>` (or ACCORD_SOAK_SECONDS; 600 by default),
 * after a warm-up of `--warmup <s>` (ACCORD_SOAK_WARMUP_SECONDS; 60 by default).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pidusage from 'pidusage';
import { percentile } from '../lib/measure.js';
import type { BenchRow, SuiteResult } from '../lib/results.js';
import type {
  AudienceResult,
  EditorsResult,
  FromSoakClients,
  SoakJob,
  SoakResult,
  ToSoakClients,
} from '../lib/soak-protocol.js';
import { createDocument, createOperatorAccount, setUpNegotiation } from '../live/accord-setup.js';
import { settledRss } from '../live/orchestrate.js';
import { harnessNotes } from '../live/server-pair.js';
import { LOADGEN_CORE, accordServer, freePort, pinnedNode } from '../live/servers.js';

const config = {
  editors: 200,
  documents: 10,
  listeners: 2_000,
  updatesPerEditorPerSecond: 1,
  /**
   * Token characters each editor keeps in its paragraph (ACCORD_SOAK_TEXT_WINDOW; 0 = append
   * only). 2,000 × 20 editors a document is a 40,000-character draft, the size of a real one,
   * so the document stops growing and what RSS still gains is what the server keeps.
   */
  textWindowChars: Number(process.env.ACCORD_SOAK_TEXT_WINDOW ?? 2_000),
  cursorEverySeconds: 2,
  positionEverySeconds: 60,
  /** socket.io clients closed and replaced per second (closing a tab, opening another). */
  churnPerSecond: 1,
  sampleEveryMs: 5_000,
  targetGrowthPercent: 10,
};

/**
 * The server's limits during the soak, set explicitly (they are the defaults of config.ts) so
 * the results say what the load ran against. The set-up before it uses the benchmark's raised
 * REST budget: one operator opens 200 delegations.
 */
export const SOAK_ENV: Record<string, string> = {
  ACCORD_REST_WRITES_PER_MINUTE: '240',
  ACCORD_COLLAB_MAX_CONNECTIONS_PER_USER: '20',
  ACCORD_COLLAB_MAX_CONNECTIONS_PER_STAKEHOLDER: '200',
  ACCORD_COLLAB_USER_UPDATES_PER_SECOND: '150',
  ACCORD_COLLAB_STAKEHOLDER_UPDATES_PER_SECOND: '400',
  ACCORD_COLLAB_USER_AWARENESS_PER_SECOND: '30',
  ACCORD_COLLAB_STAKEHOLDER_AWARENESS_PER_SECOND: '120',
  ACCORD_SOCKETIO_MAX_CONNECTIONS_PER_USER: '20',
  ACCORD_SOCKETIO_MAX_CONNECTIONS_PER_STAKEHOLDER: '200',
  ACCORD_SOCKETIO_REQUESTS_PER_SECOND: '10',
};

function seconds(flag: string | undefined, variable: string, fallback: number): number {
  const raw = flag ?? process.env[variable];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${variable}: not a number of seconds`);
  return value;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MiB = 2 ** 20;

const clientsScript = fileURLToPath(new URL('../lib/soak-clients.js', import.meta.url));

/**
 * One client process: waits until its clients are connected, then follows go/measure/stop.
 * The conference suite runs its socket.io audience with it too.
 */
export class ClientProcess {
  readonly ready: Promise<string>;
  readonly result: Promise<SoakResult>;
  private readonly child;

  constructor(job: SoakJob, log: (line: string) => void) {
    const { command, args } = pinnedNode(LOADGEN_CORE, [clientsScript, JSON.stringify(job)]);
    this.child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let ready: (detail: string) => void = () => undefined;
    let settle: (result: SoakResult) => void = () => undefined;
    let fail: (error: Error) => void = () => undefined;
    this.ready = new Promise((resolve, reject) => {
      ready = resolve;
      fail = reject;
    });
    this.result = new Promise((resolve, reject) => {
      settle = resolve;
      const previous = fail;
      fail = (error) => {
        previous(error);
        reject(error);
      };
    });
    // Whoever awaits only one of them must not leave the other as an unhandled rejection.
    this.ready.catch(() => undefined);
    this.result.catch(() => undefined);
    this.child.on('message', (message: FromSoakClients) => {
      if (message.type === 'ready') ready(message.detail);
      else if (message.type === 'progress') log(message.detail);
      else if (message.type === 'result') settle(message.result);
      else fail(new Error(`${job.role} clients: ${message.error}`));
    });
    this.child.on('exit', (code) => fail(new Error(`${job.role} clients exited with ${code}`)));
  }

  send(message: ToSoakClients): void {
    this.child.send(message);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}

/** The gauges prom-client sets from its event-loop histogram, reset at every scrape. */
async function scrapeLoopDelay(
  httpBase: string,
): Promise<{ p50: number; p99: number; max: number; heapUsed: number } | undefined> {
  try {
    const res = await fetch(`${httpBase}/metrics`);
    const text = await res.text();
    const gauge = (name: string) => {
      const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
      return m ? Number(m[1]) * 1000 : NaN;
    };
    return {
      p50: gauge('nodejs_eventloop_lag_p50_seconds'),
      p99: gauge('nodejs_eventloop_lag_p99_seconds'),
      max: gauge('nodejs_eventloop_lag_max_seconds'),
      // Bytes (the gauge helper scales seconds to ms): told apart from RSS, a growing heap is
      // what the program keeps; RSS alone also moves with the allocator and GC heuristics.
      heapUsed: gauge('nodejs_heap_size_used_bytes') / 1000,
    };
  } catch {
    return undefined;
  }
}

interface Sample {
  at: number;
  rss: number;
  /** CPU time so far, ms. */
  ctime: number;
  loop: { p50: number; p99: number; max: number; heapUsed: number } | undefined;
}

const describe = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([key, n]) => `${n}× ${key}`)
    .join(', ') || 'none';
const total = (counts: Record<string, number>): number =>
  Object.values(counts).reduce((sum, n) => sum + n, 0);

/** A soak figure: there is no baseline, only the target where the issue sets one. */
const figure = (
  caseName: string,
  unit: string,
  value: number,
  extra: Partial<Pick<BenchRow, 'target' | 'notes'>> = {},
): BenchRow => ({ case: caseName, unit, accord: value, baseline: NaN, ratio: NaN, ...extra });

export async function soakSuite(
  log: (line: string) => void,
  flags: Record<string, string> = {},
): Promise<SuiteResult> {
  const steadySeconds = seconds(flags.duration, 'ACCORD_SOAK_SECONDS', 600);
  const warmupSeconds = seconds(flags.warmup, 'ACCORD_SOAK_WARMUP_SECONDS', 60);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'accord-bench-soak-'));
  const port = await freePort();
  const clients: ClientProcess[] = [];

  // Set-up: the operator opens a negotiation with one delegation (and signed-in delegate) per
  // editor and the documents; then the server restarts with the soak's limits, so neither the
  // set-up's REST budget nor its password hashing (argon2) carries into the figures.
  await createOperatorAccount(dataDir);
  const setup = accordServer(port, dataDir);
  await setup.start();
  const setUpAt = Date.now();
  const negotiation = await setUpNegotiation(setup.httpBase, config.editors);
  const paragraphs = Math.ceil(config.editors / config.documents);
  const documents: string[] = [];
  for (let d = 0; d < config.documents; d += 1)
    documents.push(await createDocument(setup.httpBase, negotiation, paragraphs));
  await setup.stop();
  log(
    `set up ${config.editors} delegations and ${config.documents} documents in ${((Date.now() - setUpAt) / 1000).toFixed(0)} s`,
  );
  const server = accordServer(port, dataDir, SOAK_ENV);
  await server.start();
  const pid = server.pid();

  let editors: EditorsResult;
  let audience: AudienceResult;
  const samples: Sample[] = [];
  let rssStart = NaN;
  let rssEnd = NaN;
  let rssBeforeLoad = NaN;
  try {
    const editorClients = new ClientProcess(
      {
        role: 'editors',
        httpBase: server.httpBase,
        wsBase: server.wsBase,
        documents,
        editorCookies: negotiation.delegateCookies,
        checkerCookie: negotiation.operatorCookie,
        updatesPerEditorPerSecond: config.updatesPerEditorPerSecond,
        textWindowChars: config.textWindowChars,
        cursorEverySeconds: config.cursorEverySeconds,
        positionEverySeconds: config.positionEverySeconds,
      },
      log,
    );
    clients.push(editorClients);
    log(await editorClients.ready);
    const audienceClients = new ClientProcess(
      {
        role: 'audience',
        httpBase: server.httpBase,
        negotiationId: negotiation.negotiationId,
        documents,
        cookies: negotiation.delegateCookies,
        clients: config.listeners,
        churnPerSecond: config.churnPerSecond,
      },
      log,
    );
    clients.push(audienceClients);
    log(await audienceClients.ready);
    rssBeforeLoad = await settledRss(pid);

    for (const c of clients) c.send({ type: 'go' });
    log(`load started; warm-up ${warmupSeconds} s, then ${steadySeconds} s steady`);
    await sleep(warmupSeconds * 1000);
    for (const c of clients) c.send({ type: 'measure' });
    await scrapeLoopDelay(server.httpBase); // resets the server's histogram
    rssStart = await settledRss(pid);
    log(`warm-up done: server RSS ${(rssStart / MiB).toFixed(1)} MiB`);

    const steadyEnd = Date.now() + steadySeconds * 1000;
    let nextLog = Date.now() + 60_000;
    while (Date.now() < steadyEnd) {
      await sleep(Math.min(config.sampleEveryMs, Math.max(0, steadyEnd - Date.now())));
      const [usage, loop] = await Promise.all([pidusage(pid), scrapeLoopDelay(server.httpBase)]);
      samples.push({ at: Date.now(), rss: usage.memory, ctime: usage.ctime, loop });
      if (Date.now() >= nextLog) {
        nextLog += 60_000;
        log(
          `server RSS ${(usage.memory / MiB).toFixed(1)} MiB, event-loop delay p99 ${loop?.p99.toFixed(1) ?? '?'} ms`,
        );
      }
    }
    rssEnd = await settledRss(pid);
    for (const c of clients) c.send({ type: 'stop' });
    log('load stopped; draining and checking every edit');
    [editors, audience] = (await Promise.all([editorClients.result, audienceClients.result])) as [
      EditorsResult,
      AudienceResult,
    ];
  } finally {
    for (const c of clients) c.kill();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const growth = ((rssEnd - rssStart) / rssStart) * 100;
  const loops = samples.flatMap((s) => (s.loop ? [s.loop] : []));
  const sorted = (values: number[]) => values.filter(Number.isFinite).sort((a, b) => a - b);
  const p50s = sorted(loops.map((l) => l.p50));
  const p99s = sorted(loops.map((l) => l.p99));
  const maxLoop = loops.length ? Math.max(...loops.map((l) => l.max)) : NaN;
  const first = samples[0];
  const last = samples.at(-1);
  const serverCpu =
    first && last && last.at > first.at
      ? ((last.ctime - first.ctime) / (last.at - first.at)) * 100
      : NaN;
  const peakRss = samples.length ? Math.max(...samples.map((s) => s.rss)) : NaN;
  const lost = Math.max(editors.missingAtChecker, editors.missingOnServer);
  const errors =
    total(editors.collabCloses) +
    total(editors.restFailures) +
    total(audience.disconnects) +
    total(audience.connectErrors) +
    audience.joinFailures;
  // The trend over the whole steady phase, less sensitive than two readings to where each
  // falls in the garbage collector's sawtooth: least-squares slope of the 5-s samples.
  const slope = (() => {
    if (samples.length < 2) return NaN;
    const xs = samples.map((s) => (s.at - samples[0]!.at) / 60_000);
    const ys = samples.map((s) => s.rss / MiB);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    const sxy = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i]! - my), 0);
    const sxx = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0);
    return sxx > 0 ? sxy / sxx : NaN;
  })();
  const perWindow = Math.round(60_000 / config.sampleEveryMs);
  const heapMedian = (part: Sample[]) =>
    percentile(sorted(part.map((s) => (s.loop?.heapUsed ?? NaN) / MiB)), 50);
  const heapFirst = heapMedian(samples.slice(0, perWindow));
  const heapLast = heapMedian(samples.slice(-perWindow));
  const perMinute = samples
    .filter((_, i) => (i + 1) % Math.round(60_000 / config.sampleEveryMs) === 0)
    .map((s) => (s.rss / MiB).toFixed(0));
  const health = (r: EditorsResult | AudienceResult) =>
    `event-loop delay p50 ${r.health.loopDelay.p50.toFixed(1)} / p99 ${r.health.loopDelay.p99.toFixed(1)} / max ${r.health.loopDelay.max.toFixed(0)} ms, ${r.health.cpuPercent.toFixed(0)}% CPU`;

  const rows: BenchRow[] = [
    figure('server RSS before the load (all clients connected)', 'MiB', rssBeforeLoad / MiB),
    figure(`server RSS after the ${warmupSeconds} s warm-up`, 'MiB', rssStart / MiB),
    figure(`server RSS after ${steadySeconds} s of steady load`, 'MiB', rssEnd / MiB, {
      notes: `peak ${(peakRss / MiB).toFixed(1)} MiB; each minute: ${perMinute.join(', ')} MiB`,
    }),
    figure('server RSS growth after warm-up', '%', growth, {
      target: `≤ ${config.targetGrowthPercent} %`,
      notes: growth <= config.targetGrowthPercent ? 'target met' : 'target missed',
    }),
    figure('server RSS trend in the steady phase', 'MiB/min', slope, {
      notes: `least-squares slope of ${samples.length} readings; × ${(steadySeconds / 60).toFixed(1)} min = ${(slope * (steadySeconds / 60)).toFixed(1)} MiB, ${(((slope * (steadySeconds / 60)) / (rssStart / MiB)) * 100).toFixed(1)} % of the RSS after warm-up`,
    }),
    figure('server V8 heap used, first → last minute of the steady phase', 'MiB', heapLast, {
      notes: `first minute ${heapFirst.toFixed(1)} MiB (medians of the /metrics readings in each)`,
    }),
    figure('lost updates', 'updates', lost, {
      target: '0',
      notes: `${editors.sent} edits written; missing at the checkers ${editors.missingAtChecker}, from a fresh client's sync at the end ${editors.missingOnServer}${editors.missingSample.length ? ` (e.g. ${editors.missingSample.join(', ')})` : ''}`,
    }),
    figure('server event-loop delay p50', 'ms', percentile(p50s, 50), {
      notes: `median of the ${loops.length} ${config.sampleEveryMs / 1000}-s windows (prom-client, 10 ms resolution: an idle loop reads ~10 ms)`,
    }),
    figure('server event-loop delay p99', 'ms', percentile(p99s, 50), {
      notes: `median window; worst window ${(p99s.at(-1) ?? NaN).toFixed(1)} ms`,
    }),
    figure('server event-loop delay max', 'ms', maxLoop),
    figure('server CPU in the steady phase', '% of a core', serverCpu),
    figure('errors', 'count', errors, {
      notes: `collab closes: ${describe(editors.collabCloses)}; REST failures: ${describe(editors.restFailures)}; socket.io disconnects: ${describe(audience.disconnects)}; connect errors: ${describe(audience.connectErrors)}; failed joins: ${audience.joinFailures}`,
    }),
    figure('edit delivery to the checker p50', 'ms', editors.deliveryP50),
    figure('edit delivery to the checker p99', 'ms', editors.deliveryP99, {
      notes: `max ${editors.deliveryMax.toFixed(0)} ms`,
    }),
    figure('pushes per socket.io client (median)', 'changes', audience.changesPerClient.median, {
      notes: `over the ${audience.changesPerClient.clients} clients connected throughout: min ${audience.changesPerClient.min}, max ${audience.changesPerClient.max}; ${editors.positionsStated} positions stated; ${audience.churned} clients replaced; ${audience.presenceUpdates} presence updates received; ${audience.connected} of ${config.listeners} connected at the end`,
    }),
    figure('editors process: event-loop delay p99', 'ms', editors.health.loopDelay.p99, {
      notes: `${health(editors)}; write schedule lag p99 ${editors.health.scheduleLagP99.toFixed(1)} ms`,
    }),
    figure('audience process: event-loop delay p99', 'ms', audience.health.loopDelay.p99, {
      notes: health(audience),
    }),
  ];
  const notes = [
    ...harnessNotes().slice(0, 1),
    `Load: ${config.editors} editors (one delegation and signed-in delegate each) over ${config.documents} open-drafting documents of ${paragraphs} paragraphs, each appending a unique token to its own paragraph ${config.updatesPerEditorPerSecond}×/s (open loop)${config.textWindowChars > 0 ? ` and deleting its oldest token once its tokens pass ${config.textWindowChars.toLocaleString('en-US')} characters (the text stays the size of a real draft)` : ', the text growing with every edit'}, moving its cursor every ${config.cursorEverySeconds} s and stating a position over REST every ${config.positionEverySeconds} s; ${config.listeners.toLocaleString('en-US')} socket.io clients (websocket transport, ${config.listeners / config.editors} per delegate) in the negotiation's room and one document's room, ${config.churnPerSecond} a second closed and replaced by a fresh connection.`,
    `Phases: warm-up ${warmupSeconds} s under the full load, then ${steadySeconds} s steady; RSS read with pidusage (median of 3 readings a second apart) at the end of each; the server's event-loop delay from its /metrics every ${config.sampleEveryMs / 1000} s.`,
    `Lost updates: every token written must reach its document's read-only checker client (after up to 60 s of drain), and every token still in an editor's paragraph at the end must be in the checker's text and in what a fresh client syncs from the server.`,
    `Server limits (environment, config.ts defaults set explicitly): ${Object.entries(SOAK_ENV)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}.`,
    `Text in the documents at the end: ${editors.documentChars.toLocaleString('en-US')} characters of XML (${config.textWindowChars > 0 ? 'each editor keeps a bounded window of tokens, so this stops growing after the first minutes; the Yjs history of deleted tokens still grows' : 'the documents grow with every edit; part of any RSS growth is that'}).`,
    `Client processes pinned to core ${LOADGEN_CORE}: editors ${health(editors)}; audience ${health(audience)}.`,
  ];
  log(
    `RSS ${(rssStart / MiB).toFixed(1)} → ${(rssEnd / MiB).toFixed(1)} MiB (${growth.toFixed(1)} %); lost ${lost}; errors ${errors}`,
  );
  return {
    suite: 'Soak',
    baseline: 'none: the figures are compared with the same run after warm-up',
    rows,
    notes,
  };
}
