// Heavy work off the event loop: while exports of a 300-paragraph text render, /healthz on a
// real server still answers promptly; a full queue and a task over time are refused cleanly.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  renderExport,
  renderExportHere,
  type ExportModel,
  type ParagraphBlock,
} from '../exports/index.js';
import { toProblem } from '../http/problem.js';
import { UnavailableError } from '../application/errors.js';
import { DraftImportError } from '../imports/draft-model.js';
import { parseDraft } from '../imports/parse-draft.js';
import { MARKDOWN_DRAFT } from '../imports/test-support/draft-fixtures.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { closeWorkerPool, poolLoad, workerFile } from './pool.js';

const AT = '2026-03-04T09:00:00.000Z';
const WORDS =
  'Decides that cities shall adopt heat action plans, protect outdoor workers, open cooling centres and report on progress ';

/** A long negotiated text: 300 operative paragraphs, each with changes and a proposal. */
function longText(): ExportModel {
  const blocks: ParagraphBlock[] = Array.from({ length: 300 }, (_, i) => ({
    type: 'paragraph',
    id: `p-${i}`,
    eId: `para_p-${i}`,
    kind: 'operative',
    label: `OP ${i + 1}`,
    chairStatus: i % 3 === 0 ? 'bracketed' : 'open',
    runs: [
      { text: WORDS.repeat(12) },
      { text: 'all', kind: 'delete', by: { author: 'Maranu', stakeholderId: 'mru', date: AT } },
      { text: 'every', kind: 'insert', by: { author: 'Nahrim', stakeholderId: 'nhr', date: AT } },
      { text: ` ${WORDS}.` },
    ],
    proposals: [
      {
        id: `a-${i}`,
        eId: `amdt_a-${i}`,
        kind: 'replace',
        sponsors: [{ author: 'Solmere', stakeholderId: 'slm', date: AT }],
        originalText: 'heat action plans',
        proposedText: 'heat-health action plans',
        rationale: 'Health authorities lead the response.',
        chairsCompromise: false,
        option: null,
        placed: true,
      },
    ],
  }));
  return {
    variant: 'compilation',
    title: 'Global Compact on Extreme Heat',
    symbol: 'A/CONF.1/L.1',
    subtitle: null,
    metadata: [],
    generatedAt: AT,
    language: 'en',
    blocks,
  };
}

/**
 * Polls /healthz until `until` settles; the slowest answer and the longest event-loop stall in
 * ms. The client shares the server's event loop, so a stall between two polls only shows in the
 * event-loop delay.
 */
async function slowestHealth(url: string, until: Promise<unknown>): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  try {
    return await poll(url, until);
  } finally {
    delay.disable();
    lastStallMs = delay.max / 1e6;
  }
}

let lastStallMs = 0;

async function poll(url: string, until: Promise<unknown>): Promise<number> {
  let done = false;
  void until.finally(() => (done = true));
  let slowest = 0;
  while (!done) {
    const started = performance.now();
    const res = await fetch(`${url}/healthz`);
    await res.arrayBuffer();
    slowest = Math.max(slowest, performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return slowest;
}

describe.skipIf(!workerFile())('the worker pool', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  afterEach(async () => {
    for (const key of ['ACCORD_WORKER_QUEUE', 'ACCORD_WORKER_TIMEOUT_MS', 'ACCORD_WORKERS'])
      delete process.env[key];
    await closeWorkerPool();
  });

  it('keeps /healthz responsive while a 300-paragraph text renders to PDF and DOCX', async () => {
    const model = longText();
    await renderExport(model, 'md'); // start the worker outside the measurement
    const started = performance.now();
    const rendering = Promise.all([renderExport(model, 'pdf'), renderExport(model, 'docx')]);
    const slowest = await slowestHealth(server.url, rendering);
    const stall = lastStallMs;
    const [pdf, docx] = await rendering;
    const renderMs = performance.now() - started;
    expect(poolLoad().threads).toBeGreaterThanOrEqual(1);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(docx.bytes.readUInt32LE(0)).toBe(0x04034b50);

    // The same renders on the event loop, as before the pool, for comparison.
    const hereStarted = performance.now();
    const here = Promise.all([renderExportHere(model, 'pdf'), renderExportHere(model, 'docx')]);
    const slowestHere = await slowestHealth(server.url, here);
    const stallHere = lastStallMs;
    const hereMs = performance.now() - hereStarted;
    console.log(
      `300 paragraphs, PDF + DOCX: in the pool ${renderMs.toFixed(0)} ms, slowest /healthz ${slowest.toFixed(0)} ms, ` +
        `longest event-loop stall ${stall.toFixed(0)} ms; on the event loop ${hereMs.toFixed(0)} ms, ` +
        `slowest /healthz ${slowestHere.toFixed(0)} ms, longest stall ${stallHere.toFixed(0)} ms`,
    );
    expect(slowest).toBeLessThan(1000);
    expect(stall).toBeLessThan(1000);
  });

  it('refuses an export with 503 when every worker is busy and the queue is full', async () => {
    process.env.ACCORD_WORKER_QUEUE = '0';
    process.env.ACCORD_WORKERS = '1';
    await closeWorkerPool();
    const model = longText();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, () => renderExport(model, 'pdf')),
    );
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const o of refused) {
      expect(o.reason).toBeInstanceOf(UnavailableError);
      expect(toProblem(o.reason)).toMatchObject({
        status: 503,
        type: 'urn:accord:problem:exports-busy',
      });
    }
  });

  it('stops an import that runs over its time limit and reports it as too complex', async () => {
    process.env.ACCORD_WORKER_TIMEOUT_MS = '1';
    await closeWorkerPool();
    const error = await parseDraft(Buffer.from(MARKDOWN_DRAFT), 'markdown').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DraftImportError);
    expect(error).toMatchObject({ code: 'import-too-complex', status: 422 });
  });

  it('brings a refused import back across the thread with its code', async () => {
    const error = await parseDraft(Buffer.from('%PDF-1.7'), 'docx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DraftImportError);
    expect(error).toMatchObject({ code: 'not-a-docx', status: 422 });
  });
});
