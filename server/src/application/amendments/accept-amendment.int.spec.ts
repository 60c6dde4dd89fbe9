/**
 * The acceptance defect: accepting records `AmendmentAccepted`, and the words must reach the
 * text even when applying them fails at first. A fault is injected into the text port; the
 * decision is recorded without the words; once the fault clears they arrive, exactly once,
 * also after the server (and its reactor) restarts and reads the log again.
 */
import { randomUUID } from 'node:crypto';
import { docTextStream } from '@accord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { collect } from '../../eventstore/port.js';
import { openReadModelDb, readModelFile } from '../../readmodels/read-model-db.js';
import { startServer, type RunningServer } from '../../server.js';
import {
  createNegotiationFixture,
  type NegotiationFixture,
} from '../../test-support/negotiation-fixture.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import type { DocumentText } from '../ports.js';
import { AMENDMENT_TEXT_REACTOR } from './amendment-text-work.js';

/** The text port, failing to apply amendments while `failing` is set. */
const fault = { failing: false, attempts: 0 };
const faultyText = (text: DocumentText): DocumentText => ({
  ...text,
  async applyAmendment(...args) {
    fault.attempts += 1;
    if (fault.failing) throw new Error('injected fault: the text is unavailable');
    return text.applyAmendment(...args);
  },
});

const until = async (condition: () => Promise<boolean> | boolean, what: string) => {
  for (let i = 0; i < 200; i += 1) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting until ${what}`);
};

describe('accepting an amendment when the text step fails', () => {
  let dataDir: { dir: string; remove(): Promise<void> };
  let server: RunningServer;
  let fx: NegotiationFixture;

  const start = () =>
    startServer(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        ACCORD_DATA_DIR: dataDir.dir,
        LOG_LEVEL: 'silent',
        ACCORD_DEMO: 'false',
      }),
      {
        decorateText: faultyText,
        application: {
          textWaitMs: 300,
          retry: { firstDelayMs: 20, maxDelayMs: 100, stuckAfterAttempts: 3 },
        },
      },
    );

  beforeAll(async () => {
    dataDir = await makeTempDir();
    server = await start();
    fx = await createNegotiationFixture(server);
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await dataDir.remove();
  });

  const updatesApplying = async (amendmentId: string) =>
    (await collect(server.store.readStream(docTextStream(fx.documents.formal)))).filter(
      (e) => e.metadata.amendmentId === amendmentId,
    ).length;
  const stuckGauge = async () =>
    (await server.metrics.reactorStuck.get()).values.find(
      (v) => v.labels.reactor === AMENDMENT_TEXT_REACTOR,
    )?.value ?? 0;

  it('answers 200 with the words in place when the text step works', async () => {
    const documentId = fx.documents.formal;
    const paragraph = (await server.text.paragraphs(documentId))[0]!;
    const tabled = await fx.clients.delegate.post<{ amendmentId: string }>(
      `/api/documents/${documentId}/amendments`,
      {
        paragraphId: paragraph.id,
        kind: 'insert',
        range: { start: 0, end: 0 },
        proposedText: 'Firmly ',
        rationale: '',
      },
    );
    expect(tabled.status).toBe(201);
    const accepted = await fx.clients.chair.post<{ textApplied: boolean }>(
      `/api/amendments/${tabled.body.amendmentId}/accept`,
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.textApplied).toBe(true);
    expect((await server.text.paragraphs(documentId))[0]!.text).toMatch(/^Firmly /);

    // On several nodes, a reactor that read the log before these words landed asks the document's
    // owner again, perhaps a new owner after the lease moved: the owner looks again and writes
    // nothing a second time.
    const { amendmentId } = tabled.body;
    const fromStore = await server.text.paragraphs(documentId);
    await server.text.applyAmendment(documentId, amendmentId, {
      userId: 'another-node-reactor',
      stakeholderId: '',
      role: 'chair',
    });
    expect(await server.text.paragraphs(documentId)).toEqual(fromStore);
    expect((await server.text.paragraphs(documentId))[0]!.text).not.toMatch(/^Firmly Firmly/);
    expect(await updatesApplying(amendmentId)).toBe(1);
  });

  it('writes a piece of text work once when a second node asks for it again', async () => {
    const documentId = fx.documents.formal;
    const paragraph = (await server.text.paragraphs(documentId))[1]!;
    const words = await server.text.anchor(documentId, paragraph.id, 0, 4);
    const work = {
      workId: randomUUID(),
      by: { userId: 'chair', stakeholderId: '', role: 'chair' as const },
    };
    const edits = [
      {
        kind: 'insert-words-after' as const,
        anchor: words,
        paragraphId: paragraph.id,
        words: 'also',
      },
    ];
    const first = await server.text.applyTextWork(documentId, work, edits);
    const after = await server.text.paragraphs(documentId);
    expect(after[1]!.text).toBe(`${paragraph.text.slice(0, 4)} also${paragraph.text.slice(4)}`);
    const again = await server.text.applyTextWork(documentId, work, edits);
    expect(await server.text.paragraphs(documentId)).toEqual(after);
    expect(again.placed).toEqual(first.placed);
  });

  it('records the decision, then brings the words into the text once the fault clears, once', async () => {
    const documentId = fx.documents.formal;
    const paragraph = (await server.text.paragraphs(documentId))[3]!;
    const tabled = await fx.clients.delegate2.post<{ amendmentId: string }>(
      `/api/documents/${documentId}/amendments`,
      {
        paragraphId: paragraph.id,
        kind: 'replace',
        range: { start: 0, end: 'Encourage'.length },
        proposedText: 'Urge',
        rationale: 'Stronger',
      },
    );
    expect(tabled.status).toBe(201);
    const { amendmentId } = tabled.body;

    fault.failing = true;
    const accepted = await fx.clients.chair.post<{ textApplied: boolean }>(
      `/api/amendments/${amendmentId}/accept`,
    );
    // The decision is recorded and the answer says the words are still on their way.
    expect(accepted.status).toBe(202);
    expect(accepted.body.textApplied).toBe(false);
    const amendment = await fx.clients.chair.get<{ status: string }>(
      `/api/amendments/${amendmentId}`,
    );
    expect(amendment.body.status).toBe('accepted');
    expect((await server.text.paragraphs(documentId))[3]!.text).toMatch(/^Encourage /);
    expect(await updatesApplying(amendmentId)).toBe(0);

    // Retried, failing every time: reported stuck to operators.
    await until(async () => (await stuckGauge()) === 1, 'the work is reported stuck');

    fault.failing = false;
    await until(
      async () => (await server.text.paragraphs(documentId))[3]!.text.startsWith('Urge '),
      'the words reach the text',
    );
    expect(await updatesApplying(amendmentId)).toBe(1);
    expect(await stuckGauge()).toBe(0);

    // A restart that forgets the reactor's checkpoint reads every acceptance again: nothing twice.
    await server.close();
    const db = openReadModelDb(readModelFile(dataDir.dir));
    db.prepare('DELETE FROM checkpoints WHERE projector = ?').run(
      `reactor:${AMENDMENT_TEXT_REACTOR}`,
    );
    db.close();
    fault.attempts = 0;
    server = await start();
    expect(await updatesApplying(amendmentId)).toBe(1);
    expect((await server.text.paragraphs(documentId))[3]!.text).toMatch(/^Urge cities/);
    expect(fault.attempts).toBe(0);
  }, 30_000);
});
