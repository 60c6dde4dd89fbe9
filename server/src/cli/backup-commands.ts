// `accord backup` and `accord restore`.
import { createReadStream, createWriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { backupStore } from '../backup/backup.js';
import { restoreStore } from '../backup/restore.js';
import { withStore } from './open-store.js';
import { createProgress } from './progress.js';

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write every event of the store to an NDJSON file')
    .requiredOption('--out <file>', 'the backup file to write')
    .action(async (options: { out: string }) => {
      // Write beside the target and rename at the end, so a failed run never leaves a truncated backup.
      const partial = `${options.out}.partial`;
      const result = await withStore(async (store) => {
        const out = createWriteStream(partial);
        let progress: ReturnType<typeof createProgress> | undefined;
        const summary = await backupStore(store, out, (position, head) => {
          progress ??= createProgress('backup', Number(head), 'positions');
          progress.update(Number(position));
        });
        progress?.stop();
        out.end();
        await finished(out);
        return summary;
      });
      await rename(partial, options.out);
      console.log(`Backed up ${result.events} events to ${options.out}`);
    });

  program
    .command('restore')
    .description('load a backup into an empty store')
    .argument('<file>', 'a file written by `accord backup`')
    .action(async (file: string) => {
      const result = await withStore(async (store) => {
        let progress: ReturnType<typeof createProgress> | undefined;
        const summary = await restoreStore(
          store,
          () => createReadStream(file),
          (events, total) => {
            progress ??= createProgress('restore', total);
            progress.update(events);
          },
        );
        progress?.stop();
        return summary;
      });
      console.log(`Restored ${result.events} events in ${result.streams} streams from ${file}`);
      if (result.renumbered.length > 0) {
        console.log(
          `Note: ${result.renumbered.length} stream(s) were renumbered from 0: ${result.renumbered.join(', ')}`,
        );
      }
    });
}
