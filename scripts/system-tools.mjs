#!/usr/bin/env node
// Runs before the test suite: makes sure the few Debian packages the tests still need (listed in
// .ci/debian-packages) are installed. As root it installs the missing ones with apt-get; as
// anyone else it stops and prints the command to run. Everything else the tests use (Chromium,
// XML validation, PDF and DOCX reading) comes from npm and needs nothing here.
//
// ACCORD_SKIP_SYSTEM_TOOLS=1 skips the check (the tests that need a missing tool then fail).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const LIST = fileURLToPath(new URL('../.ci/debian-packages', import.meta.url));
const say = (line) => console.log(`system tools: ${line}`);

/** Package names from the list: one per line, `#` starts a comment. */
function wantedPackages() {
  return readFileSync(LIST, 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** Which of the packages dpkg does not report as installed; null when there is no dpkg. */
function missingPackages(packages) {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...packages], {
    encoding: 'utf8',
  });
  if (query.error) return null;
  // dpkg-query exits non-zero when a package is unknown, yet still lists the known ones.
  const installed = new Set(
    query.stdout
      .split('\n')
      .filter((line) => line.endsWith(' install ok installed'))
      .map((line) => line.split(' ')[0]),
  );
  return packages.filter((name) => !installed.has(name));
}

function run(command, args) {
  say(`${command} ${args.join(' ')}`);
  // apt-get's progress is noise in a test log; its errors go to stderr, which stays visible.
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    console.error(`system tools: ${command} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function main() {
  if (process.env.ACCORD_SKIP_SYSTEM_TOOLS === '1') {
    say('check skipped (ACCORD_SKIP_SYSTEM_TOOLS=1)');
    return;
  }
  const wanted = wantedPackages();
  const missing = missingPackages(wanted);
  if (missing === null) {
    console.error(
      [
        'system tools: this machine has no dpkg, so the check cannot tell what is installed.',
        `The tests expect these Debian/Ubuntu packages, or your system's equivalents:`,
        `  ${wanted.join(' ')}`,
        'Install them, then run the tests with ACCORD_SKIP_SYSTEM_TOOLS=1.',
      ].join('\n'),
    );
    process.exit(1);
  }
  if (missing.length === 0) {
    say(`the ${wanted.length} Debian packages the tests need are installed`);
    return;
  }
  const install = ['install', '-y', '--no-install-recommends', ...missing];
  if (process.getuid?.() !== 0) {
    console.error(
      [
        `system tools: the tests need Debian packages that are not installed: ${missing.join(' ')}`,
        'Install them once with:',
        `  sudo apt-get update && sudo apt-get ${install.join(' ')}`,
        'then run the tests again. (Run as root, the test command installs them itself.)',
      ].join('\n'),
    );
    process.exit(1);
  }
  // Wait for another apt or dpkg run to finish instead of failing on its lock.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  run('apt-get', [...lock, 'update', '-qq']);
  run('apt-get', [...lock, '-qq', ...install]);
  const still = missingPackages(wanted) ?? missing;
  if (still.length > 0) {
    console.error(`system tools: still missing after apt-get install: ${still.join(' ')}`);
    process.exit(1);
  }
  say(`installed ${missing.join(' ')}`);
}

main();
