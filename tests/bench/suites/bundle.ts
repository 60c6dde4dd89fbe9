/**
 * Bundle suite: the gzipped JavaScript each screen downloads, measured by
 * scripts/bundle-size.mjs from the built client's Vite manifest. The baseline column is the
 * budget of issue #18 where it sets one (sign-in 80 KiB, draft 200 KiB), which applies to the
 * first view; a screen that fetches more right after on its own (the draft's editor) gets a
 * second row with that total, so the split hides nothing.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { resultsDir, row, type SuiteResult } from '../lib/results.js';

// From the results folder (tests/bench/results), which resolves the same from source and dist.
const script = path.resolve(resultsDir, '../../../scripts/bundle-size.mjs');
const resultsFile = path.join(resultsDir, 'bundle-size.json');

const measured = z.object({
  unit: z.string(),
  routes: z.array(
    z.object({
      route: z.string(),
      path: z.string(),
      chunks: z.number(),
      gzipKiB: z.number(),
      withFollowUpsChunks: z.number(),
      withFollowUpsGzipKiB: z.number(),
      budgetKiB: z.number().optional(),
    }),
  ),
});

export async function bundleSuite(log: (line: string) => void): Promise<SuiteResult> {
  // The script exits 1 over budget; the figures are still written, and the bench reports them.
  const { stdout } = await promisify(execFile)(process.execPath, [script]).catch(
    (failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }),
  );
  for (const line of stdout.trim().split('\n')) log(line);
  const result = measured.parse(JSON.parse(readFileSync(resultsFile, 'utf8')));
  return {
    suite: 'bundle',
    baseline: 'the budget of issue #18, where it sets one',
    rows: result.routes.flatMap((r) => [
      row(
        `${r.route} (${r.path}), first view`,
        `KiB gzip JS`,
        r.gzipKiB,
        r.budgetKiB ?? Number.NaN,
        'lower',
        {
          ...(r.budgetKiB === undefined ? {} : { target: `≤ ${r.budgetKiB} KiB` }),
          notes: `${r.chunks} chunks`,
        },
      ),
      ...(r.withFollowUpsGzipKiB > r.gzipKiB
        ? [
            row(
              `${r.route} (${r.path}), with what it loads right after`,
              `KiB gzip JS`,
              r.withFollowUpsGzipKiB,
              Number.NaN,
              'lower',
              {
                notes: `${r.withFollowUpsChunks} chunks; no budget, reported so nothing is hidden`,
              },
            ),
          ]
        : []),
    ]),
    notes: [
      `Sizes in ${result.unit}; JavaScript only, English catalogue included (the sign-in screen carries only its own messages).`,
    ],
  };
}
