// The Accord nodes of `npm run cluster`: `node server/dist/main.js` each, with the shared
// PostgreSQL and Redis, its own id, port and scratch directory, and its output in a log file.
// The first node seeds the demo negotiation on an empty store; the others start once it is
// healthy, so only one of them seeds.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, hasExited, isHealthy, spawnLogged, waitUntil } from './processes.mjs';

/**
 * @param {{
 *   count: number;
 *   repoRoot: string;
 *   postgresUrl: string;
 *   redisUrl: string;
 *   publicUrl: string;
 *   workRoot: string;
 *   logDir: string;
 * }} options
 */
export async function startAccordNodes(options) {
  /** @type {{ id: string; url: string; child: import('node:child_process').ChildProcess; logFile: string }[]} */
  const nodes = [];
  const launch = async (/** @type {number} */ index) => {
    const id = `node-${index}`;
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const dataDir = join(options.workRoot, id);
    mkdirSync(dataDir, { recursive: true });
    const logFile = join(options.logDir, `${id}.log`);
    const child = spawnLogged(process.execPath, [join(options.repoRoot, 'server/dist/main.js')], {
      logFile,
      cwd: options.repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        ACCORD_DATA_DIR: dataDir,
        ACCORD_POSTGRES_URL: options.postgresUrl,
        ACCORD_REDIS_URL: options.redisUrl,
        ACCORD_NODE_ID: id,
        ACCORD_NODE_ADDRESS: url,
        ACCORD_DEMO: index === 1 ? (process.env.ACCORD_DEMO ?? 'true') : 'false',
        // Links in e-mails point at the proxy, where people open Accord.
        ACCORD_PUBLIC_URL: process.env.ACCORD_PUBLIC_URL ?? options.publicUrl,
        NODE_ENV: process.env.NODE_ENV ?? 'production',
      },
    });
    const node = { id, url, child, logFile };
    nodes.push(node);
    await waitUntil(
      () => isHealthy(url, 2_000),
      120_000,
      `${id} (log: ${logFile})`,
      () => (hasExited(child) ? `exited with ${child.exitCode ?? child.signalCode}` : undefined),
    );
    return node;
  };
  try {
    await launch(1);
    await Promise.all(Array.from({ length: options.count - 1 }, (_, i) => launch(i + 2)));
  } catch (error) {
    for (const node of nodes) node.child.kill('SIGKILL');
    throw error;
  }
  return nodes;
}
