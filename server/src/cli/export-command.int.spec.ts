// `accord export` on a store seeded with the demo: the file it writes is the one the builders and
// renderers give for the same point, and bad arguments are refused before anything is written.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.js';
import { createCore } from '../core.js';
import { seedDemo } from '../demo/seed-demo.js';
import { openEventStore } from '../eventstore/open-event-store.js';
import { buildDocumentExport, renderExport } from '../exports/index.js';
import { createLogger } from '../observability/logger.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { RecordHistory } from '../timetravel/index.js';
import { registerExportCommand, storedNegotiationText } from './export-command.js';

describe('accord export', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let documentId: string;
  const printed: string[] = [];

  const accord = async (...args: string[]) => {
    const program = new Command().exitOverride();
    program.configureOutput({ writeErr: () => undefined });
    registerExportCommand(program);
    await program.parseAsync(['node', 'accord', 'export', ...args]);
  };

  beforeAll(async () => {
    temp = await makeTempDir();
    vi.stubEnv('ACCORD_DATA_DIR', join(temp.dir, 'data'));
    vi.stubEnv('EVENTSTORE_CONNECTION_STRING', '');
    vi.stubEnv('LOG_LEVEL', 'silent');
    const core = await createCore(loadConfig(), createLogger('silent'));
    ({ documentId } = await seedDemo(core, { now: new Date('2026-05-14T10:30:00.000Z') }));
    await core.close();
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  }, 180_000);

  afterAll(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    await temp?.remove();
  });

  it('writes the compilation of a revision, the same bytes the builders give', async () => {
    const out = join(temp.dir, 'compilation.docx');
    await accord(
      '--document',
      documentId,
      '--format',
      'docx',
      '--variant',
      'compilation',
      '--as-of',
      'revision:Rev 1',
      '--out',
      out,
    );
    const written = await readFile(out);
    expect(printed.at(-1)).toBe(`Wrote ${out} (${written.length} bytes)`);
    const store = await openEventStore(loadConfig());
    try {
      const history = new RecordHistory(store);
      const model = await buildDocumentExport(
        { store, history, negotiationText: storedNegotiationText(store, history) },
        documentId,
        { variant: 'compilation', asOf: { kind: 'revision', label: 'Rev 1' } },
      );
      expect(written.equals((await renderExport(model, 'docx')).bytes)).toBe(true);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('writes a comparison between two points', async () => {
    const out = join(temp.dir, 'compare.md');
    await accord(
      '--document',
      documentId,
      '--format',
      'md',
      '--variant',
      'compare',
      '--from',
      'revision:Zero draft',
      '--to',
      'revision:Rev 1',
      '--out',
      out,
    );
    expect(await readFile(out, 'utf8')).toContain('{++');
  });

  it('refuses bad arguments clearly and writes no file', async () => {
    const out = join(temp.dir, 'refused');
    const refusal = (...args: string[]) =>
      accord('--document', documentId, '--out', out, ...args).then(
        () => 'accepted',
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
    expect(await refusal('--format', 'rtf')).toMatch(
      /--format must be one of docx, pdf, html, md, akn, json, not "rtf"/,
    );
    expect(await refusal('--format', 'pdf', '--variant', 'redline')).toMatch(
      /--variant must be one of clean, compilation, compare/,
    );
    expect(await refusal('--format', 'pdf', '--variant', 'compare', '--from', 'now')).toMatch(
      /needs --to/,
    );
    expect(await refusal('--format', 'pdf', '--as-of', 'yesterday')).toMatch(
      /--as-of: must be now, position:<n>/,
    );
    expect(await refusal('--format', 'pdf', '--as-of', 'position:0')).toMatch(/did not exist then/);
    expect(await refusal('--format', 'pdf', '--as-of', 'revision:Rev 9')).toMatch(
      /no revision "Rev 9"/,
    );
    expect(existsSync(out)).toBe(false);
    const unknown = await accord('--document', randomUUID(), '--format', 'md', '--out', out).catch(
      (e: Error) => e.message,
    );
    expect(unknown).toMatch(/Document not found/);
    const notAnId = await accord('--document', 'A/HEAT', '--format', 'md', '--out', out).catch(
      (e: Error) => e.message,
    );
    expect(notAnId).toMatch(/--document must be a document id/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
