#!/usr/bin/env node
/**
 * The `accord` command line: operator tasks that work on the same store as the server,
 * configured by the same environment variables.
 */
import { Command } from 'commander';
import { registerBackupCommands } from './cli/backup-commands.js';
import { registerExportCommand } from './cli/export-command.js';
import { registerImportCommand } from './cli/import-command.js';
import { registerRebuildCommand } from './cli/rebuild-command.js';
import { registerSeedCommand } from './cli/seed-command.js';
import { version } from './version.js';

const program = new Command()
  .name('accord')
  .description('Accord operator commands (configured by the same environment as the server)')
  .version(version);

registerBackupCommands(program);
registerExportCommand(program);
registerImportCommand(program);
registerRebuildCommand(program);
registerSeedCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? `accord: ${error.message}` : error);
  process.exit(1);
});
