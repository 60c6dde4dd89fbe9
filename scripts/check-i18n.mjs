#!/usr/bin/env node
// `npm run check:i18n`: every catalogue set of the repository (each folder under client/src or
// server/src holding a messages.en.ts) must have the six UN languages with exactly the English
// keys, valid ICU messages with the English parameters, and no English key the code never uses.
// Catalogues are TypeScript; they are transpiled in memory (type-only imports vanish), so the
// check needs no build. The rules themselves are in check-i18n-core.mjs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { checkCatalogueSet, UN_LANGUAGES } from './check-i18n-core.mjs';

// The repository to check: this one, or another checkout given as the first argument.
const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = ['client', 'server'];

/**
 * Keys the code completes at run time, so a search for the quoted key cannot find them. One
 * entry per template literal in the code; an entry the code no longer builds fails the check.
 * `reason` says where the value comes from (a domain vocabulary, a fixed list in a component).
 */
const DYNAMIC_PREFIXES = {
  'client/src/i18n': [
    { prefix: 'activityEntry.', reason: 'activityText.ts: one message per event type' },
    { prefix: 'amendmentKind.', reason: 'the amendment kinds of the glossary' },
    { prefix: 'amendmentStatus.', reason: 'amendment statuses' },
    { prefix: 'consensusStatus.', reason: 'the heat map’s consensus statuses' },
    { prefix: 'consensusLegend.', reason: 'the heat map legend, one line per status' },
    { prefix: 'export.format.', reason: 'ExportMenu: the export formats' },
    { prefix: 'export.problem.', reason: 'ExportMenu: why an export cannot be made' },
    { prefix: 'export.variant.', reason: 'ExportMenu: clean, compilation, compare' },
    { prefix: 'export.variantHint.', reason: 'ExportMenu: one hint per variant' },
    { prefix: 'import.count.', reason: 'the import report counts paragraphs per kind' },
    { prefix: 'manage.inviteStatus.', reason: 'invitation statuses' },
    { prefix: 'milestone.', reason: 'time travel: the milestone kinds' },
    { prefix: 'mode.', reason: 'document modes (open drafting, formal)' },
    { prefix: 'modeExplain.', reason: 'one explanation per document mode' },
    { prefix: 'paragraphKind.', reason: 'preambular, operative, heading…' },
    { prefix: 'process.chair.deadline.', reason: 'the process deadlines by kind' },
    { prefix: 'process.deadline.', reason: 'the process deadlines by kind' },
    { prefix: 'process.silence.ended.', reason: 'how a silence procedure ended' },
    { prefix: 'redline.change.', reason: 'the redline’s kinds of change' },
    { prefix: 'role.', reason: 'the roles of the glossary' },
    { prefix: 'roundtable.format.', reason: 'roundtable formats' },
    { prefix: 'roundtable.status.', reason: 'roundtable statuses' },
    { prefix: 'stakeholderKind.', reason: 'stakeholder kinds' },
    { prefix: 'stakeholderKinds.', reason: 'stakeholder kinds, plural headings' },
    { prefix: 'stance.', reason: 'the stances of the glossary' },
    { prefix: 'stanceExplain.', reason: 'one explanation per stance' },
    { prefix: 'status.', reason: 'paragraph statuses (ui/bits.tsx badge)' },
    { prefix: 'notifications.prefs.kind.', reason: 'PreferencesForm: one line per kind' },
    { prefix: 'privateDrafts.kind.', reason: 'private drafts: amendment or statement' },
    {
      prefix: 'pledge.standing.',
      reason: 'pledges: on track, at risk, off track, achieved, silent',
    },
    { prefix: 'pledge.kind.', reason: 'pledges: the kinds of actor who pledge' },
    { prefix: 'pledge.step.', reason: 'pledges: the steps of a pledge history' },
    {
      prefix: 'recommendation.fate.',
      reason: 'recommendations: the fates of shared/recommendations',
    },
    {
      prefix: 'recommendation.change.',
      reason: 'recommendations: paragraph wording or new paragraph',
    },
    { prefix: 'recommendation.takeUp.kind.', reason: 'TakeUpForm: replace or add a paragraph' },
    { prefix: 'recommendation.stage.', reason: 'UptakeTimeline: the drawn stages of uptake' },
    { prefix: 'recommendation.step.', reason: 'UptakeTimeline: one line per timeline entry kind' },
    { prefix: 'privateDrafts.confirmTable.', reason: 'private drafts: per draft kind' },
    { prefix: 'privateDrafts.tabled.', reason: 'private drafts: per draft kind' },
    // Broad prefixes are narrowed to the keys the fixed list in the component can produce.
    { prefix: 'burndown.', only: ['brackets', 'options'], reason: 'BurndownChart SERIES' },
    {
      prefix: 'dashboard.',
      only: ['agreed', 'open', 'contested'],
      reason: 'ConsensusChart LAYERS',
    },
    {
      prefix: 'connection.',
      only: ['connecting', 'offline', 'reconnecting', 'synced'],
      reason: 'ConnectionStatus: the connection state kinds but `stopped`',
    },
  ],
  'server/src/exports/i18n': [
    { prefix: 'variant.', reason: 'document-model.ts: the export variants' },
    { prefix: 'status.', reason: 'render/text.ts: the chair’s paragraph statuses but open' },
    { prefix: 'paper.stance.', reason: 'roundtables/paper-model.ts: the stances' },
    { prefix: 'paper.status.', reason: 'roundtables/paper-model.ts: consensus statuses' },
    { prefix: 'paper.proposal.', reason: 'roundtables/paper-model.ts: amendment kinds' },
    { prefix: 'report.uptake.fate.', reason: 'recommendations/uptake-report.ts: the fates' },
    { prefix: 'report.pledges.standing.', reason: 'pledges/review-paper.ts: the standings' },
    { prefix: 'report.pledges.kind.', reason: 'pledges/review-paper.ts: the kinds of pledger' },
  ],
  'server/src/notifications/i18n': [
    { prefix: 'subject.', reason: 'one e-mail subject per notification kind' },
    { prefix: 'body.', reason: 'one e-mail body per notification kind' },
  ],
};

function walk(dir, found = []) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path, found);
    else found.push(path);
  }
  return found;
}

const isCatalogue = (path) => /^messages\.[a-z]{2}\.ts$/.test(basename(path));
const isSource = (path) =>
  /\.(ts|tsx)$/.test(path) && !/\.(spec|test)\.tsx?$/.test(path) && !isCatalogue(path);

/** Imports a catalogue module and returns its exported messages object. */
async function loadCatalogue(path) {
  const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const url = `data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`;
  const module = await import(url);
  const objects = Object.values(module).filter((v) => v && typeof v === 'object');
  if (objects.length !== 1) throw new Error(`${path}: expected one exported catalogue object`);
  return objects[0];
}

/**
 * Compares the templates the code builds keys from (`prefix.${…}` at call sites) with the
 * allow-list for the set's package. Only the prefixes listed are accepted as dynamic.
 */
export async function checkRepository() {
  const problems = [];
  for (const pkg of PACKAGES) {
    const files = walk(join(root, pkg, 'src'));
    const sources = files.filter(isSource).map((f) => readFileSync(f, 'utf8'));
    const sets = files.filter((f) => basename(f) === 'messages.en.ts').map(dirname);
    for (const dir of sets) {
      const name = relative(root, dir);
      const catalogues = {};
      for (const language of UN_LANGUAGES) {
        const path = join(dir, `messages.${language}.ts`);
        try {
          statSync(path);
        } catch {
          continue;
        }
        try {
          catalogues[language] = await loadCatalogue(path);
        } catch (error) {
          problems.push(`${name} ${language}: could not be read (${error.message})`);
        }
      }
      problems.push(
        ...checkCatalogueSet({
          name,
          catalogues,
          sources,
          dynamicPrefixes: DYNAMIC_PREFIXES[name] ?? [],
        }),
      );
      const keys = Object.keys(catalogues.en ?? {}).length;
      console.log(`${name}: ${keys} keys, ${Object.keys(catalogues).sort().join(' ')}`);
    }
  }
  return problems;
}

const problems = await checkRepository();
if (problems.length > 0) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  console.error(`check:i18n: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('check:i18n: every catalogue is complete and consistent');
