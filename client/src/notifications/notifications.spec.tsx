import {
  defaultEmailPreferences,
  type NotificationPreferencesView,
  type NotificationView,
} from '@accord/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import { InboxList } from './InboxList.js';
import { BellLink } from './NotificationBell.js';
import { PreferencesForm } from './PreferencesForm.js';

const wrap = (children: ReactNode) =>
  render(
    <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>
      <MemoryRouter>{children}</MemoryRouter>
    </I18nProvider>,
  );

const negotiationId = '00000000-0000-4000-8000-000000000001';
const documentId = '00000000-0000-4000-8000-000000000002';
const paragraphId = '00000000-0000-4000-8000-000000000003';

const entry = (over: Partial<NotificationView>): NotificationView => ({
  notificationId: '00000000-0000-4000-8000-000000000010',
  kind: 'revision-issued',
  payload: { negotiationId, documentId, revisionLabel: 'Rev 1' },
  createdAt: '2026-05-12T09:30:00.000Z',
  read: false,
  documentTitle: 'Global Compact on Extreme Heat',
  ...over,
});

describe('the inbox', () => {
  it('says each notice in words, links to its paragraph, and marks unread ones', () => {
    const onMarkRead = vi.fn();
    wrap(
      <InboxList
        entries={[
          entry({}),
          entry({
            notificationId: '00000000-0000-4000-8000-000000000011',
            kind: 'amendment-decided',
            payload: { negotiationId, documentId, paragraphId, amendmentOutcome: 'rejected' },
            read: true,
          }),
        ]}
        onOpen={vi.fn()}
        onMarkRead={onMarkRead}
      />,
    );
    const revision = screen.getByRole('link', {
      name: 'Rev 1 of “Global Compact on Extreme Heat” has been issued',
    });
    expect(revision.getAttribute('href')).toBe(
      `/negotiations/${negotiationId}/documents/${documentId}`,
    );
    expect(revision.getAttribute('dir')).toBe('auto');
    const decided = screen.getByRole('link', { name: /Your amendment .* was not accepted/ });
    expect(decided.getAttribute('href')).toContain(`?paragraph=${paragraphId}`);
    // Only the unread one offers "Mark read".
    const buttons = screen.getAllByRole('button', { name: 'Mark read' });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    expect(onMarkRead).toHaveBeenCalledWith(expect.objectContaining({ kind: 'revision-issued' }));
  });

  it('says so when there is nothing', () => {
    wrap(<InboxList entries={[]} onOpen={vi.fn()} onMarkRead={vi.fn()} />);
    expect(screen.getByText('Nothing to tell you yet.')).toBeTruthy();
  });

  it('names the unread count in the bell for screen readers', () => {
    wrap(<BellLink count={3} />);
    const bell = screen.getByRole('link', { name: 'Notifications, 3 unread' });
    expect(bell.getAttribute('href')).toBe('/notifications');
    expect(bell.textContent).toContain('3');
  });
});

describe('e-mail preferences', () => {
  const view = (configured: boolean): NotificationPreferencesView => ({
    email: { ...defaultEmailPreferences },
    emailStatus: { configured },
  });

  it('offers at once, daily digest or off for each kind, checked as stored', () => {
    const onChange = vi.fn();
    wrap(<PreferencesForm view={view(true)} saving={false} onChange={onChange} />);
    const mentions = screen.getByRole('group', { name: 'You are mentioned in a comment' });
    const atOnce = mentions.querySelector<HTMLInputElement>('input[value="immediate"]')!;
    expect(atOnce.checked).toBe(true);
    fireEvent.click(mentions.querySelector('input[value="off"]')!);
    expect(onChange).toHaveBeenCalledWith('mentioned', 'off');
    expect(screen.queryByText(/not configured/)).toBeNull();
  });

  it('says when the server sends no e-mail', () => {
    wrap(<PreferencesForm view={view(false)} saving={false} onChange={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toContain(
      'E-mail is not configured on this server',
    );
  });
});
