import { describe, expect, it } from 'vitest';
import { Conflict, Forbidden, IllegalTransition, Invalid } from '../decider.js';
import type { EventOf } from '../messages.js';
import { DeciderSpecification } from '../test-support/decider-spec.js';
import { actor, metaFor, NOW, uuid } from '../test-support/fixtures.js';
import type { AmendmentCommand } from './commands.js';
import { amendmentDecider } from './decider.js';
import type { AmendmentEvent } from './events.js';
import type { Proposal, ProposalInput } from './proposal.js';
import {
  nestSubAmendments,
  pendingSubAmendmentIds,
  refusalToAmend,
  subAmendmentsFirst,
} from './sub-amendments.js';
import {
  chair,
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

const parentId = uuid(400);
const subId = uuid(401);
const mexicanDelegate = actor(uuid(104), MEXICO, 'delegate');

/** Most commands here are the chair's. */
const command = <T extends AmendmentCommand['type']>(
  type: T,
  data: Extract<AmendmentCommand, { type: T }>['data'],
  by = chair,
) => ({ type, data, meta: metaFor(by) }) as AmendmentCommand;

const anchor = { start: 'AQID', end: 'BAUG' };
/** The sub-amendment's wording: the parent's, with other proposed words. */
const may: ProposalInput = { kind: 'replace', anchor, originalText: 'shall', proposedText: 'may' };
const deletion: Proposal = { kind: 'delete', anchor, originalText: 'shall', proposedText: '' };

const tabled = (
  amendmentId: string,
  extra: Partial<EventOf<AmendmentEvent, 'AmendmentTabled'>['data']> = {},
): EventOf<AmendmentEvent, 'AmendmentTabled'> => ({
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
    ...extra,
  },
});
const parentTabled = tabled(parentId);
const subTabled = tabled(subId, {
  proposal: may,
  sponsorStakeholderId: NORWAY,
  tabledBy: norwegianDelegate.userId,
  parentAmendmentId: parentId,
});
const rejected = (amendmentId: string): AmendmentEvent => ({
  type: 'AmendmentRejected',
  data: { amendmentId, reason: 'No support', decidedBy: chair.userId, decidedAt: NOW },
});
const merged: AmendmentEvent = {
  type: 'AmendmentMerged',
  data: {
    amendmentId: parentId,
    intoAmendmentId: uuid(499),
    decidedBy: chair.userId,
    decidedAt: NOW,
  },
};

describe('sub-amendments in the decider', () => {
  it('records the parent a sub-amendment is tabled to', () => {
    spec
      .given([])
      .when(
        command(
          'TableAmendment',
          {
            amendmentId: subId,
            documentId,
            paragraphId,
            proposal: may,
            rationale: 'Voluntary language',
            parentAmendmentId: parentId,
          },
          norwegianDelegate,
        ),
      )
      .then([subTabled]);
  });

  it('refuses an amendment tabled to itself', () => {
    spec
      .given([])
      .when(
        command(
          'TableAmendment',
          {
            amendmentId: subId,
            documentId,
            paragraphId,
            proposal: replace,
            rationale: '',
            parentAmendmentId: subId,
          },
          norwegianDelegate,
        ),
      )
      .thenThrows(Invalid, withReason('sub-amendment-of-itself'));
  });

  it('names the parent when a sub-amendment is accepted, so its words do not go to the text', () => {
    spec
      .given([subTabled])
      .when(command('AcceptAmendment', { amendmentId: subId }))
      .then([
        {
          type: 'AmendmentAccepted',
          data: {
            amendmentId: subId,
            decidedBy: chair.userId,
            decidedAt: NOW,
            parentAmendmentId: parentId,
          },
        },
      ]);
  });

  it('revises the parent by the chair, naming the accepted sub-amendment, once', () => {
    const adopt = command('AdoptSubAmendment', {
      amendmentId: parentId,
      subAmendmentId: subId,
      proposedText: 'may',
    });
    const revised: AmendmentEvent = {
      type: 'AmendmentRevised',
      data: {
        amendmentId: parentId,
        revision: 2,
        proposal: may,
        rationale: 'Voluntary language',
        revisedBy: chair.userId,
        revisedAt: NOW,
        subAmendmentId: subId,
      },
    };
    spec.given([parentTabled]).when(adopt).then([revised]);
    spec.given([parentTabled, revised]).when(adopt).thenNothingHappens();
    spec
      .given([parentTabled])
      .when({ ...adopt, meta: metaFor(kenyanDelegate) })
      .thenThrows(Forbidden);
    spec
      .given([parentTabled, rejected(parentId)])
      .when(adopt)
      .thenThrows(IllegalTransition, withReason('amendment-rejected'));
  });

  it('refuses adopting words into a parent that proposes none', () => {
    spec
      .given([tabled(parentId, { proposal: deletion })])
      .when(
        command('AdoptSubAmendment', {
          amendmentId: parentId,
          subAmendmentId: subId,
          proposedText: 'may',
        }),
      )
      .thenThrows(Conflict, withReason('parent-proposes-no-words'));
  });

  it('withdraws a pending sub-amendment with its parent, and leaves a decided one alone', () => {
    const fall = command(
      'WithdrawWithParent',
      { amendmentId: subId, parentAmendmentId: parentId },
      kenyanDelegate,
    );
    spec
      .given([subTabled])
      .when(fall)
      .then([
        {
          type: 'AmendmentWithdrawn',
          data: {
            amendmentId: subId,
            reason: '',
            withdrawnBy: kenyanDelegate.userId,
            withdrawnAt: NOW,
            withParentAmendmentId: parentId,
          },
        },
      ]);
    spec
      .given([subTabled, rejected(subId)])
      .when(fall)
      .thenNothingHappens();
    spec
      .given([parentTabled])
      .when(
        command(
          'WithdrawWithParent',
          { amendmentId: parentId, parentAmendmentId: subId },
          kenyanDelegate,
        ),
      )
      .thenThrows(Invalid, withReason('not-a-sub-amendment'));
  });
});

describe('restoring a decision', () => {
  const restore = (by = chair) =>
    command('RestoreAmendment', { amendmentId: parentId, reason: 'Decided too early' }, by);

  it('restores a rejected or merged amendment to pending, with the reason', () => {
    spec
      .given([parentTabled, rejected(parentId)])
      .when(restore())
      .then([
        {
          type: 'AmendmentRestored',
          data: {
            amendmentId: parentId,
            from: 'rejected',
            reason: 'Decided too early',
            restoredBy: chair.userId,
            restoredAt: NOW,
          },
        },
      ]);
    spec
      .given([parentTabled, merged])
      .when(restore())
      .then([
        {
          type: 'AmendmentRestored',
          data: {
            amendmentId: parentId,
            from: 'merged',
            reason: 'Decided too early',
            restoredBy: chair.userId,
            restoredAt: NOW,
          },
        },
      ]);
  });

  it('makes a restored amendment pending again, so the chair can decide it anew', () => {
    const restored: AmendmentEvent = {
      type: 'AmendmentRestored',
      data: {
        amendmentId: parentId,
        from: 'rejected',
        reason: 'Decided too early',
        restoredBy: chair.userId,
        restoredAt: NOW,
      },
    };
    spec
      .given([parentTabled, rejected(parentId), restored])
      .when(command('AcceptAmendment', { amendmentId: parentId }))
      .then([
        {
          type: 'AmendmentAccepted',
          data: { amendmentId: parentId, decidedBy: chair.userId, decidedAt: NOW },
        },
      ]);
  });

  it('refuses restoring an accepted amendment: its words are in the text', () => {
    spec
      .given([
        parentTabled,
        {
          type: 'AmendmentAccepted',
          data: { amendmentId: parentId, decidedBy: chair.userId, decidedAt: NOW },
        },
      ])
      .when(restore())
      .thenThrows(Conflict, withReason('amendment-accepted'));
  });

  it('refuses restoring a pending or withdrawn amendment, and anyone but the chair', () => {
    spec
      .given([parentTabled])
      .when(restore())
      .thenThrows(IllegalTransition, withReason('amendment-pending'));
    spec
      .given([
        parentTabled,
        {
          type: 'AmendmentWithdrawn',
          data: {
            amendmentId: parentId,
            reason: '',
            withdrawnBy: kenyanDelegate.userId,
            withdrawnAt: NOW,
          },
        },
      ])
      .when(restore())
      .thenThrows(IllegalTransition, withReason('amendment-withdrawn'));
    spec
      .given([parentTabled, rejected(parentId)])
      .when(restore(kenyanDelegate))
      .thenThrows(Forbidden);
  });
});

describe('a chair acts as the chair', () => {
  it('cannot co-sponsor a delegation’s amendment', () => {
    spec
      .given([parentTabled])
      .when(command('CosponsorAmendment', { amendmentId: parentId }))
      .thenThrows(Forbidden);
  });

  it('cannot revise or withdraw an amendment of the chair’s own delegation', () => {
    const mexican = tabled(parentId, { sponsorStakeholderId: MEXICO });
    spec
      .given([mexican])
      .when(command('WithdrawAmendment', { amendmentId: parentId }))
      .thenThrows(Forbidden, withReason('not-the-sponsor'));
  });

  it('keeps the chair’s compromise from the chair’s delegation', () => {
    const compromise = tabled(parentId, {
      sponsorStakeholderId: MEXICO,
      chairsCompromise: true,
      tabledBy: chair.userId,
    });
    spec
      .given([compromise])
      .when(command('WithdrawAmendment', { amendmentId: parentId }, mexicanDelegate))
      .thenThrows(Forbidden, withReason('not-the-sponsor'));
    const otherChair = actor(uuid(109), KENYA, 'chair');
    spec
      .given([compromise])
      .when(command('WithdrawAmendment', { amendmentId: parentId }, otherChair))
      .then([
        {
          type: 'AmendmentWithdrawn',
          data: {
            amendmentId: parentId,
            reason: '',
            withdrawnBy: otherChair.userId,
            withdrawnAt: NOW,
          },
        },
      ]);
  });
});

describe('sub-amendment rules across amendments', () => {
  const link = (amendmentId: string, status: string, parentAmendmentId: string | null = null) => ({
    amendmentId,
    status,
    parentAmendmentId,
    proposal: replace,
  });

  it('takes sub-amendments only to a pending amendment to the text that proposes words', () => {
    expect(refusalToAmend(link('a', 'pending'))).toBeNull();
    expect(refusalToAmend(link('a', 'rejected'))).toBe('parent-not-pending');
    expect(refusalToAmend(link('b', 'pending', 'a'))).toBe('sub-amendment-too-deep');
    expect(
      refusalToAmend({
        ...link('a', 'pending'),
        proposal: deletion,
      }),
    ).toBe('parent-proposes-no-words');
  });

  it('lists the pending sub-amendments that hold a parent back', () => {
    const all = [
      link('a', 'pending'),
      link('b', 'pending', 'a'),
      link('c', 'rejected', 'a'),
      link('d', 'pending', 'x'),
    ];
    expect(pendingSubAmendmentIds(all, 'a')).toEqual(['b']);
  });

  it('orders sub-amendments before their parent, the rest as given', () => {
    const all = [
      link('a', 'pending'),
      link('b', 'pending'),
      link('c', 'pending', 'a'),
      link('d', 'pending', 'b'),
      link('e', 'pending', 'a'),
    ];
    expect(subAmendmentsFirst(all).map((a) => a.amendmentId)).toEqual(['c', 'e', 'a', 'd', 'b']);
  });

  it('nests sub-amendments under their parent, and keeps orphans at the top', () => {
    const nested = nestSubAmendments([
      link('a', 'pending'),
      link('c', 'pending', 'a'),
      link('d', 'pending', 'zz'),
    ]);
    expect(
      nested.map((n) => [n.amendment.amendmentId, n.subAmendments.map((s) => s.amendmentId)]),
    ).toEqual([
      ['a', ['c']],
      ['d', []],
    ]);
  });
});
