// Runs the shared event store contract against PostgreSQL: a throwaway server started for this
// file (initdb in a temp directory, a unix socket, no TCP), stopped and deleted afterwards.
// Without PostgreSQL installed the suite is skipped with a reason, except in CI, where that
// is a failure: CI installs Debian's postgresql package and must run it.
import { openPostgresEventStore } from './postgres-event-store.js';
import { postgresForTests } from './test-support/postgres-for-tests.js';

const connectionString = postgresForTests('PostgreSQL contract suite');

if (connectionString) {
  const { describeEventStoreContract } = await import('../contract/event-store.contract.js');
  // Every open() is a new pool on the same database, as the contract requires.
  describeEventStoreContract(
    'PostgreSQL event store',
    async () => openPostgresEventStore({ connectionString: await connectionString() }),
    { scavengesStreams: true },
  );
}
