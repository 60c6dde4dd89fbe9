#!/usr/bin/env node
// How much JavaScript each screen of the app makes the browser download, gzipped: reads the
// manifest Vite writes into client/dist/.vite/, follows each route's chunks (the entry, the
// route's lazy pages and everything they import statically), prints a table, writes
// tests/bench/results/bundle-size.json and exits 1 when a budgeted route is over its budget.
//
//   npm run build -w @accord/client && npm run size:bundle [-- --dist <folder>]
//
// Two figures per route: `first view`, everything the screen needs before it is complete (the
// budget applies to it), and `with follow-ups`, adding the chunks the screen fetches right after
// on its own (e.g. the draft's editor), so a split never hides what a visit costs in the end.
// Sizes are gzip level 9 in KiB (1,024 bytes). Only JavaScript counts: stylesheets and fonts are
// not part of the budgets of issue #18. Language catalogues other than English are loaded on
// demand and left out, as a visitor downloads only the one their language needs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distFlag = process.argv.indexOf('--dist');
const dist =
  distFlag > 0 ? path.resolve(process.argv[distFlag + 1]) : path.join(root, 'client/dist');
const manifestFile = path.join(dist, '.vite/manifest.json');
const resultsFile = path.join(root, 'tests/bench/results/bundle-size.json');

/**
 * The screens measured: the lazy chunks (by name) each route shows after the entry. The entry
 * picks the sign-in screen (SignInScreen) or the app (AppRoot); a negotiation's screens sit
 * inside RequireSession (socket.io) and NegotiationLayout (the shell). `after` lists chunks the
 * screen loads right after its first view. `budgetKiB` comes from issue #18.
 */
const signedIn = ['AppRoot', 'RequireSession'];
const inNegotiation = [...signedIn, 'NegotiationLayout'];
export const routes = [
  { route: 'sign-in', path: '/sign-in', pages: ['SignInScreen'], budgetKiB: 80 },
  { route: 'invitation', path: '/invitations/:id', pages: ['AppRoot', 'InvitationPage'] },
  { route: 'negotiations', path: '/', pages: [...signedIn, 'NegotiationsPage'] },
  { route: 'overview', path: '/negotiations/:id', pages: [...inNegotiation, 'NegotiationHome'] },
  {
    route: 'draft',
    path: '…/documents/:id',
    pages: [...inNegotiation, 'DraftPage'],
    after: ['DraftEditor', 'ParagraphPanel', 'DocumentChairControls', 'ChairProcessControls'],
    budgetKiB: 200,
  },
  {
    route: 'consensus',
    path: '…/documents/:id/consensus',
    pages: [...inNegotiation, 'ConsensusPage'],
  },
  {
    route: 'authorship',
    path: '…/documents/:id/authorship',
    pages: [...inNegotiation, 'AuthorshipPage'],
  },
  {
    route: 'projector',
    path: '…/documents/:id/projector',
    pages: [...inNegotiation, 'ProjectorPage'],
  },
  { route: 'chair console', path: '…/chair', pages: [...inNegotiation, 'ChairConsolePage'] },
  { route: 'manage', path: '…/manage', pages: [...inNegotiation, 'ManagePage'] },
  { route: 'roundtables', path: '…/roundtables', pages: [...inNegotiation, 'RoundtablesPage'] },
  { route: 'roundtable', path: '…/roundtables/:id', pages: [...inNegotiation, 'RoundtablePage'] },
];

/** A chunk that holds the English catalogue, when the catalogues are split per language. */
const englishCatalogue = (key, chunk) =>
  /messages\.en\b/.test(chunk.src ?? key) || chunk.name === 'messages.en';

export function measure(manifest, readChunk) {
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entryKey) throw new Error('The manifest has no entry chunk.');
  const byName = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.name, key]));
  const gzipped = new Map();
  const sizeOf = (file) => {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readChunk(file), { level: 9 }).length);
    return gzipped.get(file);
  };
  /** The chunk and everything it imports statically, transitively (what loading it fetches). */
  const closure = (key, seen) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) closure(imported, seen);
  };
  const english = Object.keys(manifest).filter((key) => englishCatalogue(key, manifest[key]));

  const add = (names, keys) => {
    for (const name of names) {
      const key = byName.get(name);
      if (!key) throw new Error(`No chunk named ${name} in the manifest: is it still lazy?`);
      closure(key, keys);
    }
  };
  /** The JavaScript files of `keys`, their count and gzipped size in KiB (one decimal). */
  const weigh = (keys) => {
    const files = [...keys].map((key) => manifest[key].file).filter((file) => file.endsWith('.js'));
    const bytes = files.reduce((sum, file) => sum + sizeOf(file), 0);
    return { chunks: files.length, kib: Math.round((bytes / 1024) * 10) / 10 };
  };

  return routes.map(({ route, path: address, pages, after = [], budgetKiB }) => {
    const keys = new Set();
    closure(entryKey, keys);
    // The app's screens show the English catalogue (or the reader's, of about the same size);
    // the sign-in screen carries its own few messages.
    if (!pages.includes('SignInScreen')) for (const key of english) closure(key, keys);
    add(pages, keys);
    const first = weigh(keys);
    add(after, keys);
    const total = weigh(keys);
    return {
      route,
      path: address,
      chunks: first.chunks,
      gzipKiB: first.kib,
      withFollowUpsChunks: total.chunks,
      withFollowUpsGzipKiB: total.kib,
      ...(budgetKiB === undefined ? {} : { budgetKiB, withinBudget: first.kib <= budgetKiB }),
    };
  });
}

function table(rows) {
  const lines = [
    'route            first view  budget  chunks  with follow-ups  chunks',
    '-'.repeat(69),
  ];
  for (const row of rows) {
    const budget =
      row.budgetKiB === undefined ? '' : `${row.withinBudget ? '≤' : '>'} ${row.budgetKiB}`;
    lines.push(
      `${row.route.padEnd(16)} ${row.gzipKiB.toFixed(1).padStart(10)}  ${budget.padStart(6)}  ${String(row.chunks).padStart(6)}  ${row.withFollowUpsGzipKiB.toFixed(1).padStart(15)}  ${String(row.withFollowUpsChunks).padStart(6)}`,
    );
  }
  return lines.join('\n');
}

function main() {
  if (!existsSync(manifestFile))
    throw new Error(`${manifestFile} is missing: build the client first (npm run build).`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const rows = measure(manifest, (file) => readFileSync(path.join(dist, file)));
  console.log(table(rows));
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  const result = {
    measuredAt: new Date().toISOString(),
    unit: 'KiB, gzip level 9',
    columns: {
      gzipKiB: 'first view: everything the screen needs before it is complete (the budget)',
      withFollowUpsGzipKiB: 'adding the chunks the screen loads right after on its own',
    },
    routes: rows,
  };
  writeFileSync(resultsFile, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWritten to ${path.relative(root, resultsFile)}`);
  const over = rows.filter((row) => row.withinBudget === false);
  if (over.length) {
    console.error(
      `Over budget: ${over.map((row) => `${row.route} (${row.gzipKiB} > ${row.budgetKiB} KiB)`).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
