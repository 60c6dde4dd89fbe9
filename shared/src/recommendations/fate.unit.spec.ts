// A recommendation's fate from the record: given what happened, the timeline and the fate.
import { describe, expect, it } from 'vitest';
import { recommendationFate, type FateFacts, type UptakeStep } from './fate.js';
import { uptakeFigures } from './figures.js';

const at = (n: number) => `2026-05-0${n}T10:00:00.000Z`;
const words = {
  amendmentId: 'a1',
  paragraphId: 'p14',
  kind: 'replace' as const,
  originalText: 'may',
  proposedText: 'shall ensure  safe access',
};
const submitted: UptakeStep = { kind: 'submitted', at: at(1), position: 1n, stakeholderId: 'ngo' };
const takenUp: UptakeStep = {
  kind: 'taken-up',
  at: at(2),
  position: 2n,
  delegationId: 'kenya',
  amendmentId: 'a1',
  documentId: 'doc',
};
const accepted: UptakeStep = {
  kind: 'amendment',
  at: at(3),
  position: 3n,
  amendmentId: 'a1',
  outcome: 'accepted',
};
const facts = (steps: UptakeStep[], extra: Partial<FateFacts> = {}): FateFacts => ({
  steps,
  marks: [],
  amendments: new Map([['a1', words]]),
  adoptedTexts: new Map(),
  ...extra,
});
const marks: FateFacts['marks'] = [
  { documentId: 'doc', kind: 'revision', label: 'Rev 1', at: at(1), position: 0n },
  { documentId: 'doc', kind: 'revision', label: 'Rev 2', at: at(4), position: 4n },
  { documentId: 'doc', kind: 'adopted', label: 'Rev 2', at: at(5), position: 5n },
];

describe('recommendation fate', () => {
  it('given only a submission, then it is not taken up', () => {
    expect(recommendationFate(facts([submitted])).fate).toBe('not-taken-up');
  });

  it('given a take-up with the amendment pending, then it is taken up', () => {
    const view = recommendationFate(facts([submitted, takenUp]));
    expect(view.fate).toBe('taken-up');
    expect(view.timeline.map((e) => e.kind)).toEqual(['submitted', 'taken-up']);
  });

  it('given the only amendment rejected, then it was not accepted', () => {
    const rejected: UptakeStep = { ...accepted, outcome: 'rejected' };
    expect(recommendationFate(facts([submitted, takenUp, rejected])).fate).toBe('not-accepted');
  });

  it('given acceptance, a revision and adoption with the words, then it is in the final text', () => {
    const adopted = [
      { paragraphId: 'p14', ref: 'OP 14', text: 'States shall ensure safe access.' },
    ];
    const view = recommendationFate(
      facts([submitted, takenUp, accepted], { marks, adoptedTexts: new Map([['doc', adopted]]) }),
    );
    expect(view.fate).toBe('in-final-text');
    expect(view.finalText).toEqual({
      ref: 'OP 14',
      words: 'States shall ensure safe access.',
      revisionLabel: 'Rev 2',
    });
    expect(view.timeline).toContainEqual({
      kind: 'in-revision',
      at: at(4),
      amendmentId: 'a1',
      label: 'Rev 2',
    });
    expect(view.timeline.at(-1)?.kind).toBe('in-final-text');
  });

  it('given adoption without the words, then it stays accepted and says so', () => {
    const adopted = [{ paragraphId: 'p14', ref: 'OP 14', text: 'States may act.' }];
    const view = recommendationFate(
      facts([submitted, takenUp, accepted], { marks, adoptedTexts: new Map([['doc', adopted]]) }),
    );
    expect(view.fate).toBe('accepted');
    expect(view.timeline.at(-1)?.kind).toBe('not-in-final-text');
  });

  it('given a withdrawal before any take-up, then it is withdrawn', () => {
    const withdrawn: UptakeStep = { kind: 'withdrawn', at: at(2), position: 2n };
    expect(recommendationFate(facts([submitted, withdrawn])).fate).toBe('withdrawn');
  });

  it('counts each stage reached, by theme and organisation', () => {
    const figures = uptakeFigures([
      { fate: 'in-final-text', themes: ['Health'], organisation: 'Harbour' },
      { fate: 'taken-up', themes: ['Health', 'Labour'], organisation: 'Harbour' },
      { fate: 'not-taken-up', themes: [], organisation: 'Youth' },
    ]);
    expect(figures.totals).toEqual({ submitted: 3, takenUp: 2, accepted: 1, inFinalText: 1 });
    expect(figures.byTheme[0]).toEqual({
      key: 'Health',
      submitted: 2,
      takenUp: 2,
      accepted: 1,
      inFinalText: 1,
    });
    expect(figures.byOrganisation.map((r) => r.key)).toEqual(['Harbour', 'Youth']);
  });
});
