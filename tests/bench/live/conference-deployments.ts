/**
 * Where the conference scenario runs. One Accord node on SQLite is the live benchmark's pinned
 * server; PostgreSQL + Redis + N nodes is `npm run cluster` itself (scripts/cluster.mjs, proxy
 * included), spawned pinned to the servers' core so that every process it starts — nodes,
 * Redis, PostgreSQL — inherits the pinning and the harness keeps the other core. Each deployment
 * names the processes whose CPU and RSS the suite samples.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { accordServer, freePort, pinnedNode, SERVER_CORE } from './servers.js';

/** The demo's secretariat: the operator on a server whose demo is on (server/src/demo). */
export const DEMO_OPERATOR = {
  email: 'secretariat@demo.accord.test',
  password: 'accord-demo-2026',
} as const;

export interface SampledProcess {
  name: string;
  pid: number;
}

export interface Deployment {
  readonly label: string;
  readonly httpBase: string;
  /** The websocket base the y-websocket provider appends `/<documentId>` to. */
  readonly wsBase: string;
  /** What to sample now (PostgreSQL's backends exist only once clients are connected). */
  processes(): SampledProcess[];
  /** Each Accord node's HTTP base, to read its /metrics (served to this machine). */
  readonly nodeBases: readonly string[];
  stop(): Promise<void>;
}

const REPO = path.resolve(
  path.dirname(fileURLToPath(import.meta.resolve('@accord/server'))),
  '../..',
);

/** Accord on SQLite, one process: `env` sets the limits the run states in its notes. */
export async function singleNode(
  dataDir: string,
  env: Record<string, string>,
): Promise<Deployment> {
  const server = accordServer(await freePort(), dataDir, {
    ...env,
    // The demo's secretariat opens the conference's negotiation, as on the cluster below.
    ACCORD_DEMO: 'true',
    ACCORD_OPERATORS: DEMO_OPERATOR.email,
  });
  await server.start();
  return {
    label: '1 node, SQLite',
    httpBase: server.httpBase,
    wsBase: server.wsBase,
    processes: () => [{ name: 'node', pid: server.pid() }],
    nodeBases: [server.httpBase],
    stop: () => server.stop(),
  };
}

const READY = /Accord cluster ready: (http:\/\/\S+)/;
const NODE_LINE = /^\s+(node-\d+)\s+(\S+)\s+pid (\d+)/gm;
const POSTGRES_LINE = /^\s+postgres\s+(\S+)/m;

/** Direct children of `pid` (pid and command name). */
function childrenOf(pid: number): SampledProcess[] {
  try {
    return execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(pid)])
      .toString()
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [child, ...name] = line.trim().split(/\s+/);
        return { pid: Number(child), name: name.join(' ') };
      });
  } catch {
    return []; // ps exits 1 when there are none
  }
}

/** The postmaster's pid, from the pid file in its data directory (it runs detached). */
function postmasterOf(dataDir: string): number | undefined {
  try {
    return Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

/** PostgreSQL + Redis + `nodes` Accord nodes behind the cluster proxy (scripts/cluster.mjs). */
export async function cluster(nodes: number, env: Record<string, string>): Promise<Deployment> {
  const script = path.join(REPO, 'scripts', 'cluster.mjs');
  const { command, args } = pinnedNode(SERVER_CORE, [script, '--nodes', String(nodes)]);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    // Node 1 seeds the demo, whose secretariat is the operator (see singleNode).
    ACCORD_DEMO: 'true',
    ACCORD_OPERATORS: DEMO_OPERATOR.email,
    LOG_LEVEL: 'warn',
  };
  const child: ChildProcess = spawn(command, [...args, '--port', '0'], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cluster did not start:\n${output}`)), 240_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = READY.exec(output);
      // The node and store lines follow the "ready" line; wait for the last of them.
      if (ready && /^\s+logs\s/m.test(output)) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cluster exited (${code}):\n${output}`));
    });
  });
  const nodeLines = [...output.matchAll(NODE_LINE)];
  const nodePids = nodeLines.map((m) => ({ name: m[1]!, pid: Number(m[3]) }));
  const postgresDir = POSTGRES_LINE.exec(output)?.[1];
  const clusterPid = child.pid!;
  const known = new Set(nodePids.map((n) => n.pid));
  const origin = new URL(url);
  const proxyBase = `http://127.0.0.1:${origin.port}`;
  return {
    label: `${nodes} node${nodes === 1 ? '' : 's'}, PostgreSQL + Redis`,
    httpBase: proxyBase,
    wsBase: `ws://127.0.0.1:${origin.port}/collab`,
    processes: () => {
      const others = childrenOf(clusterPid).filter((c) => !known.has(c.pid));
      const postmaster = postgresDir ? postmasterOf(postgresDir) : undefined;
      const postgres = postmaster
        ? [
            { name: 'postgres', pid: postmaster },
            ...childrenOf(postmaster).map((c) => ({ name: `postgres: ${c.name}`, pid: c.pid })),
          ]
        : [];
      return [
        ...nodePids,
        { name: 'proxy (cluster.mjs)', pid: clusterPid },
        ...others,
        ...postgres,
      ];
    },
    nodeBases: nodeLines.map((m) => m[2]!),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
