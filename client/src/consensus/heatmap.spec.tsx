import type { DelegationStanding, TargetConsensus } from '@accord/shared';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import { stakeholder } from '../test-support/providers.js';
import { Heatmap } from './Heatmap.js';

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
        ? [{ groupId: 'g', name: 'Group', shortCode: 'GRP', stance, statement: '', statedAt: '' }]
        : [],
  }) as DelegationStanding;

const consensus = (delegations: DelegationStanding[]): TargetConsensus => ({
  status: 'contested',
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
  delegations,
  objectors: [],
  reservations: [],
  undecided: [],
  groups: [],
  notCounted: [],
});

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
});
