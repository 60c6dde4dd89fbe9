/**
 * The built server (`dist/main.js`) as a child process in its own process group, for crash
 * tests: start it on a data dir, wait until it listens, kill the whole group with SIGKILL (as
 * an OOM killer or a pulled plug would), and start it again on the same data dir and port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const builtMain = path.resolve(import.meta.dirname, '../../../dist/main.js');

export interface AccordProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  pid: number;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  exited: Promise<number | null>;
  /** SIGKILL to the whole process group; resolves once the leader has exited. */
  killHard(): Promise<void>;
  /** SIGTERM (a clean shutdown) and wait for the exit. */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  dataDir: string;
  /** 0 picks a free port; a restart passes the port of the first start. */
  port: number;
  env?: Record<string, string>;
  /** How long the start (demo seeding included) may take on a loaded machine. */
  timeoutMs?: number;
  /** Sees every line the server writes to stdout or stderr (e.g. to collect its warnings). */
  onLogLine?: (line: string) => void;
}

/** Starts `dist/main.js` detached (its own process group) and waits for "Accord is listening". */
export async function startAccord(options: StartOptions): Promise<AccordProcess> {
  const child = spawn(process.execPath, [builtMain], {
    detached: true,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      ACCORD_DATA_DIR: options.dataDir,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the server process did not start');
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stderrTail = keepTail(child, options.onLogLine);

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(pid);
      reject(new Error(`the server did not listen within ${options.timeoutMs ?? 60_000} ms`));
    }, options.timeoutMs ?? 60_000);
    // Reading every line also keeps the pipe drained, so logging never blocks the server.
    createInterface({ input: child.stdout }).on('line', (line) => {
      options.onLogLine?.(line);
      const entry = parseLogLine(line);
      if (entry?.msg === 'Accord is listening' && typeof entry.url === 'string') {
        clearTimeout(timer);
        resolve(entry.url);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited early with ${code}: ${stderrTail().join('\n')}`));
    });
  });

  return {
    url,
    port: Number(new URL(url).port),
    pid,
    exited,
    killHard: async () => {
      killGroup(pid, 'SIGKILL');
      await exited;
    },
    stop: async () => {
      killGroup(pid, 'SIGTERM');
      return exited;
    },
  };
}

/** Signals the process group led by `pid`; a group already gone is not an error. */
function killGroup(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function parseLogLine(line: string): { msg?: unknown; url?: unknown } | undefined {
  try {
    return JSON.parse(line) as { msg?: unknown; url?: unknown };
  } catch {
    return undefined;
  }
}

/** The last lines of the child's stderr, for the message when it fails to start. */
function keepTail(child: ChildProcess, onLine?: (line: string) => void, max = 30): () => string[] {
  const lines: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => {
    onLine?.(line);
    lines.push(line);
    if (lines.length > max) lines.shift();
  });
  return () => lines;
}
