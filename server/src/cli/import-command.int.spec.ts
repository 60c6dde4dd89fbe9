import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.js';
import { createCore } from '../core.js';
import { sqliteFile } from '../eventstore/open-event-store.js';
import { collect } from '../eventstore/port.js';
import { openSqliteEventStore } from '../eventstore/sqlite/sqlite-event-store.js';
import { MARKDOWN_DRAFT, WORD_DRAFT, wordDraft } from '../imports/test-support/draft-fixtures.js';
import { createLogger } from '../observability/logger.js';
import { seedNegotiation, type Scenario } from '../readmodels/test-support/negotiation-scenario.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { createBracketReader } from '../application/brackets/bracket-reader.js';
import { RecordHistory } from '../timetravel/index.js';
import { closeWorkerPool } from '../workers/pool.js';
import { registerImportCommand } from './import-command.js';

describe('accord import', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  let scenario: Scenario;
  let printed: string[];
  let progress: string[];

  beforeEach(async () => {
    temp = await makeTempDir();
    vi.stubEnv('ACCORD_DATA_DIR', temp.dir);
    vi.stubEnv('EVENTSTORE_CONNECTION_STRING', '');
    vi.stubEnv('LOG_LEVEL', 'silent');
    const store = openSqliteEventStore({ file: sqliteFile(temp.dir) });
    scenario = await seedNegotiation(store);
    await store.close();
    printed = [];
    progress = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      progress.push(String(chunk));
      return true;
    });
  });

  afterEach(async () => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    await temp.remove();
  });

  const run = async (...args: string[]) => {
    const program = new Command().exitOverride();
    registerImportCommand(program);
    await program.parseAsync(['node', 'accord', 'import', ...args]);
  };
  const eventCount = async () => {
    const store = openSqliteEventStore({ file: sqliteFile(temp.dir) });
    try {
      return (await collect(store.readAll())).length;
    } finally {
      await store.close();
    }
  };
  const draftFile = async (name: string, bytes: Buffer | string) => {
    const file = path.join(temp.dir, name);
    await writeFile(file, bytes);
    return file;
  };

  it('imports a Word draft as the first chair, with progress and the recognition report', async () => {
    const file = await draftFile('zero-draft.docx', await wordDraft());
    await run(file, '--negotiation', scenario.negotiationId, '--mode', 'open-drafting');

    const output = printed.join('\n');
    expect(output).toContain(
      'Recognised 9 paragraphs: 2 headings, 2 preambular, 3 operative, 2 sub-paragraphs',
    );
    expect(output).toMatch(/OP 1 \(a\)\s+subparagraph\s+numbering\s+early warnings/);
    expect(output).toContain('A table was dropped');
    expect(output).toContain(
      `Imported zero-draft.docx as “${WORD_DRAFT.title}” (${WORD_DRAFT.symbol})`,
    );
    expect(progress.join('')).toMatch(/import .*4\/4 steps/);

    const documentId = /document ([0-9a-f-]{36})/.exec(output)![1]!;
    const config = loadConfig();
    const core = await createCore(config, createLogger('silent'));
    try {
      const document = core.readModels.queries.getDocument(documentId)!;
      expect(document).toMatchObject({
        negotiationId: scenario.negotiationId,
        title: WORD_DRAFT.title,
        mode: 'open-drafting',
      });
      const paragraphs = await core.text.paragraphs(documentId);
      expect(paragraphs.map(({ kind, text }) => ({ kind, text }))).toEqual(WORD_DRAFT.paragraphs);
    } finally {
      await core.close();
    }
  });

  it('with --dry-run prints the report and writes nothing', async () => {
    const file = await draftFile('draft.md', MARKDOWN_DRAFT);
    const before = await eventCount();
    await run(file, '--negotiation', scenario.negotiationId, '--dry-run');
    expect(printed.join('\n')).toContain('Dry run: nothing written (draft.md).');
    expect(printed.join('\n')).toContain('Recognised 11 paragraphs');
    expect(await eventCount()).toBe(before);
  });

  describe('--dry-run --json', () => {
    // This source, read in this thread (a built worker may be older than the source under test).
    beforeEach(async () => {
      vi.stubEnv('ACCORD_WORKERS', '0');
      await closeWorkerPool();
    });
    afterEach(closeWorkerPool);

    it('needs no negotiation and prints paragraphs, totals and notes as JSON', async () => {
      const source = await readFile(
        new URL('../imports/test-support/fixtures/heat-treaty-articles.md', import.meta.url),
      );
      const file = await draftFile('treaty.md', source);
      const before = await eventCount();
      await run(file, '--dry-run', '--json');
      expect(printed).toHaveLength(1);
      const summary = JSON.parse(printed[0]!) as Record<string, unknown>;
      expect(Object.keys(summary)).toEqual(['paragraphs', 'totals', 'notes']);
      expect(summary.totals).toEqual({
        paragraphs: 19,
        preambular: 3,
        operative: 7,
        brackets: 12,
        optionSets: 2,
        options: 4,
      });
      const paragraphs = summary.paragraphs as Record<string, unknown>[];
      expect(paragraphs.map((p) => Object.keys(p))).toContainEqual([
        'number',
        'kind',
        'text',
        'brackets',
        'options',
      ]);
      expect(paragraphs.find((p) => p.number === 'OP 3')).toEqual({
        number: 'OP 3',
        kind: 'operative',
        text: 'Each Party [shall] [should] establish a national heat-health warning system by [2030].',
        brackets: 3,
        options: 0,
      });
      expect(paragraphs.find((p) => p.number === 'OP 4')).toMatchObject({
        text: 'Each Party shall share its warnings with neighbouring Parties [Option 1: in real time] [Option 2: as soon as practicable].',
        options: 2,
      });
      expect(paragraphs.find((p) => p.number === 'OP 6')?.text).toMatch(/^Option 1: The Parties/);
      expect(summary.notes).toContain(
        'Alternative paragraphs at OP 6: Option 1 (OP 6), Option 2: No text',
      );
      expect(await eventCount()).toBe(before);
    });

    it('imports the brackets and options as record, the words without bracket characters', async () => {
      const source = await readFile(
        new URL('../imports/test-support/fixtures/heat-treaty-articles.md', import.meta.url),
      );
      const file = await draftFile('treaty.md', source);
      await run(
        file,
        '--negotiation',
        scenario.negotiationId,
        '--title',
        'Heat agreement',
        '--symbol',
        'HEAT/AGR/1',
      );
      const documentId = /document ([0-9a-f-]{36})/.exec(printed.join('\n'))![1]!;
      const core = await createCore(loadConfig(), createLogger('silent'));
      try {
        const paragraphs = await core.text.paragraphs(documentId);
        expect(paragraphs.map((p) => p.text).join('\n')).not.toMatch(/[[\]]/);
        const view = await createBracketReader({
          store: core.store,
          history: new RecordHistory(core.store),
          text: core.text,
        }).list(documentId);
        expect(view.brackets).toHaveLength(12);
        expect(view.optionSets.map((set) => set.options.length)).toEqual([2, 2]);
      } finally {
        await core.close();
      }
    });

    it('refuses --json without --dry-run, and an import without a negotiation', async () => {
      const file = await draftFile('draft.md', MARKDOWN_DRAFT);
      await expect(run(file, '--json', '--negotiation', scenario.negotiationId)).rejects.toThrow(
        /--json goes with --dry-run/,
      );
      await expect(run(file)).rejects.toThrow(/--negotiation/);
    });
  });

  it.each([
    {
      name: 'a member who may not create documents',
      args: (file: string, s: Scenario) => [
        file,
        '--negotiation',
        s.negotiationId,
        '--as',
        s.emails.chloe,
      ],
      error: /A delegate may not create documents/,
    },
    {
      name: 'an unknown negotiation',
      args: (file: string) => [file, '--negotiation', '0b5c2f1e-0000-4000-8000-000000000000'],
      error: /No negotiation/,
    },
    {
      name: 'an invalid mode',
      args: (file: string, s: Scenario) => [
        file,
        '--negotiation',
        s.negotiationId,
        '--mode',
        'loose',
      ],
      error: /--mode must be formal or open-drafting/,
    },
  ])('refuses $name and writes nothing', async ({ args, error }) => {
    const file = await draftFile('draft.md', MARKDOWN_DRAFT);
    const before = await eventCount();
    await expect(run(...args(file, scenario))).rejects.toThrow(error);
    expect(await eventCount()).toBe(before);
  });

  it('refuses a damaged Word file with the reason, writing nothing', async () => {
    const file = await draftFile('broken.docx', (await wordDraft()).subarray(0, 1500));
    const before = await eventCount();
    await expect(run(file, '--negotiation', scenario.negotiationId)).rejects.toThrow(
      /broken\.docx: The Word document is damaged/,
    );
    expect(await eventCount()).toBe(before);
  });
});
