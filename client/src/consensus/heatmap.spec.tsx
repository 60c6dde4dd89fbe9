import type { DelegationStanding, TargetConsensus } from '@accord/shared';
import { render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import { stakeholder } from '../test-support/providers.js';
import { Heatmap, type HeatmapRow } from './Heatmap.js';
import { HeatmapLegend } from './HeatmapLegend.js';

const standing = (
  code: string,
  stance: DelegationStanding['stance'],
  source: DelegationStanding['source'] = 'own',
) =>
  ({
    stakeholderId: `s-${code}`,
    name: `Republic of ${code}`,
    shortCode: code,
    source,
    stance,
    statement: '',
    statedBy: null,
    statedAt: '2026-11-20T09:00:00.000Z',
    groups:
      source === 'group'
        ? [
            {
              groupId: 'g',
              name: 'Group',
              shortCode: 'GRP',
              stance,
              statement: '',
              statedAt: '',
              sponsor: false,
            },
          ]
        : [],
  }) as DelegationStanding;

const consensus = (
  delegations: DelegationStanding[],
  status: TargetConsensus['status'] = 'contested',
): TargetConsensus => ({
  status,
  tally: {
    delegations: 4,
    support: 1,
    canAccept: 0,
    reservation: 1,
    objection: 1,
    abstain: 0,
    undecided: 0,
    silent: 1,
  },
  breadth: { supporting: 1, of: 4, share: 0.25 },
  participation: { stated: 3, expected: 4 },
  delegations,
  objectors: [],
  reservations: [],
  undecided: [],
  groups: [],
  notCounted: [],
});

const inEnglish = (ui: ReactElement) =>
  render(
    <I18nProvider i18n={createI18n({ preferred: ['en'], timeZone: 'UTC' })}>{ui}</I18nProvider>,
  );

const heatmapOf = (rows: HeatmapRow[]) =>
  inEnglish(
    <Heatmap
      caption="Amendments"
      firstColumn="Amendment"
      delegations={['AAA', 'BBB', 'CCC', 'DDD'].map((c) => stakeholder(c))}
      rows={rows}
    />,
  );

describe('the consensus heatmap', () => {
  it('shows each delegation’s stance in words as well as colour, silence as an empty cell', () => {
    render(
      <I18nProvider i18n={createI18n({ preferred: ['en'], timeZone: 'UTC' })}>
        <Heatmap
          caption="Paragraphs"
          firstColumn="Paragraph"
          delegations={['AAA', 'BBB', 'CCC', 'DDD'].map((c) => stakeholder(c))}
          rows={[
            {
              key: 'p1',
              header: 'OP 1',
              consensus: consensus([
                standing('AAA', 'support'),
                standing('BBB', 'objection'),
                standing('CCC', 'reservation', 'group'),
              ]),
            },
          ]}
        />
      </I18nProvider>,
    );
    const row = screen.getByRole('row', { name: /OP 1/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells.slice(2).map((c) => c.className)).toEqual([
      'cell cell--support',
      'cell cell--objection',
      'cell cell--reservation cell--group',
      'cell cell--silent',
    ]);
    expect(cells.slice(2).map((c) => c.textContent)).toEqual([
      '✓AAA: Support',
      '✗BBB: Objection',
      'RCCC: Reservation (as GRP)',
      'DDD: silent',
    ]);
    expect(within(row).getByText('Contested')).toBeTruthy();
    expect(within(row).getByText('1 of 4')).toBeTruthy();
  });

  it('says "no objection so far" with how many delegations have stated, never "consensus"', () => {
    heatmapOf([
      {
        key: 'a1',
        header: 'AAA: replace words in OP 1',
        consensus: consensus(
          [standing('AAA', 'support', 'sponsor'), standing('BBB', 'can-accept')],
          'no-objection-so-far',
        ),
      },
    ]);
    const row = screen.getByRole('row', { name: /AAA: replace words/ });
    expect(within(row).getByText('No objection so far (3 of 4 stated)')).toBeTruthy();
    expect(within(row).queryByText('Consensus')).toBeNull();
  });

  it('outlines a sponsor’s support and says so in words', () => {
    heatmapOf([
      {
        key: 'a1',
        header: 'AAA: replace words in OP 1',
        consensus: consensus([standing('AAA', 'support', 'sponsor')], 'no-objection-so-far'),
      },
    ]);
    const cell = within(screen.getByRole('row', { name: /AAA: replace/ })).getAllByRole('cell')[2]!;
    expect(cell.className).toBe('cell cell--support cell--sponsor');
    expect(cell.textContent).toBe('✓AAA: Support (sponsor)');
  });
});

describe('the heatmap legend', () => {
  it('explains every colour, every status word and the support column', () => {
    inEnglish(<HeatmapLegend />);
    const legend = screen.getByRole('region', { name: 'Legend' });
    for (const words of [
      'Support',
      'Objection',
      'silent',
      'striped: taken from its negotiating group',
      'outlined: sponsors the amendment',
      'Consensus',
      'every delegation has stated a position; none objects or holds a reservation',
      'No objection so far',
      'nobody objects yet, but not every delegation has stated a position',
      'Support: delegations that support or can accept, of all delegations',
    ])
      expect(within(legend).getByText(words)).toBeTruthy();
  });
});
