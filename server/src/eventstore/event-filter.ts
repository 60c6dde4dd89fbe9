// The one check every adapter runs on a read's or subscription's filter before using it.
import type { EventFilter } from './port.js';

export function checkFilter(filter: EventFilter | undefined): EventFilter | undefined {
  if (filter === undefined) return undefined;
  if (filter.on !== 'streamName' && filter.on !== 'eventType') {
    throw new TypeError(`Unknown filter on ${String((filter as { on: unknown }).on)}`);
  }
  if (!Array.isArray(filter.prefixes) || filter.prefixes.length === 0) {
    throw new RangeError('A filter needs at least one prefix');
  }
  return filter;
}
