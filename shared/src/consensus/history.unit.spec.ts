import { describe, expect, it } from 'vitest';
import { uuid } from '../test-support/fixtures.js';
import { paragraphTimeline, positionHistory, trackRecord } from './history.js';
import { milestonesOf } from './milestones.js';
import {
  DOC,
  NEGOTIATION,
  adopted,
  amendment,
  amendmentAccepted,
  at,
  delegation,
  documentCreated,
  given,
  group,
  minute,
  opened,
  paragraph,
  revisionIssued,
  stated,
  statusSet,
  tabled,
  withdrawn,
} from './test-support/record-spec.js';

const P1 = uuid(301);
const P2 = uuid(302);
const A1 = uuid(401);
const EU = uuid(20);
const FRANCE = uuid(11);
const CHILE = uuid(12);
const FRENCH_DELEGATE = uuid(501);
const OTHER_FRENCH_DELEGATE = uuid(502);
const CHILEAN_DELEGATE = uuid(503);

const setup = [
  opened(),
  group(EU, 'European Union'),
  delegation(FRANCE, 'France', [EU]),
  delegation(CHILE, 'Chile'),
  documentCreated(),
];

describe('position history', () => {
  it('keeps every change of one stakeholder on one target, with who, when and the revision in force', () => {
    given(...setup)
      .when(
        stated(
          paragraph(P1),
          FRANCE,
          'reservation',
          'Consulting Paris',
          minute(1),
          FRENCH_DELEGATE,
        ),
        revisionIssued('Rev 1', '12', 1, minute(2)),
        stated(paragraph(P1), FRANCE, 'support', 'Paris agrees', minute(3), OTHER_FRENCH_DELEGATE),
        withdrawn(paragraph(P1), FRANCE, minute(4)),
      )
      .then((state) => {
        const history = positionHistory(state, DOC, {
          stakeholderId: FRANCE,
          target: paragraph(P1),
        });
        expect(history).toMatchObject([
          {
            action: 'stated',
            stance: 'reservation',
            statement: 'Consulting Paris',
            previousStance: null,
            userId: FRENCH_DELEGATE,
            at: minute(1),
            revisionLabel: null,
            stakeholder: { stakeholderId: FRANCE, kind: 'delegation', name: 'France' },
          },
          {
            action: 'stated',
            stance: 'support',
            statement: 'Paris agrees',
            previousStance: 'reservation',
            userId: OTHER_FRENCH_DELEGATE,
            at: minute(3),
            revisionLabel: 'Rev 1',
          },
          { action: 'withdrawn', stance: null, previousStance: 'support', at: minute(4) },
        ]);
      });
  });

  it('prefers the time the event was recorded at, and carries its log position', () => {
    given(...setup)
      .when(at(42, stated(paragraph(P1), CHILE, 'support', '', minute(1)), minute(9)))
      .then((state) => {
        expect(positionHistory(state, DOC)).toMatchObject([{ at: minute(9), position: '42' }]);
      });
  });

  it('ignores the withdrawal of a position never stated', () => {
    given(...setup)
      .when(withdrawn(paragraph(P1), CHILE))
      .then((state) => expect(positionHistory(state, DOC)).toEqual([]));
  });

  it('gives a delegation’s whole track record, with where it stands now on each target', () => {
    given(...setup, tabled(A1, P1, CHILE))
      .when(
        stated(paragraph(P1), FRANCE, 'objection', 'Too vague', minute(1)),
        stated(amendment(A1), FRANCE, 'support', '', minute(2)),
        stated(paragraph(P1), FRANCE, 'can-accept', 'With A1', minute(3)),
        stated(paragraph(P2), CHILE, 'support', '', minute(4)),
        stated(paragraph(P2), EU, 'objection', 'EU line', minute(5)),
        stated(paragraph(P2), FRANCE, 'abstain', '', minute(6)),
        withdrawn(paragraph(P2), FRANCE, minute(7)),
      )
      .then((state) => {
        const record = trackRecord(state, DOC, FRANCE)!;
        expect(record.stakeholder.name).toBe('France');
        expect(record.changes.map((c) => [c.target.id, c.action, c.stance])).toEqual([
          [P1, 'stated', 'objection'],
          [A1, 'stated', 'support'],
          [P1, 'stated', 'can-accept'],
          [P2, 'stated', 'abstain'],
          [P2, 'withdrawn', null],
        ]);
        expect(record.targets).toMatchObject([
          {
            target: paragraph(P1),
            changes: 2,
            firstAt: minute(1),
            lastAt: minute(3),
            current: { source: 'own', stance: 'can-accept' },
          },
          { target: amendment(A1), changes: 1, current: { source: 'own', stance: 'support' } },
          // Having withdrawn its own, France now stands with the EU.
          {
            target: paragraph(P2),
            changes: 2,
            current: { source: 'group', stance: 'objection', statement: 'EU line' },
          },
        ]);
      });
  });

  it('shows every stakeholder over time on one paragraph', () => {
    given(...setup)
      .when(
        stated(paragraph(P1), CHILE, 'support', '', minute(1), CHILEAN_DELEGATE),
        stated(paragraph(P2), FRANCE, 'support', '', minute(2)),
        stated(paragraph(P1), EU, 'objection', '', minute(3)),
        stated(paragraph(P1), CHILE, 'can-accept', '', minute(4), CHILEAN_DELEGATE),
      )
      .then((state) => {
        expect(
          paragraphTimeline(state, DOC, P1).map((e) => [e.stakeholder.shortCode, e.stance, e.at]),
        ).toEqual([
          ['CHI', 'support', minute(1)],
          ['EUR', 'objection', minute(3)],
          ['CHI', 'can-accept', minute(4)],
        ]);
      });
  });
});

describe('milestones', () => {
  it('marks revisions, accepted amendments, paragraphs agreed ad ref and adoption, with positions to jump to', () => {
    given(...setup.slice(0, 4), at(5, documentCreated(), minute(0)), at(6, tabled(A1, P1, CHILE)))
      .when(
        at(7, revisionIssued('Zero draft', '3', 1), minute(1)),
        at(8, amendmentAccepted(A1), minute(2)),
        at(9, statusSet(P1, 'bracketed'), minute(3)),
        at(10, statusSet(P1, 'agreed-ad-ref', 'bracketed'), minute(4)),
        at(11, revisionIssued('Rev 1', '9', 2), minute(5)),
        at(12, adopted('Rev 1', '9'), minute(6)),
      )
      .then((state) => {
        expect(
          milestonesOf(state, NEGOTIATION).map((m) => [
            m.kind,
            m.position,
            m.at,
            m.label ?? m.paragraphId ?? m.amendmentId,
          ]),
        ).toEqual([
          ['document-created', '5', minute(0), 'A/HEAT/1'],
          ['revision-issued', '7', minute(1), 'Zero draft'],
          ['amendment-accepted', '8', minute(2), P1],
          ['paragraph-agreed-ad-ref', '10', minute(4), P1],
          ['revision-issued', '11', minute(5), 'Rev 1'],
          ['document-adopted', '12', minute(6), 'Rev 1'],
        ]);
        expect(milestonesOf(state, NEGOTIATION, { kinds: ['amendment-accepted'] })).toMatchObject([
          { amendmentId: A1, stakeholderId: CHILE, documentId: DOC },
        ]);
      });
  });
});
