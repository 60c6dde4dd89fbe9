/**
 * Wraps any adapter to record append latency and counts, so metrics stay out of the adapters
 * and are the same whichever store runs.
 */
import type { Metrics } from '../observability/metrics.js';
import type { EventStore } from './port.js';

export function instrumentEventStore(store: EventStore, metrics: Metrics): EventStore {
  const labels = { store: store.kind };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'appendToStream') {
        const append: EventStore['appendToStream'] = async (stream, events, options) => {
          const stop = metrics.appendDuration.startTimer(labels);
          try {
            const result = await target.appendToStream(stream, events, options);
            stop({ outcome: 'ok' });
            metrics.appendedEvents.inc(labels, events.length);
            return result;
          } catch (error) {
            stop({ outcome: error instanceof Error ? error.name : 'error' });
            throw error;
          }
        };
        return append;
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
