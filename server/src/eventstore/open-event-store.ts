/**
 * Picks the event store from configuration: EventStoreDB/KurrentDB when its connection string
 * is set, PostgreSQL when ACCORD_POSTGRES_URL is, otherwise the embedded SQLite file in the
 * data directory (config.ts refuses both connection settings at once).
 */
import path from 'node:path';
import type { Config } from '../config.js';
import { openEsdbEventStore } from './esdb/esdb-event-store.js';
import type { EventStore } from './port.js';
import { openPostgresEventStore } from './postgres/postgres-event-store.js';
import { openSqliteEventStore } from './sqlite/sqlite-event-store.js';

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'accord.sqlite');
}

export function openEventStore(
  config: Pick<Config, 'eventStoreConnectionString' | 'dataDir' | 'sqliteSynchronous'> &
    Partial<Pick<Config, 'postgresUrl'>>,
): EventStore {
  if (config.eventStoreConnectionString) {
    return openEsdbEventStore({ connectionString: config.eventStoreConnectionString });
  }
  if (config.postgresUrl) {
    return openPostgresEventStore({ connectionString: config.postgresUrl });
  }
  return openSqliteEventStore({
    file: sqliteFile(config.dataDir),
    synchronous: config.sqliteSynchronous,
  });
}
