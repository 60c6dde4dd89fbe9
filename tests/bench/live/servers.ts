/**
 * The servers of the live-editing benchmark, each a child process pinned to core 0: Accord's
 * built server (real sign-in, roles, every update appended to SQLite before it is broadcast), the
 * bare @y/websocket-server 0.1.1 (no auth, no persistence), Hocuspocus 4 with its SQLite extension
 * (a debounced snapshot) and a relay that forwards frames without decoding them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVER_CORE = 0;
export const LOADGEN_CORE = 1;

/** Whether `taskset` can pin processes here (it needs util-linux and at least two cores). */
export const canPin: boolean = (() => {
  const probe = spawnSync('taskset', ['-c', String(LOADGEN_CORE), 'true']);
  return probe.status === 0;
})();

/** Open files a process may have here (the soft limit); each websocket is one. */
export const fdLimit: number = (() => {
  const out = spawnSync('sh', ['-c', 'ulimit -n']).stdout?.toString().trim();
  return out === 'unlimited' ? Infinity : Number(out) || 1024;
})();

/** What 2,000 connections plus the server's own files need. */
export const FD_NEEDED = 8192;

/**
 * The command line for `node args…`, pinned to `core` when taskset works, in a shell that
 * raises the open-file limit first when it is lower than the memory benchmark needs.
 */
export function pinnedNode(core: number, args: string[]): { command: string; args: string[] } {
  const node = canPin
    ? ['taskset', '-c', String(core), process.execPath, ...args]
    : [process.execPath, ...args];
  if (fdLimit >= FD_NEEDED) return { command: node[0]!, args: node.slice(1) };
  return { command: 'sh', args: ['-c', `ulimit -n ${FD_NEEDED} && exec "$@"`, 'sh', ...node] };
}

/** Ports handed out by this process: the kernel may offer one again before its taker binds it. */
const handedOut = new Set<number>();

/** A TCP port nobody listens on right now, and not one this process has handed out before. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

/**
 * Waits until `url` answers; with `ok`, until it answers 2xx. Accord listens early in its start
 * and answers /healthz 503 until it can serve: only its 200 means started.
 */
async function waitForHttp(
  url: string,
  child: ChildProcess,
  ok: boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited (${child.exitCode})`);
    let ready = false;
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      ready = !ok || res.ok;
    } catch {
      // not listening yet
    }
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`${url}: server did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Accord and its peers: `baseline` is the bare y-websocket server. */
export type ServerKind = 'accord' | 'baseline' | 'hocuspocus' | 'relay';
export type PeerKind = Exclude<ServerKind, 'accord'>;

export interface ServerProcess {
  readonly kind: ServerKind;
  readonly port: number;
  /** The websocket base the y-websocket provider appends `/<room>` to. */
  readonly wsBase: string;
  readonly httpBase: string;
  pid(): number;
  start(extraNodeArgs?: string[]): Promise<void>;
  /** SIGTERM and wait for the exit (Accord flushes its last group commit first); SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

class PinnedServer implements ServerProcess {
  private child: ChildProcess | undefined;
  readonly wsBase: string;
  readonly httpBase: string;

  constructor(
    readonly kind: ServerKind,
    readonly port: number,
    private readonly script: string,
    private readonly env: Record<string, string>,
    private readonly readyPath: string,
    wsPath: string,
  ) {
    this.httpBase = `http://127.0.0.1:${port}`;
    this.wsBase = `ws://127.0.0.1:${port}${wsPath}`;
  }

  pid(): number {
    const pid = this.child?.pid;
    if (pid === undefined) throw new Error(`${this.kind} server is not running`);
    return pid;
  }

  async start(extraNodeArgs: string[] = []): Promise<void> {
    const { command, args } = pinnedNode(SERVER_CORE, [...extraNodeArgs, this.script]);
    const env: NodeJS.ProcessEnv = { ...process.env, ...this.env };
    delete env.YPERSISTENCE; // the baseline keeps nothing; Accord ignores it
    const child = spawn(command, args, {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    this.child = child;
    await waitForHttp(`${this.httpBase}${this.readyPath}`, child, this.kind === 'accord');
  }

  async stop(graceMs = 15_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    this.child = undefined;
  }
}

const require = createRequire(import.meta.url);

/** `env` is added to (and overrides) the benchmark's settings, e.g. the soak's explicit limits. */
export function accordServer(
  port: number,
  dataDir: string,
  env: Record<string, string> = {},
): ServerProcess {
  const main = path.join(
    path.dirname(fileURLToPath(import.meta.resolve('@accord/server'))),
    'main.js',
  );
  if (!existsSync(main)) throw new Error(`${main} is missing: build the server first`);
  return new PinnedServer(
    'accord',
    port,
    main,
    {
      PORT: String(port),
      HOST: '127.0.0.1',
      ACCORD_DATA_DIR: dataDir,
      ACCORD_DEMO: 'false',
      // The operator accord-setup.ts creates, who opens the benchmark's negotiation over HTTP.
      ACCORD_OPERATORS: 'secretariat@bench.test',
      // Set-up writes two requests per delegate as one user: no REST write budget applies here.
      ACCORD_REST_WRITES_PER_MINUTE: '1000000',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      ...env,
    },
    '/healthz',
    '/collab',
  );
}

export function baselineServer(port: number): ServerProcess {
  const pkg = require.resolve('@y/websocket-server/package.json');
  const script = path.join(path.dirname(pkg), 'src', 'server.js');
  // No YPERSISTENCE: documents live in memory only, the bare relay Accord is compared with.
  const env: Record<string, string> = { PORT: String(port), HOST: '127.0.0.1' };
  return new PinnedServer('baseline', port, script, env, '/', '');
}

const peerScript = (name: string) => fileURLToPath(new URL(`./peers/${name}.js`, import.meta.url));

/** Hocuspocus with its SQLite extension at default settings, storing into `databaseFile`. */
export function hocuspocusServer(port: number, databaseFile: string): ServerProcess {
  const env = { PORT: String(port), HOCUSPOCUS_DATABASE: databaseFile, NODE_ENV: 'production' };
  return new PinnedServer('hocuspocus', port, peerScript('hocuspocus-peer'), env, '/', '');
}

/** The relay: frames forwarded to the room unread, nothing kept. */
export function relayServer(port: number): ServerProcess {
  const env = { PORT: String(port), NODE_ENV: 'production' };
  return new PinnedServer('relay', port, peerScript('relay-peer'), env, '/', '');
}
