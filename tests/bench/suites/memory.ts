/**
 * Memory per idle connection (issue 8, section 6): 2,000 websocket connections that did the
 * sync handshake and then stay quiet, on Accord and on the bare y-websocket server, each a
 * pinned child process: (RSS with them − RSS with one) ÷ 2,000.
 */
import type { BenchRow, SuiteResult } from '../lib/results.js';
import type { IdleResult } from '../live/jobs.js';
import { runJob, settledRss } from '../live/orchestrate.js';
import { ServerPair, harnessNotes } from '../live/server-pair.js';
import type { ServerKind } from '../live/servers.js';

const CONNECTIONS = process.env.BENCH_QUICK === '1' ? 500 : 2_000;
/**
 * The connections belong to the bench's 40 delegates: 50 each, past the 20 live connections a
 * person may hold by default. Raised for this suite alone, which measures memory, not limits.
 */
const ACCORD_ENV = { ACCORD_COLLAB_MAX_CONNECTIONS_PER_USER: '60' };
const TARGET_KIB = 30;
const KiB = 1024;

export async function memorySuite(log: (line: string) => void): Promise<SuiteResult> {
  const servers = await ServerPair.start(log, [], ACCORD_ENV);
  const measured = {} as Record<ServerKind, { before: number; after: number; result: IdleResult }>;
  try {
    for (const kind of ['baseline', 'accord'] as const) {
      await servers.quiet();
      const pid = servers.server(kind).pid();
      let before = NaN;
      let after = NaN;
      const result = await runJob<IdleResult>(
        { scenario: 'idle', target: await servers.target(kind, 10), connections: CONNECTIONS },
        async (name) => {
          // Let the connection handshakes' garbage be collected before reading.
          await new Promise((r) => setTimeout(r, 2000));
          if (name === 'warm') before = await settledRss(pid);
          else after = await settledRss(pid);
        },
      );
      measured[kind] = { before, after, result };
      log(
        `${kind}: ${((after - before) / CONNECTIONS / KiB).toFixed(1)} KiB per idle connection ` +
          `(${CONNECTIONS} connected in ${result.connectSeconds.toFixed(1)} s)`,
      );
    }
  } finally {
    await servers.close();
  }
  const perConnection = (kind: ServerKind) =>
    (measured[kind].after - measured[kind].before) / CONNECTIONS / KiB;
  const mib = (bytes: number) => bytes / 2 ** 20;
  const rows: BenchRow[] = [
    {
      case: `RSS per idle connection (${CONNECTIONS.toLocaleString('en-US')} synced, idle)`,
      unit: 'KiB',
      accord: perConnection('accord'),
      baseline: perConnection('baseline'),
      ratio: perConnection('accord') / perConnection('baseline'),
      target: `Accord ≤ ${TARGET_KIB} KB`,
      notes: perConnection('accord') <= TARGET_KIB ? 'target met' : 'target missed',
    },
    {
      case: 'server RSS with one connection',
      unit: 'MiB',
      accord: mib(measured.accord.before),
      baseline: mib(measured.baseline.before),
      ratio: measured.accord.before / measured.baseline.before,
    },
    {
      case: `server RSS with ${CONNECTIONS.toLocaleString('en-US')} more`,
      unit: 'MiB',
      accord: mib(measured.accord.after),
      baseline: mib(measured.baseline.after),
      ratio: measured.accord.after / measured.baseline.after,
    },
    {
      case: 'time to connect and sync them all',
      unit: 's',
      accord: measured.accord.result.connectSeconds,
      baseline: measured.baseline.result.connectSeconds,
      ratio: measured.accord.result.connectSeconds / measured.baseline.result.connectSeconds,
      notes: 'in batches of 50; Accord authenticates each upgrade',
    },
  ];
  return {
    suite: 'Memory per idle connection',
    baseline:
      'bare @y/websocket-server 0.1.1 (no auth, no persistence) in the same run; RSS read with pidusage, median of 3 readings a second apart; ratio = Accord ÷ bare',
    rows,
    notes: [
      ...harnessNotes(),
      `Accord runs with ${Object.entries(ACCORD_ENV)
        .map(([name, value]) => `${name}=${value}`)
        .join(', ')}: the ${CONNECTIONS} connections belong to 40 delegates.`,
    ],
  };
}
