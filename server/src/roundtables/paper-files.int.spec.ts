// Issued files in the event store: a file larger than one append is stored in pieces and read
// back byte for byte; a tampered or missing piece is refused rather than served.
import { randomBytes, randomUUID } from 'node:crypto';
import { roundtablePaperStream } from '@accord/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collect, MAX_APPEND_SIZE, type EventStore } from '../eventstore/port.js';
import { openSqliteEventStore } from '../eventstore/sqlite/sqlite-event-store.js';
import { ApplicationError } from '../application/errors.js';
import { toProblem } from '../http/problem.js';
import { describeFile, readPaperFile, storePaperFiles } from './paper-files.js';

describe('issued paper files', () => {
  let store: EventStore;
  const roundtableId = randomUUID();
  beforeEach(() => {
    store = openSqliteEventStore({ file: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  it('stores a file over 1 MiB in pieces and reads it back identically', async () => {
    const big = describeFile('pdf', 'application/pdf', randomBytes(MAX_APPEND_SIZE * 2 + 123));
    const small = describeFile('md', 'text/markdown', Buffer.from('# Paper\n'));
    await storePaperFiles(store, roundtableId, 1, [big, small], randomUUID());
    const events = await collect(store.readStream(roundtablePaperStream(roundtableId, 1)));
    expect(events.map((e) => e.metadata.format)).toEqual(['pdf', 'pdf', 'pdf', 'md']);
    const { bytes: _b, ...pdf } = big;
    const { bytes: _s, ...md } = small;
    expect((await readPaperFile(store, roundtableId, 1, pdf)).equals(big.bytes)).toBe(true);
    expect((await readPaperFile(store, roundtableId, 1, md)).toString()).toBe('# Paper\n');
  });

  it('a retried store appends nothing twice', async () => {
    const file = describeFile('md', 'text/markdown', Buffer.from('same'));
    const commandId = randomUUID();
    await storePaperFiles(store, roundtableId, 2, [file], commandId);
    await storePaperFiles(store, roundtableId, 2, [file], commandId);
    expect(await collect(store.readStream(roundtablePaperStream(roundtableId, 2)))).toHaveLength(1);
  });

  it('refuses bytes that do not match the recorded hash', async () => {
    const file = describeFile('html', 'text/html', Buffer.from('<p>issued</p>'));
    const { bytes: _bytes, ...recorded } = file;
    // Someone writes different bytes under the recorded hash.
    await store.appendToStream(roundtablePaperStream(roundtableId, 3), [
      {
        type: 'RoundtablePaperFileChunk',
        data: Buffer.from('<p>forged</p>'),
        metadata: {
          roundtableId,
          version: 3,
          format: 'html',
          mediaType: 'text/html',
          sha256: recorded.sha256,
          byteLength: recorded.byteLength,
          chunk: 0,
          chunks: 1,
          schemaVersion: 1,
        },
      },
    ]);
    await expect(readPaperFile(store, roundtableId, 3, recorded)).rejects.toSatisfy(
      (e) =>
        e instanceof ApplicationError &&
        toProblem(e).type === 'urn:accord:problem:paper-integrity' &&
        toProblem(e).status === 500,
    );
    await expect(readPaperFile(store, roundtableId, 4, recorded)).rejects.toBeInstanceOf(
      ApplicationError,
    );
  });
});
