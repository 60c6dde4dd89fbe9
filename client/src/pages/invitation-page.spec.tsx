// The invitation page cannot know whether the invited e-mail has an account (the server does not
// say), so it asks everyone for a name and a password and sends both.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import { SessionProvider } from '../session/session.js';
import { InvitationPage } from './InvitationPage.js';

const TOKEN = 'a-token-long-enough-for-the-contract';
const json = (status: number, body: unknown) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: {
        'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
      },
    }),
  );

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('the invitation page', () => {
  it('asks every invitee for a name and a password, and sends both', async () => {
    const calls: { url: string; body: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init: RequestInit = {}) => {
        calls.push({ url, body: init.body ? (JSON.parse(init.body as string) as unknown) : null });
        if (url === '/api/session')
          return json(401, { type: 'urn:accord:problem:unauthenticated', status: 401 });
        if (url.endsWith('/preview'))
          return json(200, {
            negotiation: { negotiationId: 'n1', title: 'Heat compact' },
            stakeholder: { stakeholderId: 's1', name: 'Republic of Pelenoa', kind: 'delegation' },
            role: 'delegate',
            email: 'someone@example.org',
            expiresAt: '2026-12-20T10:00:00.000Z',
          });
        return json(201, {
          user: { userId: 'u1', email: 'someone@example.org', displayName: 'Some One' },
          negotiations: [],
        });
      }),
    );
    window.history.replaceState(null, '', `/invitations/i1#token=${TOKEN}`);
    render(
      <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>
        <SessionProvider>
          <MemoryRouter initialEntries={['/invitations/i1']}>
            <Routes>
              <Route path="/invitations/:invitationId" element={<InvitationPage />} />
              <Route path="*" element={<p>Elsewhere</p>} />
            </Routes>
          </MemoryRouter>
        </SessionProvider>
      </I18nProvider>,
    );
    await screen.findByText(/If this e-mail already has an Accord account/);
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Your name, as others will see it'), 'Some One');
    await user.type(screen.getByLabelText('Password'), 'a long password');
    await user.click(screen.getByRole('button', { name: 'Accept the invitation' }));
    await screen.findByText('Elsewhere');
    expect(calls.filter((c) => c.url.startsWith('/api/invitations'))).toEqual([
      { url: '/api/invitations/i1/preview', body: { token: TOKEN } },
      {
        url: '/api/invitations/i1/accept',
        body: { token: TOKEN, password: 'a long password', displayName: 'Some One' },
      },
    ]);
  });
});
