// The browser replays the record with exactly the code the server uses: the consensus fold is
// imported from @accord/shared into the client build, and stored events are read through the
// same parser (with upcasting) as on the server.
import {
  consensusOf,
  evolveConsensus,
  initialConsensusState,
  parseStoredEvent,
} from '@accord/shared';
import { describe, expect, it } from 'vitest';

const N = '6f1c2b8e-1d2a-4c3b-9e4f-5a6b7c8d9e01';
const D = '6f1c2b8e-1d2a-4c3b-9e4f-5a6b7c8d9e02';
const ALD = '6f1c2b8e-1d2a-4c3b-9e4f-5a6b7c8d9e03';
const BRV = '6f1c2b8e-1d2a-4c3b-9e4f-5a6b7c8d9e04';
const CSO = '6f1c2b8e-1d2a-4c3b-9e4f-5a6b7c8d9e05';
const P1 = '6f1c2b8e-1d2a-4c3b-9e4f-5a6b7c8d9e06';
const USER = '6f1c2b8e-1d2a-4c3b-9e4f-5a6b7c8d9e07';
const T = '2026-11-20T09:00:00.000Z';

const stakeholder = (stakeholderId: string, kind: string, name: string) => ({
  type: 'StakeholderRegistered',
  data: {
    negotiationId: N,
    stakeholderId,
    kind,
    name,
    shortCode: name.slice(0, 3).toUpperCase(),
    groupIds: [],
    registeredAt: T,
  },
  metadata: { schemaVersion: 2 },
});
const stated = (stakeholderId: string, stance: string) => ({
  type: 'PositionStated',
  data: {
    documentId: D,
    target: { kind: 'paragraph', id: P1 },
    stakeholderId,
    stance,
    statement: '',
    statedBy: USER,
    statedAt: T,
  },
  metadata: { schemaVersion: 1 },
});

/** Events as the browser receives them from the API: stored JSON, parsed and upcast by shared. */
const stored = [
  {
    type: 'NegotiationOpened',
    data: { negotiationId: N, title: 'Heat compact', description: '', openedBy: USER, openedAt: T },
    metadata: { schemaVersion: 1 },
  },
  stakeholder(ALD, 'delegation', 'Alderia'),
  stakeholder(BRV, 'delegation', 'Bravonia'),
  stakeholder(CSO, 'civil-society', 'Workers Network'),
  {
    type: 'DocumentCreated',
    data: {
      documentId: D,
      negotiationId: N,
      title: 'Zero draft',
      symbol: 'A/HEAT/1',
      mode: 'open-drafting',
      createdBy: USER,
      createdAt: T,
    },
    metadata: { schemaVersion: 2 },
  },
  stated(ALD, 'support'),
  stated(CSO, 'objection'),
];

describe('replay in the browser', () => {
  it('folds stored events into consensus with the shared functions', () => {
    let state = initialConsensusState();
    for (const event of stored) state = evolveConsensus(state, parseStoredEvent(event));
    const consensus = consensusOf(state, D)!;
    const [paragraph] = consensus.paragraphs;
    // Alderia supports and Bravonia is silent; civil society's objection is listed but never counted.
    expect(consensus.rule.name).toBe('no-objection');
    // With Bravonia silent there is no objection so far, not consensus.
    expect(paragraph).toMatchObject({
      paragraphId: P1,
      status: 'no-objection-so-far',
      tally: { delegations: 2, support: 1, objection: 0, silent: 1 },
      participation: { stated: 1, expected: 2 },
    });
    expect(paragraph!.breadth.share).toBe(0.5);
    expect(consensus.summary.byStatus['no-objection-so-far']).toBe(1);
  });
});
