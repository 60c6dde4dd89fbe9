/**
 * Picks the event store from configuration: EventStoreDB/KurrentDB when a connection string
 * is set, otherwise the embedded SQLite file in the data directory.
 */
import path from 'node:path';
import type { Config } from '../config.js';
import { openEsdbEventStore } from './esdb/esdb-event-store.js';
import type { EventStore } from './port.js';
import { openSqliteEventStore } from './sqlite/sqlite-event-store.js';

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'accord.sqlite');
}

export function openEventStore(
  config: Pick<Config, 'eventStoreConnectionString' | 'dataDir' | 'sqliteSynchronous'>,
): EventStore {
  if (config.eventStoreConnectionString) {
    return openEsdbEventStore({ connectionString: config.eventStoreConnectionString });
  }
  return openSqliteEventStore({
    file: sqliteFile(config.dataDir),
    synchronous: config.sqliteSynchronous,
  });
}
