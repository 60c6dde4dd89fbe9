// The record at any point of the log: folded from the nearest checkpoint, equal to a fold from
// the start; cut by position or by time (a prefix of the log); unreadable events skipped.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  consensusOf,
  evolveConsensus,
  initialConsensusState,
  parseStoredEvent,
  schemaVersionOf,
  type AccordEvent,
  type ConsensusState,
  type Stance,
} from '@accord/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../eventstore/sqlite/sqlite-event-store.js';
import { collect, type EventStore } from '../eventstore/port.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { RecordHistory, recordFilter } from './record-history.js';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const minute = (n: number) => new Date(T0 + n * 60_000).toISOString();
const negotiationId = randomUUID();
const documentId = randomUUID();
const paragraphId = randomUUID();
const user = randomUUID();
const delegations = [randomUUID(), randomUUID(), randomUUID()];
const stances: Stance[] = ['support', 'objection', 'can-accept', 'reservation', 'abstain'];

describe('record history', () => {
  let temp: { dir: string; remove(): Promise<void> };
  let store: EventStore;
  let clock = 0;

  const append = async (stream: string, event: AccordEvent, at = minute(clock++)) =>
    (
      await store.appendToStream(stream, [
        {
          type: event.type,
          data: event.data,
          metadata: { occurredAt: at, schemaVersion: schemaVersionOf(event.type) },
        },
      ])
    ).position;

  /** A fold from the start of the log up to and including `position`: what `at` must equal. */
  const foldUpTo = async (position: bigint): Promise<ConsensusState> => {
    let state = initialConsensusState();
    for (const e of await collect(store.readAll({ filter: recordFilter }))) {
      if (e.position! > position) break;
      const occurredAt = e.metadata.occurredAt as string;
      state = evolveConsensus(state, parseStoredEvent(e), {
        position: e.position!.toString(),
        occurredAt,
      });
    }
    return state;
  };

  beforeEach(async () => {
    temp = await makeTempDir();
    store = openSqliteEventStore({ file: path.join(temp.dir, 'events.sqlite') });
    clock = 0;
    await append(`negotiation-${negotiationId}`, {
      type: 'NegotiationOpened',
      data: { negotiationId, title: 'N', description: '', openedBy: user, openedAt: minute(0) },
    });
    for (const [i, stakeholderId] of delegations.entries()) {
      await append(`negotiation-${negotiationId}`, {
        type: 'StakeholderRegistered',
        data: {
          negotiationId,
          stakeholderId,
          kind: 'delegation',
          name: `Delegation ${i}`,
          shortCode: `D${i}`,
          groupIds: [],
          registeredAt: minute(0),
        },
      });
    }
    await append(`document-${documentId}`, {
      type: 'DocumentCreated',
      data: {
        documentId,
        negotiationId,
        title: 'Draft',
        symbol: 'A/1',
        mode: 'formal',
        createdBy: user,
        createdAt: minute(0),
      },
    });
    // Noise the record never reads, between the positions.
    await store.appendToStream(`doctext-${documentId}`, [
      { type: 'TextUpdated', data: new Uint8Array([0]) },
    ]);
    for (let i = 0; i < 20; i++) {
      await append(`positions-${documentId}`, {
        type: 'PositionStated',
        data: {
          documentId,
          target: { kind: 'paragraph', id: paragraphId },
          stakeholderId: delegations[i % 3]!,
          stance: stances[i % stances.length]!,
          statement: `statement ${i}`,
          statedBy: user,
          statedAt: minute(0),
        },
      });
    }
  });
  afterEach(async () => {
    await store.close();
    await temp.remove();
  });

  it('gives, at every position, what a fold from the start gives', async () => {
    const history = new RecordHistory(store, { checkpointEvery: 4 });
    const positions = (await collect(store.readAll({ filter: recordFilter }))).map(
      (e) => e.position!,
    );
    await history.at({ kind: 'now' });
    for (const position of positions.reverse()) {
      const folded = await history.at({ kind: 'position', position });
      expect(folded.position).toBe(position);
      expect(folded.state).toEqual(await foldUpTo(position));
    }
  });

  it('cuts by time at the first event recorded after it', async () => {
    const history = new RecordHistory(store, { checkpointEvery: 3 });
    const all = await collect(store.readAll({ filter: recordFilter }));
    // Events are a minute apart: half past minute 10 keeps the events of minutes 0 … 10.
    const folded = await history.at({ kind: 'time', ms: Date.parse(minute(10)) + 30_000 });
    const last = all.find((e) => e.metadata.occurredAt === minute(10))!;
    expect(folded.position).toBe(last.position);
    expect(folded.occurredAt).toBe(minute(10));
    expect(folded.state).toEqual(await foldUpTo(last.position!));
    const before = await history.at({ kind: 'time', ms: T0 - 1 });
    expect(before.position).toBeUndefined();
    expect(before.state).toEqual(initialConsensusState());
  });

  it('catches up with what was appended since it last read', async () => {
    const history = new RecordHistory(store);
    const first = await history.at({ kind: 'now' });
    const position = await append(`positions-${documentId}`, {
      type: 'PositionStated',
      data: {
        documentId,
        target: { kind: 'paragraph', id: paragraphId },
        stakeholderId: delegations[0]!,
        stance: 'objection',
        statement: 'late',
        statedBy: user,
        statedAt: minute(99),
      },
    });
    const later = await history.at({ kind: 'now' });
    expect(later.position).toBe(position);
    expect(later.position! > first.position!).toBe(true);
    expect(consensusOf(later.state, documentId)!.paragraphs[0]!.objectors[0]).toMatchObject({
      stakeholderId: delegations[0],
      statement: 'late',
    });
  });

  it('skips an event it cannot read, and counts it', async () => {
    await store.appendToStream(`document-${documentId}`, [{ type: 'FromTheFuture', data: {} }]);
    const history = new RecordHistory(store);
    const folded = await history.at({ kind: 'now' });
    expect(history.unreadable).toBe(1);
    expect(folded.state.documents[documentId]).toBeDefined();
  });
});
