import type { PrivateDraftList, PrivateDraftView } from '@accord/shared';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activityText } from '../home/activityText.js';
import { createI18n } from '../i18n/i18n.js';
import { renderInDraft } from '../test-support/providers.js';
import { PrivateDraftsPanel, PrivateDraftsSection } from './PrivateDraftsSection.js';

const owner = (code: string, kind: 'delegation' | 'group' = 'delegation') => ({
  stakeholderId: `s-${code}`,
  name: `Republic of ${code}`,
  shortCode: code,
  kind,
});
const draft = (patch: Partial<PrivateDraftView> = {}): PrivateDraftView => ({
  draftId: '00000000-0000-4000-8000-000000000700',
  negotiationId: 'n1',
  documentId: 'd1',
  paragraphId: 'p1',
  owner: owner('NHR'),
  kind: 'amendment',
  amendmentKind: 'replace',
  range: { start: 0, end: 8 },
  text: 'Stresses',
  rationale: 'Stronger',
  status: 'drafting',
  tabledAs: null,
  startedBy: { userId: 'u1', stakeholderId: 's-NHR' },
  startedAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
  comments: [],
  ...patch,
});

/** Answers the list with `list`, records every other call. */
function stubApi(list: PrivateDraftList) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fetch = vi.fn((url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    if (method === 'GET') return Promise.resolve(new Response(JSON.stringify(list)));
    calls.push({ method, url, body: init.body ? JSON.parse(init.body as string) : undefined });
    return Promise.resolve(
      new Response(
        JSON.stringify({ position: '9', tabledAs: { kind: 'amendment', amendmentId: 'a1' } }),
      ),
    );
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, fetch };
}

afterEach(() => vi.unstubAllGlobals());

const delegate = { userId: 'u1', stakeholderId: 's-NHR', role: 'delegate' } as const;
const observer = { userId: 'u5', stakeholderId: 's-IUHO', role: 'observer' } as const;

describe('private drafts in the paragraph panel', () => {
  it('shows the delegation’s drafts on the paragraph and tables one after confirmation', async () => {
    const list = {
      owners: [owner('NHR')],
      drafts: [draft(), draft({ paragraphId: 'p2', draftId: 'other', text: 'Elsewhere' })],
    };
    const { calls } = stubApi(list);
    vi.stubGlobal(
      'confirm',
      vi.fn(() => true),
    );
    renderInDraft(
      <PrivateDraftsPanel paragraphId="p1" selection={null} list={list} reload={() => undefined} />,
      {},
      delegate,
    );
    expect(screen.queryByDisplayValue('Elsewhere')).toBeNull();
    const words = await screen.findByDisplayValue('Stresses');
    expect(words.getAttribute('dir')).toBe('auto');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Table…' }));
    await screen.findByText('Tabled: the amendment is now on the record.');
    expect(calls).toEqual([
      {
        method: 'POST',
        url: '/api/private-drafts/00000000-0000-4000-8000-000000000700/table',
        body: {},
      },
    ]);
  });

  it('starts a draft for a group the delegation belongs to', async () => {
    const list = { owners: [owner('NHR'), owner('DDG', 'group')], drafts: [] };
    const { calls } = stubApi(list);
    renderInDraft(
      <PrivateDraftsPanel paragraphId="p1" selection={null} list={list} reload={() => undefined} />,
      {},
      delegate,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Draft privately…' }));
    await user.selectOptions(screen.getByLabelText('Drafting for'), 's-DDG');
    await user.click(screen.getByLabelText('A statement'));
    await user.type(screen.getByLabelText('Words'), 'We support OP 2.');
    await user.click(screen.getByRole('button', { name: 'Start the draft' }));
    await screen.findByText('Private draft started: only its members can see it.');
    expect(calls[0]).toEqual({
      method: 'POST',
      url: '/api/documents/d1/private-drafts',
      body: {
        paragraphId: 'p1',
        kind: 'statement',
        text: 'We support OP 2.',
        rationale: '',
        ownerStakeholderId: 's-DDG',
      },
    });
  });

  it('shows nothing to roles that do not draft privately, and does not ask the server', () => {
    const { fetch } = stubApi({ owners: [], drafts: [] });
    const { container } = renderInDraft(
      <PrivateDraftsSection paragraphId="p1" selection={null} />,
      {},
      observer,
    );
    expect(container.textContent).toBe('');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('the silence procedure in the activity feed', () => {
  const i18n = createI18n({ preferred: ['en-GB'], timeZone: 'UTC' });
  it('says deadlines and silences in words, instants in the reader’s zone', () => {
    const title = 'Zero draft';
    expect(
      activityText(i18n, {
        type: 'SilenceStarted',
        params: {
          actor: 'Amb. Orvell',
          title,
          until: '2026-11-23T17:00:00.000Z',
          timeZone: 'Europe/Zurich',
          paragraphs: 2,
        },
      }),
    ).toBe(
      'Amb. Orvell put 2 paragraphs of “Zero draft” under a silence procedure until 23 Nov 2026, 17:00 (Europe/Zurich)',
    );
    expect(
      activityText(i18n, {
        type: 'SilenceBroken',
        params: { actor: 'A delegate', stakeholder: 'Nahrim', title },
      }),
    ).toBe('Nahrim broke silence on “Zero draft”');
    expect(
      activityText(i18n, { type: 'SilenceEnded', params: { title, outcome: 'adopted' } }),
    ).toBe('The silence procedure on “Zero draft” ended: the text is adopted');
    expect(
      activityText(i18n, {
        type: 'DeadlineSet',
        params: {
          title,
          deadlineKind: 'positions',
          deadline: '2026-11-24T09:00:00.000Z',
          timeZone: 'UTC',
        },
      }),
    ).toBe('A member set the deadline for positions on “Zero draft”: 24 Nov 2026, 09:00 (UTC)');
  });
});
