// The comparison DOCX when two delegations typed side by side in one paragraph: the words each
// typed are their own tracked change, authored by that delegation, as Word's Review pane lists
// them — from real text updates, attributed per character (text/change-attribution.ts).
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { compareTexts } from '@accord/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventStore } from '../eventstore/port.js';
import { openSqliteEventStore } from '../eventstore/sqlite/sqlite-event-store.js';
import { openDocx } from '../test-support/documents.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { attributedTexts } from '../text/change-attribution.js';
import { insertParagraphs, replaceParagraphText } from '../text/doc-structure.js';
import { TextLog } from '../text/text-log.js';
import type { DocumentComparison } from '../timetravel/index.js';
import { comparisonModel } from './document-model.js';
// In this thread, from the sources: the worker pool runs the built copy, which may be older.
import { renderExportHere } from './render-here.js';

const at = (n: number) => new Date(Date.parse('2026-03-02T09:00:00Z') + n * 1000).toISOString();
const person = (stakeholderId: string) => ({ userId: randomUUID(), stakeholderId });

describe('redline DOCX of a paragraph two delegations typed into', () => {
  let temp: { dir: string; remove(): Promise<void> };
  let store: EventStore;
  const documentId = randomUUID();
  const P1 = randomUUID();
  const CHAIR = person('chair');
  const KENYA = person('ken');
  const NORWAY = person('nor');
  const revisions: bigint[] = [];

  beforeAll(async () => {
    temp = await makeTempDir();
    store = openSqliteEventStore({ file: path.join(temp.dir, 'events.sqlite') });
    const log = new TextLog(store, documentId);
    const edit = async (by: typeof CHAIR, change: Parameters<TextLog['edit']>[2]) =>
      revisions.push((await log.edit(by, at(revisions.length), change))!);
    await edit(CHAIR, (doc) =>
      insertParagraphs(doc, 0, [{ id: P1, kind: 'operative', text: 'Commit to act;' }]),
    );
    // Kenya types "urgently ", then Norway "and jointly " right after it: one word-diff change.
    await edit(KENYA, (doc) => replaceParagraphText(doc, P1, 7, 7, 'urgently '));
    await edit(NORWAY, (doc) => replaceParagraphText(doc, P1, 16, 16, 'and jointly '));
  });
  afterAll(async () => {
    await store.close();
    await temp.remove();
  });

  it('names each delegation on the words it typed', async () => {
    const texts = await attributedTexts(store, documentId, revisions[0], revisions[2]);
    const text = compareTexts(texts.from, texts.to, texts.attribution);
    const point = {
      asOf: 'now',
      recordPosition: '1',
      recordOccurredAt: at(3),
      textRevision: String(revisions[2]),
      revisionInForce: null,
    };
    const comparison: DocumentComparison = {
      ...text,
      documentId,
      from: point,
      to: point,
      updates: texts.updates,
      stakeholders: {
        ken: { name: 'Kenya', shortCode: 'KE', kind: 'delegation' },
        nor: { name: 'Norway', shortCode: 'NO', kind: 'delegation' },
      },
    };
    const model = comparisonModel({
      comparison,
      document: {
        documentId,
        document: {
          negotiationId: 'n',
          title: 'Compact',
          symbol: 'A/1',
          mode: 'formal',
          adopted: false,
          revisions: [],
        },
      },
      chairStatuses: {},
      generatedAt: at(3),
    });
    const xml = await (
      await openDocx((await renderExportHere(model, 'docx')).bytes)
    ).part('word/document.xml');
    const insertions = [...xml.matchAll(/<w:ins [^>]*w:author="([^"]+)"[^>]*>(.*?)<\/w:ins>/g)].map(
      (m) => [m[1], m[2]!.replace(/<[^>]+>/g, '')],
    );
    expect(insertions).toEqual([
      ['Kenya', 'urgently '],
      ['Norway', 'and jointly '],
    ]);
  });
});
