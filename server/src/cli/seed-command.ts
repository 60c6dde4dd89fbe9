// `accord seed --demo`: writes the demo negotiation through the same command path as the server.
// Each run adds a new demo negotiation (events are never deleted) and reuses the demo accounts.
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { createCore } from '../core.js';
import { demoNegotiation } from '../demo/demo-negotiation.js';
import { DEMO_SIGN_IN, seedDemo, type SeedDemoResult } from '../demo/seed-demo.js';
import { createLogger } from '../observability/logger.js';
import { createProgress, type Progress } from './progress.js';

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description(
      'add a negotiation to the store (stop the server first: it projects into the same files)',
    )
    .option(
      '--demo',
      'the demo negotiation: invented states, a zero draft and Rev 1, amendments, positions, ' +
        'comments; demo accounts are created once and reused',
    )
    .action(async (options: { demo?: boolean }) => {
      if (!options.demo) throw new Error('say what to seed: accord seed --demo');
      const config = loadConfig();
      const core = await createCore(config, createLogger(config.logLevel));
      let progress: Progress | undefined;
      let result: SeedDemoResult;
      try {
        result = await seedDemo(core, {
          onProgress(done, total) {
            progress ??= createProgress('seed', total, 'steps');
            progress.update(done);
          },
        });
      } finally {
        progress?.stop();
        await core.close();
      }
      const chair = demoNegotiation.people.find((p) => p.role === 'chair');
      console.log(
        [
          `Seeded "${demoNegotiation.title}"`,
          `  negotiation ${result.negotiationId}`,
          `  document    ${result.documentId}`,
          `  ${result.people} people, ${result.amendments} amendments, ${result.positions} ` +
            `positions, ${result.comments} comments`,
          `Sign in as a delegate: ${DEMO_SIGN_IN.email}  password: ${DEMO_SIGN_IN.password}`,
          ...(chair
            ? [`or as the chair: ${chair.email} (every demo account has that password)`]
            : []),
        ].join('\n'),
      );
    });
}
