/**
 * Picks the event store from configuration: EventStoreDB/KurrentDB when its connection string
 * is set, PostgreSQL when ACCORD_POSTGRES_URL is, otherwise the embedded SQLite file in the
 * data directory (config.ts refuses both connection settings at once).
 *
 * The EventStoreDB and PostgreSQL adapters are imported only when chosen: their clients take
 * a few hundred milliseconds to load, which every start of a SQLite node would otherwise pay.
 */
import path from 'node:path';
import type { Config } from '../config.js';
import type { EventStore } from './port.js';
import { openSqliteEventStore, type GroupCommitInfo } from './sqlite/sqlite-event-store.js';

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'accord.sqlite');
}

export async function openEventStore(
  config: Pick<Config, 'eventStoreConnectionString' | 'dataDir' | 'sqliteSynchronous'> &
    Partial<Pick<Config, 'postgresUrl'>>,
  observe: { onGroupCommit?: (info: GroupCommitInfo) => void } = {},
): Promise<EventStore> {
  if (config.eventStoreConnectionString) {
    const { openEsdbEventStore } = await import('./esdb/esdb-event-store.js');
    return openEsdbEventStore({ connectionString: config.eventStoreConnectionString });
  }
  if (config.postgresUrl) {
    const { openPostgresEventStore } = await import('./postgres/postgres-event-store.js');
    return openPostgresEventStore({ connectionString: config.postgresUrl });
  }
  return openSqliteEventStore({
    file: sqliteFile(config.dataDir),
    synchronous: config.sqliteSynchronous,
    ...(observe.onGroupCommit ? { onGroupCommit: observe.onGroupCommit } : {}),
  });
}
