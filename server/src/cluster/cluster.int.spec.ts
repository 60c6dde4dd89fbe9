// Document ownership across nodes on a real redis-server: one owner per document, a lease that
// lapses when its owner stops renewing and is then taken over, a lost lease reported; and an
// upgrade forwarded to the owner byte for byte, both ways.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'redis';
import { WebSocket, WebSocketServer } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startThrowawayRedis,
  type ThrowawayRedis,
} from '../limits/test-support/throwaway-redis.js';
import { DocumentLeases } from './document-leases.js';
import { forwardUpgrade, FORWARDED_HEADER, wasForwarded } from './upgrade-forwarder.js';

let redis: ThrowawayRedis;
const clients: { destroy(): void }[] = [];
const leases: DocumentLeases[] = [];

async function client() {
  const c = createClient({ url: redis.url });
  c.on('error', () => undefined);
  await c.connect();
  clients.push(c);
  return c;
}

async function node(
  nodeId: string,
  options: { ttlMs?: number; onLost?: (d: string) => void } = {},
) {
  const l = new DocumentLeases({
    redis: await client(),
    nodeId,
    address: `http://127.0.0.1:${nodeId === 'a' ? 4001 : 4002}`,
    ttlMs: options.ttlMs ?? 10_000,
    renewEveryMs: 60_000, // the tests renew by hand
    ...(options.onLost ? { onLost: options.onLost } : {}),
  });
  await l.announce();
  leases.push(l);
  return l;
}

beforeAll(async () => {
  redis = await startThrowawayRedis();
});

afterAll(async () => {
  for (const l of leases) await l.stop().catch(() => undefined);
  for (const c of clients) c.destroy();
  await redis.stop();
});

describe('document leases', () => {
  it('gives each document one owner and tells the others where it lives', async () => {
    const [a, b] = [await node('a'), await node('b')];
    expect(await a.claim('doc-1')).toEqual({ mine: true });
    expect(await b.claim('doc-1')).toEqual({
      mine: false,
      owner: 'a',
      address: 'http://127.0.0.1:4001',
    });
    expect(await a.claim('doc-1')).toEqual({ mine: true });
    // Another document may go to the other node.
    expect(await b.claim('doc-2')).toEqual({ mine: true });
  });

  it('hands a document over at once when its owner releases it', async () => {
    const [a, b] = [await node('a'), await node('b')];
    await a.claim('doc-3');
    await a.release('doc-3');
    expect(await b.claim('doc-3')).toEqual({ mine: true });
  });

  it('lets a dead owner’s lease lapse, and reports it lost if the owner comes back', async () => {
    const lost: string[] = [];
    const a = await node('a', { ttlMs: 300, onLost: (d) => lost.push(d) });
    const b = await node('b', { ttlMs: 300 });
    await a.claim('doc-4');
    // a stops renewing (paused, or killed): after the TTL b takes the document over.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await b.claim('doc-4')).toEqual({ mine: true });
    await a.renew();
    expect(lost).toEqual(['doc-4']);
    expect(a.holds('doc-4')).toBe(false);
  });

  it('takes back a lease nobody holds any more, as after Redis restarted empty', async () => {
    const lost: string[] = [];
    const a = await node('a', { ttlMs: 300, onLost: (d) => lost.push(d) });
    const b = await node('b', { ttlMs: 300 });
    await a.claim('doc-5');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await a.renew();
    expect(lost).toEqual([]);
    expect(a.holds('doc-5')).toBe(true);
    expect(await b.claim('doc-5')).toEqual({
      mine: false,
      owner: 'a',
      address: 'http://127.0.0.1:4001',
    });
  });
});

describe('forwarding an upgrade to the owner', () => {
  let owner: Server;
  let front: Server;
  const seenForwarded: (string | undefined)[] = [];

  beforeAll(async () => {
    owner = createServer();
    const wss = new WebSocketServer({ noServer: true });
    owner.on('upgrade', (req, socket, head) => {
      seenForwarded.push(req.headers[FORWARDED_HEADER] as string | undefined);
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.send(`hello ${req.headers.cookie ?? 'nobody'}`);
        ws.on('message', (data, binary) => ws.send(data, { binary }));
      });
    });
    owner.listen(0, '127.0.0.1');
    await once(owner, 'listening');
    const ownerUrl = new URL(`http://127.0.0.1:${(owner.address() as AddressInfo).port}`);
    front = createServer();
    front.on('upgrade', (req, socket, head) => {
      if (wasForwarded(req)) return socket.destroy();
      void forwardUpgrade(req, socket, head, ownerUrl, 'front');
    });
    front.listen(0, '127.0.0.1');
    await once(front, 'listening');
  });

  afterAll(() => {
    owner.closeAllConnections();
    front.closeAllConnections();
    owner.close();
    front.close();
  });

  it('carries the handshake, the cookie and binary frames both ways', async () => {
    const port = (front.address() as AddressInfo).port;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/collab/doc-1`, {
      headers: { cookie: 'accord_session=abc' },
    });
    const messages: (string | Buffer)[] = [];
    ws.on('message', (data: Buffer, binary) =>
      messages.push(binary ? data : data.toString('utf8')),
    );
    await once(ws, 'open');
    ws.send(Buffer.from([0, 1, 2, 250]));
    await expect.poll(() => messages.length).toBe(2);
    expect(messages[0]).toBe('hello accord_session=abc');
    expect([...(messages[1] as Buffer)]).toEqual([0, 1, 2, 250]);
    expect(seenForwarded).toEqual(['front']);
    ws.close();
  });

  it('answers 503 when the owner cannot be reached', async () => {
    const dead = createServer();
    dead.on('upgrade', (req, socket, head) => {
      void forwardUpgrade(req, socket, head, new URL('http://127.0.0.1:1'), 'front');
    });
    dead.listen(0, '127.0.0.1');
    await once(dead, 'listening');
    const ws = new WebSocket(`ws://127.0.0.1:${(dead.address() as AddressInfo).port}/collab/x`);
    const [, response] = (await once(ws, 'unexpected-response')) as [
      unknown,
      { statusCode: number },
    ];
    expect(response.statusCode).toBe(503);
    dead.close();
  });
});
