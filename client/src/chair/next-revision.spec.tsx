import type { NextRevisionPreview } from '@accord/shared';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import { ToastProvider } from '../ui/toasts.js';
import { NextRevision } from './NextRevision.js';
import { MARKDOWN_TYPE } from './upload.js';

const DOC = '11111111-1111-4111-8111-111111111111';
const PREVIEW = '22222222-2222-4222-8222-222222222222';

const preview = (lockedChanges = 0): NextRevisionPreview => ({
  previewId: PREVIEW,
  expiresAt: '2026-05-02T10:30:00.000Z',
  suggestedLabel: 'Rev 2',
  paragraphs: [
    {
      label: 'OP 1',
      kind: 'operative',
      text: 'Resolve to map the hottest streets of each city and town;',
      match: { paragraphId: 'p1', label: 'OP 1', similarity: 0.82, how: 'number' },
      redline: [
        { op: 'equal', text: 'Resolve to map the hottest ' },
        { op: 'delete', text: 'neighbourhoods' },
        { op: 'insert', text: 'streets' },
        { op: 'equal', text: ' of each city and town;' },
      ],
      lockedChange: lockedChanges > 0 ? 'words' : null,
    },
    {
      label: 'OP 2',
      kind: 'operative',
      text: 'Call on employers to protect outdoor workers;',
      match: null,
      redline: [{ op: 'insert', text: 'Call on employers to protect outdoor workers;' }],
      lockedChange: null,
    },
    {
      label: 'OP 3',
      kind: 'operative',
      text: 'Invite water utilities to keep fountains running;',
      match: { paragraphId: 'p2', label: 'OP 2', similarity: 1, how: 'text' },
      redline: [{ op: 'equal', text: 'Invite water utilities to keep fountains running;' }],
      lockedChange: null,
    },
  ],
  removed: [
    {
      paragraphId: 'p3',
      label: 'OP 3',
      text: 'Request a progress report.',
      locked: false,
      bracketed: true,
    },
  ],
  totals: {
    paragraphs: 3,
    matchedByNumber: 1,
    matchedByText: 1,
    changed: 1,
    new: 1,
    removed: 1,
    lockedChanges,
  },
  report: {
    format: 'markdown',
    bytes: 200,
    counts: { heading: 0, preambular: 0, operative: 3, subparagraph: 0, total: 3 },
    found: { title: null, symbol: null },
    paragraphs: [],
    warnings: [],
  },
});

type Call = { url: string; method: string | undefined; type: string | null; body: unknown };
function stubFetch(answers: Response[]): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      calls.push({
        url,
        method: init.method,
        type: new Headers(init.headers).get('content-type'),
        body: init.body,
      });
      return Promise.resolve(answers.shift()!);
    }),
  );
  return calls;
}
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });

function renderIt(onIssued?: (label: string) => void) {
  return render(
    <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>
      <ToastProvider>
        <NextRevision documentId={DOC} {...(onIssued ? { onIssued } : {})} />
      </ToastProvider>
    </I18nProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('importing the next revision', () => {
  it('given an upload, when compared, then the review shows old → new numbers, the redline and the flags, and confirming issues it', async () => {
    const calls = stubFetch([
      json(preview(), 201),
      json({ label: 'Rev 2', textRevision: '40', position: '90' }, 201),
    ]);
    const issued = vi.fn();
    renderIt(issued);
    const user = userEvent.setup();
    const file = new File(['1. Resolve to map…'], 'rev2.md', { type: '' });
    await user.upload(screen.getByLabelText('Next text (.docx or .md)'), file);
    await user.click(screen.getByRole('button', { name: 'Compare with the current text' }));

    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(0, 2)
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['OP 1', 'OP 1'],
      ['—', 'OP 2'],
      ['OP 2', 'OP 3'],
      ['OP 3', '—'],
    ]);
    expect(rows[0]!.textContent).toContain('same number, 82% alike');
    expect(rows[0]!.querySelector('del')?.textContent).toBe('deleted: neighbourhoods');
    expect(rows[0]!.querySelector('ins')?.textContent).toBe('inserted: streets');
    expect(within(rows[1]!).getByText('New')).toBeTruthy();
    expect(rows[2]!.textContent).toContain('by wording, 100% alike');
    expect(rows[2]!.textContent).toContain('(unchanged)');
    expect(within(rows[3]!).getByText('Removed')).toBeTruthy();
    expect(within(rows[3]!).getByText('Holds open brackets or options')).toBeTruthy();
    expect(
      screen.getByText(
        '3 paragraphs: 1 paired by number, 1 by wording, 1 changed, 1 new, 1 removed.',
      ),
    ).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Revision label').value).toBe('Rev 2');

    await user.click(screen.getByRole('button', { name: 'Confirm and issue' }));
    await screen.findByText('The text was revised and issued as Rev 2.');
    expect(issued).toHaveBeenCalledWith('Rev 2');
    expect(calls.map((c) => [c.method, c.url])).toEqual([
      ['POST', `/api/documents/${DOC}/next-revision/preview`],
      ['POST', `/api/documents/${DOC}/next-revision/${PREVIEW}/confirm`],
    ]);
    expect([calls[0]!.body, calls[0]!.type]).toEqual([file, MARKDOWN_TYPE]);
    expect(JSON.parse(calls[1]!.body as string)).toEqual({ label: 'Rev 2', renumber: true });
  });

  it('given a paragraph agreed ad ref that would change, when reviewed, then it is flagged and confirming is not offered', async () => {
    stubFetch([json(preview(1), 201)]);
    renderIt();
    const user = userEvent.setup();
    await user.upload(
      screen.getByLabelText('Next text (.docx or .md)'),
      new File(['text'], 'rev2.md'),
    );
    await user.click(screen.getByRole('button', { name: 'Compare with the current text' }));
    await screen.findByText('Agreed ad ref: would change');
    expect(screen.getByText(/1 paragraph agreed ad ref would change/)).toBeTruthy();
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Confirm and issue' }).disabled,
    ).toBe(true);
  });
});
