import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Actor, StakeholderRef } from '../api/types.js';
import { overviewOrder } from '../home/HomeRoundtables.js';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import { ToastProvider } from '../ui/toasts.js';
import type { Roundtable } from './roundtable-api.js';
import { SignOffPanel } from './SignOffPanel.js';
import { signOffState } from './signoff.js';

const ref = (code: string): StakeholderRef => ({
  stakeholderId: `s-${code}`,
  name: `Republic of ${code}`,
  shortCode: code,
  kind: 'delegation',
});

const roundtable = (overrides: Partial<Roundtable> = {}): Roundtable => ({
  roundtableId: 'rt1',
  negotiationId: 'n1',
  documentId: 'd1',
  theme: 'Outdoor workers in extreme heat',
  date: '2026-12-02',
  status: 'scheduled',
  coChairs: [ref('VRD'), ref('UMB')],
  coverage: { documentId: 'd1', paragraphIds: ['p1'] },
  invited: [],
  background: '',
  guidingQuestions: [],
  draft: 3,
  signOffs: [],
  readyToIssue: false,
  papers: [],
  summary: null,
  scheduledBy: 'u',
  scheduledAt: '2026-11-20T09:00:00.000Z',
  concludedBy: null,
  concludedAt: null,
  updatedAt: '2026-11-20T09:00:00.000Z',
  ...overrides,
});

const umbSigned = {
  stakeholderId: 's-UMB',
  userId: 'u-umb',
  at: '2026-11-21T10:00:00.000Z',
  stakeholder: ref('UMB'),
};

const vrdDelegate: Actor = { userId: 'u-vrd', stakeholderId: 's-VRD', role: 'delegate' };
const secretariat: Actor = { userId: 'u-sec', stakeholderId: 's-SEC', role: 'secretariat' };
const otherDelegate: Actor = { userId: 'u-nhr', stakeholderId: 's-NHR', role: 'delegate' };

function renderPanel(rt: Roundtable, you: Actor, onChanged = () => undefined) {
  return render(
    <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>
      <ToastProvider>
        <SignOffPanel roundtable={rt} you={you} onChanged={onChanged} />
      </ToastProvider>
    </I18nProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('the sign-off state', () => {
  it('lets a co-chair sign once per draft and the chair side issue only when both signed', () => {
    const half = roundtable({ signOffs: [umbSigned] });
    expect(signOffState(half, vrdDelegate)).toMatchObject({
      coChair: true,
      maySignOff: true,
      mayIssue: false,
      ready: false,
      waitingFor: [ref('VRD')],
    });
    expect(signOffState(half, { ...vrdDelegate, stakeholderId: 's-UMB' }).maySignOff).toBe(false);
    expect(signOffState(half, otherDelegate)).toMatchObject({ coChair: false, mayEdit: false });
    expect(signOffState(half, secretariat)).toMatchObject({ mayIssue: true, ready: false });
    const both = roundtable({
      signOffs: [umbSigned, { ...umbSigned, stakeholderId: 's-VRD', stakeholder: ref('VRD') }],
      papers: [
        {
          roundtableId: 'rt1',
          version: 1,
          draft: 2,
          recordPosition: '10',
          files: [],
          signedOffBy: [],
          issuedBy: 'u',
          issuedAt: '2026-11-19T09:00:00.000Z',
        },
      ],
    });
    expect(signOffState(both, secretariat)).toMatchObject({ ready: true, nextVersion: 2 });
    expect(signOffState({ ...both, status: 'concluded' }, secretariat).mayIssue).toBe(false);
  });
});

describe('the sign-off panel', () => {
  it('shows who signed and who is awaited, and keeps the issue button off until both signed', () => {
    renderPanel(roundtable({ signOffs: [umbSigned] }), secretariat);
    expect(screen.getByText('Signed off 21 Nov 2026, 10:00')).toBeTruthy();
    expect(screen.getByText('Awaiting sign-off')).toBeTruthy();
    const issue = screen.getByRole('button', { name: 'Issue version 1' });
    expect((issue as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Waiting for the sign-off of Republic of VRD.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Sign off/ })).toBeNull();
  });

  it('signs off the draft the co-chair sees, naming its number', async () => {
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit) => {
        calls.push({ url, body: JSON.parse(init.body as string) });
        return Promise.resolve(new Response(JSON.stringify({ position: '5' }), { status: 200 }));
      }),
    );
    const onChanged = vi.fn();
    renderPanel(roundtable(), vrdDelegate, onChanged);
    await userEvent
      .setup()
      .click(screen.getByRole('button', { name: 'Sign off draft 3 for your delegation' }));
    await screen.findByText('Your delegation signed off draft 3.');
    expect(calls).toEqual([{ url: '/api/roundtables/rt1/sign-off', body: { draft: 3 } }]);
    expect(onChanged).toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: /Issue version/ })).toBeNull();
  });

  it('lets the secretariat issue once both signed, and shows a refusal in place', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(
            JSON.stringify({ type: 'x/not-signed-off', detail: 'Draft 3 changed since sign-off' }),
            { status: 409, headers: { 'content-type': 'application/problem+json' } },
          ),
        ),
      ),
    );
    renderPanel(
      roundtable({
        signOffs: [umbSigned, { ...umbSigned, stakeholderId: 's-VRD', stakeholder: ref('VRD') }],
      }),
      secretariat,
    );
    expect(screen.getByText(/Both co-chairs signed off draft 3/)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Issue version 1' }));
    const shown = await screen.findAllByText(
      'That cannot be done now: Draft 3 changed since sign-off',
    );
    expect(shown.some((e) => e.closest('section') !== null)).toBe(true);
  });
});

describe('roundtables on the overview', () => {
  it('come scheduled first, then concluded, each by date', () => {
    const order = overviewOrder([
      roundtable({ roundtableId: 'a', date: '2026-11-01', status: 'concluded' }),
      roundtable({ roundtableId: 'b', date: '2026-12-09' }),
      roundtable({ roundtableId: 'c', date: '2026-12-02' }),
    ]);
    expect(order.map((r) => r.roundtableId)).toEqual(['c', 'b', 'a']);
  });
});
