import type { ProcessView, SilenceView } from '@accord/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentParagraph } from '../api/types.js';
import { renderInDraft } from '../test-support/providers.js';
import { ProcessPanel } from './ProcessBanner.js';
import { timeLeft } from './countdown.js';

const NOW = '2026-11-23T10:00:00.000Z';
const ref = (code: string) => ({
  stakeholderId: `s-${code}`,
  name: `Republic of ${code}`,
  shortCode: code,
  kind: 'delegation' as const,
});
const silence = (patch: Partial<SilenceView> = {}): SilenceView => ({
  silenceId: '00000000-0000-4000-8000-000000000500',
  paragraphIds: null,
  until: '2026-11-23T12:05:30.000Z',
  timeZone: 'Europe/Zurich',
  note: 'Rev 2 is circulated under silence.',
  startedBy: ref('NHR'),
  startedAt: NOW,
  status: 'running',
  endedAt: null,
  reason: '',
  breaks: [],
  result: null,
  ...patch,
});
const view = (patch: Partial<ProcessView> = {}): ProcessView => ({
  documentId: 'd1',
  now: NOW,
  deadlines: [],
  silence: null,
  silences: [],
  ...patch,
});
const paragraphs: DocumentParagraph[] = [
  { id: 'p1', kind: 'preambular', text: 'Recalling…', label: 'PP 1', status: 'open' },
  { id: 'p2', kind: 'operative', text: 'Decides…', label: 'OP 1', status: 'open' },
  { id: 'p3', kind: 'operative', text: 'Urges…', label: 'OP 2', status: 'open' },
];

/** Answers GET …/process with `current`, and records every other call. */
function stubApi(current: ProcessView) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      if (method === 'GET') return Promise.resolve(new Response(JSON.stringify(current)));
      calls.push({ method, url, body: init.body ? JSON.parse(init.body as string) : undefined });
      return Promise.resolve(new Response(JSON.stringify({ position: '7' }), { status: 200 }));
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

const delegate = { userId: 'u1', stakeholderId: 's-NHR', role: 'delegate' } as const;
const chair = { userId: 'u9', stakeholderId: 's-PEL', role: 'chair' } as const;
const observer = { userId: 'u5', stakeholderId: 's-IUHO', role: 'observer' } as const;

describe('the deadline and silence banner', () => {
  it('counts down to a deadline shown in the reader’s zone, with UTC on hover', async () => {
    const current = view({
      deadlines: [
        {
          kind: 'amendments',
          deadline: '2026-11-23T12:05:30.000Z',
          timeZone: 'America/New_York',
          setAt: NOW,
          passed: false,
        },
      ],
    });
    stubApi(current);
    renderInDraft(<ProcessPanel view={current} reload={() => undefined} />, {}, delegate);
    const line = (await screen.findByText('Amendments close')).closest('p')!;
    const time = within(line).getByText('23 Nov 2026, 12:05');
    expect(time.getAttribute('title')).toBe('2026-11-23 12:05 UTC');
    expect(line.textContent).toContain('(UTC; set in America/New_York)');
    expect(line.textContent).toMatch(/2 h 5 min \d+ s left/);
  });

  it('lets a delegation break silence with a written statement', async () => {
    const current = view({ silence: silence(), silences: [silence()] });
    const calls = stubApi(current);
    vi.stubGlobal(
      'confirm',
      vi.fn(() => true),
    );
    renderInDraft(<ProcessPanel view={current} reload={() => undefined} />, {}, delegate);
    expect(await screen.findByText('Under silence procedure:')).toBeTruthy();
    expect(screen.getByText('Rev 2 is circulated under silence.')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Break silence…' }));
    const submit = screen.getByRole('button', { name: 'Break silence' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    await user.type(
      screen.getByLabelText('Statement of your delegation (required, visible to everyone)'),
      'We cannot join consensus on OP 2.',
    );
    await user.click(submit);
    await screen.findByText('Your delegation has broken silence; the statement is on the record.');
    expect(calls).toEqual([
      {
        method: 'POST',
        url: '/api/documents/d1/silences/00000000-0000-4000-8000-000000000500/break',
        body: { statement: 'We cannot join consensus on OP 2.' },
      },
    ]);
  });

  it('does not offer observers to break silence, and shows everyone the statements', async () => {
    const broken = silence({
      status: 'broken',
      endedAt: '2026-11-23T11:00:00.000Z',
      breaks: [
        {
          stakeholder: ref('PEL'),
          statement: 'Pelenoa breaks silence on OP 2.',
          brokenAt: '2026-11-23T11:00:00.000Z',
        },
      ],
    });
    const current = view({ silences: [broken] });
    stubApi(current);
    renderInDraft(<ProcessPanel view={current} reload={() => undefined} />, {}, observer);
    expect(await screen.findByText('Silence broken.')).toBeTruthy();
    expect(screen.getByText('1 statement breaking silence')).toBeTruthy();
    expect(screen.getByText('Republic of PEL')).toBeTruthy();
    expect(screen.getByText('Pelenoa breaks silence on OP 2.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Break silence…' })).toBeNull();
  });

  it('lets the chair put chosen paragraphs under silence until a deadline', async () => {
    const current = view();
    const calls = stubApi(current);
    vi.stubGlobal(
      'confirm',
      vi.fn(() => true),
    );
    renderInDraft(
      <ProcessPanel view={current} reload={() => undefined} />,
      {
        document: documentWithParagraphs(),
      },
      chair,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByText('Deadlines and silence procedure (chair)'));
    await user.click(screen.getByLabelText('Chosen paragraphs'));
    await user.click(screen.getByLabelText('OP 2'));
    await user.click(screen.getByLabelText('OP 1'));
    await user.type(screen.getByLabelText('Silence until (UTC)'), '2026-11-30T18:00');
    await user.type(screen.getByLabelText('Note to the delegations (optional)'), 'Final round');
    await user.click(screen.getByRole('button', { name: 'Start silence procedure' }));
    await screen.findByText('The silence procedure has started.');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/api/documents/d1/silences');
    const body = calls[0]!.body as { paragraphIds: string[]; until: string; timeZone: string };
    expect(body.paragraphIds).toEqual(['p2', 'p3']);
    // The test environment's zone is UTC, so the entered time is the instant itself.
    expect(new Date(body.until).getTime()).toBe(Date.parse('2026-11-30T18:00:00.000Z'));
    expect(body.timeZone).toBe('UTC');
  });
});

function documentWithParagraphs() {
  return {
    documentId: 'd1',
    negotiationId: 'n1',
    title: 'Draft',
    symbol: 'A/1',
    mode: 'formal' as const,
    createdBy: 'u0',
    createdAt: NOW,
    adopted: false,
    adoption: null,
    latestRevision: null,
    paragraphStatusCounts: { bracketed: 0, 'agreed-ad-ref': 0 },
    pendingAmendments: 0,
    revisions: [],
    paragraphStatuses: [],
    paragraphs,
    numbering: [],
    nextRevisionLabel: 'Zero draft',
    you: chair,
  };
}

describe('timeLeft', () => {
  it('splits what is left and is null once the deadline is reached', () => {
    const at = Date.parse(NOW);
    expect(timeLeft('2026-11-24T12:05:30.000Z', at)).toEqual({
      days: 1,
      hours: 2,
      minutes: 5,
      seconds: 30,
    });
    expect(timeLeft(NOW, at)).toBeNull();
  });
});
