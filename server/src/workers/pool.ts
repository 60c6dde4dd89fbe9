/**
 * One pool of worker threads (piscina) for the heavy work a request can cause: parsing an
 * imported file and rendering an export. The event loop that answers /healthz, the API and live
 * editing only posts the task and awaits it. Each task has a time limit (the worker is stopped
 * when it runs over) and each worker a heap limit; tasks wait in a bounded queue, and a task
 * that finds it full is refused at once. Sizes come from ACCORD_WORKERS, ACCORD_WORKER_QUEUE,
 * ACCORD_WORKER_TIMEOUT_MS and ACCORD_WORKER_MAX_HEAP_MB (config.ts).
 *
 * Piscina loads compiled JavaScript: the worker is `dist/workers/heavy-work.worker.js`, found
 * beside this module when it runs from dist, and in dist when it runs from the TypeScript sources
 * (tests run after the build). Without that file, or with ACCORD_WORKERS=0, tasks run in the
 * calling thread with the same code.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Piscina } from 'piscina';
import { processingLimits, type ProcessingLimits } from '../config.js';
import { serverPackageDir } from '../server-package.js';
import type { HeavyResult, HeavyTask } from './heavy-work.js';

export type PoolRefusal = 'busy' | 'timeout' | 'memory';

/** Why the pool did not run a task to its end; callers turn it into their own problem. */
export class WorkerPoolError extends Error {
  constructor(
    readonly reason: PoolRefusal,
    readonly limits: Pick<ProcessingLimits, 'workerQueue' | 'workerTimeoutMs' | 'workerMaxHeapMb'>,
  ) {
    super(
      reason === 'busy'
        ? `every worker is busy and ${limits.workerQueue} tasks are waiting`
        : reason === 'timeout'
          ? `the task ran longer than ${limits.workerTimeoutMs} ms`
          : `the task needed more than ${limits.workerMaxHeapMb} MiB`,
    );
    this.name = 'WorkerPoolError';
  }
}

/** The compiled worker module (tsc's output, also when running from src/ or the bundle). */
export function workerFile(): string | undefined {
  const file = path.join(serverPackageDir, 'dist', 'workers', 'heavy-work.worker.js');
  return existsSync(file) ? file : undefined;
}

interface Pool {
  piscina: Piscina<HeavyTask, HeavyResult> | undefined;
  limits: ProcessingLimits;
}

let pool: Pool | undefined;

function currentPool(): Pool {
  if (pool) return pool;
  const limits = processingLimits();
  const filename = limits.workers > 0 ? workerFile() : undefined;
  pool = {
    limits,
    piscina: filename
      ? new Piscina<HeavyTask, HeavyResult>({
          filename,
          minThreads: 1,
          maxThreads: limits.workers,
          maxQueue: limits.workerQueue,
          // One task at a time per thread: rendering is CPU-bound.
          concurrentTasksPerWorker: 1,
          idleTimeout: 60_000,
          resourceLimits: { maxOldGenerationSizeMb: limits.workerMaxHeapMb },
        })
      : undefined,
  };
  return pool;
}

/** Tasks waiting for a worker and the threads running (for tests and metrics). */
export function poolLoad(): { queued: number; threads: number } {
  const piscina = pool?.piscina;
  return { queued: piscina?.queueSize ?? 0, threads: piscina?.threads.length ?? 0 };
}

/**
 * Runs the task in a worker, or `here` in this thread when no worker is configured or built.
 * Throws WorkerPoolError when the queue is full, the task runs over time or out of memory.
 */
export async function runHeavyTask(
  task: HeavyTask,
  here: () => Promise<HeavyResult | Omit<Extract<HeavyResult, { kind: 'export' }>, 'kind'>>,
): Promise<HeavyResult> {
  const { piscina, limits } = currentPool();
  if (!piscina) {
    const result = await here();
    return 'kind' in result ? result : { kind: 'export', ...result };
  }
  try {
    return await piscina.run(task, { signal: AbortSignal.timeout(limits.workerTimeoutMs) });
  } catch (error) {
    throw poolError(error, limits) ?? error;
  }
}

function poolError(error: unknown, limits: ProcessingLimits): WorkerPoolError | undefined {
  if (!(error instanceof Error)) return undefined;
  if (
    error.message === 'Task queue is at limit' ||
    error.message.startsWith('No task queue available')
  )
    return new WorkerPoolError('busy', limits);
  if (error.name === 'AbortError' || error.name === 'TimeoutError')
    return new WorkerPoolError('timeout', limits);
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new WorkerPoolError('memory', limits);
  return undefined;
}

/** Stops the workers (server shutdown, tests); the next task starts a new pool. */
export async function closeWorkerPool(): Promise<void> {
  const closing = pool?.piscina;
  pool = undefined;
  await closing?.destroy();
}
