import type { ConsensusSummary } from '@accord/shared';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ActivityEntry, MilestoneView } from '../api/types.js';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import { ConsensusChart } from './ConsensusChart.js';
import { dailyPoints, loadSeries, type SeriesPoint } from './series.js';

const entry = (position: string, at: string, documentId: string | null = 'd1'): ActivityEntry => ({
  position,
  negotiationId: 'n1',
  documentId,
  at,
  actor: { userId: null, displayName: null, stakeholderId: null, stakeholder: null },
  kind: 'position',
  eventType: 'PositionStated',
  activity: {
    type: 'PositionStated',
    params: { stance: 'support', on: 'paragraph' },
  },
  subjectId: null,
});

const revision = (label: string, at: string): MilestoneView => ({
  kind: 'revision-issued',
  documentId: 'd1',
  at,
  position: '1',
  userId: 'u1',
  label,
  documentSymbol: 'A/1',
  asOf: 'position:1',
});

const summary = (agreed: number, contested: number, open: number): ConsensusSummary => ({
  paragraphs: agreed + contested + open,
  agreed,
  contested,
  open,
  byStatus: {
    'agreed-ad-ref': agreed,
    consensus: 0,
    'no-objection-so-far': 0,
    contested,
    'pending-reservations': 0,
    'no-positions': open,
  },
  pendingAmendments: 0,
  contestedAmendments: 0,
});

describe('consensus over time', () => {
  it('takes the last position of each day the document moved, in the reader’s time zone', () => {
    const days = dailyPoints(
      [
        // Newest first, as the activity feed answers.
        entry('40', '2026-11-21T23:30:00.000Z'),
        entry('35', '2026-11-21T09:00:00.000Z'),
        entry('30', '2026-11-20T10:00:00.000Z', 'other-document'),
        entry('12', '2026-11-13T13:00:00.000Z'),
        entry('10', '2026-11-13T08:00:00.000Z'),
      ],
      'd1',
      [revision('Zero draft', '2026-11-13T13:00:00.000Z')],
      'Europe/Zurich',
    );
    // 23:30 UTC on the 21st is already the 22nd in Zurich.
    expect(days).toEqual([
      {
        day: '2026-11-13',
        at: '2026-11-13T13:00:00.000Z',
        asOf: 'position:12',
        revisions: ['Zero draft'],
      },
      { day: '2026-11-21', at: '2026-11-21T09:00:00.000Z', asOf: 'position:35', revisions: [] },
      { day: '2026-11-22', at: '2026-11-21T23:30:00.000Z', asOf: 'position:40', revisions: [] },
    ]);
  });

  it('asks the consensus of each day and leaves out days before there was text', async () => {
    const asked: string[] = [];
    const answers: Record<string, ConsensusSummary> = {
      'position:1': summary(0, 0, 0),
      'position:2': summary(0, 1, 9),
      'position:3': summary(2, 1, 7),
    };
    const series = await loadSeries(
      ['1', '2', '3'].map((n) => ({
        day: `2026-11-1${n}`,
        at: '',
        asOf: `position:${n}`,
        revisions: [],
      })),
      (asOf) => {
        asked.push(asOf);
        return Promise.resolve({ summary: answers[asOf]! });
      },
    );
    expect(asked).toEqual(['position:1', 'position:2', 'position:3']);
    expect(series.map((p) => [p.asOf, p.agreed, p.open, p.contested])).toEqual([
      ['position:2', 0, 9, 1],
      ['position:3', 2, 7, 1],
    ]);
  });

  it('draws one stacked bar per day with its figures, and the revisions under it', () => {
    const series: SeriesPoint[] = [
      {
        day: '2026-11-13',
        at: '2026-11-13T13:00:00.000Z',
        asOf: 'position:12',
        revisions: ['Zero draft'],
        agreed: 0,
        open: 10,
        contested: 0,
      },
      {
        day: '2026-11-22',
        at: '2026-11-22T15:30:00.000Z',
        asOf: 'position:40',
        revisions: ['Rev 1'],
        agreed: 2,
        open: 6,
        contested: 2,
      },
    ];
    const { container } = render(
      <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>
        <ConsensusChart series={series} />
      </I18nProvider>,
    );
    expect(
      screen.getByRole('img', { name: 'Paragraphs agreed, open and contested per day' }),
    ).toBeTruthy();
    const bars = container.querySelectorAll('.chart__bar');
    expect(bars).toHaveLength(2);
    expect(bars[1]!.querySelector('title')!.textContent).toBe(
      '22 Nov 2026: 2 agreed ad ref, 6 open, 2 contested',
    );
    // Heights are in proportion: the second bar's contested part is a fifth of the first's open.
    const height = (bar: Element, layer: string) =>
      Number(bar.querySelector(`.chart__rect--${layer}`)?.getAttribute('height') ?? 0);
    expect(height(bars[1]!, 'contested') * 5).toBeCloseTo(height(bars[0]!, 'open'));
    expect(bars[0]!.querySelector('.chart__rect--contested')).toBeNull();
    expect([...container.querySelectorAll('.chart__revision')].map((n) => n.textContent)).toEqual([
      'Zero draft',
      'Rev 1',
    ]);
  });
});
