// `npm run cluster` as someone runs it: two Accord nodes on a throw-away PostgreSQL and Redis
// behind the proxy. Through the proxy only, a delegate signs in, lists the demo's documents,
// opens the text over a websocket from each node (sticky cookie) and sees the same text, and
// socket.io connects with long-polling then upgrades to a websocket; SIGTERM then stops it all.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPostgres, findRedis } from '../../scripts/cluster/system-tools.mjs';
import { documentSummaryListSchema, negotiationListSchema } from './harness/api-shapes.js';
import { DEMO_PASSWORD } from './harness/accord.js';
import { collabProbe, type Probe } from './harness/collab-probe.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const READY = /Accord cluster ready: (http:\/\/\S+)/;
const missing = [findPostgres() ? '' : 'postgresql', findRedis() ? '' : 'redis-server'].filter(
  Boolean,
);
// Outside CI, a machine without the Debian packages skips this file and says why; CI installs
// them (scripts/system-tools.mjs), so there a missing package fails the run.
if (missing.length > 0 && process.env.CI === 'true') {
  throw new Error(`npm run cluster needs ${missing.join(' and ')}; CI must install them`);
}

/** Signals every process of a group; a group already gone is fine. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: nothing left.
  }
}

describe.skipIf(missing.length > 0)('npm run cluster', () => {
  let cluster: ChildProcess;
  let output = '';
  let url = '';
  let closed = false;
  const probes: Probe[] = [];

  beforeAll(async () => {
    cluster = spawn('npm', ['run', 'cluster', '--', '--nodes', '2', '--port', '0'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a failed test can still stop everything it started.
      detached: true,
    });
    const ready = new Promise<string>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const found = READY.exec(output);
        if (found) resolve(found[1]!);
      };
      cluster.stdout!.on('data', read);
      cluster.stderr!.on('data', read);
      cluster.once('exit', (code) => reject(new Error(`cluster exited (${code}):\n${output}`)));
    });
    cluster.once('close', () => (closed = true));
    url = await ready;
  }, 100_000);

  afterAll(async () => {
    for (const probe of probes) probe.destroy();
    if (!cluster?.pid || closed) return;
    // A failed test: ask the whole group to stop (PostgreSQL is stopped by the script), then
    // kill whatever is left.
    const done = new Promise<void>((resolve) => cluster.once('close', () => resolve()));
    signalGroup(cluster.pid, 'SIGTERM');
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    signalGroup(cluster.pid, 'SIGKILL');
  }, 40_000);

  it('serves the demo through the proxy from both nodes, and stops on SIGTERM', async () => {
    const signIn = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'chair1@demo.accord.test', password: DEMO_PASSWORD }),
    });
    expect(signIn.status).toBe(201);
    const cookies = signIn.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
    const session = cookies.find((cookie) => cookie.startsWith('accord_session='))!;
    const sticky = cookies.find((cookie) => cookie.startsWith('accord_node='))!;
    expect(session).toBeDefined();
    expect(sticky).toMatch(/^accord_node=node-[12]$/);
    const cookie = `${session}; ${sticky}`;

    const read = async (p: string) => {
      const answer = await fetch(`${url}${p}`, { headers: { cookie } });
      expect(answer.status).toBe(200);
      return (await answer.json()) as unknown;
    };
    const [negotiation] = negotiationListSchema.parse(await read('/api/negotiations'));
    const [document] = documentSummaryListSchema.parse(
      await read(`/api/negotiations/${negotiation!.negotiationId}/documents`),
    );

    // One text connection through each node: whichever owns the document serves both.
    for (const node of ['node-1', 'node-2']) {
      const probe = collabProbe(url, document!.documentId, `${session}; accord_node=${node}`);
      probes.push(probe);
      await probe.synced;
    }
    const texts = probes.map((probe) => probe.doc.getXmlFragment('default').toJSON());
    expect(texts[0]!.length).toBeGreaterThan(100);
    expect(texts[1]).toBe(texts[0]);

    // socket.io as the browser uses it: long-polling first (every request on the sticky node),
    // then an upgrade to a websocket.
    const socket = io(url, {
      path: '/socket.io',
      transports: ['polling', 'websocket'],
      extraHeaders: { cookie },
      reconnection: false,
    });
    try {
      const upgraded = new Promise<string>((resolve, reject) => {
        socket.io.engine.on('upgrade', (transport) => resolve(transport.name));
        socket.on('connect_error', reject);
      });
      expect(await upgraded).toBe('websocket');
      expect(socket.connected).toBe(true);
    } finally {
      socket.close();
    }

    for (const probe of probes.splice(0)) probe.destroy();
    // As a terminal's Ctrl-C does, the signal goes to the whole group (npm and the script);
    // 'close' waits for the script too, which holds the output pipes until it is done.
    const stopped = new Promise<void>((resolve) => cluster.once('close', () => resolve()));
    signalGroup(cluster.pid!, 'SIGTERM');
    await stopped;
    expect(output).toMatch(/cluster: stopping…/);
    expect(output).toMatch(/cluster: stopped; logs kept in/);
    expect(output).not.toMatch(/while stopping/);
  }, 90_000);
});
