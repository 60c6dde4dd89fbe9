import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sqliteFile } from '../eventstore/open-event-store.js';
import { openSqliteEventStore } from '../eventstore/sqlite/sqlite-event-store.js';
import { createLogger } from '../observability/logger.js';
import { createReadModels } from '../readmodels/read-models.js';
import { seedNegotiation } from '../readmodels/test-support/negotiation-scenario.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { registerRebuildCommand } from './rebuild-command.js';

describe('accord rebuild', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;

  beforeEach(async () => {
    temp = await makeTempDir();
    vi.stubEnv('ACCORD_DATA_DIR', temp.dir);
    vi.stubEnv('EVENTSTORE_CONNECTION_STRING', '');
  });

  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    await temp.remove();
  });

  it('replays the data directory’s store into its read models and reports the rate', async () => {
    const store = openSqliteEventStore({ file: sqliteFile(temp.dir) });
    const scenario = await seedNegotiation(store);
    await store.close();

    const printed: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const program = new Command().exitOverride();
    registerRebuildCommand(program);
    await program.parseAsync(['node', 'accord', 'rebuild']);

    expect(printed).toEqual([
      expect.stringMatching(
        /^Rebuilt the read models in .+ from \d+ events in [\d.]+ s \(\d+ events\/s\)$/,
      ),
    ]);
    const reopened = openSqliteEventStore({ file: sqliteFile(temp.dir) });
    const readModels = createReadModels({
      store: reopened,
      dataDir: temp.dir,
      logger: createLogger('silent'),
    });
    expect(readModels.queries.listAmendments(scenario.documentId)).toHaveLength(5);
    await readModels.stop();
    await reopened.close();
  });
});
