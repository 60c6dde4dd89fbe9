import { Readable, PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { collect, type EventStore } from '../eventstore/port.js';
import { openSqliteEventStore } from '../eventstore/sqlite/sqlite-event-store.js';
import { withTempDir } from '../test-support/temp-dir.js';
import { backupStore } from './backup.js';
import { RestoreError, restoreStore } from './restore.js';

async function backupToString(store: EventStore): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await backupStore(store, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

const comparable = (store: EventStore) =>
  collect(store.readAll()).then((events) =>
    events.map(({ streamId, revision, id, type, data, isJson, metadata }) => ({
      streamId,
      revision,
      id,
      type,
      data,
      isJson,
      metadata,
    })),
  );

describe('backup and restore', () => {
  it('round-trips every event, JSON and binary, in global order', async () => {
    await withTempDir(async (dir) => {
      const source = openSqliteEventStore({ file: `${dir}/source.sqlite` });
      await source.appendToStream('negotiation-1', [
        {
          type: 'NegotiationOpened',
          data: { title: 'Compact on ocean stewardship' },
          metadata: { occurredAt: '2026-11-01T09:00:00.000Z' },
        },
      ]);
      await source.appendToStream('doctext-1', [
        { type: 'TextUpdated', data: new Uint8Array([0, 1, 2, 250, 255]) },
      ]);
      for (let i = 0; i < 450; i += 1) {
        await source.appendToStream(`amendment-${i % 7}`, [
          { type: 'AmendmentTabled', data: { n: i, text: 'é ü 中文' } },
        ]);
      }
      await source.appendToStream('negotiation-1', [
        { type: 'StakeholderRegistered', data: { name: 'Kenya' } },
      ]);

      const text = await backupToString(source);
      expect(text.trim().split('\n')).toHaveLength(453);

      const target = openSqliteEventStore({ file: `${dir}/target.sqlite` });
      const progress: number[] = [];
      const result = await restoreStore(
        target,
        () => Readable.from([text]),
        (done) => progress.push(done),
      );
      expect(result).toEqual({ events: 453, streams: 9, renumbered: [] });
      expect(progress.at(-1)).toBe(453);
      expect(await comparable(target)).toEqual(await comparable(source));
      await Promise.all([source.close(), target.close()]);
    });
  });

  it('refuses a corrupt backup and writes nothing', async () => {
    await withTempDir(async (dir) => {
      const target = openSqliteEventStore({ file: `${dir}/target.sqlite` });
      const good = JSON.stringify({
        stream: 's-1',
        revision: '0',
        id: '7d0c1c38-4b43-4c8e-9d7b-2b8b9e0a1f00',
        type: 'T',
        encoding: 'json',
        data: {},
        metadata: {},
        created: '2026-01-01T00:00:00.000Z',
      });
      const bad = `${good}\n{"stream": "s-1", "revision": "x"}\n`;
      await expect(restoreStore(target, () => Readable.from([bad]))).rejects.toThrow(
        /Line 2 is not a backup event/,
      );
      await expect(
        restoreStore(target, () => Readable.from([`${good}\nnot json\n`])),
      ).rejects.toThrow(RestoreError);
      expect(await collect(target.readAll())).toEqual([]);
      await target.close();
    });
  });

  it('refuses to restore into a store that is not empty', async () => {
    await withTempDir(async (dir) => {
      const target = openSqliteEventStore({ file: `${dir}/target.sqlite` });
      await target.appendToStream('s-1', [{ type: 'T', data: {} }]);
      await expect(restoreStore(target, () => Readable.from(['']))).rejects.toThrow(/not empty/);
      await target.close();
    });
  });
});
