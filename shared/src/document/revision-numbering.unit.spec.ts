import { describe, expect, it } from 'vitest';
import { foldEvents } from '../decider.js';
import { concordance } from '../numbering.js';
import { actor, metaFor, NOW, uuid } from '../test-support/fixtures.js';
import type { DocumentCommand } from './commands.js';
import { documentDecider } from './decider.js';
import type { DocumentEvent } from './events.js';
import { revisionConcordance } from './concordance.js';
import { frozenNumbering } from './state.js';

const documentId = uuid(2);
const chair = actor(uuid(100), uuid(13), 'chair');
const [A, B, C, D] = [uuid(301), uuid(302), uuid(303), uuid(304)];
const created: DocumentEvent = {
  type: 'DocumentCreated',
  data: {
    documentId,
    negotiationId: uuid(1),
    title: 'Compact on coastal resilience',
    symbol: 'A/CONF.300/L.1',
    mode: 'formal',
    createdBy: chair.userId,
    createdAt: NOW,
  },
};

const issue = (
  label: string,
  textRevision: number,
  paragraphs: { id: string; kind: 'operative' | 'preambular' }[],
  renumber?: boolean,
): DocumentCommand => ({
  type: 'IssueRevision',
  data: {
    documentId,
    label,
    textRevision,
    paragraphs,
    ...(renumber === undefined ? {} : { renumber }),
  },
  meta: metaFor(chair),
});

/** Runs the commands one after the other and returns every event. */
function run(commands: DocumentCommand[]): DocumentEvent[] {
  const events: DocumentEvent[] = [created];
  for (const command of commands) {
    events.push(...documentDecider.decide(command, foldEvents(documentDecider, events)));
  }
  return events;
}

const op = (id: string) => ({ id, kind: 'operative' as const });

describe('numbers published with a revision', () => {
  it('a revision records the clean numbers it publishes', () => {
    const events = run([issue('Zero draft', 3, [op(A), op(B)])]);
    expect(events.at(-1)).toMatchObject({
      type: 'RevisionIssued',
      data: {
        numbering: [
          [A, 'OP 1'],
          [B, 'OP 2'],
        ],
        renumbered: true,
      },
    });
  });

  it('without renumbering, a paragraph inserted since keeps a bis number', () => {
    const events = run([
      issue('Zero draft', 3, [op(A), op(B)]),
      issue('Rev 1', 5, [op(A), op(C), op(B)], false),
    ]);
    expect(events.at(-1)).toMatchObject({
      data: {
        numbering: [
          [A, 'OP 1'],
          [C, 'OP 1 bis'],
          [B, 'OP 2'],
        ],
        renumbered: false,
      },
    });
  });

  it('renumbering publishes a concordance from the last numbers', () => {
    const events = run([
      issue('Zero draft', 3, [op(A), op(B), op(D)]),
      issue('Rev 1', 5, [op(A), op(C), op(B)], false),
    ]);
    const before = frozenNumbering(foldEvents(documentDecider, events) as never);
    const after = run([
      issue('Zero draft', 3, [op(A), op(B), op(D)]),
      issue('Rev 1', 5, [op(A), op(C), op(B)], false),
      issue('Rev 2', 7, [op(A), op(C), op(B)]),
    ]);
    const renumbered = frozenNumbering(foldEvents(documentDecider, after) as never);
    expect(concordance(before, renumbered)).toEqual([
      { paragraphId: A, old: 'OP 1', new: 'OP 1' },
      { paragraphId: C, old: 'OP 1 bis', new: 'OP 2' },
      { paragraphId: B, old: 'OP 2', new: 'OP 3' },
    ]);
  });
});

describe('the concordance of a revision', () => {
  it('lists old and new numbers against the last revision that recorded them', () => {
    const events = run([
      issue('Zero draft', 3, [op(A), op(B), op(D)]),
      issue('Rev 1', 5, [op(A), op(C), op(B)]),
    ]);
    const state = foldEvents(documentDecider, events);
    expect(revisionConcordance(state, 'Rev 1')).toEqual({
      revision: 'Rev 1',
      previous: 'Zero draft',
      renumbered: true,
      rows: [
        { paragraphId: A, old: 'OP 1', new: 'OP 1' },
        { paragraphId: C, old: null, new: 'OP 2' },
        { paragraphId: B, old: 'OP 2', new: 'OP 3' },
        { paragraphId: D, old: 'OP 3', new: null },
      ],
    });
    expect(revisionConcordance(state, 'Rev 9')).toBeUndefined();
  });
});
