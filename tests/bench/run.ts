/**
 * `npm run bench` runs every suite; `npm run bench -- <suite> [<suite>…]` (or
 * `npm run bench:<suite>`) only those. Each prints as it goes and the run ends with a summary
 * table and the files.
 */
import { writeResults, toMarkdown, machineInfo, type SuiteResult } from './lib/results.js';
import { exportsSuite } from './suites/exports.js';
import { liveSuite } from './suites/live.js';
import { memorySuite } from './suites/memory.js';
import { replaySuite } from './suites/replay.js';
import { storeSuite } from './suites/store.js';

type Suite = (log: (line: string) => void) => Promise<SuiteResult>;
const suites: Record<string, Suite> = {
  store: storeSuite,
  live: liveSuite,
  memory: memorySuite,
  replay: replaySuite,
  exports: exportsSuite,
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const wanted = asked.length === 0 || asked.includes('all') ? 'all' : asked.join('+');
  const names = wanted === 'all' ? Object.keys(suites) : asked;
  const unknown = names.filter((name) => !suites[name]);
  if (unknown.length)
    throw new Error(
      `Unknown suite "${unknown.join('", "')}". Suites: ${Object.keys(suites).join(', ')}`,
    );
  const results: SuiteResult[] = [];
  for (const name of names) {
    const suite = suites[name]!;
    console.error(`▶ ${name}`);
    results.push(await suite((line) => console.error(`  ${line}`)));
  }
  const files = writeResults(wanted, results);
  console.log(toMarkdown(results, machineInfo()));
  console.log(`Results written to ${files.json} and ${files.markdown}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
