// Recommendations seen from the draft: an amendment taken up from one names the organisation and
// links to it; the paragraph panel lists those targeting the paragraph (not withdrawn ones, nor
// those on other paragraphs) and offers civil society a pre-filled link to recommend a change.
import type { AmendmentView, StakeholderRefView } from '@accord/shared';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import { ParagraphRecommendations } from './ParagraphRecommendations.js';
import type { Recommendation } from './recommendation-api.js';
import { TakenUpFrom } from './TakenUpFrom.js';

const network: StakeholderRefView = {
  stakeholderId: 's-net',
  name: 'Healthy Cities Action Network',
  shortCode: null,
  kind: 'civil-society',
};

const recommendation = (over: Partial<Recommendation>): Recommendation => ({
  recommendationId: 'r1',
  negotiationId: 'n1',
  documentId: 'd1',
  paragraphs: [{ paragraphId: 'p9', label: 'OP 9' }],
  themes: [],
  title: 'Named heat thresholds',
  change: 'amend-paragraph',
  proposedText: 'Joint forecasts with named thresholds;',
  rationale: '',
  organisation: network,
  submittedAt: '2026-12-01T10:00:00.000Z',
  withdrawn: false,
  endorsers: [],
  uptake: [],
  fate: 'not-taken-up',
  finalText: null,
  timeline: [],
  ...over,
});

// No server pushes notices here; the list is loaded once.
vi.mock('../realtime/realtime.js', () => ({ useChangeNotices: () => undefined }));
vi.mock('./recommendation-api.js', () => ({
  isRecommendationNotice: () => false,
  recommendationApi: {
    list: () =>
      Promise.resolve({
        recommendations: [
          recommendation({}),
          recommendation({ recommendationId: 'r2', title: 'Withdrawn one', withdrawn: true }),
          recommendation({
            recommendationId: 'r3',
            title: 'On another paragraph',
            paragraphs: [{ paragraphId: 'p2', label: 'OP 2' }],
          }),
        ],
        stakeholders: [],
      }),
  },
}));

const wrap = (children: ReactNode) =>
  render(
    <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>
      <MemoryRouter>{children}</MemoryRouter>
    </I18nProvider>,
  );

describe('an amendment taken up from a recommendation', () => {
  it('names the organisation and links to the recommendation', () => {
    const amendment = {
      negotiationId: 'n1',
      takenUpFrom: { recommendationId: 'r1', stakeholder: network },
    } as Pick<AmendmentView, 'negotiationId' | 'takenUpFrom'> as AmendmentView;
    wrap(<TakenUpFrom amendment={amendment} />);
    const link = screen.getByRole('link', {
      name: 'Taken up from Healthy Cities Action Network’s recommendation',
    });
    expect(link.getAttribute('href')).toBe('/negotiations/n1/recommendations/r1');
  });

  it('says nothing for an amendment its sponsor drafted', () => {
    const { container } = wrap(
      <TakenUpFrom amendment={{ negotiationId: 'n1' } as AmendmentView} />,
    );
    expect(container.textContent).toBe('');
  });
});

describe('the recommendations on a paragraph', () => {
  it('lists those on the paragraph and links civil society to a pre-filled form', async () => {
    wrap(
      <ParagraphRecommendations
        negotiationId="n1"
        documentId="d1"
        paragraphId="p9"
        role="civil-society"
        adopted={false}
      />,
    );
    expect(await screen.findByText('1 recommendation on this paragraph')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Named heat thresholds' }).getAttribute('href')).toBe(
      '/negotiations/n1/recommendations/r1',
    );
    expect(screen.queryByText('Withdrawn one')).toBeNull();
    expect(screen.queryByText('On another paragraph')).toBeNull();
    expect(
      screen
        .getByRole('link', { name: 'Recommend a change to this paragraph' })
        .getAttribute('href'),
    ).toBe('/negotiations/n1/recommendations?document=d1&paragraph=p9');
  });

  it('offers a delegate the list but not the link to recommend', async () => {
    wrap(
      <ParagraphRecommendations
        negotiationId="n1"
        documentId="d1"
        paragraphId="p9"
        role="delegate"
        adopted={false}
      />,
    );
    expect(await screen.findByText('1 recommendation on this paragraph')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Recommend a change to this paragraph' })).toBeNull();
  });
});
