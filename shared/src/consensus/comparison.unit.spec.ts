import { describe, expect, it } from 'vitest';
import { uuid } from '../test-support/fixtures.js';
import {
  compareTexts,
  type ChangeAttribution,
  type ComparisonRun,
  type Contributor,
} from './comparison.js';

const P1 = uuid(301);
const P2 = uuid(302);
const P3 = uuid(303);
const KENYA: Contributor = { stakeholderId: uuid(11), userId: uuid(501), amendmentId: null };
const NORWAY: Contributor = { stakeholderId: uuid(12), userId: uuid(502), amendmentId: uuid(401) };

const op = (kind: 'operative' | 'preambular', id: string, text: string) => ({ id, kind, text });
const brief = (runs: ComparisonRun[]) =>
  runs.map((r) => [
    r.op,
    r.text,
    r.by
      .map((b) => `${b.stakeholderId === KENYA.stakeholderId ? 'KEN' : 'NOR'}:${b.chars}`)
      .join(','),
    r.attribution,
  ]);

/** Per-character attribution array: `who` over [start, end), -1 elsewhere. */
const span = (length: number, ...spans: [number, number, number][]) => {
  const out = new Array<number>(length).fill(-1);
  for (const [start, end, who] of spans) out.fill(who, start, end);
  return out;
};

describe('comparison of two texts', () => {
  const before = 'Commit to establishing heat early-warning systems in every city;';
  const after = 'Commit urgently to establishing heat early-warning systems in all cities;';

  it('shows each inserted and deleted run, attributed to the edit that made it', () => {
    // Kenya inserted "urgently " at 7; Norway's amendment replaced "every city" (53–63) by "all cities" (62–72).
    const attribution: ChangeAttribution = {
      contributors: [KENYA, NORWAY],
      paragraphs: {
        [P1]: {
          inserted: span(after.length, [7, 16, 0], [62, 72, 1]),
          deleted: span(before.length, [53, 63, 1]),
          last: 1,
        },
      },
    };
    const comparison = compareTexts(
      [op('operative', P1, before)],
      [op('operative', P1, after)],
      attribution,
    );
    const [p] = comparison.paragraphs;
    expect(p).toMatchObject({
      paragraphId: P1,
      change: 'modified',
      from: { label: 'OP 1' },
      to: { label: 'OP 1' },
    });
    expect(brief(p!.runs)).toEqual([
      ['equal', 'Commit ', '', 'none'],
      ['insert', 'urgently ', 'KEN:9', 'exact'],
      ['equal', 'to establishing heat early-warning systems in ', '', 'none'],
      ['delete', 'every city', 'NOR:10', 'exact'],
      ['insert', 'all cities', 'NOR:10', 'exact'],
      ['equal', ';', '', 'none'],
    ]);
    expect(p!.runs.find((r) => r.op === 'delete')!.by[0]).toMatchObject({
      amendmentId: NORWAY.amendmentId,
    });
    expect(comparison.summary).toMatchObject({
      modified: 1,
      insertedChars: 19,
      deletedChars: 10,
      byStakeholder: [
        { stakeholderId: KENYA.stakeholderId, insertedChars: 9, deletedChars: 0 },
        { stakeholderId: NORWAY.stakeholderId, insertedChars: 10, deletedChars: 10 },
      ],
    });
  });

  it('falls back to the last edit of the paragraph for characters a word diff marks but nobody touched', () => {
    // Only "ies" replaced "y": "cit" was never deleted, yet the word diff shows "city" deleted.
    const from = 'in every city;';
    const to = 'in every cities;';
    const comparison = compareTexts([op('operative', P1, from)], [op('operative', P1, to)], {
      contributors: [KENYA],
      paragraphs: {
        [P1]: {
          inserted: span(to.length, [12, 15, 0]),
          deleted: span(from.length, [12, 13, 0]),
          last: 0,
        },
      },
    });
    expect(brief(comparison.paragraphs[0]!.runs)).toEqual([
      ['equal', 'in every ', '', 'none'],
      ['delete', 'city', 'KEN:4', 'partly-exact'],
      ['insert', 'cities', 'KEN:6', 'partly-exact'],
      ['equal', ';', '', 'none'],
    ]);
  });

  it('shows added and removed paragraphs whole, where they stand', () => {
    const comparison = compareTexts(
      [op('preambular', P1, 'Recalling;'), op('operative', P2, 'Decides;')],
      [op('preambular', P1, 'Recalling;'), op('operative', P3, 'Invites;')],
      {
        contributors: [KENYA, NORWAY],
        paragraphs: {
          [P2]: { deleted: span(8, [0, 8, 1]), last: 1 },
          [P3]: { inserted: span(8, [0, 8, 0]), last: 0 },
        },
      },
    );
    expect(
      comparison.paragraphs.map((p) => [
        p.paragraphId,
        p.change,
        p.from?.label ?? null,
        p.to?.label ?? null,
        ...brief(p.runs),
      ]),
    ).toEqual([
      [P1, 'unchanged', 'PP 1', 'PP 1', ['equal', 'Recalling;', '', 'none']],
      [P2, 'removed', 'OP 1', null, ['delete', 'Decides;', 'NOR:8', 'exact']],
      [P3, 'added', null, 'OP 1', ['insert', 'Invites;', 'KEN:8', 'exact']],
    ]);
    expect(comparison.summary).toMatchObject({ added: 1, removed: 1, unchanged: 1, modified: 0 });
  });

  it('never hides a change, whitespace included, and spells both texts exactly', () => {
    const from = 'Calls upon  States, in cooperation,\nto act';
    const to = 'Calls upon States, in close cooperation, to act now';
    const [p] = compareTexts([op('operative', P1, from)], [op('operative', P1, to)]).paragraphs;
    const spell = (skip: 'insert' | 'delete') =>
      p!.runs
        .filter((r) => r.op !== skip)
        .map((r) => r.text)
        .join('');
    expect(spell('insert')).toBe(from);
    expect(spell('delete')).toBe(to);
    expect(p!.runs.filter((r) => r.op === 'delete').map((r) => r.text)).toEqual(['  ', '\n']);
    expect(p!.runs.every((r) => r.op === 'equal' || r.attribution === 'none')).toBe(true);
  });

  it('cuts a change where its author changes, so each run names one delegation', () => {
    // Kenya typed "urgently " and Norway "and jointly " right after it: one word-diff insertion.
    const from = 'Commit to act;';
    const to = 'Commit urgently and jointly to act;';
    const [p] = compareTexts([op('operative', P1, from)], [op('operative', P1, to)], {
      contributors: [KENYA, NORWAY],
      paragraphs: { [P1]: { inserted: span(to.length, [7, 16, 0], [16, 28, 1]), last: 1 } },
    }).paragraphs;
    expect(brief(p!.runs)).toEqual([
      ['equal', 'Commit ', '', 'none'],
      ['insert', 'urgently ', 'KEN:9', 'exact'],
      ['insert', 'and jointly ', 'NOR:12', 'exact'],
      ['equal', 'to act;', '', 'none'],
    ]);
  });

  it('notes a paragraph whose kind changed although its words did not', () => {
    const [p] = compareTexts(
      [op('preambular', P1, 'Noting;')],
      [op('operative', P1, 'Noting;')],
    ).paragraphs;
    expect(p).toMatchObject({
      change: 'modified',
      kindChanged: true,
      from: { label: 'PP 1' },
      to: { label: 'OP 1' },
    });
  });
});
