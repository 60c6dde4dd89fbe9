// A revision plan keeps paragraphs' ids and untouched words' identities, and a stale plan is refused whole.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAnchor, resolveAnchor } from './anchors.js';
import { insertParagraphs, listParagraphs } from './doc-structure.js';
import {
  applyRevisionPlan,
  checkRevisionPlan,
  plannedParagraphs,
  RevisionPlanError,
  type RevisionPlan,
} from './revise-text.js';

const SHADE = 'Calls upon cities to plant trees';
const ALERTS = 'Encourages heat alerts';
const WORKERS = 'Urges rest breaks for outdoor workers';

function liveText(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() =>
    insertParagraphs(doc, 0, [
      { id: 'a', kind: 'operative', text: SHADE },
      { id: 'b', kind: 'operative', text: ALERTS },
      { id: 'c', kind: 'operative', text: WORKERS },
    ]),
  );
  return doc;
}

const plan: RevisionPlan = {
  steps: [
    {
      op: 'keep',
      paragraphId: 'a',
      kind: 'operative',
      runs: [
        { op: 'equal', text: 'Calls upon ' },
        { op: 'delete', text: 'cities' },
        { op: 'insert', text: 'local governments' },
        { op: 'equal', text: ' to plant trees' },
      ],
    },
    { op: 'insert', paragraph: { id: 'n', kind: 'operative', text: 'Requests a report' } },
    { op: 'delete', paragraphId: 'b' },
    { op: 'keep', paragraphId: 'c', kind: 'subparagraph', runs: [{ op: 'equal', text: WORKERS }] },
  ],
};

describe('applyRevisionPlan', () => {
  it('given a plan, when applied, then ids survive, words change in place and new paragraphs take their place', () => {
    const doc = liveText();
    const trees = createAnchor(doc, 'a', SHADE.indexOf('plant'), SHADE.length);
    doc.transact(() => applyRevisionPlan(doc, plan));
    const expected = [
      { id: 'a', kind: 'operative', text: 'Calls upon local governments to plant trees' },
      { id: 'n', kind: 'operative', text: 'Requests a report' },
      { id: 'c', kind: 'subparagraph', text: WORKERS },
    ];
    expect(listParagraphs(doc)).toEqual(expected);
    expect(plannedParagraphs(plan, [])).toEqual([expected[1]]);
    // Words the redline left alone are the same Yjs items: an anchor on them still holds.
    expect(resolveAnchor(doc, trees)?.text).toBe('plant trees');
  });

  it('given the words changed since the plan was made, when applied, then it is refused and nothing changes', () => {
    const doc = liveText();
    doc.transact(() => insertParagraphs(doc, 3, [{ id: 'd', kind: 'operative', text: 'Late' }]));
    expect(() => checkRevisionPlan(doc, plan)).toThrow(/d is not in the plan/);
    const typed = liveText();
    const before = listParagraphs(typed);
    const stale: RevisionPlan = {
      steps: [
        { op: 'keep', paragraphId: 'a', kind: 'operative', runs: [{ op: 'equal', text: 'Calls' }] },
        ...plan.steps.slice(1),
      ],
    };
    expect(() => typed.transact(() => applyRevisionPlan(typed, stale))).toThrow(RevisionPlanError);
    expect(listParagraphs(typed)).toEqual(before);
  });

  it('given a plan that reorders kept paragraphs, when checked, then it is refused', () => {
    const doc = liveText();
    const keep = (id: string, text: string) =>
      ({ op: 'keep', paragraphId: id, kind: 'operative', runs: [{ op: 'equal', text }] }) as const;
    expect(() =>
      checkRevisionPlan(doc, { steps: [keep('b', ALERTS), keep('a', SHADE), keep('c', WORKERS)] }),
    ).toThrow(/another order/);
  });
});
