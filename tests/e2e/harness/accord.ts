// The real Accord server for browser tests: the built server on a fresh temporary data directory
// seeded with the demo negotiation (it serves the built client itself), and a few look-ups the
// tests need.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { collect, loadConfig, startServer, type RunningServer } from '@accord/server';
import { docTextStream } from '@accord/shared';
import type { z } from 'zod';
import { documentSummaryListSchema, negotiationListSchema } from './api-shapes.js';

export const CLIENT_DIST = path.resolve(import.meta.dirname, '../../../client/dist');
export const DEMO_PASSWORD = 'accord-demo-2026';

export interface Accord {
  server: RunningServer;
  url: string;
  negotiationId: string;
  documentId: string;
  /** How many text updates the document's log holds. */
  textEvents(): Promise<number>;
  close(): Promise<void>;
}

export async function startAccord(): Promise<Accord> {
  if (!existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    throw new Error(`${CLIENT_DIST} is missing: build the client first (npm run build)`);
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'accord-e2e-'));
  const server = await startServer(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      ACCORD_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      ACCORD_DEMO: 'true',
    }),
  );
  // The browser must call the server by the name it listens on, so cookies and Origin agree.
  const url = server.url;
  const chair = await signIn(url, 'chair1');
  const negotiations = await chair.get('/api/negotiations', negotiationListSchema);
  const negotiationId = negotiations[0]!.negotiationId;
  const documents = await chair.get(
    `/api/negotiations/${negotiationId}/documents`,
    documentSummaryListSchema,
  );
  const documentId = documents[0]!.documentId;
  return {
    server,
    url,
    negotiationId,
    documentId,
    textEvents: async () =>
      (await collect(server.store.readStream(docTextStream(documentId)))).length,
    close: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiSession {
  cookie: string;
  /** GETs a path and checks the answer against the schema of what the test will read. */
  get<T>(path: string, schema: z.ZodType<T>): Promise<T>;
  /** Sends a command as the app does (JSON, an Idempotency-Key); throws unless it succeeded. */
  send(method: 'POST' | 'PUT', path: string, body: unknown): Promise<unknown>;
}

/** Signs a demo account in over HTTP (for set-up and for probing the server directly). */
export async function signIn(url: string, key: string): Promise<ApiSession> {
  const response = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${key}@demo.accord.test`, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in of ${key} failed: ${response.status}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return {
    cookie,
    get: async (p, schema) => {
      const answer = await fetch(`${url}${p}`, { headers: { cookie } });
      if (!answer.ok) throw new Error(`GET ${p}: ${answer.status}`);
      return schema.parse(await answer.json());
    },
    send: async (method, p, body) => {
      const answer = await fetch(`${url}${p}`, {
        method,
        headers: {
          cookie,
          origin: url,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: JSON.stringify(body),
      });
      if (!answer.ok) throw new Error(`${method} ${p}: ${answer.status} ${await answer.text()}`);
      return (await answer.json()) as unknown;
    },
  };
}
