import { describe, expect, it } from 'vitest';
import { Forbidden, Invalid, NotFound, foldEvents } from '../decider.js';
import { DeciderSpecification } from '../test-support/decider-spec.js';
import { actor, at, metaFor, NOW, uuid } from '../test-support/fixtures.js';
import type { Stance } from '../vocabulary.js';
import type { PositionsCommand } from './commands.js';
import { positionsDecider } from './decider.js';
import type { PositionsEvent } from './events.js';
import { positionsOn, type PositionTarget } from './state.js';

const spec = DeciderSpecification.for(positionsDecider);

const documentId = uuid(2);
const KENYA = uuid(12);
const paragraph: PositionTarget = { kind: 'paragraph', id: uuid(300) };
const amendment: PositionTarget = { kind: 'amendment', id: uuid(400) };

const kenyanDelegate = actor(uuid(101), KENYA, 'delegate');
const otherKenyanDelegate = actor(uuid(105), KENYA, 'delegate');
const civilSociety = actor(uuid(103), uuid(14), 'civil-society');
const secretariat = actor(uuid(108), uuid(10), 'secretariat');

const state = (
  target: PositionTarget,
  stance: Stance,
  statement?: string,
  by = kenyanDelegate,
  now = NOW,
): PositionsCommand => ({
  type: 'StatePosition',
  data: { documentId, target, stance, ...(statement === undefined ? {} : { statement }) },
  meta: metaFor(by, now),
});
const withdraw = (target: PositionTarget, by = kenyanDelegate): PositionsCommand => ({
  type: 'WithdrawPosition',
  data: { documentId, target },
  meta: metaFor(by),
});
const stated = (
  target: PositionTarget,
  stance: Stance,
  statement = '',
  by = kenyanDelegate,
  statedAt = NOW,
): PositionsEvent => ({
  type: 'PositionStated',
  data: {
    documentId,
    target,
    stakeholderId: by.stakeholderId,
    stance,
    statement,
    statedBy: by.userId,
    statedAt,
  },
});

describe('positions decider', () => {
  it('records a position for the actor’s own stakeholder', () => {
    spec
      .given([])
      .when(state(paragraph, 'objection', 'Cannot accept "shall"'))
      .then([stated(paragraph, 'objection', 'Cannot accept "shall"')]);
  });

  it('records a change of position by any member of the same delegation', () => {
    spec
      .given([stated(paragraph, 'objection')])
      .when(state(paragraph, 'can-accept', undefined, otherKenyanDelegate, at('11:00')))
      .then([stated(paragraph, 'can-accept', '', otherKenyanDelegate, at('11:00'))]);
  });

  it('keeps every change while the state holds only the current position', () => {
    const history = [
      stated(paragraph, 'objection'),
      stated(paragraph, 'reservation'),
      stated(paragraph, 'support'),
      stated(amendment, 'support'),
    ];
    const current = positionsOn(foldEvents(positionsDecider, history), paragraph);
    expect(current.map((p) => p.stance)).toEqual(['support']);
  });

  it('does nothing when the same position is stated again', () => {
    spec
      .given([stated(amendment, 'support', 'Yes')])
      .when(state(amendment, 'support', 'Yes'))
      .thenNothingHappens();
  });

  it('records civil society’s positions too', () => {
    spec
      .given([])
      .when(state(paragraph, 'support', undefined, civilSociety))
      .then([stated(paragraph, 'support', '', civilSociety)]);
  });

  it('refuses the secretariat, which is neutral', () => {
    spec
      .given([])
      .when(state(paragraph, 'support', undefined, secretariat))
      .thenThrows(Forbidden);
  });

  it('withdraws a position', () => {
    spec
      .given([stated(paragraph, 'objection')])
      .when(withdraw(paragraph, otherKenyanDelegate))
      .then([
        {
          type: 'PositionWithdrawn',
          data: {
            documentId,
            target: paragraph,
            stakeholderId: KENYA,
            withdrawnBy: otherKenyanDelegate.userId,
            withdrawnAt: NOW,
          },
        },
      ]);
  });

  it('refuses withdrawing a position that is not there, or another stakeholder’s', () => {
    spec.given([]).when(withdraw(paragraph)).thenThrows(NotFound);
    spec
      .given([stated(paragraph, 'objection')])
      .when(withdraw(paragraph, civilSociety))
      .thenThrows(NotFound);
  });

  it('refuses a command for another document', () => {
    spec
      .given([stated(paragraph, 'objection')])
      .when({
        type: 'WithdrawPosition',
        data: { documentId: uuid(3), target: paragraph },
        meta: metaFor(kenyanDelegate),
      })
      .thenThrows(Invalid);
  });

  it('records the chair’s request for positions, once per delegation asked', () => {
    const chair = actor(uuid(110), uuid(11), 'chair');
    spec
      .given([])
      .when({
        type: 'RequestPosition',
        data: { documentId, target: amendment, stakeholderIds: [KENYA, KENYA, uuid(13)] },
        meta: metaFor(chair),
      })
      .then([
        {
          type: 'PositionRequested',
          data: {
            documentId,
            target: amendment,
            stakeholderIds: [KENYA, uuid(13)],
            note: '',
            requestedBy: chair.userId,
            requestedAt: NOW,
          },
        },
      ]);
  });

  it('refuses a request for positions by anyone but the chair', () => {
    spec
      .given([])
      .when({
        type: 'RequestPosition',
        data: { documentId, target: paragraph, stakeholderIds: [uuid(13)] },
        meta: metaFor(kenyanDelegate),
      })
      .thenThrows(Forbidden);
  });
});
