// What the benchmark asks of its load generator, and what the generator answers.
import type { Protocol } from './framing.js';

export interface Target {
  /** The websocket base the y-websocket provider appends `/<room>` to. */
  wsBase: string;
  room: string;
  /** Session cookies (Accord), used round robin; none for the bare server. */
  cookies: string[];
  /** How frames are wrapped: Hocuspocus adds the document's name and an auth step. */
  protocol: Protocol;
}

export type Job =
  | {
      scenario: 'load';
      target: Target;
      writers: number;
      receivers: number;
      /** Edits per second, all writers together. */
      rate: number;
      seconds: number;
      /** Presence on: cursor moves per second, all writers together (the conference scenario). */
      cursorRate?: number;
      /**
       * The writers send only their own awareness state, as Accord's browser client does
       * (client/src/draft/collab/collabSession.ts); a stock provider also echoes everyone else's.
       */
      ownAwarenessOnly?: boolean;
    }
  | { scenario: 'storm'; target: Target; writers: number; receivers: number }
  | {
      scenario: 'large-sync';
      target: Target;
      paragraphs: number;
      paragraphChars: number;
      /** Fresh full clients synced one after the other. */
      rounds: number;
      /** Receive-only clients syncing at the same moment. */
      concurrent: number;
      /** Restart the server once seeded and time the first client (Accord: loaded from the log). */
      coldStart: boolean;
    }
  | {
      scenario: 'cursors';
      target: Target;
      writers: number;
      receivers: number;
      /** Cursor moves per second, all connections together. */
      rate: number;
      seconds: number;
    }
  | { scenario: 'idle'; target: Target; connections: number };

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  samples: number;
}

export interface LoadResult {
  latency: Percentiles;
  delivered: number;
  expected: number;
  /** How late the open-loop schedule ran (the generator's own lag), ms. */
  scheduleLagP99: number;
  /** The load generator's own CPU use in the window, percent of one core. */
  generatorCpuPercent: number;
  /** The load generator's event-loop delay in the window (p99, ms): high means it, not the server, was the bottleneck. */
  generatorLoopDelayP99: number;
  /** Connections closed during the measurement, by close code. */
  closes: Record<string, number>;
  /** Epoch ms of the measured window, for the CPU and RSS samples. */
  window: { start: number; end: number };
  /** The writers' cursor moves, when the job had a `cursorRate`: latency measured at the writers. */
  presence?: { latency: Percentiles; delivered: number; expected: number };
}

export interface StormResult {
  clients: number;
  /** Epoch ms when every client was synced again. */
  allSyncedAt: number;
  /** Epoch ms when the first client saw its connection close. */
  firstCloseAt: number;
}

export interface LargeSyncResult {
  updateBytes: number;
  seedSeconds: number;
  sequentialMs: Percentiles;
  concurrentMs: number;
  /** The first client after a restart; NaN unless `coldStart`. */
  coldMs: number;
}

export interface IdleResult {
  connections: number;
  connectSeconds: number;
}

export type JobResult = LoadResult | StormResult | LargeSyncResult | IdleResult;

/** Generator → benchmark. A checkpoint waits for `continue`. */
export type FromLoadgen =
  | { type: 'checkpoint'; name: string }
  | { type: 'result'; result: JobResult }
  | { type: 'failed'; error: string };

export type ToLoadgen = { type: 'continue' };
