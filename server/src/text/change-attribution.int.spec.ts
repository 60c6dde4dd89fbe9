// The attributed comparison on a known edit sequence: every inserted and deleted run, and who
// made it, exactly.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { compareTexts, type ComparisonRun } from '@accord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../eventstore/port.js';
import { openSqliteEventStore } from '../eventstore/sqlite/sqlite-event-store.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { attributedTexts } from './change-attribution.js';
import {
  findParagraph,
  insertParagraphs,
  replaceParagraphText,
  textFragment,
} from './doc-structure.js';
import { TextLog } from './text-log.js';

const at = (n: number) => new Date(Date.parse('2026-03-02T09:00:00Z') + n * 1000).toISOString();
const person = (stakeholderId: string) => ({ userId: randomUUID(), stakeholderId });

describe('attributed comparison', () => {
  let temp: { dir: string; remove(): Promise<void> };
  let store: EventStore;
  const documentId = randomUUID();
  const [P1, P2, P3, P4] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const CHAIR = person(randomUUID());
  const KENYA = person(randomUUID());
  const NORWAY = person(randomUUID());
  const MEXICO = person(randomUUID());
  const AMENDMENT = randomUUID();
  const names = new Map([
    [CHAIR.stakeholderId, 'CHAIR'],
    [KENYA.stakeholderId, 'KEN'],
    [NORWAY.stakeholderId, 'NOR'],
    [MEXICO.stakeholderId, 'MEX'],
  ]);
  const revisions: bigint[] = [];

  const brief = (runs: ComparisonRun[]) =>
    runs.map((r) => [
      r.op,
      r.text,
      r.by.map((b) => `${names.get(b.stakeholderId)}:${b.chars}`).join(','),
      r.attribution,
    ]);
  const compare = async (from: bigint | undefined, to: bigint) => {
    const texts = await attributedTexts(store, documentId, from, to);
    return { texts, comparison: compareTexts(texts.from, texts.to, texts.attribution) };
  };
  const runsOf = (comparison: ReturnType<typeof compareTexts>, paragraphId: string) => {
    const paragraph = comparison.paragraphs.find((p) => p.paragraphId === paragraphId)!;
    return [paragraph.change, ...brief(paragraph.runs)];
  };

  beforeAll(async () => {
    temp = await makeTempDir();
    store = openSqliteEventStore({ file: path.join(temp.dir, 'events.sqlite') });
    // A small snapshot interval, so both ends of a comparison are loaded from snapshots.
    const log = new TextLog(store, documentId, { snapshotEvery: 2 });
    const edit = async (
      by: { userId: string; stakeholderId: string; amendmentId?: string },
      change: Parameters<TextLog['edit']>[2],
    ) => revisions.push((await log.edit(by, at(revisions.length), change))!);
    await edit(CHAIR, (doc) =>
      insertParagraphs(doc, 0, [
        {
          id: P1,
          kind: 'operative',
          text: 'Commit to establishing heat early-warning systems in every city;',
        },
        { id: P2, kind: 'operative', text: 'Encourage cities to open cooling centres;' },
        { id: P3, kind: 'preambular', text: 'Recalls the Paris Agreement;' },
      ]),
    );
    // 1: Kenya inserts a word; 2: Norway's amendment replaces a phrase.
    await edit(KENYA, (doc) => replaceParagraphText(doc, P1, 7, 7, 'urgently '));
    await edit({ ...NORWAY, amendmentId: AMENDMENT }, (doc) =>
      replaceParagraphText(doc, P1, 62, 72, 'all cities'),
    );
    // 3: Mexico respells three letters; 4: Mexico deletes a paragraph; 5: Kenya adds one.
    await edit(MEXICO, (doc) => replaceParagraphText(doc, P2, 37, 40, 'ers'));
    await edit(MEXICO, (doc) => textFragment(doc).delete(findParagraph(doc, P3)!.index, 1));
    await edit(KENYA, (doc) =>
      insertParagraphs(doc, 2, [{ id: P4, kind: 'operative', text: 'Requests a report;' }]),
    );
  });
  afterAll(async () => {
    await store.close();
    await temp.remove();
  });

  it('attributes each inserted and deleted run to the edit that made it', async () => {
    const { texts, comparison } = await compare(revisions[0], revisions[5]!);
    expect(texts.updates).toBe(5);
    expect(runsOf(comparison, P1)).toEqual([
      'modified',
      ['equal', 'Commit ', '', 'none'],
      ['insert', 'urgently ', 'KEN:9', 'exact'],
      ['equal', 'to establishing heat early-warning systems in ', '', 'none'],
      ['delete', 'every city', 'NOR:10', 'exact'],
      ['insert', 'all cities', 'NOR:10', 'exact'],
      ['equal', ';', '', 'none'],
    ]);
    const amended = comparison.paragraphs[0]!.runs.find((r) => r.op === 'delete')!;
    expect(amended.by[0]).toMatchObject({ userId: NORWAY.userId, amendmentId: AMENDMENT });
    // Only "res" → "ers" was edited; the word diff shows the whole word, the rest falls back to
    // the paragraph's last editor.
    expect(runsOf(comparison, P2)).toEqual([
      'modified',
      ['equal', 'Encourage cities to open cooling ', '', 'none'],
      ['delete', 'centres', 'MEX:7', 'partly-exact'],
      ['insert', 'centers', 'MEX:7', 'partly-exact'],
      ['equal', ';', '', 'none'],
    ]);
    expect(runsOf(comparison, P3)).toEqual([
      'removed',
      ['delete', 'Recalls the Paris Agreement;', 'MEX:28', 'exact'],
    ]);
    expect(runsOf(comparison, P4)).toEqual([
      'added',
      ['insert', 'Requests a report;', 'KEN:18', 'exact'],
    ]);
    expect(comparison.paragraphs.map((p) => p.paragraphId)).toEqual([P1, P2, P3, P4]);
  });

  it('sees only the edits inside the range', async () => {
    const { comparison } = await compare(revisions[1], revisions[2]!);
    expect(runsOf(comparison, P1)).toEqual([
      'modified',
      ['equal', 'Commit urgently to establishing heat early-warning systems in ', '', 'none'],
      ['delete', 'every city', 'NOR:10', 'exact'],
      ['insert', 'all cities', 'NOR:10', 'exact'],
      ['equal', ';', '', 'none'],
    ]);
    expect(comparison.summary).toMatchObject({ modified: 1, unchanged: 2, added: 0, removed: 0 });
  });

  it('shows the whole text as inserted when compared from before it existed', async () => {
    const { comparison } = await compare(undefined, revisions[0]!);
    expect(comparison.paragraphs.map((p) => [p.change, p.runs[0]!.by[0]?.stakeholderId])).toEqual([
      ['added', CHAIR.stakeholderId],
      ['added', CHAIR.stakeholderId],
      ['added', CHAIR.stakeholderId],
    ]);
  });
});
