/**
 * What the launcher (`main.ts`) hands to the server it starts (`start.ts`): the listening
 * startup gate it opened before loading the server's code, and the V8 code cache it compiled
 * that code with. The launcher is unbundled ESM and the server usually a CommonJS bundle, two
 * copies of any module they share, so they meet on a global registered symbol instead.
 */
import type { StartupGate } from '../startup-gate.js';

/** What the launcher found: `used` = compiled from the cache; otherwise the server saves one. */
export type CodeCacheStatus = 'used' | 'missing' | 'rejected';

export interface CodeCacheHandle {
  readonly status: CodeCacheStatus;
  /** Writes the code compiled so far (the start's path) as the next start's cache. */
  save(): Promise<{ file: string; bytes: number }>;
}

export interface Handoff {
  codeCache?: CodeCacheHandle;
  /** Listening on PORT and HOST as the launcher read them (see listen-address.ts). */
  gate?: StartupGate;
}

const KEY = Symbol.for('accord.launcher');

type WithHandoff = typeof globalThis & { [KEY]?: Handoff };

export function handOver(part: Handoff): void {
  const global = globalThis as WithHandoff;
  global[KEY] = { ...global[KEY], ...part };
}

/** What the launcher handed over; empty when the server was started some other way. */
export function fromLauncher(): Handoff {
  return (globalThis as WithHandoff)[KEY] ?? {};
}
