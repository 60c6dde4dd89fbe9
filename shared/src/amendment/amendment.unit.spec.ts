import { describe, it } from 'vitest';
import { Conflict, Forbidden, IllegalTransition, Invalid, NotFound } from '../decider.js';
import { DeciderSpecification } from '../test-support/decider-spec.js';
import { actor, NOW, uuid } from '../test-support/fixtures.js';
import type { EventOf } from '../messages.js';
import { amendmentDecider } from './decider.js';
import type { AmendmentEvent } from './events.js';
import type { ProposalInput } from './proposal.js';
import {
  chair,
  command,
  documentId,
  KENYA,
  kenyanDelegate,
  MEXICO,
  NORWAY,
  norwegianDelegate,
  paragraphId,
  replace,
  withReason,
} from './test-support/amendment-fixtures.js';

const spec = DeciderSpecification.for(amendmentDecider);

const amendmentId = uuid(400);
const otherKenyanDelegate = actor(uuid(105), KENYA, 'delegate');
const civilSociety = actor(uuid(103), uuid(14), 'civil-society');
const observer = actor(uuid(107), uuid(15), 'observer');

const tableCommand = (proposal: ProposalInput = replace, by = kenyanDelegate) =>
  command(
    'TableAmendment',
    { amendmentId, documentId, paragraphId, proposal, rationale: 'Voluntary language' },
    by,
  );

const tabled: EventOf<AmendmentEvent, 'AmendmentTabled'> = {
  type: 'AmendmentTabled',
  data: {
    amendmentId,
    documentId,
    paragraphId,
    proposal: replace,
    rationale: 'Voluntary language',
    sponsorStakeholderId: KENYA,
    chairsCompromise: false,
    tabledBy: kenyanDelegate.userId,
    tabledAt: NOW,
  },
};
const withdrawn: AmendmentEvent = {
  type: 'AmendmentWithdrawn',
  data: { amendmentId, reason: '', withdrawnBy: kenyanDelegate.userId, withdrawnAt: NOW },
};
const accepted: AmendmentEvent = {
  type: 'AmendmentAccepted',
  data: { amendmentId, decidedBy: chair.userId, decidedAt: NOW },
};
const cosponsoredByNorway: AmendmentEvent = {
  type: 'AmendmentCosponsored',
  data: {
    amendmentId,
    stakeholderId: NORWAY,
    cosponsoredBy: norwegianDelegate.userId,
    cosponsoredAt: NOW,
  },
};

const accept = (by = chair) => command('AcceptAmendment', { amendmentId }, by);

describe('amendment decider', () => {
  describe('TableAmendment', () => {
    it('tables the amendment in the name of the actor’s own delegation', () => {
      spec.given([]).when(tableCommand()).then([tabled]);
    });

    it('marks an amendment tabled by a chair as a chair’s compromise', () => {
      spec
        .given([])
        .when(tableCommand(replace, chair))
        .then([
          {
            ...tabled,
            data: {
              ...tabled.data,
              sponsorStakeholderId: MEXICO,
              chairsCompromise: true,
              tabledBy: chair.userId,
            },
          },
        ]);
    });

    it('takes whole-paragraph kinds without an anchor', () => {
      const addParagraph: ProposalInput = {
        kind: 'add-paragraph',
        anchor: null,
        paragraphKind: 'operative',
        originalText: '',
        proposedText: 'States shall cooperate.',
      };
      spec
        .given([])
        .when(tableCommand(addParagraph))
        .then([{ ...tabled, data: { ...tabled.data, proposal: addParagraph } }]);
    });

    it('is not for civil society, observers or the secretariat', () => {
      spec.given([]).when(tableCommand(replace, civilSociety)).thenThrows(Forbidden);
      spec.given([]).when(tableCommand(replace, observer)).thenThrows(Forbidden);
      spec
        .given([])
        .when(tableCommand(replace, actor(uuid(108), uuid(10), 'secretariat')))
        .thenThrows(Forbidden);
    });

    it('refuses tabling the same amendment twice', () => {
      spec
        .given([tabled])
        .when(tableCommand())
        .thenThrows(Conflict, withReason('amendment-exists'));
    });
  });

  describe('CosponsorAmendment', () => {
    const cosponsor = (by = norwegianDelegate) =>
      command('CosponsorAmendment', { amendmentId }, by);

    it('adds the actor’s delegation as co-sponsor', () => {
      spec.given([tabled]).when(cosponsor()).then([cosponsoredByNorway]);
    });

    it('refuses co-sponsoring twice, or by the sponsor', () => {
      spec
        .given([tabled, cosponsoredByNorway])
        .when(cosponsor())
        .thenThrows(Conflict, withReason('already-cosponsor'));
      spec
        .given([tabled])
        .when(cosponsor(otherKenyanDelegate))
        .thenThrows(Conflict, withReason('already-sponsor'));
    });

    it('refuses co-sponsoring a withdrawn amendment, or by civil society', () => {
      spec.given([tabled, withdrawn]).when(cosponsor()).thenThrows(IllegalTransition);
      spec.given([tabled]).when(cosponsor(civilSociety)).thenThrows(Forbidden);
    });
  });

  describe('ReviseAmendment', () => {
    const newWording: ProposalInput = {
      kind: 'replace',
      anchor: { start: 'AQID', end: 'BAUG' },
      originalText: 'shall',
      proposedText: 'may',
    };
    const revise = (by = otherKenyanDelegate) =>
      command('ReviseAmendment', { amendmentId, proposal: newWording }, by);

    it('lets any member of the sponsoring delegation revise it while pending', () => {
      spec
        .given([tabled, cosponsoredByNorway])
        .when(revise())
        .then([
          {
            type: 'AmendmentRevised',
            data: {
              amendmentId,
              revision: 2,
              proposal: newWording,
              rationale: 'Voluntary language',
              revisedBy: otherKenyanDelegate.userId,
              revisedAt: NOW,
            },
          },
        ]);
    });

    it('does nothing when neither wording nor rationale changes', () => {
      spec
        .given([tabled])
        .when(command('ReviseAmendment', { amendmentId, proposal: replace }))
        .thenNothingHappens();
    });

    it('refuses a co-sponsor revising, and revising after a decision', () => {
      spec
        .given([tabled, cosponsoredByNorway])
        .when(revise(norwegianDelegate))
        .thenThrows(Forbidden, withReason('not-the-sponsor'));
      spec
        .given([tabled, accepted])
        .when(revise())
        .thenThrows(IllegalTransition, withReason('amendment-accepted'));
    });
  });

  describe('WithdrawAmendment', () => {
    const withdraw = (by = kenyanDelegate) => command('WithdrawAmendment', { amendmentId }, by);

    it('lets the sponsor withdraw it', () => {
      spec.given([tabled]).when(withdraw()).then([withdrawn]);
    });

    it('refuses anyone else, and withdrawing twice', () => {
      spec.given([tabled]).when(withdraw(norwegianDelegate)).thenThrows(Forbidden);
      spec.given([tabled]).when(withdraw(chair)).thenThrows(Forbidden);
      spec
        .given([tabled, withdrawn])
        .when(withdraw())
        .thenThrows(IllegalTransition, withReason('amendment-withdrawn'));
    });
  });

  describe('AcceptAmendment, RejectAmendment, MergeAmendment', () => {
    it('lets the chair accept a pending amendment', () => {
      spec.given([tabled]).when(accept()).then([accepted]);
    });

    it('refuses accepting a withdrawn amendment', () => {
      spec.given([tabled, withdrawn]).when(accept()).thenThrows(IllegalTransition);
    });

    it('refuses a non-chair accepting, even the sponsor', () => {
      spec.given([tabled]).when(accept(kenyanDelegate)).thenThrows(Forbidden);
      spec
        .given([tabled])
        .when(accept(actor(uuid(108), uuid(10), 'secretariat')))
        .thenThrows(Forbidden);
    });

    it('refuses deciding twice, or an amendment never tabled', () => {
      spec
        .given([tabled, accepted])
        .when(command('RejectAmendment', { amendmentId, reason: 'No' }, chair))
        .thenThrows(IllegalTransition);
      spec.given([]).when(accept()).thenThrows(NotFound);
    });

    it('rejects with a reason', () => {
      spec
        .given([tabled])
        .when(command('RejectAmendment', { amendmentId, reason: 'No support in the room' }, chair))
        .then([
          {
            type: 'AmendmentRejected',
            data: {
              amendmentId,
              reason: 'No support in the room',
              decidedBy: chair.userId,
              decidedAt: NOW,
            },
          },
        ]);
    });

    it('merges into a chair’s compromise, never into itself', () => {
      const compromise = uuid(401);
      spec
        .given([tabled])
        .when(command('MergeAmendment', { amendmentId, intoAmendmentId: compromise }, chair))
        .then([
          {
            type: 'AmendmentMerged',
            data: {
              amendmentId,
              intoAmendmentId: compromise,
              decidedBy: chair.userId,
              decidedAt: NOW,
            },
          },
        ]);
      spec
        .given([tabled])
        .when(command('MergeAmendment', { amendmentId, intoAmendmentId: amendmentId }, chair))
        .thenThrows(Invalid, withReason('merge-into-self'));
    });

    it('refuses a command addressed to another amendment', () => {
      spec
        .given([tabled])
        .when(command('AcceptAmendment', { amendmentId: uuid(499) }, chair))
        .thenThrows(Invalid, withReason('wrong-aggregate'));
    });
  });
});
