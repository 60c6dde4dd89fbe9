// Small timing helpers for benchmarks (never used in tests: speed is measured, not asserted).

/** Runs `work` and returns operations per second. */
export async function opsPerSecond(
  operations: number,
  work: () => Promise<void> | void,
): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return operations / seconds;
}

export async function timeMs(work: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Best of N runs, to take the machine's noise out of short measurements. */
export async function bestOf(
  runs: number,
  measure: () => Promise<number>,
  better: 'higher' | 'lower' = 'higher',
): Promise<number> {
  let best = better === 'higher' ? -Infinity : Infinity;
  for (let i = 0; i < runs; i += 1) {
    const value = await measure();
    best = better === 'higher' ? Math.max(best, value) : Math.min(best, value);
  }
  return best;
}
