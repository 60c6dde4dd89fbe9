import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openSqliteEventStore } from './eventstore/sqlite/sqlite-event-store.js';
import { collect } from './eventstore/port.js';
import { withTempDir } from './test-support/temp-dir.js';

const main = path.resolve(import.meta.dirname, '../dist/main.js');

describe('the accord process (built)', () => {
  it('starts with the demo, serves /healthz, and shuts down cleanly on SIGTERM', async () => {
    expect(existsSync(main), `${main} is missing: npm test builds it first`).toBe(true);
    await withTempDir(async (dir) => {
      const child = spawn(process.execPath, [main], {
        env: {
          ...process.env,
          PORT: '0',
          HOST: '127.0.0.1',
          ACCORD_DATA_DIR: dir,
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (code) => resolve(code)),
      );
      const lines = createInterface({ input: child.stdout });
      const logs: { msg?: string; url?: string }[] = [];
      const url = await new Promise<string>((resolve, reject) => {
        lines.on('line', (line) => {
          const entry = JSON.parse(line) as { msg?: string; url?: string };
          logs.push(entry);
          if (entry.msg === 'Accord is listening' && entry.url) resolve(entry.url);
        });
        void exited.then((code) => reject(new Error(`exited early with ${code}`)));
      });
      const health = await fetch(`${url}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'ok', store: 'sqlite' });

      // The first start seeded the demo, and a demo account from the README signs in.
      const signIn = await fetch(`${url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'mru@demo.accord.test', password: 'accord-demo-2026' }),
      });
      expect(signIn.status).toBe(201);
      const negotiations = await fetch(`${url}/api/negotiations`, {
        headers: { cookie: (signIn.headers.get('set-cookie') ?? '').split(';')[0]! },
      });
      const titles = ((await negotiations.json()) as { title: string }[]).map((n) => n.title);
      expect(titles).toHaveLength(1);
      expect(titles[0]).toContain('Extreme Heat');

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(logs.map((l) => l.msg)).toContain('shut down cleanly');

      // The store was closed cleanly: it opens again and reads the whole demo record.
      const store = openSqliteEventStore({ file: path.join(dir, 'accord.sqlite') });
      const events = await collect(store.readAll());
      expect(events.some((e) => e.type === 'NegotiationOpened')).toBe(true);
      await store.close();
    });
  });
});
