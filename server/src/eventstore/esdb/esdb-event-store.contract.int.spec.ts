// Runs the shared event store contract against a real EventStoreDB / KurrentDB when
// EVENTSTORE_CONNECTION_STRING is set (infra/eventstoredb/contract-test.sh starts one);
// otherwise says plainly that it was skipped, with one skipped test, never a fake pass.
import { it } from 'vitest';
import { StoreUnavailable } from '../errors.js';
import type { EventStore } from '../port.js';
import { openEsdbEventStore } from './esdb-event-store.js';

const SKIPPED = 'EventStoreDB contract suite skipped: EVENTSTORE_CONNECTION_STRING not set';
/** A fresh node answers health checks a little before it has elected itself leader. */
const READY_WITHIN_MS = 20_000;

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  // Imported only here so the skipped run does not depend on the suite's module.
  const { describeEventStoreContract } = await import('../contract/event-store.contract.js');
  describeEventStoreContract('EventStoreDB', () => openReady(connectionString));
} else {
  console.warn(SKIPPED);
  it.skip(SKIPPED, () => undefined);
}

async function openReady(connectionString: string): Promise<EventStore> {
  const store = openEsdbEventStore({ connectionString });
  const giveUpAt = Date.now() + READY_WITHIN_MS;
  for (;;) {
    try {
      await store.ping();
      return store;
    } catch (error) {
      if (!(error instanceof StoreUnavailable) || Date.now() > giveUpAt) {
        await store.close();
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
