/**
 * `npm run bench` runs every suite; `npm run bench -- <suite>` (or `npm run bench:<suite>`)
 * one of them. Each prints as it goes and the run ends with a summary table and the files.
 */
import { writeResults, toMarkdown, machineInfo, type SuiteResult } from './lib/results.js';
import { collabSuite } from './suites/collab.js';
import { replaySuite } from './suites/replay.js';
import { storeSuite } from './suites/store.js';

type Suite = (log: (line: string) => void) => Promise<SuiteResult>;
const suites: Record<string, Suite> = {
  store: storeSuite,
  collab: collabSuite,
  replay: replaySuite,
};

async function main(): Promise<void> {
  const wanted = process.argv[2] ?? 'all';
  const names = wanted === 'all' ? Object.keys(suites) : [wanted];
  const results: SuiteResult[] = [];
  for (const name of names) {
    const suite = suites[name];
    if (!suite)
      throw new Error(`Unknown suite "${name}". Suites: ${Object.keys(suites).join(', ')}`);
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
