// The chair's desk and its guardrails in the app: the decision queue links each item to its
// paragraph in the draft; gavelling over standing objections asks for a reason before anything is
// sent, and a 409 from the server (objections this screen had not loaded) opens the same question.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DeskView } from '@accord/shared';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentDetail, Position } from '../../api/types.js';
import { renderInDraft } from '../../test-support/providers.js';
import { ParagraphStatusControls } from '../ParagraphStatusControls.js';
import { DeskQueues } from './ChairDesk.js';

const chair = { userId: 'chair', stakeholderId: 's-NHR', role: 'chair' } as const;

const desk: DeskView = {
  negotiationId: 'n1',
  now: '2026-11-20T10:00:00.000Z',
  documents: [
    {
      documentId: 'd1',
      title: 'Heat compact',
      symbol: 'A/1',
      amendmentsAwaiting: [
        {
          amendmentId: 'a1',
          paragraphId: 'p3',
          paragraphLabel: 'OP2',
          kind: 'replace',
          consensus: 'contested',
          objections: 1,
          tabledAt: '2026-11-19T10:00:00.000Z',
        },
      ],
      readyToGavel: [{ paragraphId: 'p1', label: 'PP1' }],
      followUps: [
        {
          target: 'paragraph',
          id: 'p2',
          paragraphId: 'p2',
          label: 'OP1',
          objectors: [
            {
              stakeholderId: 's-PEL',
              name: 'Republic of PEL',
              shortCode: 'PEL',
              statement: 'Too binding.',
            },
          ],
          reservations: [],
        },
      ],
    },
  ],
  deadlinesAhead: [
    {
      documentId: 'd1',
      kind: 'amendments',
      deadline: '2026-11-22T17:00:00.000Z',
      timeZone: 'Europe/Geneva',
    },
  ],
  silencesBroken: [],
};

const objection: Position = {
  documentId: 'd1',
  target: { kind: 'paragraph', id: 'p2' },
  stakeholderId: 's-PEL',
  stakeholder: {
    stakeholderId: 's-PEL',
    name: 'Republic of PEL',
    shortCode: 'PEL',
    kind: 'delegation',
  },
  stance: 'objection',
  statement: 'Too binding.',
  statedBy: 'u2',
  statedAt: '2026-11-19T09:00:00.000Z',
};

function stubFetch(answer: () => Response) {
  const calls: { url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      calls.push({ url, body: JSON.parse(init.body as string) as unknown });
      return Promise.resolve(answer());
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('the chair’s desk', () => {
  it('lists each queue with links to the paragraph in the draft', () => {
    renderInDraft(
      <MemoryRouter>
        <DeskQueues desk={desk} />
      </MemoryRouter>,
      {},
      chair,
    );
    const ready = screen.getByRole('link', { name: 'PP1' });
    expect(ready.getAttribute('href')).toBe('/negotiations/n1/documents/d1?paragraph=p1');
    expect(screen.getByText('Ready to gavel: 1 paragraph')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Amendment to OP2' }).getAttribute('href')).toBe(
      '/negotiations/n1/documents/d1?paragraph=p3',
    );
    expect(screen.getByText('Republic of PEL objects: Too binding.')).toBeTruthy();
    expect(screen.getByText('Deadlines ahead')).toBeTruthy();
  });

  it('lists a sub-amendment before its parent, and restores a rejection with a reason', async () => {
    const calls = stubFetch(() => new Response(JSON.stringify({ position: '9' }), { status: 200 }));
    const [document] = desk.documents;
    const parent = document!.amendmentsAwaiting[0]!;
    const withSub: DeskView = {
      ...desk,
      documents: [
        {
          ...document!,
          amendmentsAwaiting: [{ ...parent, amendmentId: 'a2', parentAmendmentId: 'a1' }, parent],
          recentlyDecided: [
            {
              amendmentId: 'a0',
              paragraphId: 'p3',
              paragraphLabel: 'OP2',
              status: 'rejected',
              decidedAt: '2026-11-20T09:00:00.000Z',
              parentAmendmentId: null,
            },
          ],
        },
      ],
    };
    renderInDraft(
      <MemoryRouter>
        <DeskQueues desk={withSub} />
      </MemoryRouter>,
      {},
      chair,
    );
    const awaiting = screen.getByText('2 amendments awaiting a decision').parentElement!;
    expect(
      within(awaiting)
        .getAllByRole('link')
        .map((l) => l.textContent),
    ).toEqual(['Sub-amendment to the amendment on OP2', 'Amendment to OP2']);
    const decided = screen.getByText('Recently rejected or merged').parentElement!;
    const user = userEvent.setup();
    await user.click(within(decided).getByRole('button', { name: 'Restore' }));
    await user.type(within(decided).getByLabelText(/Reason for restoring/), 'Heard too quickly');
    await user.click(within(decided).getByRole('button', { name: 'Continue' }));
    expect(calls).toEqual([]);
    await user.click(within(decided).getByRole('button', { name: 'Restore the amendment' }));
    await screen.findByText('Amendment restored to pending.');
    expect(calls).toEqual([
      { url: '/api/amendments/a0/restore', body: { reason: 'Heard too quickly' } },
    ]);
  });

  it('says so when nothing waits', () => {
    renderInDraft(
      <MemoryRouter>
        <DeskQueues desk={{ ...desk, documents: [], deadlinesAhead: [] }} />
      </MemoryRouter>,
      {},
      chair,
    );
    expect(screen.getByText('Nothing waits for a decision.')).toBeTruthy();
  });
});

describe('gavelling over standing objections', () => {
  it('asks for a reason before sending, names the objectors, then sends the reason', async () => {
    const calls = stubFetch(() => new Response(JSON.stringify({ position: '5' }), { status: 200 }));
    renderInDraft(
      <ParagraphStatusControls paragraphId="p2" label="OP1" status="open" />,
      {
        positions: [objection],
      },
      chair,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Gavel: agreed ad ref' }));
    expect(calls).toEqual([]);
    const form = screen.getByRole('form');
    expect(within(form).getByText(/1 delegation still objects to OP1/)).toBeTruthy();
    expect(within(form).getByText('Republic of PEL')).toBeTruthy();
    const confirm = within(form).getByRole('button', { name: 'Agree OP1 ad ref' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    await user.type(within(form).getByLabelText(/Reason for agreeing/), 'Agreed in informals.');
    await user.click(confirm);
    expect(calls).toEqual([
      {
        url: '/api/documents/d1/paragraphs/p2/status',
        body: { status: 'agreed-ad-ref', reason: 'Agreed in informals.' },
      },
    ]);
  });

  it('opens the same question when the server refuses with objections-standing', async () => {
    stubFetch(
      () =>
        new Response(
          JSON.stringify({
            type: 'urn:accord:problem:objections-standing',
            title: 'Objections are standing on this paragraph',
            status: 409,
            objectors: [{ stakeholderId: 's-PEL', name: 'Republic of PEL', statement: 'No.' }],
          }),
          { status: 409 },
        ),
    );
    renderInDraft(
      <ParagraphStatusControls paragraphId="p2" label="OP1" status="open" />,
      {},
      chair,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Gavel: agreed ad ref' }));
    const form = await screen.findByRole('form');
    expect(within(form).getByText('Republic of PEL')).toBeTruthy();
  });

  it('shows the chair’s reason to a delegate, who has no controls', () => {
    const delegate = { userId: 'd', stakeholderId: 's-PEL', role: 'delegate' } as const;
    renderInDraft(
      <ParagraphStatusControls paragraphId="p2" label="OP1" status="agreed-ad-ref" />,
      {
        document: {
          ...baseDocument,
          paragraphStatuses: [
            {
              paragraphId: 'p2',
              status: 'agreed-ad-ref',
              reason: 'Agreed in informals.',
              setBy: 'chair',
              setAt: '2026-11-20T10:00:00.000Z',
            },
          ],
        },
      },
      delegate,
    );
    expect(screen.getByText('The chair’s reason: Agreed in informals.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});

const baseDocument: DocumentDetail = {
  documentId: 'd1',
  negotiationId: 'n1',
  title: 'Draft',
  symbol: 'A/1',
  mode: 'formal',
  createdBy: 'u0',
  createdAt: '2026-11-13T08:00:00.000Z',
  adopted: false,
  adoption: null,
  latestRevision: null,
  paragraphStatusCounts: { bracketed: 0, 'agreed-ad-ref': 1 },
  pendingAmendments: 0,
  revisions: [],
  paragraphStatuses: [],
  paragraphs: [],
  nextRevisionLabel: 'Zero draft',
  numbering: [],
  you: chair,
};
