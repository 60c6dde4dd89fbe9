// The recommendation decider, given/when/then: submitting, endorsing and taking back an
// endorsement, withdrawing, and recording each uptake once.
import { describe, it } from 'vitest';
import { Conflict, Forbidden, NotFound } from '../decider.js';
import type { EventOf } from '../messages.js';
import { DeciderSpecification } from '../test-support/decider-spec.js';
import { actor, metaFor, NOW, uuid } from '../test-support/fixtures.js';
import type { RecommendationCommand } from './commands.js';
import { recommendationDecider } from './decider.js';
import type { RecommendationEvent } from './events.js';

const spec = DeciderSpecification.for(recommendationDecider);

const recommendationId = uuid(700);
const negotiationId = uuid(1);
const documentId = uuid(2);
const paragraphId = uuid(3);
const amendmentId = uuid(701);
const HARBOUR_NETWORK = uuid(20);
const YOUTH_FORUM = uuid(21);
const KENYA = uuid(11);
const NORWAY = uuid(12);
const author = actor(uuid(100), HARBOUR_NETWORK, 'civil-society');
const endorser = actor(uuid(101), YOUTH_FORUM, 'observer');
const kenyanDelegate = actor(uuid(102), KENYA, 'delegate');
const norwegianDelegate = actor(uuid(103), NORWAY, 'delegate');
const chair = actor(uuid(104), uuid(13), 'chair');

const command = <T extends RecommendationCommand['type']>(
  type: T,
  data: Extract<RecommendationCommand, { type: T }>['data'],
  by = author,
) => ({ type, data, meta: metaFor(by) }) as Extract<RecommendationCommand, { type: T }>;

const submit = (by = author) =>
  command(
    'SubmitRecommendation',
    {
      recommendationId,
      negotiationId,
      recommendation: {
        title: 'Name firewalls between services and enforcement',
        documentId,
        paragraphIds: [paragraphId, paragraphId],
        themes: ['Access to services', 'access to services', 'Firewalls'],
        change: 'amend-paragraph',
        proposedText: 'States shall ensure that health workers do not report status.',
        rationale: 'People avoid clinics when they fear being reported.',
      },
    },
    by,
  );

const submitted: EventOf<RecommendationEvent, 'RecommendationSubmitted'> = {
  type: 'RecommendationSubmitted',
  data: {
    recommendationId,
    negotiationId,
    documentId,
    paragraphIds: [paragraphId],
    themes: ['Access to services', 'Firewalls'],
    title: 'Name firewalls between services and enforcement',
    change: 'amend-paragraph',
    proposedText: 'States shall ensure that health workers do not report status.',
    rationale: 'People avoid clinics when they fear being reported.',
    stakeholderId: HARBOUR_NETWORK,
    submittedBy: author.userId,
    submittedAt: NOW,
  },
};
const endorsed: RecommendationEvent = {
  type: 'RecommendationEndorsed',
  data: {
    recommendationId,
    stakeholderId: YOUTH_FORUM,
    endorsedBy: endorser.userId,
    endorsedAt: NOW,
  },
};
const withdrawn: RecommendationEvent = {
  type: 'RecommendationWithdrawn',
  data: {
    recommendationId,
    reason: 'Merged into another',
    withdrawnBy: author.userId,
    withdrawnAt: NOW,
  },
};
const takenUpByKenya: RecommendationEvent = {
  type: 'RecommendationTakenUp',
  data: {
    recommendationId,
    delegationId: KENYA,
    amendmentId,
    documentId,
    takenUpBy: kenyanDelegate.userId,
    takenUpAt: NOW,
  },
};
const takeUp = (by = kenyanDelegate, id = amendmentId) =>
  command('RecordRecommendationTakenUp', { recommendationId, amendmentId: id, documentId }, by);

describe('recommendation decider', () => {
  describe('SubmitRecommendation', () => {
    it('records it for the actor’s organisation, one of each paragraph and theme', () => {
      spec.given([]).when(submit()).then([submitted]);
    });

    it('is for civil society and observers, not delegations or the chair', () => {
      spec.given([]).when(submit(kenyanDelegate)).thenThrows(Forbidden);
      spec.given([]).when(submit(chair)).thenThrows(Forbidden);
    });

    it('refuses a second submission of the same recommendation', () => {
      spec.given([submitted]).when(submit()).thenThrows(Conflict);
    });
  });

  describe('endorsing', () => {
    const endorse = (by = endorser) => command('EndorseRecommendation', { recommendationId }, by);
    const unendorse = (by = endorser) => command('WithdrawEndorsement', { recommendationId }, by);

    it('records another organisation’s endorsement', () => {
      spec.given([submitted]).when(endorse()).then([endorsed]);
    });

    it('records nothing when the organisation already endorses it', () => {
      spec.given([submitted, endorsed]).when(endorse()).thenNothingHappens();
    });

    it('refuses the author’s own organisation and delegations', () => {
      spec.given([submitted]).when(endorse(author)).thenThrows(Conflict);
      spec.given([submitted]).when(endorse(kenyanDelegate)).thenThrows(Forbidden);
    });

    it('refuses a withdrawn or unknown recommendation', () => {
      spec.given([submitted, withdrawn]).when(endorse()).thenThrows(Conflict);
      spec.given([]).when(endorse()).thenThrows(NotFound);
    });

    it('takes an endorsement back, then may endorse again', () => {
      const back: RecommendationEvent = {
        type: 'RecommendationEndorsementWithdrawn',
        data: {
          recommendationId,
          stakeholderId: YOUTH_FORUM,
          withdrawnBy: endorser.userId,
          withdrawnAt: NOW,
        },
      };
      spec.given([submitted, endorsed]).when(unendorse()).then([back]);
      spec.given([submitted]).when(unendorse()).thenNothingHappens();
      spec.given([submitted, endorsed, back]).when(endorse()).then([endorsed]);
    });
  });

  describe('WithdrawRecommendation', () => {
    const withdraw = (by = author) =>
      command('WithdrawRecommendation', { recommendationId, reason: 'Merged into another' }, by);

    it('lets the author’s organisation withdraw it once', () => {
      spec.given([submitted]).when(withdraw()).then([withdrawn]);
      spec.given([submitted, withdrawn]).when(withdraw()).thenNothingHappens();
    });

    it('refuses another organisation', () => {
      spec.given([submitted]).when(withdraw(endorser)).thenThrows(Forbidden);
    });
  });

  describe('RecordRecommendationTakenUp', () => {
    it('records the delegation and its amendment', () => {
      spec.given([submitted]).when(takeUp()).then([takenUpByKenya]);
    });

    it('records each amendment once, and several delegations each', () => {
      spec.given([submitted, takenUpByKenya]).when(takeUp()).thenNothingHappens();
      spec
        .given([submitted, takenUpByKenya])
        .when(takeUp(norwegianDelegate, uuid(702)))
        .then([
          {
            type: 'RecommendationTakenUp',
            data: {
              ...takenUpByKenya.data,
              delegationId: NORWAY,
              amendmentId: uuid(702),
              takenUpBy: norwegianDelegate.userId,
            },
          },
        ]);
    });

    it('records one amendment per delegation: a second, tabled in a race, is not counted', () => {
      spec
        .given([submitted, takenUpByKenya])
        .when(takeUp(kenyanDelegate, uuid(703)))
        .thenNothingHappens();
    });

    it('still records an amendment tabled just before the recommendation was withdrawn', () => {
      spec.given([submitted, withdrawn]).when(takeUp()).then([takenUpByKenya]);
    });

    it('is for delegations only, and needs the recommendation', () => {
      spec.given([submitted]).when(takeUp(author)).thenThrows(Forbidden);
      spec.given([]).when(takeUp()).thenThrows(NotFound);
    });
  });
});
