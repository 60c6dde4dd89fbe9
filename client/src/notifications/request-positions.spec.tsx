import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Position } from '../api/types.js';
import { renderInDraft } from '../test-support/providers.js';
import { RequestPositions } from './RequestPositions.js';

const chair = { userId: 'u-chair', stakeholderId: 's-NHR', role: 'chair' } as const;
const target = { kind: 'paragraph', id: 'p1' } as const;

const statedBy = (code: string): Position => ({
  documentId: 'd1',
  target,
  stakeholderId: `s-${code}`,
  stakeholder: {
    stakeholderId: `s-${code}`,
    name: `Republic of ${code}`,
    shortCode: code,
    kind: 'delegation',
  },
  stance: 'support',
  statement: '',
  statedBy: 'u',
  statedAt: '2026-11-20T09:30:00.000Z',
});

/** Answers every call as done and keeps what was sent. */
function recordCalls() {
  const calls: { url: string; method: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      calls.push({ url, method: init.method ?? 'GET', body: JSON.parse(init.body as string) });
      return Promise.resolve(new Response(JSON.stringify({ position: '7' }), { status: 200 }));
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe("the chair's request for positions", () => {
  it('asks every delegation without a position by default, with the note', async () => {
    const calls = recordCalls();
    renderInDraft(<RequestPositions target={target} positions={[]} />, {}, chair);
    const user = userEvent.setup();
    expect(screen.getByText('2 delegations have not stated a position')).toBeTruthy();
    const boxes = screen.getAllByRole<HTMLInputElement>('checkbox');
    // Observers are not asked: their positions do not count towards consensus.
    expect(boxes.map((b) => b.labels?.[0]?.textContent)).toEqual([
      'Republic of NHR (NHR)',
      'Republic of PEL (PEL)',
    ]);
    expect(boxes.every((b) => b.checked)).toBe(true);
    await user.type(screen.getByLabelText(/Note to the delegations/), 'Before Thursday, please.');
    await user.click(screen.getByRole('button', { name: 'Ask for positions' }));
    await screen.findByText('Asked 2 delegations for their position.');
    expect(calls).toEqual([
      {
        url: '/api/documents/d1/position-requests',
        method: 'POST',
        body: { target, stakeholderIds: ['s-NHR', 's-PEL'], note: 'Before Thursday, please.' },
      },
    ]);
    expect(screen.getByLabelText<HTMLTextAreaElement>(/Note to the delegations/).value).toBe('');
  });

  it('leaves out the delegations that stated a position and those the chair unticks', async () => {
    const calls = recordCalls();
    renderInDraft(<RequestPositions target={target} positions={[statedBy('NHR')]} />, {}, chair);
    const user = userEvent.setup();
    expect(screen.queryByRole('checkbox', { name: /NHR/ })).toBeNull();
    const submit = screen.getByRole<HTMLButtonElement>('button', { name: 'Ask for positions' });
    await user.click(screen.getByRole('checkbox', { name: /PEL/ }));
    expect(submit.disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: /PEL/ }));
    await user.click(submit);
    await screen.findByText('Asked 1 delegation for its position.');
    // No note typed: none is sent.
    expect(calls.map((c) => c.body)).toEqual([{ target, stakeholderIds: ['s-PEL'] }]);
  });

  it('says so when every delegation has stated a position', () => {
    renderInDraft(
      <RequestPositions target={target} positions={[statedBy('NHR'), statedBy('PEL')]} />,
      {},
      chair,
    );
    expect(screen.getByText('Every delegation has stated a position here.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ask for positions' })).toBeNull();
  });
});
