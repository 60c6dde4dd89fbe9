/**
 * The reconnect storm of the live benchmark: every client connected and synced, then the server
 * restarts (SIGTERM, wait for the exit, start again, wait until it answers HTTP), and the time
 * from the first disconnect until every client is synced again is measured. Each server is
 * restarted `runs` times, taking turns with the others; the rows give the medians and the notes
 * every run, since one restart on a shared machine is a noisy figure.
 */
import type { BenchRow } from '../lib/results.js';
import type { StormResult } from './jobs.js';
import { runJob } from './orchestrate.js';
import type { ServerPair } from './server-pair.js';
import type { ServerKind } from './servers.js';

/** 200 clients, 10 of them stock y-websocket writers, as in the issue. */
export const STORM_CLIENTS = 200;
const STORM_WRITERS = 10;
export const STORM_TARGET_RATIO = 1.5;

interface StormRun {
  /** First disconnect → every client synced again. */
  sinceClose: number;
  /** The server listening again → every client synced again. */
  sinceListening: number;
  stopMs: number;
  startMs: number;
}

type Measure = keyof StormRun;

async function stormOnce(servers: ServerPair, kind: ServerKind): Promise<StormRun> {
  const server = servers.server(kind);
  await servers.quiet();
  let stoppedAt = 0;
  let stopMs = 0;
  let listeningAt = 0;
  const result = await runJob<StormResult>(
    {
      scenario: 'storm',
      target: await servers.target(kind, STORM_WRITERS),
      writers: STORM_WRITERS,
      receivers: STORM_CLIENTS - STORM_WRITERS,
    },
    async () => {
      const killedAt = Date.now();
      await server.stop();
      stoppedAt = Date.now();
      stopMs = stoppedAt - killedAt;
      await server.start();
      listeningAt = Date.now();
    },
  );
  return {
    sinceClose: Math.round(result.allSyncedAt - result.firstCloseAt),
    sinceListening: Math.round(result.allSyncedAt - listeningAt),
    stopMs,
    startMs: listeningAt - stoppedAt,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** "412 ms (380–530, n=5)": the median, the spread and the count. */
function spread(values: number[]): string {
  if (values.length === 1) return `${values[0]} ms`;
  return `${median(values)} ms (${Math.min(...values)}–${Math.max(...values)}, n=${values.length})`;
}

export async function measureStorms(
  servers: ServerPair,
  nextOrder: () => ServerKind[],
  runs: number,
  log: (line: string) => void,
): Promise<{ rows: BenchRow[]; summary: string }> {
  const all = new Map<ServerKind, StormRun[]>();
  for (let run = 0; run < runs; run += 1) {
    for (const kind of nextOrder()) {
      const result = await stormOnce(servers, kind);
      all.set(kind, [...(all.get(kind) ?? []), result]);
      log(
        `reconnect storm ${run + 1}/${runs}, ${kind}: ${result.sinceClose} ms ` +
          `(stop ${result.stopMs} ms, start ${result.startMs} ms, listening → synced ${result.sinceListening} ms)`,
      );
    }
  }
  const values = (kind: ServerKind, measure: Measure) =>
    (all.get(kind) ?? []).map((r) => r[measure]);
  const med = (kind: ServerKind, measure: Measure) => median(values(kind, measure));
  const downtime = (kind: ServerKind) =>
    `${kind === 'baseline' ? 'bare' : kind} stop ${spread(values(kind, 'stopMs'))}, start ${spread(values(kind, 'startMs'))}`;
  const kinds = [...all.keys()];
  const ratio = med('accord', 'sinceClose') / med('baseline', 'sinceClose');
  const rows: BenchRow[] = [
    {
      case: `reconnect storm, ${STORM_CLIENTS} clients: first disconnect → all synced${runs > 1 ? ` (median of ${runs})` : ''}`,
      unit: 'ms',
      accord: med('accord', 'sinceClose'),
      baseline: med('baseline', 'sinceClose'),
      ratio,
      target: `storm ≤ ${STORM_TARGET_RATIO} × bare`,
      notes:
        `every run: ${kinds.map((k) => `${k === 'baseline' ? 'bare' : k} ${spread(values(k, 'sinceClose'))}`).join('; ')}; ` +
        `server restart: ${kinds.map(downtime).join('; ')}`,
    },
  ];
  if (all.has('hocuspocus'))
    rows.push({
      case: 'reconnect storm, against Hocuspocus: first disconnect → all synced',
      unit: 'ms',
      accord: med('accord', 'sinceClose'),
      baseline: med('hocuspocus', 'sinceClose'),
      ratio: med('accord', 'sinceClose') / med('hocuspocus', 'sinceClose'),
      ...(all.has('relay') ? { notes: `relay ${spread(values('relay', 'sinceClose'))}` } : {}),
    });
  rows.push({
    case: 'reconnect storm: listening again → all synced',
    unit: 'ms',
    accord: med('accord', 'sinceListening'),
    baseline: med('baseline', 'sinceListening'),
    ratio: med('accord', 'sinceListening') / med('baseline', 'sinceListening'),
    notes:
      'stock y-websocket clients back off (100 ms doubling, ≤ 2.5 s); raw clients retry after 50–150 ms; ' +
      `Accord ${spread(values('accord', 'sinceListening'))}, bare ${spread(values('baseline', 'sinceListening'))}`,
  });
  return {
    rows,
    summary:
      `Reconnect storm ${ratio.toFixed(2)} × the bare server's (median of ${runs}; target ≤ ${STORM_TARGET_RATIO}): ` +
      `Accord ${spread(values('accord', 'sinceClose'))}, bare ${spread(values('baseline', 'sinceClose'))}.`,
  };
}
