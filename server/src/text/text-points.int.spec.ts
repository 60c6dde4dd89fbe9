// The text as of a point: revisions found by time and by log position, and the text rebuilt from
// the nearest snapshot plus the updates after it — equal to what it was when written.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../eventstore/port.js';
import { openSqliteEventStore } from '../eventstore/sqlite/sqlite-event-store.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import {
  findParagraph,
  insertParagraphs,
  listParagraphs,
  textSegments,
  type Paragraph,
} from './doc-structure.js';
import { loadDocState } from './text-history.js';
import { TextLog } from './text-log.js';
import {
  lastTextRevision,
  paragraphsAt,
  replayTextFromStart,
  textRevisionAtPosition,
  textRevisionAtTime,
} from './text-points.js';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const second = (n: number) => new Date(T0 + n * 1000).toISOString();
const EDITS = 120;
const SNAPSHOT_EVERY = 25;

describe('text as of a point', () => {
  let temp: { dir: string; remove(): Promise<void> };
  let store: EventStore;
  const documentId = randomUUID();
  const [p1, p2] = [randomUUID(), randomUUID()];
  const by = { userId: randomUUID(), stakeholderId: randomUUID() };
  /** The paragraphs right after each revision was written. */
  const expected: Paragraph[][] = [];
  let log: TextLog;
  let betweenPosition: bigint;

  beforeAll(async () => {
    temp = await makeTempDir();
    store = openSqliteEventStore({ file: path.join(temp.dir, 'events.sqlite') });
    log = new TextLog(store, documentId, { snapshotEvery: SNAPSHOT_EVERY });
    expected.length = 0;
    // Revision 0 at second 0, revision k at second 2k: odd seconds fall between two updates.
    await log.edit(by, second(0), (doc) =>
      insertParagraphs(doc, 0, [
        { id: p1, kind: 'operative', text: 'Decides' },
        { id: p2, kind: 'operative', text: 'Invites' },
      ]),
    );
    expected.push(listParagraphs(log.doc));
    for (let k = 1; k <= EDITS; k++) {
      await log.edit(by, second(2 * k), (doc) => {
        const segment = textSegments(findParagraph(doc, k % 2 ? p1 : p2)!.element)[0]!;
        segment.insert(segment.length, ` w${k}`);
      });
      expected.push(listParagraphs(log.doc));
      if (k === 60) {
        // A record event between two text updates.
        betweenPosition = (
          await store.appendToStream(`document-${documentId}`, [{ type: 'Noted', data: {} }])
        ).position;
      }
    }
  });
  afterAll(async () => {
    await store.close();
    await temp.remove();
  });

  it('rebuilds the text at any revision from the nearest snapshot, equal to what was written', async () => {
    for (const revision of [0, 1, 24, 25, 26, 49, 77, 100, 119, EDITS]) {
      expect(await paragraphsAt(store, documentId, BigInt(revision))).toEqual(expected[revision]);
    }
    expect(await paragraphsAt(store, documentId, undefined)).toEqual([]);
  });

  it('agrees with a full replay of the log, which it never needs', async () => {
    for (const revision of [0n, 49n, 77n, BigInt(EDITS)]) {
      expect(await replayTextFromStart(store, documentId, revision)).toEqual(
        await paragraphsAt(store, documentId, revision),
      );
    }
  });

  it('starts from a snapshot, never from the beginning, once one covers the point', async () => {
    const state = await loadDocState(store, documentId, { asOfRevision: 77n });
    expect(state.snapshotRevision).toBe(74n);
    expect(state.updatesSinceSnapshot).toBe(3);
    state.doc.destroy();
  });

  it('finds the last revision at or before a time', async () => {
    expect(await textRevisionAtTime(store, documentId, Date.parse(second(-1)))).toBeUndefined();
    expect(await textRevisionAtTime(store, documentId, Date.parse(second(0)))).toBe(0n);
    expect(await textRevisionAtTime(store, documentId, Date.parse(second(2 * 37)))).toBe(37n);
    expect(await textRevisionAtTime(store, documentId, Date.parse(second(2 * 37 + 1)))).toBe(37n);
    expect(await textRevisionAtTime(store, documentId, Date.parse(second(10_000)))).toBe(
      BigInt(EDITS),
    );
  });

  it('finds the last revision at or before a log position', async () => {
    expect(await textRevisionAtPosition(store, documentId, log.positions[42]!)).toBe(42n);
    expect(await textRevisionAtPosition(store, documentId, betweenPosition)).toBe(60n);
    expect(await textRevisionAtPosition(store, documentId, log.positions[0]! - 1n)).toBeUndefined();
    expect(await lastTextRevision(store, documentId)).toBe(BigInt(EDITS));
    expect(await lastTextRevision(store, randomUUID())).toBeUndefined();
  });
});
