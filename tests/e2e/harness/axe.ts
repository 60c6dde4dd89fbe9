/// <reference lib="dom" />
// axe-core in the browser tests: puts axe.min.js into the page (from the tests' own dependency,
// no CDN) and runs it, returning the violations at the impacts issue #18 forbids on the main
// pages (serious and critical) in a shape that reads well in a failed assertion.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

/** One rule broken, with the first few elements that break it (CSS selectors). */
export interface AxeViolation {
  rule: string;
  impact: ImpactValue | undefined;
  help: string;
  targets: string[];
}

const BLOCKING: readonly ImpactValue[] = ['serious', 'critical'];

/**
 * Runs axe on the page as it is now (WCAG 2.x A and AA rules plus axe's best practices) and
 * returns the serious and critical violations. `exclude` leaves out regions another test owns.
 */
export async function seriousViolations(
  page: Page,
  options: { exclude?: string[] } = {},
): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Not page.addScriptTag: Accord's Content-Security-Policy (script-src 'self') rightly refuses
  // an inline script. Evaluating through the DevTools protocol is not subject to it, and the
  // policy stays on, so the tests still see what it blocks.
  if (!loaded) {
    axeSource ??= readFileSync(AXE_SCRIPT, 'utf8');
    await page.evaluate(`${axeSource}\n;void 0`);
  }
  const runOptions: RunOptions = {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  };
  const results = await page.evaluate(
    async ({ exclude, runOptions: run }) => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => unknown } }).axe;
      const context = exclude.length ? { exclude: exclude.map((s) => [s]) } : document;
      return (await axe.run(context, run)) as AxeResults;
    },
    { exclude: options.exclude ?? [], runOptions },
  );
  return results.violations
    .filter((violation) => violation.impact && BLOCKING.includes(violation.impact))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}
