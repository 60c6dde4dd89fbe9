import { describe, expect, it } from 'vitest';
import { uuid } from '../test-support/fixtures.js';
import { consensusOf, consensusRule, type ParagraphConsensus } from './consensus.js';
import type { ConsensusState } from './record.js';
import {
  DOC,
  amendment,
  amendmentAccepted,
  amendmentMerged,
  amendmentRejected,
  amendmentWithdrawn,
  civilSociety,
  cosponsored,
  delegation,
  documentCreated,
  given,
  group,
  observer,
  opened,
  paragraph,
  stated,
  statusSet,
  tabled,
  withdrawn,
} from './test-support/record-spec.js';

const P1 = uuid(301);
const P2 = uuid(302);
const AFRICAN_GROUP = uuid(20);
const G77 = uuid(21);
const KENYA = uuid(11);
const NORWAY = uuid(12);
const MEXICO = uuid(13);
const GHANA = uuid(14);
const WORKERS = uuid(30);
const UHO = uuid(31);
const A1 = uuid(401);
const A2 = uuid(402);

// Kenya belongs to two groups, Ghana to one; Norway and Mexico to none.
const negotiation = [
  opened(),
  group(AFRICAN_GROUP, 'African Group'),
  group(G77, 'G77'),
  delegation(KENYA, 'Kenya', [AFRICAN_GROUP, G77]),
  delegation(NORWAY, 'Norway'),
  delegation(MEXICO, 'Mexico'),
  delegation(GHANA, 'Ghana', [AFRICAN_GROUP]),
  civilSociety(WORKERS, 'Workers Network'),
  observer(UHO, 'Urban Health Organization'),
  documentCreated(),
];
const paragraphs = [
  { id: P1, kind: 'operative' as const },
  { id: P2, kind: 'operative' as const },
];

const view = (state: ConsensusState) => consensusOf(state, DOC, { paragraphs })!;
const onP1 = (state: ConsensusState): ParagraphConsensus => view(state).paragraphs[0]!;
const standingOf = (p: ParagraphConsensus, id: string) =>
  p.delegations.find((d) => d.stakeholderId === id);

describe('consensus: negotiating groups', () => {
  it('gives a silent member delegation its group’s position', () => {
    given(...negotiation)
      .when(stated(paragraph(P1), AFRICAN_GROUP, 'objection', 'Too weak on funding'))
      .then((state) => {
        const p = onP1(state);
        expect(standingOf(p, GHANA)).toMatchObject({
          source: 'group',
          stance: 'objection',
          statement: 'Too weak on funding',
          groups: [{ groupId: AFRICAN_GROUP, stance: 'objection' }],
        });
        expect(p.status).toBe('contested');
        expect(p.objectors.map((o) => o.stakeholderId)).toEqual([KENYA, GHANA]);
        expect(p.groups).toMatchObject([
          { groupId: AFRICAN_GROUP, stance: 'objection', members: 2 },
        ]);
      });
  });

  it('lets a delegation’s own position override its group’s', () => {
    given(...negotiation, stated(paragraph(P1), AFRICAN_GROUP, 'objection'))
      .when(stated(paragraph(P1), GHANA, 'can-accept', 'We can live with it'))
      .then((state) => {
        const p = onP1(state);
        expect(standingOf(p, GHANA)).toMatchObject({ source: 'own', stance: 'can-accept' });
        expect(p.objectors.map((o) => o.stakeholderId)).toEqual([KENYA]);
      });
  });

  it('takes no stance for a delegation whose groups disagree, and says so', () => {
    given(...negotiation, stated(paragraph(P1), AFRICAN_GROUP, 'objection'))
      .when(stated(paragraph(P1), G77, 'support'))
      .then((state) => {
        const p = onP1(state);
        expect(standingOf(p, KENYA)).toMatchObject({
          source: 'conflicting-groups',
          stance: null,
          groups: [
            { groupId: AFRICAN_GROUP, stance: 'objection' },
            { groupId: G77, stance: 'support' },
          ],
        });
        expect(p.undecided.map((d) => d.stakeholderId)).toEqual([KENYA]);
        expect(p.tally).toMatchObject({ objection: 1, support: 0, undecided: 1, silent: 2 });
        expect(p.objectors.map((o) => o.stakeholderId)).toEqual([GHANA]);
      });
  });

  it('follows the one group that spoke when the other is silent', () => {
    given(...negotiation)
      .when(stated(paragraph(P1), G77, 'support'))
      .then((state) => {
        expect(standingOf(onP1(state), KENYA)).toMatchObject({
          source: 'group',
          stance: 'support',
        });
        // Kenya speaks through G77; Norway, Mexico and Ghana have not spoken.
        expect(onP1(state)).toMatchObject({
          status: 'no-objection-so-far',
          participation: { stated: 1, expected: 4 },
        });
      });
  });

  it('never counts a group itself as a delegation', () => {
    given(...negotiation)
      .when(stated(paragraph(P1), AFRICAN_GROUP, 'support'))
      .then((state) => {
        expect(onP1(state).tally.delegations).toBe(4);
        expect(onP1(state).breadth).toEqual({ supporting: 2, of: 4, share: 0.5 });
      });
  });
});

describe('consensus: who counts', () => {
  it('lists civil society and observers beside the count and never counts them', () => {
    given(...negotiation, stated(paragraph(P1), NORWAY, 'support'))
      .when(
        stated(paragraph(P1), WORKERS, 'objection', 'Leaves out outdoor workers'),
        stated(paragraph(P1), UHO, 'reservation'),
      )
      .then((state) => {
        const p = onP1(state);
        expect(p.status).toBe('no-objection-so-far');
        expect(p.participation).toEqual({ stated: 1, expected: 4 });
        expect(p.objectors).toEqual([]);
        expect(p.tally).toMatchObject({ delegations: 4, support: 1, objection: 0, reservation: 0 });
        expect(p.notCounted).toMatchObject([
          {
            stakeholderId: WORKERS,
            kind: 'civil-society',
            stance: 'objection',
            statement: 'Leaves out outdoor workers',
          },
          { stakeholderId: UHO, kind: 'observer', stance: 'reservation' },
        ]);
      });
  });

  it('measures breadth as the share of delegations supporting or accepting', () => {
    given(...negotiation)
      .when(stated(paragraph(P1), NORWAY, 'support'), stated(paragraph(P1), MEXICO, 'can-accept'))
      .then((state) => {
        expect(onP1(state).breadth).toEqual({ supporting: 2, of: 4, share: 0.5 });
        expect(onP1(state).tally).toMatchObject({ support: 1, canAccept: 1, silent: 2 });
      });
  });
});

describe('consensus: statuses', () => {
  it('is "no positions" until a delegation speaks, and abstentions alone do not change that', () => {
    given(...negotiation)
      .when(stated(paragraph(P1), NORWAY, 'abstain'))
      .then((state) => {
        expect(onP1(state).status).toBe('no-positions');
        expect(view(state).paragraphs[1]!.status).toBe('no-positions');
      });
  });

  it('is "pending reservations" when someone reserves and nobody objects', () => {
    given(...negotiation, stated(paragraph(P1), NORWAY, 'support'))
      .when(stated(paragraph(P1), MEXICO, 'reservation', 'Consulting capital'))
      .then((state) => {
        const p = onP1(state);
        expect(p.status).toBe('pending-reservations');
        expect(p.reservations).toMatchObject([
          { stakeholderId: MEXICO, statement: 'Consulting capital' },
        ]);
      });
  });

  it('is contested by one objection, whatever the support, and names the objector with the reason', () => {
    given(
      ...negotiation,
      stated(paragraph(P1), NORWAY, 'support'),
      stated(paragraph(P1), GHANA, 'support'),
    )
      .when(stated(paragraph(P1), MEXICO, 'objection', 'Sovereignty'))
      .then((state) => {
        const p = onP1(state);
        expect(p.status).toBe('contested');
        expect(p.objectors).toMatchObject([
          { stakeholderId: MEXICO, source: 'own', statement: 'Sovereignty' },
        ]);
      });
  });

  it('is agreed ad ref once the chair says so, still naming any objector', () => {
    given(...negotiation, stated(paragraph(P1), MEXICO, 'objection'))
      .when(statusSet(P1, 'agreed-ad-ref'))
      .then((state) => {
        const p = onP1(state);
        expect(p.status).toBe('agreed-ad-ref');
        expect(p.chairStatus).toBe('agreed-ad-ref');
        expect(p.objectors.map((o) => o.stakeholderId)).toEqual([MEXICO]);
        expect(view(state).summary).toMatchObject({
          paragraphs: 2,
          agreed: 1,
          contested: 0,
          open: 1,
        });
      });
  });

  it('reopens when the chair sets the paragraph back', () => {
    given(...negotiation, stated(paragraph(P1), NORWAY, 'support'), statusSet(P1, 'agreed-ad-ref'))
      .when(statusSet(P1, 'bracketed', 'agreed-ad-ref'))
      .then((state) => {
        expect(onP1(state)).toMatchObject({
          status: 'no-objection-so-far',
          chairStatus: 'bracketed',
        });
      });
  });
});

describe('consensus: withdrawn positions', () => {
  it('stops counting a withdrawn objection', () => {
    given(
      ...negotiation,
      stated(paragraph(P1), NORWAY, 'support'),
      stated(paragraph(P1), MEXICO, 'objection'),
    )
      .when(withdrawn(paragraph(P1), MEXICO))
      .then((state) => {
        expect(onP1(state).status).toBe('no-objection-so-far');
        expect(onP1(state).tally.silent).toBe(3);
        expect(onP1(state).participation).toEqual({ stated: 1, expected: 4 });
      });
  });

  it('falls back to the group’s position when a delegation withdraws its own', () => {
    given(
      ...negotiation,
      stated(paragraph(P1), AFRICAN_GROUP, 'objection'),
      stated(paragraph(P1), GHANA, 'support'),
    )
      .when(withdrawn(paragraph(P1), GHANA))
      .then((state) => {
        expect(standingOf(onP1(state), GHANA)).toMatchObject({
          source: 'group',
          stance: 'objection',
        });
      });
  });
});

describe('consensus: honest words', () => {
  const everyoneStated = [
    stated(paragraph(P1), NORWAY, 'support'),
    stated(paragraph(P1), MEXICO, 'can-accept'),
    stated(paragraph(P1), GHANA, 'abstain'),
  ];

  it('reads "no objection so far" while a delegation has not stated a position', () => {
    given(...negotiation)
      .when(...everyoneStated)
      .then((state) => {
        // Kenya has said nothing, and neither have its groups.
        expect(onP1(state)).toMatchObject({
          status: 'no-objection-so-far',
          participation: { stated: 3, expected: 4 },
        });
      });
  });

  it('reads "consensus" once every delegation has stated one and none objects', () => {
    given(...negotiation, ...everyoneStated)
      .when(stated(paragraph(P1), KENYA, 'support'))
      .then((state) => {
        expect(onP1(state)).toMatchObject({
          status: 'consensus',
          participation: { stated: 4, expected: 4 },
        });
        expect(view(state).summary.byStatus).toMatchObject({
          consensus: 1,
          'no-objection-so-far': 0,
        });
      });
  });

  it('counts a delegation that follows its groups as having stated a position', () => {
    given(...negotiation, ...everyoneStated)
      .when(stated(paragraph(P1), G77, 'can-accept'))
      .then((state) => {
        expect(onP1(state)).toMatchObject({
          status: 'consensus',
          participation: { stated: 4, expected: 4 },
        });
      });
  });

  it('does not count a delegation whose groups disagree as having stated one', () => {
    given(...negotiation, ...everyoneStated, stated(paragraph(P1), G77, 'support'))
      .when(stated(paragraph(P1), AFRICAN_GROUP, 'can-accept'))
      .then((state) => {
        // Ghana's own abstention stands; Kenya hears two different things from its groups.
        expect(onP1(state)).toMatchObject({
          status: 'no-objection-so-far',
          participation: { stated: 3, expected: 4 },
        });
      });
  });

  it('never reads "consensus" with a reservation, even when everyone has spoken', () => {
    given(...negotiation, ...everyoneStated)
      .when(stated(paragraph(P1), KENYA, 'reservation'))
      .then((state) => expect(onP1(state).status).toBe('pending-reservations'));
  });

  it('counts the sponsor and co-sponsors of an amendment as supporting it', () => {
    given(...negotiation, tabled(A1, P1, NORWAY))
      .when(cosponsored(A1, MEXICO))
      .then((state) => {
        const a = view(state).amendments[0]!;
        expect(a.delegations).toMatchObject([
          { stakeholderId: NORWAY, source: 'sponsor', stance: 'support', statedBy: null },
          { stakeholderId: MEXICO, source: 'sponsor', stance: 'support' },
        ]);
        expect(a).toMatchObject({
          status: 'no-objection-so-far',
          breadth: { supporting: 2, of: 4 },
          participation: { stated: 2, expected: 4 },
        });
        // A paragraph is nobody's proposal: the amendment's sponsors say nothing about it.
        expect(view(state).paragraphs[0]!.status).toBe('no-positions');
      });
  });

  it('does not count a chair’s delegation as sponsoring the chair’s compromise', () => {
    const compromise = tabled(A1, P1, NORWAY);
    if (compromise.type === 'AmendmentTabled') compromise.data.chairsCompromise = true;
    given(...negotiation, compromise)
      .when(cosponsored(A1, MEXICO))
      .then((state) => {
        const a = view(state).amendments[0]!;
        expect(a.delegations.map((d) => d.stakeholderId)).toEqual([MEXICO]);
        expect(a.participation).toMatchObject({ stated: 1 });
      });
  });

  it('lists a rejected amendment again once the chair restores it', () => {
    given(...negotiation, tabled(A1, P1, NORWAY), amendmentRejected(A1))
      .when({
        type: 'AmendmentRestored',
        data: {
          amendmentId: A1,
          from: 'rejected',
          reason: 'Decided too early',
          restoredBy: uuid(100),
          restoredAt: '2026-03-02T10:00:00.000Z',
        },
      })
      .then((state) => {
        expect(view(state).amendments.map((a) => a.amendmentId)).toEqual([A1]);
      });
  });

  it('lets a sponsor’s own position override its sponsorship', () => {
    given(...negotiation, tabled(A1, P1, NORWAY))
      .when(stated(amendment(A1), NORWAY, 'reservation', 'Capital is reconsidering'))
      .then((state) => {
        const a = view(state).amendments[0]!;
        expect(a.status).toBe('pending-reservations');
        expect(a.delegations).toMatchObject([
          { stakeholderId: NORWAY, source: 'own', stance: 'reservation' },
        ]);
      });
  });

  it('hears a sponsoring group as supporting, for its silent members', () => {
    given(...negotiation, tabled(A1, P1, AFRICAN_GROUP))
      .when(stated(amendment(A1), NORWAY, 'support'), stated(amendment(A1), MEXICO, 'support'))
      .then((state) => {
        const a = view(state).amendments[0]!;
        expect(a.groups).toMatchObject([
          { groupId: AFRICAN_GROUP, stance: 'support', sponsor: true, members: 2 },
        ]);
        expect(a.delegations.find((d) => d.stakeholderId === GHANA)).toMatchObject({
          source: 'group',
          stance: 'support',
          groups: [{ groupId: AFRICAN_GROUP, sponsor: true }],
        });
        expect(a).toMatchObject({
          status: 'consensus',
          participation: { stated: 4, expected: 4 },
        });
      });
  });

  it('does not count a sponsor that is not a delegation or a group', () => {
    given(...negotiation, tabled(A1, P1, WORKERS))
      .when()
      .then((state) => {
        const a = view(state).amendments[0]!;
        expect(a.status).toBe('no-positions');
        expect(a.notCounted).toEqual([]);
      });
  });
});

describe('consensus: amendments', () => {
  it('lists pending amendments with their own consensus, under their paragraph', () => {
    given(...negotiation)
      .when(
        tabled(A1, P1, NORWAY),
        stated(amendment(A1), NORWAY, 'support'),
        stated(amendment(A1), MEXICO, 'objection', 'Changes the meaning'),
      )
      .then((state) => {
        const v = view(state);
        expect(v.amendments).toMatchObject([
          {
            amendmentId: A1,
            paragraphId: P1,
            paragraphLabel: 'OP 1',
            kind: 'replace',
            sponsorStakeholderId: NORWAY,
            status: 'contested',
            objectors: [{ stakeholderId: MEXICO, statement: 'Changes the meaning' }],
          },
        ]);
        expect(v.paragraphs[0]!.pendingAmendmentIds).toEqual([A1]);
        // A position on the amendment is not a position on the paragraph.
        expect(v.paragraphs[0]!.status).toBe('no-positions');
        expect(v.summary).toMatchObject({ pendingAmendments: 1, contestedAmendments: 1 });
      });
  });

  it.each([
    ['withdrawn', amendmentWithdrawn(A1)],
    ['accepted', amendmentAccepted(A1)],
    ['rejected', amendmentRejected(A1)],
    ['merged', amendmentMerged(A1, A2)],
  ])('drops an amendment once it is %s', (_, decision) => {
    given(
      ...negotiation,
      tabled(A1, P1, NORWAY),
      tabled(A2, P1, MEXICO),
      stated(amendment(A1), NORWAY, 'support'),
    )
      .when(decision)
      .then((state) => {
        const v = view(state);
        expect(v.amendments.map((a) => a.amendmentId)).toEqual([A2]);
        expect(v.paragraphs[0]!.pendingAmendmentIds).toEqual([A2]);
      });
  });
});

describe('consensus: the document', () => {
  it('summarises paragraphs agreed, contested and open, with the rule in force', () => {
    given(...negotiation, statusSet(P1, 'agreed-ad-ref'))
      .when(stated(paragraph(P2), MEXICO, 'objection'))
      .then((state) => {
        const v = view(state);
        expect(v.rule).toBe(consensusRule);
        expect(v.rule.name).toBe('no-objection');
        expect(v.summary).toMatchObject({
          paragraphs: 2,
          agreed: 1,
          contested: 1,
          open: 0,
          byStatus: { 'agreed-ad-ref': 1, contested: 1, consensus: 0 },
        });
        expect(v.paragraphs.map((p) => p.label)).toEqual(['OP 1', 'OP 2']);
      });
  });

  it('lists the paragraphs the record mentions when the text is not given', () => {
    given(...negotiation)
      .when(stated(paragraph(P2), NORWAY, 'support'), statusSet(P1, 'bracketed'))
      .then((state) => {
        const v = consensusOf(state, DOC)!;
        expect(v.paragraphs.map((p) => [p.paragraphId, p.label])).toEqual([
          [P2, null],
          [P1, null],
        ]);
      });
  });

  it('knows nothing of a document it has not seen created', () => {
    given(opened())
      .when(stated(paragraph(P1), NORWAY, 'support'))
      .then((state) => expect(consensusOf(state, DOC)).toBeUndefined());
  });
});
