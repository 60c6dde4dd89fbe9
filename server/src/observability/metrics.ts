/**
 * Prometheus metrics served at /metrics. One registry per server instance (tests start
 * several servers in one process), created here and passed to whoever records.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { poolLoad } from '../workers/pool.js';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  appendDuration: Histogram<'store' | 'outcome'>;
  appendedEvents: Counter<'store'>;
  /**
   * Where a SQLite group commit's time goes: waiting for the transaction to begin, the
   * transaction, and the fsync after it (off the event loop). The live bench reads it.
   */
  commitStages: Histogram<'stage'>;
  websocketConnections: Gauge<'kind'>;
  /** Collaboration connections closed for what they sent (schema, lock, rate, size, …). */
  collabRefusals: Counter<'reason'>;
  /** socket.io handshakes and requests refused by a per-person budget. */
  socketioRefusals: Counter<'reason'>;
  /** Awareness frames (cursors, presence) dropped over a rate budget: the sender stays connected. */
  awarenessDropped: Counter<'over'>;
  loadedDocuments: Gauge;
  subscriptionLag: Gauge<'subscription'>;
  /** Cross-stream work a reactor has not finished after its retry budget: operators look here. */
  reactorStuck: Gauge<'reactor'>;
  reactorFailures: Counter<'reactor'>;
  /** The worker pool (workers/pool.ts), read when /metrics is scraped. */
  workerThreads: Gauge;
  workerQueue: Gauge;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'accord_http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'accord_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    appendDuration: new Histogram({
      name: 'accord_eventstore_append_duration_seconds',
      help: 'Event store append latency, including group-commit wait',
      labelNames: ['store', 'outcome'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    commitStages: new Histogram({
      name: 'accord_eventstore_commit_stage_seconds',
      help: 'SQLite group commit by stage: wait (queued to BEGIN), transaction, sync (fsync after COMMIT)',
      labelNames: ['stage'],
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1],
      registers: [registry],
    }),
    appendedEvents: new Counter({
      name: 'accord_eventstore_appended_events_total',
      help: 'Events appended to the event store',
      labelNames: ['store'],
      registers: [registry],
    }),
    websocketConnections: new Gauge({
      name: 'accord_websocket_connections',
      help: 'Open websocket connections by kind (collab, socketio)',
      labelNames: ['kind'],
      registers: [registry],
    }),
    socketioRefusals: new Counter({
      name: 'accord_socketio_refused_total',
      help: 'socket.io handshakes and requests refused by a per-person budget, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    awarenessDropped: new Counter({
      name: 'accord_collab_awareness_dropped_total',
      help: 'Awareness frames (cursors, presence) dropped over a rate budget, by the budget: connection, user or stakeholder',
      labelNames: ['over'],
      registers: [registry],
    }),
    collabRefusals: new Counter({
      name: 'accord_collab_refused_total',
      help: 'Collaboration connections closed for what they sent, by close reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    loadedDocuments: new Gauge({
      name: 'accord_loaded_documents',
      help: 'Collaborative documents loaded in memory',
      registers: [registry],
    }),
    subscriptionLag: new Gauge({
      name: 'accord_subscription_lag_seconds',
      help: 'Age of the last event a subscription processed: how far behind the log it runs',
      labelNames: ['subscription'],
      registers: [registry],
    }),
    reactorStuck: new Gauge({
      name: 'accord_reactor_stuck_items',
      help: 'Events a reactor has failed to finish within its retry budget (still retrying)',
      labelNames: ['reactor'],
      registers: [registry],
    }),
    workerThreads: new Gauge({
      name: 'accord_worker_threads',
      help: 'Threads of the pool that renders exports and reads imports off the event loop',
      registers: [registry],
      collect() {
        this.set(poolLoad().threads);
      },
    }),
    workerQueue: new Gauge({
      name: 'accord_worker_queue',
      help: 'Exports and imports waiting for a worker thread',
      registers: [registry],
      collect() {
        this.set(poolLoad().queued);
      },
    }),
    reactorFailures: new Counter({
      name: 'accord_reactor_failures_total',
      help: 'Failed attempts of reactors to finish cross-stream work (each is retried)',
      labelNames: ['reactor'],
      registers: [registry],
    }),
  };
}

/** Feeds a SQLite group commit's timings (sqlite/group-commit.ts) into `commitStages`. */
export function recordGroupCommit(
  metrics: Metrics,
): (info: { waitMs: number; transactionMs: number; syncMs: number }) => void {
  return (info) => {
    metrics.commitStages.observe({ stage: 'wait' }, info.waitMs / 1000);
    metrics.commitStages.observe({ stage: 'transaction' }, info.transactionMs / 1000);
    metrics.commitStages.observe({ stage: 'sync' }, info.syncMs / 1000);
  };
}
