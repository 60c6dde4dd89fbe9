// The public review page: a visitor reads the review through the public endpoints, each pledge
// links to its public page, and the members' background paper is not offered.
import type { PledgeList, PledgeReview } from '@accord/shared';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import { PublicReviewPage } from './PublicReviewPage.js';

const counts = { 'on-track': 1, 'at-risk': 0, 'off-track': 0, achieved: 0, silent: 0 };
const review = {
  documentId: 'd1',
  asOf: '2026-06-30',
  windowDays: 120,
  objectives: [{ objectiveId: 'o1', label: 'Objective 1: Warn early', paragraphs: [], counts }],
  objective: {
    objectiveId: 'o1',
    label: 'Objective 1: Warn early',
    rows: [
      {
        pledgeId: 'p1',
        title: 'Cool roofs on schools',
        pledgerName: 'Republic of PEL',
        standing: 'on-track',
        latestReport: null,
      },
    ],
    counts,
    trend: [],
  },
} as unknown as PledgeReview;
const calls: string[] = [];
// The language menu needs the app's session context; it is not what this test is about.
vi.mock('../i18n/LanguageMenu.js', () => ({ LanguageMenu: () => null }));
vi.mock('./pledge-api.js', () => ({
  pledgeApi: {
    publicList: () => {
      calls.push('publicList');
      return Promise.resolve({
        adoptedTexts: [{ documentId: 'd1', title: 'Declaration', objectives: [] }],
        pledges: [],
      } as unknown as PledgeList);
    },
    publicReview: () => {
      calls.push('publicReview');
      return Promise.resolve(review);
    },
  },
  reviewPaperUrl: () => '/paper',
}));

describe('the public review page', () => {
  it('reads the public endpoints, links pledges to their public pages, and offers no paper', async () => {
    render(
      <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>
        <MemoryRouter initialEntries={['/public/negotiations/n1/pledges/review']}>
          <Routes>
            <Route
              path="/public/negotiations/:negotiationId/pledges/review"
              element={<PublicReviewPage />}
            />
          </Routes>
        </MemoryRouter>
      </I18nProvider>,
    );
    const link = await screen.findByRole('link', { name: 'Cool roofs on schools' });
    expect(link.getAttribute('href')).toBe('/public/pledges/p1');
    expect(screen.queryByText('PDF')).toBeNull();
    expect(
      screen.getByRole('link', { name: 'All pledges of this negotiation' }).getAttribute('href'),
    ).toBe('/public/negotiations/n1/pledges');
    expect(calls).toEqual(expect.arrayContaining(['publicList', 'publicReview']));
  });
});
