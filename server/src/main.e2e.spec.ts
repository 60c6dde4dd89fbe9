import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openSqliteEventStore } from './eventstore/sqlite/sqlite-event-store.js';
import { collect } from './eventstore/port.js';
import { withTempDir } from './test-support/temp-dir.js';

const dist = path.resolve(import.meta.dirname, '../dist');
const main = path.join(dist, 'main.js');

interface LogLine {
  msg?: string;
  url?: string;
}

/** `node dist/main.js` on `dir`, resolved once it logs that it is listening. */
async function startBuilt(dir: string, port = 0) {
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ACCORD_DATA_DIR: dir,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const logs: LogLine[] = [];
  const waiters: Array<{ msg: string; found: () => void }> = [];
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    const entry = JSON.parse(line) as LogLine;
    logs.push(entry);
    for (const waiter of waiters) if (entry.msg === waiter.msg) waiter.found();
  });
  /** Resolves when a line with one of these messages has been (or is) logged. */
  const logged = (...messages: string[]) =>
    new Promise<LogLine>((resolve, reject) => {
      const seen = logs.find((l) => l.msg !== undefined && messages.includes(l.msg));
      if (seen) return resolve(seen);
      for (const msg of messages) {
        waiters.push({ msg, found: () => resolve(logs.findLast((l) => l.msg === msg)!) });
      }
      void exited.then((code) => reject(new Error(`exited with ${code} before "${messages[0]}"`)));
    });
  const { url } = await logged('Accord is listening');
  const stop = async () => {
    child.kill('SIGTERM');
    return exited;
  };
  return { url: url!, logs, logged, stop };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'accord-demo-2026' }),
  });
  expect(res.status).toBe(201);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

describe('the accord process (built)', () => {
  it('starts with the demo, serves /healthz, and shuts down cleanly on SIGTERM', async () => {
    expect(existsSync(main), `${main} is missing: npm test builds it first`).toBe(true);
    await withTempDir(async (dir) => {
      const accord = await startBuilt(dir);
      const health = await fetch(`${accord.url}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'ok', store: 'sqlite' });

      // The first start seeded the demo, and a demo account from the README signs in.
      const cookie = await signIn(accord.url, 'mru@demo.accord.test');
      const negotiations = await fetch(`${accord.url}/api/negotiations`, { headers: { cookie } });
      const titles = ((await negotiations.json()) as { title: string }[]).map((n) => n.title);
      expect(titles).toHaveLength(1);
      expect(titles[0]).toContain('Extreme Heat');

      expect(await accord.stop()).toBe(0);
      expect(accord.logs.map((l) => l.msg)).toContain('shut down cleanly');

      // The store was closed cleanly: it opens again and reads the whole demo record.
      const store = openSqliteEventStore({ file: path.join(dir, 'accord.sqlite') });
      const events = await collect(store.readAll());
      expect(events.some((e) => e.type === 'NegotiationOpened')).toBe(true);
      await store.close();
    });
  });

  it('answers /healthz "starting" while it starts, then ready, and never refuses in between', async () => {
    await withTempDir(async (dir) => {
      const port = await freePort();
      const answers: number[] = [];
      let polling = true;
      const poll = (async () => {
        while (polling) {
          const status = await fetch(`http://127.0.0.1:${port}/healthz`).then(
            (res) => res.status,
            () => 0, // not listening yet
          );
          if (status !== 0 && answers.at(-1) !== status) answers.push(status);
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();
      const accord = await startBuilt(dir, port);
      await accord.logged('started from the code cache', 'start-up code cache saved');
      polling = false;
      await poll;
      // 503 while the server's code loads and the store opens, then 200, never refused between.
      expect(answers).toEqual([503, 200]);
      expect(await accord.stop()).toBe(0);
    });
  });

  it('runs the bundle: a restart compiles from the code cache, and files beside the code are found', async () => {
    expect(existsSync(path.join(dist, 'accord.cjs')), 'the build bundles the server').toBe(true);
    await withTempDir(async (dir) => {
      // A start either finds the cache an earlier start of this build saved, or saves one.
      const first = await startBuilt(dir);
      await first.logged('start-up code cache saved', 'started from the code cache');
      expect(await first.stop()).toBe(0);

      const accord = await startBuilt(dir);
      await accord.logged('started from the code cache');

      // The browser app beside the server package, when it is built.
      if (existsSync(path.resolve(dist, '../../client/dist/index.html'))) {
        const page = await fetch(`${accord.url}/`);
        expect(await page.text()).toContain('<div id="root">');
      }
      // A PDF: rendered by the worker pool's script under dist/workers, with pdfkit's own files.
      const cookie = await signIn(accord.url, 'chair1@demo.accord.test');
      const [negotiation] = (await (
        await fetch(`${accord.url}/api/negotiations`, { headers: { cookie } })
      ).json()) as { negotiationId: string }[];
      const [document] = (await (
        await fetch(`${accord.url}/api/negotiations/${negotiation!.negotiationId}/documents`, {
          headers: { cookie },
        })
      ).json()) as { documentId: string }[];
      const pdf = await fetch(
        `${accord.url}/api/documents/${document!.documentId}/export?format=pdf`,
        {
          headers: { cookie },
        },
      );
      expect(pdf.status).toBe(200);
      expect(
        Buffer.from(await pdf.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
      const metrics = await (await fetch(`${accord.url}/metrics`)).text();
      expect(metrics).toMatch(/^accord_worker_threads [1-9]/m);
      expect(await accord.stop()).toBe(0);
    });
  });
});
