/**
 * `accord_notifications_sent_total{channel,kind,outcome}`: inbox entries delivered, and e-mails
 * sent, retried or given up on, per kind (`digest` for a day's digest). Registered on the
 * server's registry once, however many parts ask for it.
 */
import { Counter } from 'prom-client';
import type { Metrics } from '../observability/metrics.js';

export type NotificationCounter = Counter<'channel' | 'kind' | 'outcome'>;

const byRegistry = new WeakMap<Metrics['registry'], NotificationCounter>();

export function notificationCounter(metrics: Pick<Metrics, 'registry'>): NotificationCounter {
  const known = byRegistry.get(metrics.registry);
  if (known) return known;
  const counter = new Counter({
    name: 'accord_notifications_sent_total',
    help: 'Notifications by channel (inbox, email), kind and outcome (delivered, sent, retry, failed)',
    labelNames: ['channel', 'kind', 'outcome'],
    registers: [metrics.registry],
  });
  byRegistry.set(metrics.registry, counter);
  return counter;
}
