/**
 * `npm run bench` runs every suite but the soak (the conference included: it starts PostgreSQL and
 * Redis itself); `npm run bench -- <suite> [<suite>…]` (or
 * `npm run bench:<suite>`) only those, with `--name value` flags for the suites that read them
 * (`npm run bench -- soak --duration 300`). Each prints as it goes and the run ends with a
 * summary table and the files.
 */
import { parseBenchArgs } from './lib/bench-args.js';
import { writeResults, toMarkdown, machineInfo, type SuiteResult } from './lib/results.js';
import { bundleSuite } from './suites/bundle.js';
import { conferenceSuite } from './suites/conference.js';
import { exportsSuite } from './suites/exports.js';
import { liveSuite } from './suites/live.js';
import { memorySuite } from './suites/memory.js';
import { replaySuite } from './suites/replay.js';
import { soakSuite } from './suites/soak.js';
import { storeSuite } from './suites/store.js';

type Suite = (log: (line: string) => void, flags: Record<string, string>) => Promise<SuiteResult>;
const suites: Record<string, Suite> = {
  store: storeSuite,
  live: liveSuite,
  memory: memorySuite,
  replay: replaySuite,
  exports: exportsSuite,
  bundle: bundleSuite,
  soak: soakSuite,
  conference: conferenceSuite,
};
/** Only when named: ten minutes of load by default (soak); three deployments in turn (conference). */
const notInAll = new Set(['soak']);

async function main(): Promise<void> {
  const { suites: asked, flags } = parseBenchArgs(process.argv.slice(2));
  const wanted = asked.length === 0 || asked.includes('all') ? 'all' : asked.join('+');
  const names =
    wanted === 'all' ? Object.keys(suites).filter((name) => !notInAll.has(name)) : asked;
  const unknown = names.filter((name) => !suites[name]);
  if (unknown.length)
    throw new Error(
      `Unknown suite "${unknown.join('", "')}". Suites: ${Object.keys(suites).join(', ')}`,
    );
  const results: SuiteResult[] = [];
  // A suite that fails does not take the others' results with it: they are written, and the
  // run still ends in failure.
  const failed: string[] = [];
  for (const name of names) {
    const suite = suites[name]!;
    console.error(`▶ ${name}`);
    try {
      results.push(await suite((line) => console.error(`  ${line}`), flags));
    } catch (error) {
      console.error(`✗ ${name} failed:`, error);
      failed.push(name);
    }
  }
  if (results.length > 0) {
    const files = writeResults(wanted, results);
    console.log(toMarkdown(results, machineInfo()));
    console.log(`Results written to ${files.json} and ${files.markdown}`);
  }
  if (failed.length > 0) {
    console.error(`Failed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
