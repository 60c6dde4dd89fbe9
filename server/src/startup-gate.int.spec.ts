import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createLogger } from './observability/logger.js';
import { openStartupGate, type StartupGate } from './startup-gate.js';

const logger = createLogger('silent');
let gate: StartupGate | undefined;

afterEach(async () => {
  await gate?.abort();
  gate = undefined;
});

const base = (g: StartupGate) => `http://127.0.0.1:${g.port}`;

describe('the start-up gate', () => {
  it('answers /healthz 503 while starting, holds other requests, and serves them once open', async () => {
    gate = await openStartupGate({ port: 0, host: '127.0.0.1', logger });
    const health = await fetch(`${base(gate)}/healthz`);
    expect(health.status).toBe(503);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect(await health.json()).toEqual({ status: 'starting' });

    let answered = false;
    const held = fetch(`${base(gate)}/api/anything`).then(async (res) => {
      answered = true;
      return { status: res.status, body: await res.text() };
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(answered).toBe(false);

    gate.open({
      request: (req, res) => res.end(`served ${req.url}`),
      upgrade: (_req, socket: Duplex) => socket.destroy(),
    });
    expect(await held).toEqual({ status: 200, body: 'served /api/anything' });
    expect(await (await fetch(`${base(gate)}/healthz`)).text()).toBe('served /healthz');
  });

  it('holds an upgrade that comes while starting and hands it over once open', async () => {
    gate = await openStartupGate({ port: 0, host: '127.0.0.1', logger });
    const client = new WebSocket(`ws://127.0.0.1:${gate.port}/collab/doc`);
    const opened = new Promise<void>((resolve, reject) => {
      client.once('open', () => resolve());
      client.once('error', reject);
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(client.readyState).toBe(WebSocket.CONNECTING);

    const wss = new WebSocketServer({ noServer: true });
    const upgraded: string[] = [];
    gate.open({
      request: (_req, res) => res.end(),
      upgrade: (req, socket, head) => {
        upgraded.push(req.url ?? '');
        wss.handleUpgrade(req, socket, head, (ws) => ws.close());
      },
    });
    await opened;
    expect(upgraded).toEqual(['/collab/doc']);
    client.terminate();
    wss.close();
  });
});
