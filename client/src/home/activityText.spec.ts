import type { ActivityDescription } from '@accord/shared';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n.js';
import { activityText } from './activityText.js';

const i18n = createI18n({ preferred: ['en-GB'], timeZone: 'UTC' });
const say = (activity: ActivityDescription) => activityText(i18n, activity);
const G = 'Global compact for safe, orderly and regular migration';

describe('activity entries in words', () => {
  it('says each kind of entry through the catalogue, with the names the server gave', () => {
    expect(
      say({ type: 'NegotiationOpened', params: { actor: 'Ana Secretariat', title: 'Talks' } }),
    ).toBe('Ana Secretariat opened the negotiation “Talks”');
    expect(
      say({
        type: 'StakeholderRegistered',
        params: { stakeholder: 'Kenya', code: 'KEN', stakeholderKind: 'delegation' },
      }),
    ).toBe('Kenya (KEN) registered as a delegation');
    expect(
      say({
        type: 'MemberAdmitted',
        params: { actor: 'Fay Delegate', stakeholder: 'Brazil', role: 'delegate' },
      }),
    ).toBe('Fay Delegate joined for Brazil as delegate');
    expect(say({ type: 'RevisionIssued', params: { title: G, label: 'Zero draft' } })).toBe(
      `Zero draft of “${G}” issued`,
    );
    expect(
      say({
        type: 'AmendmentTabled',
        params: { sponsor: 'Brazil', chairsCompromise: false, title: G, amendmentKind: 'replace' },
      }),
    ).toBe(`Brazil tabled an amendment to replace words in “${G}”`);
    expect(
      say({
        type: 'AmendmentTabled',
        params: { sponsor: 'Veradia', chairsCompromise: true, title: G, amendmentKind: 'insert' },
      }),
    ).toBe(`The chair put forward a chair’s compromise on “${G}”`);
    expect(say({ type: 'AmendmentAccepted', params: { chairsCompromise: true } })).toBe(
      'The chair accepted the chair’s compromise',
    );
    expect(
      say({
        type: 'PositionStated',
        params: {
          stakeholder: 'Kenya',
          stance: 'objection',
          on: 'amendment',
          sponsor: 'Brazil',
          chairsCompromise: false,
        },
      }),
    ).toBe('Kenya objects to the amendment by Brazil');
    expect(
      say({
        type: 'ParagraphStatusSet',
        params: { actor: 'Ben Chair', title: G, status: 'agreed-ad-ref' },
      }),
    ).toBe(`Ben Chair marked a paragraph of “${G}” agreed ad ref`);
    expect(
      say({
        type: 'RoundtablePaperIssued',
        params: { actor: 'Ana', theme: 'Heat', version: 2 },
      }),
    ).toBe('Ana issued version 2 of the paper of the roundtable “Heat”');
  });

  it('says the lines of recommendations, consultations and pledges, naming nobody for answers', () => {
    expect(
      say({
        type: 'RecommendationTakenUp',
        params: { stakeholder: 'Brazil', organisation: 'Heat Network', recommendation: 'Shade' },
      }),
    ).toBe('Brazil took up the recommendation “Shade” of Heat Network as an amendment');
    expect(say({ type: 'ConsultationAnswered', params: { consultation: 'Views' } })).toBe(
      'A new answer to the consultation “Views”',
    );
    expect(
      say({
        type: 'PledgeProgressReported',
        params: { pledger: 'Kenya', pledge: 'Cool roofs', status: 'at-risk' },
      }),
    ).toBe('Kenya reported progress on the pledge “Cool roofs”: At risk');
    expect(say({ type: 'PledgeRevised', params: {} })).toBe('A stakeholder revised the pledge “…”');
  });

  it('counts chairs with the catalogue’s plural forms', () => {
    expect(say({ type: 'ChairsAppointed', params: { people: ['Ben Chair'], count: 1 } })).toBe(
      'Ben Chair appointed chair',
    );
    expect(
      say({ type: 'ChairsAppointed', params: { people: ['Ben Chair', 'Cy Chair'], count: 2 } }),
    ).toBe('Ben Chair and Cy Chair appointed co-chairs');
  });

  it('fills in names the record does not know, and starts the sentence with a capital', () => {
    expect(
      say({
        type: 'PositionStated',
        params: { stance: 'reservation', on: 'amendment', chairsCompromise: false },
      }),
    ).toBe('A stakeholder has a reservation on the amendment by a stakeholder');
    expect(say({ type: 'CommentResolved', params: {} })).toBe(
      'A member resolved a comment on a document',
    );
  });

  it('cuts very long names short', () => {
    const text = say({
      type: 'DocumentAdopted',
      params: { title: 'x'.repeat(200), label: 'Rev 2' },
    });
    expect(text).toBe(`“${'x'.repeat(79)}…” adopted (Rev 2)`);
  });
});
