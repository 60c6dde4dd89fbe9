import { describe, expect, it } from 'vitest';
import { activityDescriptionSchema } from './activity.js';

describe('activity descriptions', () => {
  it('given an accepted amendment, describes it by its sponsor, with no sentence', () => {
    const entry = {
      type: 'AmendmentAccepted',
      params: { sponsor: 'Brazil', chairsCompromise: false },
    };
    expect(activityDescriptionSchema.parse(entry)).toEqual(entry);
  });

  it('given unknown names, still describes the event (the reader’s language fills them in)', () => {
    const entry = {
      type: 'PositionStated',
      params: { stance: 'reservation', on: 'amendment', chairsCompromise: false },
    };
    expect(activityDescriptionSchema.parse(entry)).toEqual(entry);
  });

  it('refuses a type it does not know and vocabulary outside the glossary', () => {
    expect(activityDescriptionSchema.safeParse({ type: 'Gossip', params: {} }).success).toBe(false);
    expect(
      activityDescriptionSchema.safeParse({
        type: 'MemberAdmitted',
        params: { actor: 'Fay', stakeholder: 'Brazil', role: 'king' },
      }).success,
    ).toBe(false);
  });
});
