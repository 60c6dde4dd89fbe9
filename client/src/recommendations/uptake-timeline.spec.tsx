// The drawn uptake timeline: the stages reached are filled, and each step reads in words with
// the names of the organisations and delegations involved.
import type { StakeholderRefView } from '@accord/shared';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createI18n, I18nProvider } from '../i18n/i18n.js';
import type { Recommendation } from './recommendation-api.js';
import { UptakeTimeline } from './UptakeTimeline.js';

const ref = (stakeholderId: string, name: string): StakeholderRefView => ({
  stakeholderId,
  name,
  shortCode: null,
  kind: null,
});
const network = ref('s-net', 'Healthy Cities Action Network');
const halvard = ref('s-hlv', 'Federal Republic of Halvard');

const recommendation: Recommendation = {
  recommendationId: 'r1',
  negotiationId: 'n1',
  documentId: 'd1',
  paragraphs: [{ paragraphId: 'p9', label: 'OP 9' }],
  themes: ['Early warning'],
  title: 'Named heat thresholds',
  change: 'amend-paragraph',
  proposedText: 'Joint forecasts with named thresholds;',
  rationale: '',
  organisation: network,
  submittedAt: '2026-12-01T10:00:00.000Z',
  withdrawn: false,
  endorsers: [],
  uptake: [{ delegation: halvard, amendmentId: 'a1', documentId: 'd1' }],
  fate: 'in-final-text',
  finalText: {
    ref: 'OP 9',
    words: 'Joint forecasts with named thresholds;',
    revisionLabel: 'Rev 3',
  },
  timeline: [
    { kind: 'submitted', at: '2026-12-01T10:00:00.000Z', stakeholderId: 's-net' },
    { kind: 'taken-up', at: '2026-12-02T10:00:00.000Z', delegationId: 's-hlv', amendmentId: 'a1' },
    { kind: 'amendment-accepted', at: '2026-12-03T10:00:00.000Z', amendmentId: 'a1' },
    { kind: 'in-revision', at: '2026-12-04T10:00:00.000Z', amendmentId: 'a1', label: 'Rev 2' },
    {
      kind: 'in-final-text',
      at: '2026-12-05T10:00:00.000Z',
      amendmentId: 'a1',
      ref: 'OP 9',
      revisionLabel: 'Rev 3',
      words: 'Joint forecasts with named thresholds;',
    },
  ],
};

describe('UptakeTimeline', () => {
  it('draws every stage reached and tells each step with its names', () => {
    const { container } = render(
      <I18nProvider i18n={createI18n({ preferred: ['en-GB'], timeZone: 'UTC' })}>
        <UptakeTimeline
          recommendation={recommendation}
          names={new Map([network, halvard].map((s) => [s.stakeholderId, s]))}
        />
      </I18nProvider>,
    );
    expect(container.querySelectorAll('.uptake__stop--on')).toHaveLength(5);
    expect(screen.getByRole('img', { name: 'In the adopted text' })).toBeTruthy();
    expect(
      screen.getByText('Taken up by Federal Republic of Halvard as an amendment'),
    ).toBeTruthy();
    expect(
      screen.getByText('The amendment of Federal Republic of Halvard was accepted'),
    ).toBeTruthy();
    expect(screen.getByText('In the adopted text at OP 9 (Rev 3):')).toBeTruthy();
  });
});
