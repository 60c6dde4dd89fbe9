import type { ScheduleView, SegmentView } from '@accord/shared';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInDraft } from '../test-support/providers.js';
import { SegmentBanner } from './SegmentGate.js';
import { SchedulePanel } from './ScheduleControls.js';

const OPENED = '2026-11-23T10:00:00.000Z';
const informals = (patch: Partial<SegmentView> = {}): SegmentView => ({
  segmentId: '00000000-0000-4000-8000-000000000602',
  sessionId: '00000000-0000-4000-8000-000000000600',
  title: 'Informal consultations',
  access: 'governments',
  openedAt: OPENED,
  closedAt: null,
  releasedAt: null,
  admitsViewer: true,
  ...patch,
});
const view = (patch: Partial<ScheduleView> = {}): ScheduleView => ({
  negotiationId: 'n1',
  sessions: [
    {
      sessionId: '00000000-0000-4000-8000-000000000600',
      title: 'Second reading',
      startsOn: '2026-11-22',
      endsOn: '2026-11-24',
      timeZone: 'Europe/Zurich',
      segments: [],
    },
  ],
  openSegment: null,
  horizon: null,
  ...patch,
});

const chair = { userId: 'u9', stakeholderId: 's-PEL', role: 'chair' } as const;
const observer = { userId: 'u5', stakeholderId: 's-IUHO', role: 'observer' } as const;

afterEach(() => vi.unstubAllGlobals());

describe('the segment banner', () => {
  it('tells everyone which segment is under way and since when', () => {
    renderInDraft(<SegmentBanner view={view({ openSegment: informals() })} />);
    expect(
      screen.getByText(
        'Government-only segment “Informal consultations” under way since 23 Nov 2026, 10:00.',
      ),
    ).toBeTruthy();
  });

  it('tells an excluded reader that they see the text as it stood then', () => {
    const horizon = {
      position: '41',
      segmentId: informals().segmentId,
      segmentTitle: 'Informal consultations',
      since: OPENED,
      segmentOpen: true,
    };
    renderInDraft(<SegmentBanner view={view({ horizon })} />, {}, observer);
    expect(screen.getByRole('status').textContent).toContain(
      'you see the text as it stood then, read-only',
    );
  });

  it('shows nothing when no segment runs and nothing is held back', () => {
    const { container } = renderInDraft(<SegmentBanner view={view()} />);
    expect(container.textContent).toBe('');
  });
});

describe('the chair’s schedule', () => {
  it('opens a government-only segment in the latest session', async () => {
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit = {}) => {
        calls.push({ url, body: init.body ? JSON.parse(init.body as string) : undefined });
        return Promise.resolve(
          new Response(JSON.stringify({ segmentId: informals().segmentId }), { status: 201 }),
        );
      }),
    );
    renderInDraft(
      <SchedulePanel negotiationId="n1" role="chair" view={view()} reload={() => undefined} />,
      {},
      chair,
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Segment title'), 'Informal consultations');
    await user.click(screen.getByRole('button', { name: 'Open segment' }));
    expect(calls).toEqual([
      {
        url: '/api/negotiations/n1/segments',
        body: {
          sessionId: '00000000-0000-4000-8000-000000000600',
          title: 'Informal consultations',
          access: 'governments',
        },
      },
    ]);
  });

  it('offers to release a closed government-only segment, and only that', () => {
    const closed = informals({ closedAt: '2026-11-23T12:00:00.000Z' });
    const current = view({
      sessions: [{ ...view().sessions[0]!, segments: [closed] }],
    });
    renderInDraft(
      <SchedulePanel negotiationId="n1" role="chair" view={current} reload={() => undefined} />,
      {},
      chair,
    );
    expect(screen.getByRole('button', { name: 'Release material' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Close segment' })).toBeNull();
  });
});
