import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Amendment } from '../../api/types.js';
import { renderInDraft } from '../../test-support/providers.js';
import { AmendmentCard } from './AmendmentCard.js';
import { mergeCandidates } from './merge.js';

const amendment = (
  id: string,
  code: string,
  overrides: Partial<Amendment> = {},
  words = 'Cities shall publish heat action plans.',
): Amendment => ({
  amendmentId: id,
  documentId: 'd1',
  negotiationId: 'n1',
  paragraphId: 'p1',
  kind: 'add-paragraph',
  proposal: {
    kind: 'add-paragraph',
    anchor: null,
    paragraphKind: 'operative',
    originalText: '',
    proposedText: words,
  },
  revision: 1,
  rationale: '',
  sponsorStakeholderId: `s-${code}`,
  sponsor: {
    stakeholderId: `s-${code}`,
    name: `Republic of ${code}`,
    shortCode: code,
    kind: 'delegation',
  },
  cosponsorStakeholderIds: [],
  cosponsors: [],
  chairsCompromise: false,
  status: 'pending',
  reason: null,
  mergedInto: null,
  tabledBy: 'u',
  tabledAt: '2026-11-20T09:30:00.000Z',
  decidedBy: null,
  decidedAt: null,
  updatedAt: '2026-11-20T09:30:00.000Z',
  parentAmendmentId: null,
  restored: null,
  ...overrides,
});

const paragraphs = [
  { id: 'p1', kind: 'operative' as const, text: 'x', label: 'OP 1', status: 'open' as const },
  { id: 'p2', kind: 'operative' as const, text: 'y', label: 'OP 2', status: 'open' as const },
];

type Call = { url: string; method: string; body: unknown };
function stubFetch(answer: (call: Call) => Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      const call = {
        url,
        method: init.method ?? 'GET',
        body: init.body ? (JSON.parse(init.body as string) as unknown) : undefined,
      };
      calls.push(call);
      return Promise.resolve(answer(call));
    }),
  );
  return calls;
}
const ok = () => new Response(JSON.stringify({ position: '7' }), { status: 200 });

afterEach(() => vi.unstubAllGlobals());

describe('merge candidates', () => {
  it('are pending chair’s compromises other than the amendment, same paragraph first', () => {
    const target = amendment('a1', 'NHR');
    const elsewhere = amendment('c1', 'VRD', {
      chairsCompromise: true,
      paragraphId: 'p2',
      tabledAt: '2026-11-19T09:00:00.000Z',
    });
    const here = amendment('c2', 'VRD', { chairsCompromise: true });
    const decided = amendment('c3', 'VRD', { chairsCompromise: true, status: 'accepted' });
    const plain = amendment('a2', 'PEL');
    expect(
      mergeCandidates(target, [target, elsewhere, here, decided, plain]).map((a) => a.amendmentId),
    ).toEqual(['c2', 'c1']);
  });
});

describe('an amendment card', () => {
  it('lets the chair merge it into a compromise, posting the chosen compromise', async () => {
    const calls = stubFetch(ok);
    const target = amendment('a1', 'NHR');
    const compromise = amendment(
      'c1',
      'VRD',
      { chairsCompromise: true, paragraphId: 'p2' },
      'Cities should consider heat plans.',
    );
    renderInDraft(
      <AmendmentCard amendment={target} />,
      {
        amendments: [target, compromise],
        document: { ...baseDocument(), paragraphs },
      },
      { userId: 'chair', stakeholderId: 's-VRD', role: 'chair' },
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Merge into a compromise' }));
    const select = screen.getByRole('combobox', { name: 'Chair’s compromise' });
    expect(select.textContent).toBe('OP 2: “Cities should consider heat plans.”');
    await user.click(screen.getByRole('button', { name: 'Merge' }));
    await screen.findByText('Amendment merged into the chair’s compromise.');
    expect(calls).toEqual([
      { url: '/api/amendments/a1/merge', method: 'POST', body: { intoAmendmentId: 'c1' } },
    ]);
  });

  it('tells the chair how to make a compromise when there is none', async () => {
    const target = amendment('a1', 'NHR');
    renderInDraft(
      <AmendmentCard amendment={target} />,
      { amendments: [target] },
      { userId: 'chair', stakeholderId: 's-VRD', role: 'chair' },
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Merge into a compromise' }));
    expect(screen.getByText(/There is no pending chair’s compromise yet/)).toBeTruthy();
  });

  it('lets its sponsor revise the words and rationale', async () => {
    const calls = stubFetch(ok);
    const ours = amendment('a1', 'NHR', { rationale: 'Clarity.' });
    renderInDraft(<AmendmentCard amendment={ours} />, { amendments: [ours] });
    const user = userEvent.setup();
    expect(screen.queryByRole('button', { name: 'Co-sponsor' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Revise' }));
    const save = screen.getByRole('button', { name: 'Save the revision' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    const words = screen.getByLabelText('Proposed words');
    await user.clear(words);
    await user.type(words, 'Cities shall adopt heat action plans.');
    await user.click(save);
    await screen.findByText('Amendment revised.');
    expect(calls).toEqual([
      {
        url: '/api/amendments/a1/revise',
        method: 'POST',
        body: { proposedText: 'Cities shall adopt heat action plans.', rationale: 'Clarity.' },
      },
    ]);
  });

  it('withdraws with the reason given', async () => {
    const calls = stubFetch(ok);
    const ours = amendment('a1', 'NHR');
    renderInDraft(<AmendmentCard amendment={ours} />, { amendments: [ours] });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    await user.type(screen.getByLabelText(/Why your delegation withdraws it/), 'Covered by OP 4.');
    await user.click(screen.getByRole('button', { name: 'Withdraw the amendment' }));
    await screen.findByText('Amendment withdrawn.');
    expect(calls[0]).toEqual({
      url: '/api/amendments/a1/withdraw',
      method: 'POST',
      body: { reason: 'Covered by OP 4.' },
    });
  });

  it('shows on the card why the server refused a co-sponsorship', async () => {
    stubFetch(
      () =>
        new Response(
          JSON.stringify({
            type: 'https://accord.example/problems/conflict',
            title: 'Conflict',
            detail: 'the amendment is withdrawn',
          }),
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    const theirs = amendment('a1', 'PEL');
    renderInDraft(<AmendmentCard amendment={theirs} />, { amendments: [theirs] });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Co-sponsor' }));
    const alerts = await screen.findAllByText(
      'That cannot be done now: the amendment is withdrawn',
    );
    expect(alerts.some((a) => a.closest('article') !== null)).toBe(true);
  });

  it('names the delegations whose amendments a compromise merges', () => {
    const compromise = amendment('c1', 'VRD', { chairsCompromise: true });
    const merged = amendment('a1', 'NHR', { status: 'merged', mergedInto: 'c1' });
    renderInDraft(<AmendmentCard amendment={compromise} />, {
      amendments: [compromise, merged],
    });
    expect(screen.getByText('Merges the amendments of')).toBeTruthy();
    expect(screen.getAllByText('NHR').length).toBeGreaterThan(0);
  });
});

describe('sub-amendments, restoring and the chair as chair', () => {
  const chair = { userId: 'chair', stakeholderId: 's-VRD', role: 'chair' as const };
  const parent = amendment('a1', 'NHR', {
    kind: 'replace',
    proposal: {
      kind: 'replace',
      anchor: { start: 'AQID', end: 'BAUG' },
      originalText: 'shall',
      proposedText: 'should',
    },
  });
  const sub = amendment('a2', 'PEL', {
    kind: 'replace',
    parentAmendmentId: 'a1',
    proposal: { ...parent.proposal, proposedText: 'may' },
  });

  it('nests a sub-amendment under its parent, whose acceptance waits for it', () => {
    renderInDraft(<AmendmentCard amendment={parent} />, { amendments: [parent, sub] }, chair);
    const nested = screen.getByRole('list', { name: 'Sub-amendments to this amendment' });
    expect(nested.querySelector('[data-amendment-id="a2"]')).not.toBeNull();
    const [acceptParent] = screen.getAllByRole('button', { name: 'Accept' });
    expect((acceptParent as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Decide its sub-amendment first.')).toBeTruthy();
  });

  it('renders a listed sub-amendment only inside its parent', () => {
    const { container } = renderInDraft(<AmendmentCard amendment={sub} />, {
      amendments: [parent, sub],
    });
    expect(container.querySelector('[data-amendment-id]')).toBeNull();
  });

  it('tables a sub-amendment with the parent named and the new words', async () => {
    const calls = stubFetch(
      () => new Response(JSON.stringify({ amendmentId: 'a3' }), { status: 201 }),
    );
    renderInDraft(<AmendmentCard amendment={parent} />, { amendments: [parent] });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Amend this amendment' }));
    const words = screen.getByLabelText('Words in place of the proposed words');
    await user.clear(words);
    await user.type(words, 'must');
    await user.click(screen.getByRole('button', { name: 'Table the sub-amendment' }));
    await screen.findByText('Sub-amendment tabled.');
    expect(calls[0]).toMatchObject({
      url: '/api/documents/d1/amendments',
      method: 'POST',
      body: { paragraphId: 'p1', kind: 'replace', parentAmendmentId: 'a1', proposedText: 'must' },
    });
  });

  it('lets the chair restore a rejected amendment, with a reason and a confirmation', async () => {
    const calls = stubFetch(ok);
    const rejected = amendment('a1', 'NHR', { status: 'rejected', reason: 'Too vague' });
    renderInDraft(<AmendmentCard amendment={rejected} />, { amendments: [rejected] }, chair);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    await user.type(screen.getByLabelText(/Reason for restoring/), 'Decided too early');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(calls).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Restore the amendment' }));
    await screen.findByText('Amendment restored to pending.');
    expect(calls[0]).toEqual({
      url: '/api/amendments/a1/restore',
      method: 'POST',
      body: { reason: 'Decided too early' },
    });
  });

  it('offers no restoring of an accepted amendment, and says why', () => {
    const accepted = amendment('a1', 'NHR', { status: 'accepted' });
    renderInDraft(<AmendmentCard amendment={accepted} />, { amendments: [accepted] }, chair);
    expect(screen.queryByRole('button', { name: 'Restore' })).toBeNull();
    expect(screen.getByText(/cannot be restored: its words are in the text/)).toBeTruthy();
  });

  it('shows a chair’s compromise as the Chair’s, and the chair cannot co-sponsor', () => {
    const compromise = amendment('c1', 'VRD', { chairsCompromise: true });
    const theirs = amendment('a1', 'NHR');
    renderInDraft(<AmendmentCard amendment={compromise} />, { amendments: [compromise] }, chair);
    expect(screen.getAllByText('Chair').length).toBeGreaterThan(0);
    expect(screen.queryByText('Republic of VRD')).toBeNull();
    renderInDraft(<AmendmentCard amendment={theirs} />, { amendments: [theirs] }, chair);
    expect(screen.queryByRole('button', { name: 'Co-sponsor' })).toBeNull();
  });
});

function baseDocument() {
  return {
    documentId: 'd1',
    negotiationId: 'n1',
    title: 'Draft',
    symbol: 'A/1',
    createdBy: 'u0',
    mode: 'open-drafting' as const,
    createdAt: '2026-11-13T08:00:00.000Z',
    adopted: false,
    adoption: null,
    latestRevision: null,
    paragraphStatusCounts: { bracketed: 0, 'agreed-ad-ref': 0 },
    pendingAmendments: 0,
    revisions: [],
    paragraphStatuses: [],
    paragraphs: [],
    nextRevisionLabel: 'Zero draft',
    numbering: [],
    you: { userId: 'chair', stakeholderId: 's-VRD', role: 'chair' as const },
  };
}
