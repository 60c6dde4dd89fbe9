/**
 * Where Accord's time goes between a frame's arrival and its broadcast, as far as the store is
 * concerned: the SQLite group commit's stages from its Prometheus histogram
 * (`accord_eventstore_commit_stage_seconds`), read before and after a run and subtracted.
 */

/** Sum (seconds) and count of each stage's histogram. */
export type StageTotals = Record<string, { sum: number; count: number }>;

const LINE =
  /^accord_eventstore_commit_stage_seconds_(sum|count)\{stage="([a-z]+)"\} ([0-9.e+-]+)$/;

export async function readCommitStages(httpBase: string): Promise<StageTotals> {
  const response = await fetch(`${httpBase}/metrics`);
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  const totals: StageTotals = {};
  for (const line of (await response.text()).split('\n')) {
    const match = LINE.exec(line);
    if (!match) continue;
    const [, kind, stage, value] = match as unknown as [string, 'sum' | 'count', string, string];
    totals[stage] ??= { sum: 0, count: 0 };
    totals[stage][kind] = Number(value);
  }
  return totals;
}

/** Mean milliseconds per group commit of each stage between two readings, e.g. "wait 0.21 ms". */
export function describeCommitStages(before: StageTotals, after: StageTotals): string {
  const parts = Object.entries(after).flatMap(([stage, a]) => {
    const b = before[stage] ?? { sum: 0, count: 0 };
    const count = a.count - b.count;
    return count > 0 ? [`${stage} ${(((a.sum - b.sum) / count) * 1000).toFixed(3)} ms`] : [];
  });
  const commits = (after.wait?.count ?? 0) - (before.wait?.count ?? 0);
  return parts.length
    ? `Accord's group commits (${commits}), mean per commit: ${parts.join(', ')}`
    : '';
}
