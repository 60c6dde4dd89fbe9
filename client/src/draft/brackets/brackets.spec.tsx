import type { BracketListView, BracketView, OptionSetView } from '@accord/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInDraft } from '../../test-support/providers.js';
import { NO_SELECTION, type SelectionInfo } from '../editor/selection.js';
import type { OutlineEntry } from '../outline.js';
import { BracketsSection } from './BracketsSection.js';

const paragraph: OutlineEntry = {
  id: 'op1',
  kind: 'operative',
  label: 'OP 1',
  text: 'Decides to act now',
};

const bracket = (id: string, code: string, overrides: Partial<BracketView> = {}): BracketView => ({
  bracketId: id,
  paragraphId: 'op1',
  span: { start: 8, end: 14 },
  words: 'to act',
  placedBy: { userId: `u-${code}`, stakeholderId: `s-${code}` },
  placedAt: '2026-12-01T10:00:00.000Z',
  note: '',
  placedInRevision: '4',
  ...overrides,
});

const inlineSet: OptionSetView = {
  optionSetId: 'set1',
  scope: 'inline',
  paragraphId: 'op1',
  options: [
    {
      optionId: 'o1',
      label: 'Option 1',
      proposedBy: { userId: 'u-PEL', stakeholderId: 's-PEL' },
      proposedAt: '2026-12-01T11:00:00.000Z',
      paragraphId: null,
      span: { start: 15, end: 18 },
      words: 'now',
      noText: false,
    },
    {
      optionId: 'o2',
      label: 'Option 2',
      proposedBy: { userId: 'u-NHR', stakeholderId: 's-NHR' },
      proposedAt: '2026-12-01T12:00:00.000Z',
      paragraphId: null,
      span: { start: 19, end: 26 },
      words: 'by 2030',
      noText: false,
    },
  ],
  chosen: null,
};

const list = (brackets: BracketView[], optionSets: OptionSetView[] = []): BracketListView => ({
  brackets,
  optionSets,
  counts: {
    total: { brackets: brackets.length, optionSets: optionSets.length, options: 0 },
    byParagraph: {},
    bySection: [],
  },
});

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
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

const selected: SelectionInfo = {
  paragraphId: 'op1',
  start: 0,
  end: 7,
  text: 'Decides',
  acrossParagraphs: false,
};

describe('brackets in the paragraph panel', () => {
  it('lists who placed each bracket, and lets only its delegation remove it', async () => {
    const calls = stubFetch(() => json({ position: '9' }));
    const reloadBrackets = vi.fn();
    renderInDraft(<BracketsSection paragraph={paragraph} status="bracketed" selection={null} />, {
      brackets: list([
        bracket('mine', 'NHR', { note: 'pending consultations' }),
        bracket('theirs', 'PEL', { words: 'act', span: { start: 11, end: 14 } }),
      ]),
      reloadBrackets,
    });
    const [mine, theirs] = screen.getAllByRole('listitem');
    expect(mine!.textContent).toContain('[to act]');
    expect(mine!.textContent).toContain('Placed by NHR');
    expect(mine!.textContent).toContain('pending consultations');
    expect(within(theirs!).queryByRole('button')).toBeNull();
    await userEvent.setup().click(within(mine!).getByRole('button', { name: 'Remove bracket' }));
    expect(calls).toEqual([
      { url: '/api/documents/d1/brackets/mine/remove', method: 'POST', body: {} },
    ]);
    expect(reloadBrackets).toHaveBeenCalled();
  });

  it('lets the chair remove anyone’s bracket or delete its words', async () => {
    const calls = stubFetch(() => json({ position: '9' }));
    renderInDraft(
      <BracketsSection paragraph={paragraph} status="bracketed" selection={null} />,
      { brackets: list([bracket('theirs', 'PEL')]) },
      { userId: 'c1', stakeholderId: 's-CHAIR', role: 'chair' },
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Delete bracketed words' }));
    expect(calls[0]).toMatchObject({
      url: '/api/documents/d1/brackets/theirs/delete-words',
      method: 'POST',
    });
  });

  it('brackets the selected words with a note', async () => {
    const calls = stubFetch(() => json({ bracketId: 'b9', position: '10' }, 201));
    renderInDraft(<BracketsSection paragraph={paragraph} status="open" selection={selected} />, {
      brackets: list([]),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Bracket' }));
    await user.type(screen.getByRole('textbox', { name: /Note/ }), 'pending consultations');
    await user.click(screen.getByRole('button', { name: 'Bracket' }));
    expect(calls).toEqual([
      {
        url: '/api/documents/d1/brackets',
        method: 'POST',
        body: { paragraphId: 'op1', start: 0, end: 7, note: 'pending consultations' },
      },
    ]);
  });

  it('shows the server’s refusal in its words', async () => {
    stubFetch(
      () =>
        new Response(
          JSON.stringify({
            type: 'https://accord.example/problems/forbidden',
            title: 'Forbidden',
            detail: 'Brackets may not cross',
          }),
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        ),
    );
    renderInDraft(<BracketsSection paragraph={paragraph} status="open" selection={selected} />, {
      brackets: list([]),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Bracket' }));
    await user.click(screen.getByRole('button', { name: 'Bracket' }));
    expect((await screen.findAllByText(/Brackets may not cross/)).length).toBeGreaterThan(0);
  });

  it('in a formal document, offers options to delegates and the choice to the chair only', async () => {
    const calls = stubFetch(() => json({ position: '11' }));
    const delegate = { userId: 'u1', stakeholderId: 's-NHR', role: 'delegate' as const };
    const chair = { userId: 'c1', stakeholderId: 's-CHAIR', role: 'chair' as const };
    const formal = (you: typeof delegate | typeof chair) => ({
      documentId: 'd1',
      negotiationId: 'n1',
      title: 'Draft',
      symbol: 'A/1',
      mode: 'formal' as const,
      createdBy: 'u0',
      createdAt: '2026-11-13T08:00:00.000Z',
      adopted: false,
      adoption: null,
      latestRevision: null,
      paragraphStatusCounts: { bracketed: 1, 'agreed-ad-ref': 0 },
      pendingAmendments: 0,
      revisions: [],
      paragraphStatuses: [],
      paragraphs: [],
      nextRevisionLabel: 'Zero draft',
      numbering: [],
      you,
    });
    const { unmount } = renderInDraft(
      <BracketsSection paragraph={paragraph} status="bracketed" selection={null} />,
      { brackets: list([], [inlineSet]), document: formal(delegate) },
      delegate,
    );
    expect(screen.getByText('Alternative wordings')).toBeTruthy();
    expect(screen.getByText('by 2030')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Choose Option 1' })).toBeNull();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add option' }));
    await user.type(screen.getByRole('textbox', { name: 'Alternative' }), 'without delay');
    await user.click(screen.getByRole('button', { name: 'Propose' }));
    expect(calls.at(-1)).toEqual({
      url: '/api/documents/d1/option-sets/set1/options',
      method: 'POST',
      body: { words: 'without delay', noText: false },
    });
    unmount();

    renderInDraft(
      <BracketsSection paragraph={paragraph} status="bracketed" selection={null} />,
      { brackets: list([], [inlineSet]), document: formal(chair) },
      chair,
    );
    await user.click(screen.getByRole('button', { name: 'Choose Option 2' }));
    expect(calls.at(-1)).toEqual({
      url: '/api/documents/d1/option-sets/set1/choose',
      method: 'POST',
      body: { optionId: 'o2' },
    });
  });

  it('offers nothing to change on a paragraph agreed ad ref, nor to an observer', () => {
    stubFetch(() => json({}));
    const { unmount } = renderInDraft(
      <BracketsSection paragraph={paragraph} status="agreed-ad-ref" selection={selected} />,
      { brackets: list([bracket('mine', 'NHR')], [inlineSet]) },
    );
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByText(/no bracket or option may change/)).toBeTruthy();
    unmount();
    renderInDraft(
      <BracketsSection paragraph={paragraph} status="open" selection={NO_SELECTION} />,
      { brackets: list([bracket('mine', 'NHR')]) },
      { userId: 'o1', stakeholderId: 's-IUHO', role: 'observer' },
    );
    expect(screen.queryAllByRole('button')).toEqual([]);
  });
});
