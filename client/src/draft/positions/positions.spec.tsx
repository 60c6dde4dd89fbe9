import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Position } from '../../api/types.js';
import { renderInDraft } from '../../test-support/providers.js';
import { PositionForm } from './PositionForm.js';
import { PositionGroups } from './PositionGroups.js';

const position = (
  code: string,
  stance: Position['stance'],
  kind: 'delegation' | 'observer' = 'delegation',
  statement = '',
): Position => ({
  documentId: 'd1',
  target: { kind: 'paragraph', id: 'p1' },
  stakeholderId: `s-${code}`,
  stakeholder: { stakeholderId: `s-${code}`, name: `Republic of ${code}`, shortCode: code, kind },
  stance,
  statement,
  statedBy: 'u',
  statedAt: '2026-11-20T09:30:00.000Z',
});

afterEach(() => vi.unstubAllGlobals());

describe('positions on a paragraph', () => {
  it('are grouped by stance, with observers apart and not counted', () => {
    renderInDraft(
      <PositionGroups
        positions={[
          position('PEL', 'support'),
          position('NHR', 'objection', 'delegation', 'We cannot accept binding limits.'),
          position('MRU', 'support'),
          position('IUHO', 'objection', 'observer'),
        ]}
      />,
    );
    expect(screen.getByText('1 objection · 2 support')).toBeTruthy();
    const counted = screen.getByRole('heading', { name: 'Delegations and groups' }).parentElement!;
    expect(
      within(counted)
        .getAllByText(/^(MRU|PEL|NHR)$/)
        .map((e) => e.textContent),
    ).toEqual(['MRU', 'PEL', 'NHR']);
    expect(within(counted).getByText('We cannot accept binding limits.')).toBeTruthy();
    const others = screen.getByRole('heading', {
      name: /not counted towards consensus/,
    }).parentElement!;
    expect(within(others).getByText('IUHO')).toBeTruthy();
  });

  it('are stated with a stance and a statement through the API', async () => {
    const calls: { url: string; method: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        calls.push({ url, method: init.method ?? 'GET', body: JSON.parse(init.body as string) });
        return Promise.resolve(new Response(JSON.stringify({ position: '99' }), { status: 200 }));
      }),
    );
    const reloadPositions = vi.fn();
    renderInDraft(<PositionForm target={{ kind: 'paragraph', id: 'p1' }} current={undefined} />, {
      reloadPositions,
    });
    const user = userEvent.setup();
    const submit = screen.getByRole('button', { name: 'State the position' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('radio', { name: /Reservation/ }));
    await user.type(screen.getByLabelText(/Statement/), 'We must consult our capital.');
    await user.click(submit);
    await screen.findByText('Position stated: Reservation.');
    expect(calls).toEqual([
      {
        url: '/api/documents/d1/positions',
        method: 'PUT',
        body: {
          target: { kind: 'paragraph', id: 'p1' },
          stance: 'reservation',
          statement: 'We must consult our capital.',
        },
      },
    ]);
    expect(reloadPositions).toHaveBeenCalled();
  });

  it('are not asked of the secretariat', () => {
    renderInDraft(
      <PositionForm target={{ kind: 'paragraph', id: 'p1' }} current={undefined} />,
      {},
      {
        userId: 'u2',
        stakeholderId: 's-SEC',
        role: 'secretariat',
      },
    );
    expect(screen.getByText('The secretariat is neutral and states no positions.')).toBeTruthy();
  });
});
