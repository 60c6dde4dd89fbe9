// `accord rebuild`: drops the read models and replays the whole event log into them, e.g. after
// a projection bug was fixed. Stop the server first: it projects into the same file.
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { createLogger } from '../observability/logger.js';
import { openReadModelDb, readModelFile } from '../readmodels/read-model-db.js';
import { rebuildReadModels } from '../readmodels/rebuild.js';
import { withStore } from './open-store.js';
import { createProgress, type Progress } from './progress.js';

export function registerRebuildCommand(program: Command): void {
  program
    .command('rebuild')
    .description(
      'drop the read models and replay the whole event log into them (stop the server first)',
    )
    .action(async () => {
      const file = readModelFile(loadConfig().dataDir);
      const result = await withStore(async (store) => {
        const db = openReadModelDb(file);
        let progress: Progress | undefined;
        try {
          return await rebuildReadModels({
            store,
            db,
            // The progress bar is the output; only trouble is worth a log line.
            logger: createLogger('warn'),
            onProgress(position, head) {
              progress ??= createProgress('rebuild', Number(head), 'positions');
              progress.update(Number(position));
            },
          });
        } finally {
          progress?.stop();
          db.close();
        }
      });
      const rate = result.seconds > 0 ? Math.round(result.events / result.seconds) : result.events;
      console.log(
        `Rebuilt the read models in ${file} from ${result.events} events in ` +
          `${result.seconds.toFixed(1)} s (${rate} events/s)`,
      );
    });
}
