// The parts of `npm run cluster` that decide where a request goes, without PostgreSQL or Accord:
// the node pool's rules (stickiness, turns, when a node counts as down and up again), the command
// line, and the proxy itself in front of two small stand-in nodes — HTTP, websocket upgrades, a
// node that dies and comes back, and no node at all.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import {
  FAILURES_TO_DOWN,
  NodePool,
  stickyCookie,
  stickyNodeOf,
} from '../../scripts/cluster/node-pool.mjs';
import { parseClusterOptions } from '../../scripts/cluster/options.mjs';
import { freePort } from '../../scripts/cluster/processes.mjs';
import { createClusterProxy, type ClusterProxy } from '../../scripts/cluster/proxy.mjs';

const twoNodes = [
  { id: 'node-a', url: 'http://127.0.0.1:1' },
  { id: 'node-b', url: 'http://127.0.0.1:2' },
];

describe('the node pool', () => {
  it('takes turns among live nodes and keeps a sticky browser on its node', () => {
    const pool = new NodePool(twoNodes);
    const turns = [1, 2, 3, 4].map(() => pool.pick(undefined)?.id);
    expect(turns).toEqual(['node-a', 'node-b', 'node-a', 'node-b']);
    expect([1, 2, 3].map(() => pool.pick('node-b')?.id)).toEqual(['node-b', 'node-b', 'node-b']);
    expect(pool.pick('node-x')?.id).toMatch(/^node-[ab]$/);
    expect(pool.pick('node-b', new Set(['node-b']))?.id).toBe('node-a');
    expect(pool.pick(undefined, new Set(['node-a', 'node-b']))).toBeUndefined();
  });

  it('marks a node down after failed checks in a row, or at once when it refuses connections', () => {
    const pool = new NodePool(twoNodes);
    for (let i = 1; i < FAILURES_TO_DOWN; i++) expect(pool.report('node-a', false)).toBeUndefined();
    expect(pool.report('node-a', false)).toBe('down');
    expect(pool.live().map((n) => n.id)).toEqual(['node-b']);
    expect(pool.pick('node-a')?.id).toBe('node-b');
    expect(pool.report('node-a', true)).toBe('up');
    expect(pool.report('node-a', true)).toBeUndefined();

    expect(pool.unreachable('node-b')).toBe('down');
    expect(pool.unreachable('node-b')).toBeUndefined();
    expect(pool.pick('node-b')?.id).toBe('node-a');
    // One good check is enough to come back: a node that answers /healthz serves again.
    expect(pool.report('node-b', true)).toBe('up');
  });

  it('reads and writes the sticky cookie', () => {
    expect(stickyNodeOf(undefined)).toBeUndefined();
    expect(stickyNodeOf('accord_session=abc; accord_node=node-2; other=x')).toBe('node-2');
    expect(stickyNodeOf('accord_nodes=node-2')).toBeUndefined();
    expect(stickyCookie('node-2')).toBe('accord_node=node-2; Path=/; HttpOnly; SameSite=Lax');
    expect(() => new NodePool([{ id: 'bad id;', url: 'http://127.0.0.1:1' }])).toThrow();
    expect(() => new NodePool([])).toThrow();
  });
});

describe('the command line', () => {
  it('has defaults and refuses values out of range', () => {
    expect(parseClusterOptions([])).toEqual({
      help: false,
      nodes: 2,
      port: 8080,
      host: '127.0.0.1',
      data: undefined,
      logs: undefined,
    });
    expect(parseClusterOptions(['--nodes', '3', '--port', '0', '--data', '/tmp/x'])).toMatchObject({
      nodes: 3,
      port: 0,
      data: '/tmp/x',
    });
    expect(parseClusterOptions(['--help'])).toEqual({ help: true });
    expect(() => parseClusterOptions(['--nodes', '0'])).toThrow(/--nodes/);
    expect(() => parseClusterOptions(['--nodes', '2.5'])).toThrow(/--nodes/);
    expect(() => parseClusterOptions(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseClusterOptions(['--colour'])).toThrow();
  });
});

/** A stand-in node: says who it is and what it was sent, and echoes websocket messages. */
interface FakeNode {
  id: string;
  url: string;
  port: number;
  close(): Promise<void>;
}

async function startFakeNode(id: string, port = 0): Promise<FakeNode> {
  const server = http.createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'own=1; Path=/' });
      res.end(
        JSON.stringify({
          node: id,
          host: req.headers.host,
          forwardedFor: req.headers['x-forwarded-for'],
          body,
        }),
      );
    });
  });
  const sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket) => {
    socket.on('message', (data: Buffer) => socket.send(`${id}:${data.toString()}`));
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const bound = (server.address() as AddressInfo).port;
  return {
    id,
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

interface Answer {
  status: number;
  node: string | undefined;
  cookies: string[];
  body: Record<string, unknown>;
}

async function get(
  url: string,
  headers: Record<string, string> = {},
  init: RequestInit = {},
): Promise<Answer> {
  const response = await fetch(url, { ...init, headers });
  const body = (await response.json()) as Record<string, unknown>;
  return {
    status: response.status,
    node: typeof body.node === 'string' ? body.node : undefined,
    cookies: response.headers.getSetCookie(),
    body,
  };
}

async function echoThrough(url: string, cookie: string): Promise<string> {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/collab/doc-1`, {
    headers: { cookie },
  });
  await once(socket, 'open');
  socket.send('hello');
  const [reply] = (await once(socket, 'message')) as [Buffer];
  socket.close();
  return reply.toString();
}

describe('picking ports', () => {
  it('never hands out a port twice, though each is free again once probed', async () => {
    // The proxy's port is picked before the nodes start; a node once got the same one.
    const ports: number[] = [];
    for (let i = 0; i < 200; i++) ports.push(await freePort());
    expect(new Set(ports).size).toBe(ports.length);
  });
});

describe('the cluster proxy', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp(): Promise<{ a: FakeNode; b: FakeNode; proxy: ClusterProxy; url: string }> {
    const a = await startFakeNode('node-a');
    const b = await startFakeNode('node-b');
    const proxy = createClusterProxy({
      nodes: [a, b],
      healthIntervalMs: 60_000,
      healthTimeoutMs: 500,
    });
    const url = await proxy.listen(0, '127.0.0.1');
    cleanups.push(
      () => proxy.close(),
      () => a.close(),
      () => b.close(),
    );
    return { a, b, proxy, url };
  }

  it('spreads new browsers over the nodes and keeps each on its node by cookie', async () => {
    const { url } = await setUp();
    const first = await get(`${url}/api/x`);
    const second = await get(`${url}/api/x`);
    expect([first.node, second.node].sort()).toEqual(['node-a', 'node-b']);
    // The node's own cookies pass, and the proxy adds the one naming the node.
    expect(first.cookies).toEqual(['own=1; Path=/', stickyCookie(first.node!)]);
    const stuck = await Promise.all(
      [1, 2, 3, 4].map(() => get(`${url}/api/x`, { cookie: `accord_node=${second.node!}` })),
    );
    expect(stuck.map((answer) => answer.node)).toEqual(Array(4).fill(second.node));
    // Already stuck to the node that answered: no cookie to set again.
    expect(stuck[0]!.cookies).toEqual(['own=1; Path=/']);
    // The Host passes unchanged (nodes compare it with Origin); the client's address is set by
    // the proxy, whatever the client claimed.
    const claimed = await get(`${url}/api/x`, { 'x-forwarded-for': '203.0.113.9' });
    expect(claimed.body.host).toBe(new URL(url).host);
    expect(claimed.body.forwardedFor).toBe('127.0.0.1');
  });

  it('tunnels websocket upgrades to the sticky node', async () => {
    const { url } = await setUp();
    expect(await echoThrough(url, 'accord_node=node-b')).toBe('node-b:hello');
    expect(await echoThrough(url, 'accord_node=node-a')).toBe('node-a:hello');
  });

  it('sends a write refused by a dead node to another node, body and all', async () => {
    const { b, proxy, url } = await setUp();
    await b.close();
    // The pool still believes node-b is up: no check has run since it died.
    expect(proxy.pool.live()).toHaveLength(2);
    const answer = await get(
      `${url}/api/x`,
      { cookie: 'accord_node=node-b', 'content-type': 'application/json' },
      { method: 'POST', body: '{"motion":"adopt"}' },
    );
    expect(answer).toMatchObject({ status: 200, node: 'node-a' });
    expect(answer.body.body).toBe('{"motion":"adopt"}');
    expect(proxy.pool.live().map((n) => n.id)).toEqual(['node-a']);
  });

  it('stops sending to a node that died and sends to it again once it answers', async () => {
    const { a, b, proxy, url } = await setUp();
    await b.close();
    // The first request meets a refused connection and is sent again to the other node.
    const answer = await get(`${url}/api/x`, { cookie: 'accord_node=node-b' });
    expect(answer.node).toBe('node-a');
    expect(answer.cookies).toContain(stickyCookie('node-a'));
    expect(proxy.pool.live().map((n) => n.id)).toEqual(['node-a']);
    expect(await echoThrough(url, 'accord_node=node-b')).toBe('node-a:hello');
    await proxy.checkNow();
    expect(proxy.pool.live().map((n) => n.id)).toEqual(['node-a']);

    const back = await startFakeNode('node-b', b.port);
    cleanups.push(() => back.close());
    await proxy.checkNow();
    expect(proxy.pool.live().map((n) => n.id)).toEqual(['node-a', 'node-b']);
    expect((await get(`${url}/api/x`, { cookie: 'accord_node=node-b' })).node).toBe('node-b');

    // No node left: 503 with a problem, and upgrades are refused the same way.
    await a.close();
    await back.close();
    await proxy.checkNow();
    await proxy.checkNow();
    const none = await get(`${url}/api/x`);
    expect(none.status).toBe(503);
    expect(none.body).toMatchObject({ status: 503, title: 'No Accord node is available' });
  });
});
