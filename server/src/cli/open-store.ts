// The CLI opens the same store the server would, from the same environment.
import { loadConfig } from '../config.js';
import { openEventStore } from '../eventstore/open-event-store.js';
import type { EventStore } from '../eventstore/port.js';

export async function withStore<T>(work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = await openEventStore(loadConfig());
  try {
    await store.ping();
    return await work(store);
  } finally {
    await store.close();
  }
}
