// The language burn-down: one line per language, its points rising with the paragraphs current
// at each day's end, and the same figures in the table screen readers read.
import type { TranslationsSummary } from '@accord/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInDraft } from '../test-support/providers.js';
import { burndownLines, LanguageBurndown } from './LanguageBurndown.js';

const counts = { current: 0, outOfDate: 0, missing: 0, total: 4 };
const day = (d: string, fr: number, ar: number) => ({
  day: d,
  languages: [
    { language: 'ar' as const, current: ar, total: 4 },
    { language: 'fr' as const, current: fr, total: 4 },
  ],
});
const summary: TranslationsSummary = {
  documentId: 'd1',
  original: { language: 'en', name: 'English', dir: 'ltr' },
  languages: [
    { language: 'ar', name: 'العربية', dir: 'rtl', counts },
    { language: 'fr', name: 'Français', dir: 'ltr', counts },
  ],
  burndown: [day('2026-11-18', 0, 0), day('2026-11-19', 2, 0), day('2026-11-20', 3, 1)],
};

describe('the language burn-down', () => {
  it('gives each language its counts in day order', () => {
    expect(burndownLines(summary).map((l) => [l.language, l.current])).toEqual([
      ['ar', [0, 0, 1]],
      ['fr', [0, 2, 3]],
    ]);
  });

  it('draws one line per language, rising as paragraphs become current', () => {
    const { container } = renderInDraft(<LanguageBurndown summary={summary} />);
    const line = container.querySelector('.language-burndown__line--fr')!;
    // y falls as the count rises: each point is higher up than the day before.
    const ys = line
      .getAttribute('points')!
      .split(' ')
      .map((p) => Number(p.split(',')[1]));
    expect(ys).toHaveLength(3);
    expect(ys[1]!).toBeLessThan(ys[0]!);
    expect(ys[2]!).toBeLessThan(ys[1]!);
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(/3 days, out of 4/);
    // Each language a row of its own, one count a day: French 0, 2, 3.
    const table = screen.getByRole('table', { hidden: true });
    const french = within(table).getByRole('row', { name: /Français/, hidden: true });
    const cells = within(french).getAllByRole('cell', { hidden: true });
    expect(cells.map((c) => c.textContent)).toEqual(['0', '2', '3']);
  });

  it('draws nothing before any day is known', () => {
    const { container } = renderInDraft(
      <LanguageBurndown summary={{ ...summary, burndown: [] }} />,
    );
    expect(container.querySelector('svg')).toBeNull();
  });
});
