// `accord import FILE --negotiation ID`: a Word or Markdown draft into a new document, offline on
// the store, through the same parser and the same document-creation path as the API.
// `accord import FILE --dry-run [--json]` only reads the draft: it needs no negotiation and no
// store, and with --json prints the summary of draft-summary.ts as JSON on stdout.
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { can, documentModeSchema, normaliseEmail, type Actor } from '@accord/shared';
import type { Command } from 'commander';

import { derivedId } from '../commands/event-ids.js';
import { loadConfig } from '../config.js';
import { createCore, type AccordCore } from '../core.js';
import { DraftImportError } from '../imports/draft-model.js';
import { draftSummary } from '../imports/draft-summary.js';
import {
  documentNaming,
  importSymbolSchema,
  importTitleSchema,
  reportLines,
} from '../imports/import-draft.js';
import { formatOfFileName, IMPORT_MAX_BYTES, parseDraft } from '../imports/parse-draft.js';
import { createLogger } from '../observability/logger.js';
import { createProgress } from './progress.js';

interface ImportOptions {
  negotiation?: string;
  title?: string;
  symbol?: string;
  mode: string;
  dryRun?: boolean;
  json?: boolean;
  as?: string;
}

const STEPS = ['read the file', 'recognise paragraphs', 'open the store', 'create the document'];

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'import a draft (.docx or .md) into a new document of a negotiation (stop the server first)',
    )
    .argument('<file>', 'the draft: a Word .docx or a Markdown .md file')
    .option(
      '--negotiation <id>',
      'the negotiation the document belongs to (not needed for --dry-run)',
    )
    .option('--title <title>', "the document's title (default: the draft's title line)")
    .option('--symbol <symbol>', "the document's symbol (default: the symbol on the draft)")
    .option('--mode <mode>', 'formal or open-drafting', 'formal')
    .option('--as <email>', 'the member who creates it (default: the first chair)')
    .option('--dry-run', 'only print what would be imported; write nothing')
    .option('--json', 'with --dry-run: print paragraphs, totals and notes as JSON')
    .action(async (file: string, options: ImportOptions) => {
      const lines = await importFile(file, options);
      console.log(lines.join('\n'));
    });
}

async function importFile(file: string, options: ImportOptions): Promise<string[]> {
  const format = formatOfFileName(file);
  if (!format) throw new Error(`${file}: name a .docx or .md file`);
  if (options.json && !options.dryRun) throw new Error('--json goes with --dry-run');
  if (!options.dryRun && options.negotiation === undefined)
    throw new Error('name the negotiation with --negotiation (or read the draft with --dry-run)');
  const mode = documentModeSchema.safeParse(options.mode);
  if (!mode.success) throw new Error(`--mode must be formal or open-drafting`);
  const title = optional(importTitleSchema, options.title, '--title');
  const symbol = optional(importSymbolSchema, options.symbol, '--symbol');

  const progress = createProgress('import', STEPS.length, 'steps');
  let core: AccordCore | undefined;
  try {
    const size = (await stat(file)).size;
    if (size > IMPORT_MAX_BYTES) {
      throw new Error(`${file} is ${size} bytes; an import takes at most ${IMPORT_MAX_BYTES}`);
    }
    const bytes = await readFile(file);
    progress.update(1);
    const draft = await parseDraft(bytes, format);
    const naming = options.dryRun ? undefined : documentNaming(draft.report, { title, symbol });
    progress.update(2);
    if (options.dryRun && options.json) {
      progress.update(STEPS.length);
      return [JSON.stringify(draftSummary(draft), null, 2)];
    }
    if (options.dryRun && options.negotiation === undefined) {
      progress.update(STEPS.length);
      return [...reportLines(draft.report), `Dry run: nothing written (${path.basename(file)}).`];
    }
    const negotiation = options.negotiation;
    if (negotiation === undefined) throw new Error('name the negotiation with --negotiation');
    const config = loadConfig();
    core = await createCore(config, createLogger(config.logLevel));
    const actor = actingMember(core, { ...options, negotiation });
    progress.update(3);
    if (options.dryRun || !naming) {
      progress.update(STEPS.length);
      return [...reportLines(draft.report), `Dry run: nothing written (${path.basename(file)}).`];
    }
    const commandId = randomUUID();
    const documentId = derivedId(commandId, 'document');
    // As the API does: the draft's brackets and options become record, not characters.
    const created = await core.services.brackets.createFromImport(
      { documentId, negotiationId: negotiation, ...naming, mode: mode.data },
      draft,
      { commandId, actor, now: new Date().toISOString() },
      (i) => derivedId(commandId, `paragraph-${i}`),
    );
    progress.update(4);
    return [
      ...reportLines(draft.report),
      ...created.notPlaced.map((what) => `Not placed as drafted: ${what}`),
      `Imported ${path.basename(file)} as “${naming.title}” (${naming.symbol})`,
      `  document ${documentId}`,
    ];
  } catch (error) {
    if (error instanceof DraftImportError) throw new Error(`${file}: ${error.message}`);
    throw error;
  } finally {
    progress.stop();
    await core?.close();
  }
}

function optional<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  value: string | undefined,
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${flag} is not valid`);
  return parsed.data;
}

/** The member the document is created by: --as, or the negotiation's first chair. */
function actingMember(core: AccordCore, options: ImportOptions & { negotiation: string }): Actor {
  const { queries } = core.readModels;
  if (!queries.getNegotiation(options.negotiation)) {
    throw new Error(`No negotiation ${options.negotiation} in this store`);
  }
  let userId: string | undefined;
  if (options.as !== undefined) {
    userId = queries.getCredentialsByEmail(normaliseEmail(options.as))?.userId;
    if (!userId) throw new Error(`No account ${options.as}`);
  } else {
    const members = queries.listMembers(options.negotiation).filter((m) => m.status === 'active');
    userId = (
      members.find((m) => m.role === 'chair') ?? members.find((m) => m.role === 'secretariat')
    )?.userId;
    if (!userId)
      throw new Error('The negotiation has no chair or secretariat yet; say who with --as');
  }
  const membership = queries.getMembership(options.negotiation, userId);
  if (!membership)
    throw new Error(`${options.as ?? 'That member'} is not a member of the negotiation`);
  if (!can(membership.role, 'document.create')) {
    throw new Error(
      `A ${membership.role} may not create documents; import --as a chair or secretariat`,
    );
  }
  return { userId, stakeholderId: membership.stakeholderId, role: membership.role };
}
