import { describe, expect, it } from 'vitest';
import { uuid } from '../test-support/fixtures.js';
import type { Stance } from '../vocabulary.js';
import { coalitionsOf } from './coalitions.js';
import {
  DOC,
  amendment,
  delegation,
  documentCreated,
  given,
  group,
  opened,
  paragraph,
  stated,
  tabled,
} from './test-support/record-spec.js';

const [ALD, BRV, CRV, DUN, ELM] = [11, 12, 13, 14, 15].map(uuid) as [
  string,
  string,
  string,
  string,
  string,
];
const GROUP = uuid(20);
const P = [301, 302, 303, 304].map(uuid);
const BRIDGE = uuid(401);
const PARTISAN = uuid(402);

const setup = [
  opened(),
  group(GROUP, 'Group'),
  delegation(ALD, 'Alderia', [GROUP]),
  delegation(BRV, 'Bravonia', [GROUP]),
  delegation(CRV, 'Corvalis'),
  delegation(DUN, 'Dunmore'),
  delegation(ELM, 'Elmland'),
  documentCreated(),
  tabled(BRIDGE, P[0]!, ALD),
  tabled(PARTISAN, P[1]!, CRV),
];

// Alderia and Bravonia vote alike, Corvalis and Dunmore alike, the two pairs opposite;
// Elmland speaks once.
const stances: [string, Stance[]][] = [
  [ALD, ['support', 'support', 'objection', 'support']],
  [BRV, ['can-accept', 'support', 'objection', 'support']],
  [CRV, ['objection', 'objection', 'support', 'objection']],
  [DUN, ['objection', 'objection', 'support', 'reservation']],
];
const onParagraphs = stances.flatMap(([who, list]) =>
  list.map((stance, i) => stated(paragraph(P[i]!), who, stance)),
);

describe('coalitions', () => {
  it('groups delegations whose positions agree, counting support and can-accept alike', () => {
    given(...setup)
      .when(...onParagraphs, stated(paragraph(P[0]!), ELM, 'support'))
      .then((state) => {
        const analysis = coalitionsOf(state, DOC)!;
        expect(analysis.coalitions.map((c) => c.members.map((m) => m.shortCode))).toEqual([
          ['ALD', 'BRA'],
          ['COR', 'DUN'],
        ]);
        expect(analysis.coalitions[0]).toMatchObject({
          coalitionId: 'C1',
          cohesion: 1,
          evidence: 4,
        });
        expect(analysis.coalitions[1]).toMatchObject({ cohesion: 0.75, evidence: 4 });
        // Elmland shares one target with each: too little to go on (minCommonTargets 2).
        expect(analysis.unaligned.map((d) => d.shortCode)).toEqual(['ELM']);
        expect(analysis.pairs[0]).toMatchObject({
          a: ALD,
          b: BRV,
          common: 4,
          agreements: 4,
          similarity: 1,
        });
        expect(analysis.pairs.find((p) => p.a === ALD && p.b === CRV)).toMatchObject({
          similarity: 0,
        });
      });
  });

  it('finds amendments supported across otherwise opposed coalitions', () => {
    given(...setup, ...onParagraphs)
      .when(
        stated(amendment(BRIDGE), ALD, 'support'),
        stated(amendment(BRIDGE), DUN, 'can-accept'),
        stated(amendment(PARTISAN), CRV, 'support'),
        stated(amendment(PARTISAN), DUN, 'support'),
        stated(amendment(PARTISAN), ALD, 'objection'),
      )
      .then((state) => {
        const analysis = coalitionsOf(state, DOC)!;
        expect(analysis.bridgingAmendments).toHaveLength(1);
        expect(analysis.bridgingAmendments[0]).toMatchObject({
          amendmentId: BRIDGE,
          supporters: [
            { blockId: 'C1', stakeholderIds: [ALD] },
            { blockId: 'C2', stakeholderIds: [DUN] },
          ],
          opposedBlocks: [{ a: 'C1', b: 'C2' }],
        });
        expect(analysis.bridgingAmendments[0]!.opposedBlocks[0]!.similarity).toBeLessThan(0.5);
      });
  });

  it('leaves group-inherited stances out unless asked, since they make every group a coalition', () => {
    given(...setup)
      .when(
        ...[0, 1, 2].map((i) => stated(paragraph(P[i]!), GROUP, 'support')),
        ...[0, 1, 2].map((i) => stated(paragraph(P[i]!), CRV, 'objection')),
      )
      .then((state) => {
        expect(coalitionsOf(state, DOC)!.coalitions).toEqual([]);
        const inherited = coalitionsOf(state, DOC, { includeInherited: true })!;
        expect(inherited.coalitions.map((c) => c.members.map((m) => m.shortCode))).toEqual([
          ['ALD', 'BRA'],
        ]);
        expect(inherited.method).toMatchObject({
          threshold: 0.75,
          minCommonTargets: 2,
          includeInherited: true,
        });
      });
  });

  it('merges nothing below the threshold', () => {
    given(...setup)
      .when(...onParagraphs)
      .then((state) => {
        const strict = coalitionsOf(state, DOC, { threshold: 0.9 })!;
        expect(strict.coalitions.map((c) => c.members.map((m) => m.shortCode))).toEqual([
          ['ALD', 'BRA'],
        ]);
        expect(strict.unaligned.map((d) => d.shortCode)).toEqual(['COR', 'DUN']);
      });
  });
});
