/**
 * The silence procedure's metrics, registered on the server's registry: how many deadlines this
 * node has armed, how many it fired (and whether its expiry ended the silence or found it ended),
 * and how late after the deadline the expiry was recorded.
 */
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Metrics } from '../../observability/metrics.js';

export interface SilenceMetrics {
  scheduled: Gauge;
  fired: Counter<'result'>;
  lateness: Histogram;
}

const byRegistry = new WeakMap<Metrics['registry'], SilenceMetrics>();

export function silenceMetrics(metrics: Pick<Metrics, 'registry'>): SilenceMetrics {
  const known = byRegistry.get(metrics.registry);
  if (known) return known;
  const registers = [metrics.registry];
  const created: SilenceMetrics = {
    scheduled: new Gauge({
      name: 'accord_silences_scheduled',
      help: 'Silence procedures whose deadline this node has armed',
      registers,
    }),
    fired: new Counter({
      name: 'accord_silence_expiries_total',
      help: 'Silence deadlines fired, by result (ended: this node ended it; already-ended: it had ended)',
      labelNames: ['result'],
      registers,
    }),
    lateness: new Histogram({
      name: 'accord_silence_expiry_lateness_seconds',
      help: 'How long after its deadline a silence was recorded as ended (a restart shows here)',
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 60, 300, 3600, 86_400],
      registers,
    }),
  };
  byRegistry.set(metrics.registry, created);
  return created;
}
