/**
 * Exports suite: a generated compilation — 300 paragraphs, 2,000 pending amendments from 40
 * delegations, some competing for the same words (options), some proposing new paragraphs — built
 * into the export model and rendered in every format. The baseline, measured in the same run, is
 * JSON.stringify of the same frame: the least any export must do is walk and serialise it.
 */
import { compilationModel, exportFormats, renderExport, type DocumentFrame } from '@accord/server';
import { bestOf, timeMs } from '../lib/measure.js';
import { row, type BenchRow, type SuiteResult } from '../lib/results.js';

const PARAGRAPHS = 300;
const AMENDMENTS = 2_000;
const DELEGATIONS = 40;
const RUNS = 3;

const WORDS = (
  'commit strengthen cities heat early warning systems cooling centres outdoor workers ' +
  'protect health services public spaces shade water finance adaptation resilience ' +
  'local authorities vulnerable communities data monitoring urban greening standards'
).split(' ');

/** A small seeded generator, so every run measures the same document. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Amendment = DocumentFrame['amendments'][number];

function generate(): {
  frame: DocumentFrame;
  stakeholders: Record<string, { name: string; shortCode: string }>;
  placements: Map<string, { start: number; end: number }>;
} {
  const next = random(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const id = (prefix: string, n: number) =>
    `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const stakeholders = Object.fromEntries(
    Array.from({ length: DELEGATIONS }, (_, i) => [
      id('5a5a5a5a', i),
      { name: `Republic of Delegation ${i + 1}`, shortCode: `D${i + 1}` },
    ]),
  );
  const delegationIds = Object.keys(stakeholders);
  const paragraphs: DocumentFrame['paragraphs'] = Array.from({ length: PARAGRAPHS }, (_, i) => {
    const kind =
      i % 25 === 0 ? 'heading' : i < 60 ? 'preambular' : i % 5 === 4 ? 'subparagraph' : 'operative';
    const length = kind === 'heading' ? 3 : 40 + Math.floor(next() * 40);
    const text = Array.from({ length }, () => pick(WORDS)).join(' ');
    return {
      id: id('9b9b9b9b', i),
      kind,
      label: null,
      text: text[0]!.toUpperCase() + text.slice(1),
      chairStatus: i % 17 === 0 ? 'agreed-ad-ref' : i % 11 === 0 ? 'bracketed' : 'open',
    };
  });
  const texts = paragraphs.filter((p) => p.kind !== 'heading');
  const placements = new Map<string, { start: number; end: number }>();
  const amendments: Amendment[] = Array.from({ length: AMENDMENTS }, (_, i) => {
    const paragraph = pick(texts);
    const amendmentId = id('a1a1a1a1', i);
    const roll = next();
    const words = paragraph.text.split(' ');
    const at = Math.floor(next() * (words.length - 4));
    const start = words.slice(0, at).join(' ').length + (at > 0 ? 1 : 0);
    const original = words.slice(at, at + 1 + Math.floor(next() * 3)).join(' ');
    const anchor = { start: 'bench', end: 'bench' };
    const proposed = Array.from({ length: 2 + Math.floor(next() * 5) }, () => pick(WORDS)).join(
      ' ',
    );
    const proposal: Amendment['proposal'] =
      roll < 0.35
        ? { kind: 'insert', anchor, originalText: original, proposedText: ` ${proposed}` }
        : roll < 0.7
          ? { kind: 'replace', anchor, originalText: original, proposedText: proposed }
          : roll < 0.9
            ? { kind: 'delete', anchor, originalText: original, proposedText: '' }
            : roll < 0.99
              ? {
                  kind: 'add-paragraph',
                  anchor: null,
                  paragraphKind: 'operative',
                  originalText: '',
                  proposedText: `${proposed} ${proposed}`,
                }
              : {
                  kind: 'delete-paragraph',
                  anchor: null,
                  originalText: paragraph.text,
                  proposedText: '',
                };
    if (proposal.anchor) {
      const end = proposal.kind === 'insert' ? start : start + original.length;
      placements.set(amendmentId, { start: proposal.kind === 'insert' ? end : start, end });
    }
    const sponsor = pick(delegationIds);
    return {
      amendmentId,
      documentId: id('d0d0d0d0', 0),
      paragraphId: paragraph.id,
      paragraphLabel: null,
      status: 'pending',
      proposal,
      rationale: i % 3 === 0 ? 'A clearer and more balanced formulation.' : '',
      sponsorStakeholderId: sponsor,
      cosponsorStakeholderIds: i % 4 === 0 ? [pick(delegationIds), pick(delegationIds)] : [],
      chairsCompromise: i % 97 === 0,
      revision: 1,
      tabledAt: new Date(Date.UTC(2026, 2, 1, 9, 0, i)).toISOString(),
      decidedAt: null,
      reason: null,
      intoAmendmentId: null,
    };
  });
  const documentId = id('d0d0d0d0', 0);
  const consensus = {
    documentId,
    negotiationId: id('e0e0e0e0', 0),
    title: 'Generated compact',
    symbol: 'A/BENCH/1',
    adopted: false,
    revisionInForce: 'Rev 1',
    paragraphs: [],
    amendments: [],
  };
  const frame = {
    documentId,
    asOf: {
      asOf: 'now',
      recordPosition: '1',
      recordOccurredAt: '2026-03-04T09:00:00.000Z',
      textRevision: '1',
      revisionInForce: 'Rev 1',
    },
    document: {
      negotiationId: consensus.negotiationId,
      title: consensus.title,
      symbol: consensus.symbol,
      mode: 'formal',
      adopted: false,
      revisions: [],
    },
    paragraphs,
    amendments,
    positions: [],
    // The renderers never read the consensus; the frame carries an empty one for the JSON baseline.
    consensus: consensus as unknown as DocumentFrame['consensus'],
  } satisfies DocumentFrame;
  return { frame, stakeholders, placements };
}

export async function exportsSuite(log: (line: string) => void): Promise<SuiteResult> {
  const { frame, stakeholders, placements } = generate();
  const input = { frame, stakeholders, placements, generatedAt: '2026-03-04T09:00:00.000Z' };
  const baseline = await bestOf(RUNS, () => timeMs(() => JSON.stringify(frame)), 'lower');
  log(`baseline JSON.stringify of the frame: ${baseline.toFixed(1)} ms`);
  const rows: BenchRow[] = [];
  const model = compilationModel(input);
  const build = await bestOf(RUNS, () => timeMs(() => compilationModel(input)), 'lower');
  rows.push(
    row('build the compilation model', 'ms', build, baseline, 'lower', {
      notes: `${PARAGRAPHS} paragraphs, ${AMENDMENTS} pending amendments`,
    }),
  );
  log(`model: ${build.toFixed(1)} ms`);
  for (const format of exportFormats) {
    let size = 0;
    const ms = await bestOf(
      RUNS,
      () =>
        timeMs(async () => {
          size = (await renderExport(compilationModel(input), format)).bytes.length;
        }),
      'lower',
    );
    rows.push(
      row(`compilation → ${format}`, 'ms', ms, baseline, 'lower', {
        notes: `model + render; ${(size / 1024).toFixed(0)} KiB`,
      }),
    );
    log(`${format}: ${ms.toFixed(1)} ms, ${(size / 1024).toFixed(0)} KiB`);
  }
  const paragraphsShown = model.blocks.length;
  return {
    suite: 'exports',
    baseline: 'JSON.stringify of the same frame, in the same run (ratio = baseline ÷ Accord)',
    rows,
    notes: [
      `Generated compilation: ${PARAGRAPHS} paragraphs (${paragraphsShown} with proposed new ones), ${AMENDMENTS} pending amendments by ${DELEGATIONS} delegations; best of ${RUNS}.`,
      'Time is model building plus rendering to bytes (DOCX zipped, PDF with DejaVu Sans embedded).',
    ],
  };
}
