/**
 * How the launcher (`main.ts`) and the bundled server it runs (`start.ts`) talk about the V8
 * code cache. They are two copies of the code (the launcher is unbundled ESM, the server one
 * CommonJS bundle), so they meet on a global registered symbol rather than a shared module.
 */

/** What the launcher found: `used` = compiled from the cache; otherwise the server saves one. */
export type CodeCacheStatus = 'used' | 'missing' | 'rejected';

export interface CodeCacheHandle {
  readonly status: CodeCacheStatus;
  /** Writes the code compiled so far (the start's path) as the next start's cache. */
  save(): Promise<{ file: string; bytes: number }>;
}

const KEY = Symbol.for('accord.codeCache');

type WithHandle = typeof globalThis & { [KEY]?: CodeCacheHandle };

export function publishCodeCache(handle: CodeCacheHandle): void {
  (globalThis as WithHandle)[KEY] = handle;
}

/** The launcher's handle, or undefined when the server was started without the bundle. */
export function codeCacheHandle(): CodeCacheHandle | undefined {
  return (globalThis as WithHandle)[KEY];
}
