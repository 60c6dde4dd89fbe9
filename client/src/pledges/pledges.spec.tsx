// The pledge screens' pieces: the history replay shows the pledge as it stood at the step chosen
// (folded with shared's replayPledge, as the server does), and the trend chart's legend carries
// the counts of the review's day for those who do not see the drawing.
import { replayPledge, type PledgeEvent, type TrendPoint } from '@accord/shared';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInDraft } from '../test-support/providers.js';
import { PledgeHistory } from './PledgeHistory.js';
import { TrendChart } from './TrendChart.js';

const id = (n: number) => `01JD00000000000000000000${String(n).padStart(2, '0')}`;
const party = { userId: id(1), stakeholderId: id(2) };
const content = {
  title: 'Shade for every school yard',
  commitments: 'Plant trees and raise awnings in every school yard.',
  partners: [],
  timeline: { start: '2026-01-01', end: '2027-12-31' },
  indicators: [{ ref: 'yards', name: 'Yards shaded', unit: 'yards', baseline: 0, target: 50 }],
  objectives: [{ objectiveId: id(3), label: 'Objective 2: Cool the places where people live' }],
  paragraphs: [],
};
const events: PledgeEvent[] = [
  {
    type: 'PledgeRegistered',
    data: {
      pledgeId: id(4),
      negotiationId: id(5),
      documentId: id(6),
      pledger: { kind: 'state', name: 'Republic of PEL', stakeholderId: id(2) },
      content,
      registeredBy: party,
      registeredAt: '2026-02-01T10:00:00.000Z',
    },
  },
  {
    type: 'PledgeProgressReported',
    data: {
      pledgeId: id(4),
      reportId: id(7),
      status: 'at-risk',
      period: { from: '2026-01-01', to: '2026-03-31' },
      narrative: 'Awnings are late.',
      figures: [{ ref: 'yards', value: 6 }],
      reportedBy: party,
      reportedAt: '2026-04-02T10:00:00.000Z',
    },
  },
];

describe('the pledge history', () => {
  it('shows the latest step, and the pledge as it stood at an earlier one when chosen', async () => {
    const { history } = replayPledge(events)!;
    renderInDraft(<PledgeHistory history={history} />);
    const shown = screen.getByTestId('pledge-as-of');
    expect(shown.textContent).toContain('Awnings are late.');
    expect(shown.textContent).toContain('At risk');
    await userEvent.click(screen.getByRole('button', { name: /^Registered/ }));
    expect(screen.getByTestId('pledge-as-of').textContent).toContain('No report yet.');
  });
});

describe('the trend chart', () => {
  it('draws a bar per point and gives the last point’s counts in its legend', () => {
    const counts = { 'on-track': 2, 'at-risk': 1, 'off-track': 0, achieved: 1, silent: 3 };
    const trend: TrendPoint[] = [
      { date: '2026-05-01', counts: { ...counts, silent: 5, 'on-track': 0 } },
      { date: '2026-06-01', counts },
    ];
    const { container } = renderInDraft(<TrendChart trend={trend} />);
    expect(container.querySelectorAll('svg g')).toHaveLength(2);
    expect(screen.getByText(/Silent \(3\)/)).toBeTruthy();
    expect(screen.getByText(/On track \(2\)/)).toBeTruthy();
  });
});
