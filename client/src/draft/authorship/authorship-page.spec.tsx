// The "who wrote what" page asks the authorship of the point in its address and shows it.
import type { AuthorshipView } from '@accord/shared';
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NegotiationContext, type NegotiationContextValue } from '../../app/negotiation-context.js';
import { createI18n, I18nProvider } from '../../i18n/i18n.js';
import { stakeholder } from '../../test-support/providers.js';
import { AuthorshipPage } from './AuthorshipPage.js';

const pel = stakeholder('PEL');
const nhr = stakeholder('NHR');

const view: AuthorshipView = {
  documentId: 'd1',
  asOf: {
    asOf: 'revision:Rev 1',
    recordPosition: '9',
    recordOccurredAt: null,
    textRevision: '3',
    revisionInForce: 'Rev 1',
  },
  updates: 3,
  paragraphs: [
    {
      paragraphId: 'p1',
      kind: 'preambular',
      label: 'PP 1',
      runs: [
        {
          text: 'Recognizing the heat,',
          stakeholderId: pel.stakeholderId,
          userId: 'u-pel',
          amendmentId: null,
          at: '2026-11-20T08:00:00.000Z',
          until: '2026-11-20T08:00:00.000Z',
        },
      ],
    },
  ],
  stakeholders: { [pel.stakeholderId]: { name: 'Pelenoa', shortCode: 'PEL', kind: 'delegation' } },
  people: { 'u-pel': { displayName: 'Pia' } },
};

const negotiation: NegotiationContextValue = {
  negotiation: {
    negotiationId: 'n1',
    title: 'Test negotiation',
    description: '',
    openedAt: '2026-11-12T08:00:00.000Z',
    openedBy: 'u0',
    stakeholders: [nhr, pel],
    chairs: [],
    you: { userId: 'u1', stakeholderId: nhr.stakeholderId, role: 'delegate' },
  },
  stakeholders: new Map([nhr, pel].map((s) => [s.stakeholderId, s])),
  mine: nhr,
  online: [],
  reload: () => undefined,
};

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });

afterEach(() => vi.restoreAllMocks());

describe('the who-wrote-what page', () => {
  it('shows the authorship as of the point in its address', async () => {
    const asked: string[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation((input) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      asked.push(url);
      if (url.includes('/authorship')) return Promise.resolve(json(view));
      if (url.includes('/milestones'))
        return Promise.resolve(json({ negotiationId: 'n1', milestones: [] }));
      return Promise.resolve(json({ documentId: 'd1', title: 'Heat compact', symbol: 'A/1' }));
    });
    render(
      <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>
        <NegotiationContext.Provider value={negotiation}>
          <MemoryRouter
            initialEntries={['/negotiations/n1/documents/d1/authorship?asOf=revision%3ARev%201']}
          >
            <Routes>
              <Route
                path="/negotiations/:negotiationId/documents/:documentId/authorship"
                element={<AuthorshipPage />}
              />
            </Routes>
          </MemoryRouter>
        </NegotiationContext.Provider>
      </I18nProvider>,
    );
    const run = await screen.findByTitle('Pelenoa (PEL) — Pia, 20 Nov 2026, 08:00');
    expect(run.lastChild!.textContent).toBe('Recognizing the heat,');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('A/1'),
    );
    expect(asked).toContain('/api/documents/d1/authorship?asOf=revision%3ARev%201');
    // A past point is not live: nothing to refresh.
    expect(screen.queryByRole('button', { name: 'Refresh' })).toBeNull();
  });
});
