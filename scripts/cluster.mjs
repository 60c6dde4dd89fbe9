#!/usr/bin/env node
// `npm run cluster`: Accord's production shape on this machine, without containers. Starts a
// PostgreSQL (the shared event store) and a redis-server (socket.io rooms, per-person budgets,
// document leases), N Accord nodes on them, and a small proxy in front that spreads browsers over
// the live nodes. Prints where to open it; Ctrl-C or SIGTERM stops everything in reverse order.
// Options: see USAGE in scripts/cluster/options.mjs.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAccordNodes } from './cluster/accord-nodes.mjs';
import { parseClusterOptions, USAGE } from './cluster/options.mjs';
import { startPostgres } from './cluster/postgres.mjs';
import { freePort, hasExited, stopChild } from './cluster/processes.mjs';
import { createClusterProxy } from './cluster/proxy.mjs';
import { startRedis } from './cluster/redis.mjs';
import { requireTools } from './cluster/system-tools.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
/** What `npm run build` must have produced before a node can start. */
const BUILT = ['shared/dist/index.js', 'server/dist/main.js', 'client/dist/index.html'];
const say = (/** @type {string} */ line) => console.log(`cluster: ${line}`);

async function main() {
  let options;
  try {
    options = parseClusterOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${/** @type {Error} */ (error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const tools = requireTools(say);
  const dataRoot = options.data ? resolve(options.data) : undefined;
  if (dataRoot) mkdirSync(dataRoot, { recursive: true });
  const workRoot = dataRoot ?? mkdtempSync(join(tmpdir(), 'accord-cluster-'));
  const logDir = options.logs
    ? resolve(options.logs)
    : dataRoot
      ? join(dataRoot, 'logs')
      : mkdtempSync(join(tmpdir(), 'accord-cluster-logs-'));
  mkdirSync(logDir, { recursive: true });
  // mkdtemp makes 0700 directories; as root, PostgreSQL runs as `postgres` and writes its log here.
  if (!options.logs && !dataRoot) chmodSync(logDir, 0o755);

  /** @type {(() => Promise<void>)[]} what to stop, the newest last */
  const stops = [];
  let stopping = false;
  const shutdown = async (/** @type {number} */ code) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    for (const stop of stops.reverse()) {
      await stop().catch((/** @type {Error} */ error) => say(`while stopping: ${error.message}`));
    }
    if (!dataRoot) rmSync(workRoot, { recursive: true, force: true });
    say(`stopped; logs kept in ${logDir}`);
    process.exit(code);
  };
  // npm does not pass SIGTERM on to the script it runs: when npm (our parent) is gone, stop too
  // rather than leave PostgreSQL, Redis and the nodes running with nobody to stop them.
  const parent = process.ppid;
  const orphaned = setInterval(() => {
    if (process.ppid === parent) return;
    say('the process that started the cluster is gone');
    clearInterval(orphaned);
    void shutdown(1);
  }, 1_000);
  orphaned.unref();
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(signal, () => {
      // A second Ctrl-C while stopping: give up waiting.
      if (stopping) process.exit(130);
      void shutdown(0);
    });
  }

  try {
    const missing = BUILT.filter((file) => !existsSync(join(REPO, file)));
    if (missing.length > 0) {
      say(`building (${missing.join(', ')} missing; output in ${join(logDir, 'build.log')})…`);
      execFileSync('sh', ['-c', `npm run build > "${join(logDir, 'build.log')}" 2>&1`], {
        cwd: REPO,
        stdio: 'inherit',
      });
    }
    say('starting PostgreSQL…');
    const postgres = await startPostgres({ bin: tools.postgres, dataRoot, logDir });
    stops.push(() => postgres.stop());
    say('starting Redis…');
    const redis = await startRedis({ bin: tools.redis, dataRoot, logDir });
    stops.push(() => redis.stop());

    const port = options.port === 0 ? await freePort() : options.port;
    const shownHost = ['0.0.0.0', '::'].includes(options.host) ? hostname() : options.host;
    const publicUrl = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
    say(`starting ${options.nodes} Accord node(s)…`);
    const nodes = await startAccordNodes({
      count: options.nodes,
      repoRoot: REPO,
      postgresUrl: postgres.url,
      redisUrl: redis.url,
      publicUrl,
      workRoot,
      logDir,
    });
    stops.push(async () => {
      await Promise.all(nodes.map((node) => stopChild(node.child, 20_000)));
    });
    for (const node of nodes) {
      node.child.on('exit', (code, signal) => {
        if (!stopping) say(`${node.id} exited (${code ?? signal}); see ${node.logFile}`);
      });
    }

    const proxy = createClusterProxy({ nodes, log: (line) => say(`proxy: ${line}`) });
    const url = await proxy.listen(port, options.host);
    stops.push(() => proxy.close());

    console.log(
      [
        '',
        `Accord cluster ready: ${publicUrl}`,
        `  proxy     ${url}  spreads browsers over the live nodes (sticky cookie accord_node)`,
        ...nodes.map(
          (node) =>
            `  ${node.id.padEnd(9)} ${node.url}  pid ${node.child.pid}  log ${node.logFile}`,
        ),
        `  postgres  ${postgres.dataDir}${dataRoot ? '' : ' (deleted on exit)'}`,
        `  redis     ${redis.url}`,
        `  logs      ${logDir}`,
        'Demo accounts: see README (password accord-demo-2026). Ctrl-C stops everything.',
        '',
      ].join('\n'),
    );
    // Every node gone is worth saying once; the proxy keeps answering 503 meanwhile.
    const watch = setInterval(() => {
      if (!stopping && nodes.every((node) => hasExited(node.child))) {
        say('every Accord node has exited; stopping');
        clearInterval(watch);
        void shutdown(1);
      }
    }, 1_000);
    stops.push(async () => clearInterval(watch));
  } catch (error) {
    console.error(`cluster: ${/** @type {Error} */ (error).message}`);
    say(`logs in ${logDir}`);
    await shutdown(1);
  }
}

await main();
