import type { BurndownView } from '@accord/shared';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import { BurndownChart, burndownSteps } from './BurndownChart.js';

const counts = (brackets: number, optionSets: number, options: number) => ({
  brackets,
  optionSets,
  options,
});

const view: BurndownView = {
  points: [
    { at: '2026-05-12T09:00:00.000Z', position: '10', total: counts(3, 1, 2) },
    { at: '2026-05-12T15:00:00.000Z', position: '14', total: counts(5, 1, 3) },
    { at: '2026-05-13T11:00:00.000Z', position: '20', total: counts(1, 0, 0) },
  ],
  revisions: [{ label: 'Rev 1', at: '2026-05-13T08:00:00.000Z' }],
};

const renderChart = (v: BurndownView) =>
  render(
    <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>
      <BurndownChart view={v} nowMs={Date.parse('2026-05-14T00:00:00.000Z')} />
    </I18nProvider>,
  );

describe('the bracket burn-down', () => {
  it('carries the last count on to now, one step per change', () => {
    const steps = burndownSteps(view, Date.parse('2026-05-14T00:00:00.000Z'));
    expect(steps.map((s) => s.brackets)).toEqual([3, 5, 1, 1]);
    expect(steps.at(-1)?.ms).toBe(Date.parse('2026-05-14T00:00:00.000Z'));
  });

  it('draws both lines, marks the revision and says the figures in a table', () => {
    const { container } = renderChart(view);
    expect(container.querySelectorAll('.burndown__line')).toHaveLength(2);
    expect(screen.getByText('Rev 1')).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('1 brackets');
    const rows = within(screen.getByRole('table', { hidden: true })).getAllByRole('row', {
      hidden: true,
    });
    expect(rows).toHaveLength(4);
    expect(rows[2]?.textContent).toContain('5');
  });

  it('says so when nothing was ever bracketed', () => {
    renderChart({ points: [], revisions: [] });
    expect(screen.getByText(/No bracket or option/)).toBeTruthy();
  });
});
