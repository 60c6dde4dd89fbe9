// Reads of $all in pages give exactly the events a plain filtered read gives, in order, cut
// into pages of the size asked for, whether the filter seeks by category or scans.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collect, type EventFilter, type EventStore, type RecordedEvent } from '../port.js';
import { batchesOf, hasBatchReads } from '../batch-reads.js';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store.js';

const positions = (read: RecordedEvent[]) => read.map((e) => Number(e.position));

async function pagesOf(store: EventStore, filter: EventFilter, batchSize: number, after?: bigint) {
  const pages: RecordedEvent[][] = [];
  for await (const page of batchesOf(store, { filter, batchSize, ...(after ? { after } : {}) }))
    pages.push(page);
  return pages;
}

describe('reading $all in pages', () => {
  let store: SqliteEventStore;

  beforeEach(async () => {
    // A scan window of 40 positions, so a scanning filter needs several to cross the log.
    store = openSqliteEventStore({ file: ':memory:', pageSize: 2 });
    for (let n = 0; n < 90; n++) {
      const stream = n % 3 === 0 ? 'doctext-1' : n % 3 === 1 ? 'document-1' : 'amendment-2';
      await store.appendToStream(stream, [
        { id: randomUUID(), type: n % 2 === 0 ? 'Even' : 'Odd', data: { n } },
      ]);
    }
  });

  afterEach(() => store.close());

  const filters: [string, EventFilter][] = [
    ['stream categories', { on: 'streamName', prefixes: ['document-', 'amendment-'] }],
    ['event types (a scan)', { on: 'eventType', prefixes: ['Ev'] }],
  ];

  it.each(filters)('gives what a plain read gives, filtered by %s', async (_name, filter) => {
    expect(hasBatchReads(store)).toBe(true);
    const expected = positions(await collect(store.readAll({ filter })));
    const pages = await pagesOf(store, filter, 4);
    expect(positions(pages.flat())).toEqual(expected);
    expect(pages.slice(0, -1).every((page) => page.length === 4)).toBe(true);
    // After a position: only what comes later.
    const after = BigInt(expected[5]!);
    expect(positions((await pagesOf(store, filter, 4, after)).flat())).toEqual(expected.slice(6));
  });

  it('pages any other store’s plain read the same way', async () => {
    const filter = filters[0]![1];
    const plain = { readAll: store.readAll.bind(store) } as unknown as EventStore;
    expect(hasBatchReads(plain)).toBe(false);
    const pages = await pagesOf(plain, filter, 4);
    expect(pages.map((page) => page.length)).toEqual(Array<number>(15).fill(4));
    expect(positions(pages.flat())).toEqual(positions(await collect(store.readAll({ filter }))));
  });
});
