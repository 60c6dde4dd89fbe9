/**
 * Where Accord's time goes between a frame's arrival and its broadcast, as far as the store is
 * concerned: the SQLite group commit's stages from its Prometheus histogram
 * (`accord_eventstore_commit_stage_seconds`: waiting for the transaction, the transaction, the
 * fsync after it), read before and after a run and subtracted.
 */

/** Per stage: sum (seconds), count, and cumulative bucket counts by upper bound (seconds). */
export type StageTotals = Record<
  string,
  { sum: number; count: number; buckets: Map<number, number> }
>;

const METRIC = 'accord_eventstore_commit_stage_seconds';
const SERIES = new RegExp(`^${METRIC}_(sum|count|bucket)\\{([^}]*)\\} ([0-9.e+-]+)$`);

function labelsOf(text: string): Record<string, string> {
  return Object.fromEntries(
    [...text.matchAll(/([a-z_]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as const),
  );
}

export async function readCommitStages(httpBase: string): Promise<StageTotals> {
  const response = await fetch(`${httpBase}/metrics`);
  if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
  const totals: StageTotals = {};
  for (const line of (await response.text()).split('\n')) {
    const match = SERIES.exec(line);
    if (!match) continue;
    const [, kind, labelText, value] = match as unknown as [string, string, string, string];
    const labels = labelsOf(labelText);
    const stage = labels.stage;
    if (!stage) continue;
    const entry = (totals[stage] ??= { sum: 0, count: 0, buckets: new Map() });
    if (kind === 'sum') entry.sum = Number(value);
    else if (kind === 'count') entry.count = Number(value);
    else entry.buckets.set(labels.le === '+Inf' ? Infinity : Number(labels.le), Number(value));
  }
  return totals;
}

/** The smallest bucket bound under which 99% of the run's observations fall (ms). */
function p99Bound(before: StageTotals[string] | undefined, after: StageTotals[string]): number {
  const count = after.count - (before?.count ?? 0);
  const bounds = [...after.buckets.keys()].sort((a, b) => a - b);
  for (const bound of bounds) {
    const inRun = after.buckets.get(bound)! - (before?.buckets.get(bound) ?? 0);
    if (inRun >= 0.99 * count) return bound * 1000;
  }
  return Infinity;
}

/** Mean per group commit of each stage between two readings, and where its p99 lies. */
export function describeCommitStages(before: StageTotals, after: StageTotals): string {
  const parts = Object.entries(after).flatMap(([stage, a]) => {
    const b = before[stage];
    const count = a.count - (b?.count ?? 0);
    if (count <= 0) return [];
    const mean = ((a.sum - (b?.sum ?? 0)) / count) * 1000;
    const p99 = p99Bound(b, a);
    return [`${stage} ${mean.toFixed(3)} ms (p99 ≤ ${Number.isFinite(p99) ? p99 : '>100'} ms)`];
  });
  const commits = (after.wait?.count ?? 0) - (before.wait?.count ?? 0);
  return parts.length
    ? `Accord's group commits (${commits}), mean per commit: ${parts.join(', ')}`
    : '';
}
