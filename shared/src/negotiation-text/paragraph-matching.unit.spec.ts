import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberParagraphs } from '../numbering.js';
import { paragraphKinds, type ParagraphKind } from '../vocabulary.js';
import {
  matchParagraphs,
  paragraphSimilarity,
  TEXT_THRESHOLD,
  type CurrentParagraph,
  type IncomingParagraph,
} from './paragraph-matching.js';

/** A current text, numbered as the document numbers it, with ids p1, p2, … */
const current = (...paragraphs: [ParagraphKind, string][]): CurrentParagraph[] => {
  const withIds = paragraphs.map(([kind, text], i) => ({ id: `p${i + 1}`, kind, text }));
  const labels = numberParagraphs(withIds);
  return withIds.map((p, i) => ({ ...p, label: labels[i]!.label }));
};

/** The uploaded text, numbered afresh as the import numbers it. */
const incoming = (...paragraphs: [ParagraphKind, string][]): IncomingParagraph[] => {
  const labels = numberParagraphs(paragraphs.map(([kind], i) => ({ id: String(i), kind })));
  return paragraphs.map(([kind, text], i) => ({ kind, text, label: labels[i]!.label }));
};

const HEAT = 'Recognising that heatwaves now claim more lives than any other weather hazard';
const SHADE = 'Calls upon cities to plant street trees and build shaded public spaces';
const ALERTS = 'Encourages national weather services to issue heat alerts in every local language';
const WORKERS = 'Urges employers to adjust working hours of outdoor workers during extreme heat';

describe('paragraphSimilarity', () => {
  it('is 1 for the same words in another letter case and punctuation', () => {
    expect(paragraphSimilarity('Cities, and towns.', 'cities and TOWNS')).toBe(1);
  });

  it('is 0 for texts with no word in common', () => {
    expect(paragraphSimilarity('plant trees', 'issue alerts')).toBe(0);
  });

  it('counts repeated words as often as they occur', () => {
    // 2·2 / (3 + 2): "heat heat" shares two words with "heat heat heat".
    expect(paragraphSimilarity('heat heat heat', 'heat heat')).toBeCloseTo(0.8);
  });
});

describe('matchParagraphs', () => {
  it('given an unchanged text, when matched, then every paragraph keeps its id by number', () => {
    const old = current(['preambular', HEAT], ['operative', SHADE], ['operative', ALERTS]);
    const { matches, removed } = matchParagraphs(
      old,
      incoming(['preambular', HEAT], ['operative', SHADE], ['operative', ALERTS]),
    );
    expect(matches).toEqual([
      { matchedId: 'p1', similarity: 1, how: 'number' },
      { matchedId: 'p2', similarity: 1, how: 'number' },
      { matchedId: 'p3', similarity: 1, how: 'number' },
    ]);
    expect(removed).toEqual([]);
  });

  it('given a paragraph reworded in place, when matched, then it keeps its id by number', () => {
    const old = current(['operative', SHADE], ['operative', ALERTS]);
    const { matches } = matchParagraphs(
      old,
      incoming(
        [
          'operative',
          'Invites municipalities to plant trees along streets and open cool areas for the public',
        ],
        ['operative', ALERTS],
      ),
    );
    expect(matches[0]).toMatchObject({ matchedId: 'p1', how: 'number' });
    expect(matches[0]!.similarity).toBeLessThan(TEXT_THRESHOLD);
  });

  it('given a paragraph inserted in the middle, when matched, then later paragraphs follow their words, not their numbers', () => {
    const old = current(['operative', SHADE], ['operative', ALERTS], ['operative', WORKERS]);
    const { matches, removed } = matchParagraphs(
      old,
      incoming(
        ['operative', SHADE],
        ['operative', 'Requests the secretariat to compile good practice on cooling centres'],
        ['operative', ALERTS],
        ['operative', WORKERS],
      ),
    );
    expect(matches.map((m) => [m.matchedId, m.how])).toEqual([
      ['p1', 'number'],
      [null, 'new'],
      ['p2', 'text'],
      ['p3', 'text'],
    ]);
    expect(removed).toEqual([]);
  });

  it('given a paragraph deleted, when matched, then it is listed as removed', () => {
    const old = current(['operative', SHADE], ['operative', ALERTS], ['operative', WORKERS]);
    const { matches, removed } = matchParagraphs(
      old,
      incoming(['operative', SHADE], ['operative', WORKERS]),
    );
    expect(matches.map((m) => m.matchedId)).toEqual(['p1', 'p3']);
    expect(removed.map((p) => p.id)).toEqual(['p2']);
  });

  it('given two paragraphs swapped, when matched, then only one keeps its id (matches never cross)', () => {
    const old = current(['operative', SHADE], ['operative', ALERTS]);
    const { matches, removed } = matchParagraphs(
      old,
      incoming(['operative', ALERTS], ['operative', SHADE]),
    );
    expect(matches.filter((m) => m.matchedId !== null)).toHaveLength(1);
    expect(removed).toHaveLength(1);
  });

  it('given the same number on unrelated words, when matched, then the number alone does not match', () => {
    const old = current(['operative', SHADE]);
    const { matches, removed } = matchParagraphs(old, incoming(['operative', WORKERS]));
    expect(matches).toEqual([{ matchedId: null, similarity: 0, how: 'new' }]);
    expect(removed.map((p) => p.id)).toEqual(['p1']);
  });

  it('given a heading and a paragraph with the same words, when matched, then they do not match', () => {
    const old = current(['heading', 'Early warning']);
    const { matches } = matchParagraphs(old, incoming(['operative', 'Early warning']));
    expect(matches[0]!.matchedId).toBeNull();
  });

  it('given a sub-paragraph promoted to a paragraph, when matched, then it keeps its id', () => {
    const old = current(['operative', SHADE], ['subparagraph', ALERTS]);
    const { matches } = matchParagraphs(old, incoming(['operative', SHADE], ['operative', ALERTS]));
    expect(matches[1]).toEqual({ matchedId: 'p2', similarity: 1, how: 'text' });
  });

  it('matches any text against itself paragraph by paragraph', () => {
    const word = fc.constantFrom('heat', 'city', 'shade', 'water', 'workers', 'alerts', 'trees');
    const paragraph = fc.tuple(
      fc.constantFrom(...paragraphKinds),
      fc.array(word, { maxLength: 8 }).map((words) => words.join(' ')),
    );
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 25 }), (paragraphs) => {
        const old = current(...paragraphs);
        const { matches, removed } = matchParagraphs(old, old);
        expect(matches.map((m) => m.matchedId)).toEqual(old.map((p) => p.id));
        expect(removed).toEqual([]);
      }),
    );
  });
});
