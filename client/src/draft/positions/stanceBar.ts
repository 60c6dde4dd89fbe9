// The stance bar's colours as CSS variables, apart from the editor's margin plugin so that views
// without the editor (the draft in the past) can draw it without loading ProseMirror.
import type { CSSProperties } from 'react';
import type { StanceCounts } from './tally.js';

/** CSS variables for the stance bar: cumulative percentages of support … objection. */
export function stanceBarStyle(counts: StanceCounts | undefined): string | null {
  if (!counts) return null;
  const order = [
    counts.support,
    counts['can-accept'],
    counts.reservation,
    counts.objection,
    counts.abstain,
  ];
  const total = order.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let sum = 0;
  return order
    .map((n, i) => {
      sum += n;
      return `--stop${i + 1}: ${((sum / total) * 100).toFixed(1)}%`;
    })
    .join('; ');
}

/** The same variables as a React style object. */
export function stanceBarProperties(counts: StanceCounts | undefined): CSSProperties | undefined {
  const css = stanceBarStyle(counts);
  if (!css) return undefined;
  return Object.fromEntries(css.split('; ').map((part) => part.split(': '))) as CSSProperties;
}
