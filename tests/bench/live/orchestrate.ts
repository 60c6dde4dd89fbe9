/**
 * The benchmark's side of a job: runs the load generator pinned to core 1, answers its
 * checkpoints, and samples the server's CPU time and RSS (pidusage) while it works.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pidusage from 'pidusage';
import type { FromLoadgen, Job, JobResult, ToLoadgen } from './jobs.js';
import { LOADGEN_CORE, pinnedNode } from './servers.js';

const loadgenScript = fileURLToPath(new URL('./loadgen.js', import.meta.url));

/**
 * Runs one job. `onCheckpoint` runs when the generator reaches a named point (all clients
 * connected, say) and the generator waits until it returns.
 */
export async function runJob<R extends JobResult>(
  job: Job,
  onCheckpoint: (name: string) => Promise<void> = () => Promise.resolve(),
): Promise<R> {
  const { command, args } = pinnedNode(LOADGEN_CORE, [loadgenScript, JSON.stringify(job)]);
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (!settled) {
        settled = true;
        fn();
      }
    };
    child.on('message', (message: FromLoadgen) => {
      if (message.type === 'checkpoint') {
        onCheckpoint(message.name).then(
          () => child.send({ type: 'continue' } satisfies ToLoadgen),
          (error: unknown) => {
            child.kill();
            settle(() => reject(error instanceof Error ? error : new Error(String(error))));
          },
        );
      } else if (message.type === 'result') settle(() => resolve(message.result as R));
      else settle(() => reject(new Error(`load generator (${job.scenario}): ${message.error}`)));
    });
    child.on('exit', (code) =>
      settle(() => reject(new Error(`load generator (${job.scenario}) exited with ${code}`))),
    );
  });
}

interface Sample {
  at: number;
  /** CPU time so far, ms. */
  ctime: number;
  rss: number;
}

/** Samples a process every `everyMs` until stopped. */
export class Sampler {
  private readonly samples: Sample[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pid: number,
    private readonly everyMs = 250,
  ) {}

  async start(): Promise<void> {
    await this.sample();
    this.timer = setInterval(() => void this.sample(), this.everyMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sample();
  }

  private async sample(): Promise<void> {
    try {
      const s = await pidusage(this.pid);
      this.samples.push({ at: Date.now(), ctime: s.ctime, rss: s.memory });
    } catch {
      // the process is gone (a restart): nothing to sample
    }
  }

  /** CPU use (percent of one core) and peak RSS (MiB) within [start, end] epoch ms. */
  window(start: number, end: number): { cpuPercent: number; rssMiB: number } {
    const inside = this.samples.filter(
      (s) => s.at >= start - this.everyMs && s.at <= end + this.everyMs,
    );
    if (inside.length < 2) return { cpuPercent: NaN, rssMiB: NaN };
    const first = inside[0]!;
    const last = inside[inside.length - 1]!;
    return {
      cpuPercent: ((last.ctime - first.ctime) / (last.at - first.at)) * 100,
      rssMiB: Math.max(...inside.map((s) => s.rss)) / 2 ** 20,
    };
  }
}

/** The median of a few RSS readings a second apart, bytes. */
export async function settledRss(pid: number, readings = 3): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < readings; i += 1) {
    if (i > 0) await new Promise((r) => setTimeout(r, 1000));
    values.push((await pidusage(pid)).memory);
  }
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

/**
 * Waits until the server is quiet (under 5% of a core over half a second, at most `maxMs`):
 * a server still writing a backlog to closed sockets would slow the next scenario down.
 */
export async function quiet(pid: number, maxMs = 30_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let last = await pidusage(pid);
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await pidusage(pid);
    const busy = (now.ctime - last.ctime) / (now.timestamp - last.timestamp);
    last = now;
    if (busy < 0.05) return;
  }
}
