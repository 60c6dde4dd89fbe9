// Runs the event store contract against the embedded SQLite adapter: a WAL file in a temp dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { describeEventStoreContract } from '../contract/event-store.contract.js';
import { openSqliteEventStore } from './sqlite-event-store.js';

const dir = mkdtempSync(join(tmpdir(), 'accord-sqlite-contract-'));
let cases = 0;

afterEach(() => {
  cases += 1;
});

afterAll(() => {
  console.log(`SQLite event store contract: ${cases} cases`);
  rmSync(dir, { recursive: true, force: true });
});

// Every open() returns a new connection to the same file, as the contract requires.
describeEventStoreContract(
  'SQLite event store',
  () => Promise.resolve(openSqliteEventStore({ file: join(dir, 'accord.sqlite') })),
  { scavengesStreams: true },
);
