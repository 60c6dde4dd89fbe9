// Each start is its own Node process (V8 also keeps compiled code in memory, so a second run in
// the same process would hit that, not the file) running the built launcher code in dist/.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { withTempDir } from '../test-support/temp-dir.js';

const built = path.resolve(import.meta.dirname, '../../dist/launch/code-cache.js');

// A stand-in bundle: CommonJS that prints what it ran with.
const bundleSource = (marker: string) => `#!/usr/bin/env node
const path = require('node:path');
function answer(n) { return n * 2 + ${marker.length}; }
console.log(JSON.stringify({ marker: ${JSON.stringify(marker)}, file: __filename,
  dir: path.basename(__dirname), exportsIsModuleExports: exports === module.exports,
  answer: answer(20) }));
`;

function writeBundle(dir: string, marker: string, mtimeSeconds: number): string {
  const file = path.join(dir, 'bundle.cjs');
  writeFileSync(file, bundleSource(marker));
  utimesSync(file, mtimeSeconds, mtimeSeconds);
  return file;
}

interface Start {
  ran: {
    marker: string;
    file: string;
    dir: string;
    exportsIsModuleExports: boolean;
    answer: number;
  };
  status: string | undefined;
  saved: { file: string; bytes: number } | undefined;
}

/** One start: runs the bundle, then saves the cache as the server does when it was not used. */
async function start(file: string, cacheDir: string, cache = true): Promise<Start> {
  const script = `
    const { runBundle } = await import(${JSON.stringify(pathToFileURL(built).href)});
    runBundle(${JSON.stringify(file)}, { cache: ${cache}, cacheDir: ${JSON.stringify(cacheDir)} });
    const handle = globalThis[Symbol.for('accord.launcher')]?.codeCache;
    const saved = handle && handle.status !== 'used' ? await handle.save() : undefined;
    console.log(JSON.stringify({ status: handle?.status, saved }));`;
  const run = promisify(execFile);
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
  const [ran, rest] = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as object);
  return { ran, ...rest } as Start;
}

describe('running the bundle with a code cache', () => {
  it('is built', () => expect(existsSync(built), `${built}: npm test builds it`).toBe(true));

  it('given no cache, when it starts, then the code runs as CommonJS, and the next start uses the saved cache', async () => {
    await withTempDir(async (dir) => {
      const cacheDir = path.join(dir, 'cache');
      const file = writeBundle(dir, 'first', 1_000_000);

      const first = await start(file, cacheDir);
      expect(first.ran).toEqual({
        marker: 'first',
        file,
        dir: path.basename(dir),
        exportsIsModuleExports: true,
        answer: 45,
      });
      expect(first.status).toBe('missing');
      expect(first.saved!.bytes).toBeGreaterThan(0);
      expect(readdirSync(cacheDir)).toEqual([path.basename(first.saved!.file)]);

      const second = await start(file, cacheDir);
      expect(second.status).toBe('used');
      expect(second.ran).toMatchObject({ marker: 'first', answer: 45 });
    });
  });

  it('given a cache V8 refuses, when it starts, then it compiles from source and a new cache replaces it', async () => {
    await withTempDir(async (dir) => {
      const cacheDir = path.join(dir, 'cache');
      const file = writeBundle(dir, 'second', 1_000_000);
      const { saved } = await start(file, cacheDir);
      writeFileSync(saved!.file, Buffer.alloc(4096, 7));

      const refused = await start(file, cacheDir);
      expect(refused.status).toBe('rejected');
      expect(refused.ran).toMatchObject({ marker: 'second' });
      expect((await start(file, cacheDir)).status).toBe('used');
    });
  });

  it('given a rebuilt bundle of the same length, when it starts, then the old cache is not read, and saving removes it', async () => {
    await withTempDir(async (dir) => {
      const cacheDir = path.join(dir, 'cache');
      const old = (await start(writeBundle(dir, 'old build', 1_000_000), cacheDir)).saved!;

      // Other code of the same length: V8 alone would take the old cache (it checks the length).
      const rebuilt = await start(writeBundle(dir, 'new build', 2_000_000), cacheDir);
      expect(rebuilt.status).toBe('missing');
      expect(rebuilt.ran).toMatchObject({ marker: 'new build' });
      expect(rebuilt.saved!.file).not.toBe(old.file);
      expect(readdirSync(cacheDir)).toEqual([path.basename(rebuilt.saved!.file)]);
    });
  });

  it('given the cache is off, when it starts, then nothing is read or written', async () => {
    await withTempDir(async (dir) => {
      const cacheDir = path.join(dir, 'cache');
      const off = await start(writeBundle(dir, 'no cache', 1_000_000), cacheDir, false);
      expect(off.ran).toMatchObject({ marker: 'no cache' });
      expect(off.status).toBeUndefined();
      expect(existsSync(cacheDir)).toBe(false);
    });
  });
});
