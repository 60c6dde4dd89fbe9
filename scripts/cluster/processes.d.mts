// Types of processes.mjs, for the TypeScript tests that import it.
import type { ChildProcess } from 'node:child_process';

export declare function spawnLogged(
  command: string,
  args: readonly string[],
  options: { logFile: string; env?: NodeJS.ProcessEnv; cwd?: string },
): ChildProcess;
export declare function hasExited(child: ChildProcess): boolean;
export declare function stopChild(child: ChildProcess, graceMs: number): Promise<void>;
export declare function freePort(): Promise<number>;
export declare function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
  gaveUp?: () => string | undefined,
): Promise<void>;
export declare function isHealthy(origin: string, timeoutMs: number): Promise<boolean>;
