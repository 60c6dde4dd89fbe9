/**
 * Runs the server's CommonJS bundle (dist/accord.cjs) with V8's code cache, so that a restart
 * skips compiling the code the previous start compiled: with Node 20 only CommonJS compiled
 * through `vm.Script` can take cached code (ES modules cannot), hence the one-file bundle.
 *
 * The cache is the bytecode of everything compiled up to the moment `save()` is called (the
 * server calls it once it is listening), kept in `.code-cache/` beside the bundle under a name
 * made of the Node version, the architecture and the bundle's size and modification time: V8
 * itself checks only the source's length, so a rebuilt bundle must never meet an older cache.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { handOver, type CodeCacheStatus } from './handoff.js';

export interface BundleOptions {
  /** false: compile from source every time (ACCORD_CODE_CACHE=off). */
  cache: boolean;
  /** Where caches live; default `.code-cache/` beside the bundle. */
  cacheDir?: string;
}

const PREFIX = 'accord-';

function cacheFileFor(bundleFile: string, cacheDir: string): string {
  const { size, mtimeMs } = statSync(bundleFile);
  const key = [process.version, process.arch, size, Math.trunc(mtimeMs)].join('-');
  return path.join(cacheDir, `${PREFIX}${key}.bin`);
}

function readCache(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined; // no cache yet (or unreadable): compile from source
  }
}

/** Compiles and runs the bundle as CommonJS would, publishing a handle to save its cache. */
export function runBundle(bundleFile: string, options: BundleOptions): void {
  const cacheDir = options.cacheDir ?? path.join(path.dirname(bundleFile), '.code-cache');
  const cacheFile = cacheFileFor(bundleFile, cacheDir);
  const cachedData = options.cache ? readCache(cacheFile) : undefined;
  // The wrapper Node gives every CommonJS module; a shebang line is not JavaScript.
  const source = readFileSync(bundleFile, 'utf8').replace(/^#!.*/, '');
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    {
      filename: bundleFile,
      cachedData,
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    },
  );
  const status: CodeCacheStatus =
    cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
  if (options.cache) {
    handOver({ codeCache: { status, save: () => saveCache(script, cacheDir, cacheFile) } });
  }
  const module = { exports: {} };
  const run = script.runInThisContext() as (
    exports: object,
    require: NodeJS.Require,
    module: object,
    filename: string,
    dirname: string,
  ) => void;
  run.call(
    module.exports,
    module.exports,
    createRequire(bundleFile),
    module,
    bundleFile,
    path.dirname(bundleFile),
  );
}

async function saveCache(
  script: vm.Script,
  cacheDir: string,
  cacheFile: string,
): Promise<{ file: string; bytes: number }> {
  const data = script.createCachedData();
  await mkdir(cacheDir, { recursive: true });
  // Written aside and renamed, so a start never reads half a cache.
  const partial = `${cacheFile}.${process.pid}.partial`;
  await writeFile(partial, data);
  await rename(partial, cacheFile);
  // Caches of earlier builds or Node versions are never read again, and a partial file older
  // than a minute was left by a process killed while writing.
  for (const name of await readdir(cacheDir)) {
    const file = path.join(cacheDir, name);
    if (!name.startsWith(PREFIX) || file === cacheFile) continue;
    if (name.endsWith('.partial') && Date.now() - (await stat(file)).mtimeMs < 60_000) continue;
    await rm(file, { force: true });
  }
  return { file: cacheFile, bytes: data.byteLength };
}
