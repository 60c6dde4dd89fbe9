// Events into and out of the client: event data, append size, recorded events, what the port
// never shows, and filters.
import type {
  AllStreamResolvedEvent,
  RecordedEvent as ClientRecordedEvent,
  ResolvedEvent,
} from '@eventstore/db-client';
import { describe, expect, it, vi } from 'vitest';
import {
  appendSize,
  commitPositionOf,
  deliverableEvent,
  matchesFilter,
  toClientEvent,
  toClientFilter,
  toPortEvent,
} from './esdb-events.js';

const ID = '0b5a4a1c-7c0e-4d3e-9d38-6d8f7f3f2a11';
const created = new Date('2025-01-02T03:04:05.000Z');

function recorded(overrides: Partial<Record<keyof ClientRecordedEvent, unknown>> = {}) {
  return {
    streamId: 'document-1',
    id: ID,
    isJson: true,
    revision: 4n,
    type: 'DocumentCreated',
    created,
    data: { title: 'Draft' },
    metadata: { userId: 'u-1' },
    ...overrides,
  } as unknown as ClientRecordedEvent;
}

describe('toClientEvent', () => {
  it('sends JSON data as a JSON event with the caller’s id and metadata', () => {
    const event = toClientEvent({
      id: ID,
      type: 'DocumentCreated',
      data: { title: 'Draft' },
      metadata: { userId: 'u-1' },
    });

    expect(event).toEqual({
      id: ID,
      contentType: 'application/json',
      type: 'DocumentCreated',
      data: { title: 'Draft' },
      metadata: { userId: 'u-1' },
    });
  });

  it('accepts bare JSON scalars as data', () => {
    expect(toClientEvent({ id: ID, type: 'Counted', data: 3 }).data).toBe(3);
    expect(toClientEvent({ id: ID, type: 'Cleared', data: null }).data).toBeNull();
  });

  it('sends bytes as a binary event', () => {
    const event = toClientEvent({ id: ID, type: 'YjsUpdate', data: new Uint8Array([1, 2, 3]) });

    expect(event.contentType).toBe('application/octet-stream');
    expect(event.data).toEqual(new Uint8Array([1, 2, 3]));
    expect(event.id).toBe(ID);
  });

  it('lets the client generate an id when there is none', () => {
    expect(toClientEvent({ type: 'T', data: {} }).id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('appendSize', () => {
  it('counts UTF-8 bytes of JSON data and metadata and raw bytes of binary data', () => {
    const size = appendSize([
      { type: 'A', data: { t: 'é' }, metadata: { u: 1 } },
      { type: 'B', data: new Uint8Array(10) },
    ]);

    // {"t":"é"} is 10 bytes (é takes two), {"u":1} is 7.
    expect(size).toBe(10 + 7 + 10);
  });
});

describe('toPortEvent', () => {
  it('maps a JSON event, taking the position of the read when given', () => {
    expect(toPortEvent(recorded(), 1_000n)).toEqual({
      streamId: 'document-1',
      revision: 4n,
      position: 1_000n,
      id: ID,
      type: 'DocumentCreated',
      data: { title: 'Draft' },
      isJson: true,
      metadata: { userId: 'u-1' },
      created,
    });
  });

  it("leaves the position undefined when a stream read carries the server's sentinel", () => {
    const event = recorded({ position: { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n } });

    expect(toPortEvent(event).position).toBeUndefined();
  });

  it('takes a real position the server gives on a stream read', () => {
    expect(toPortEvent(recorded({ position: { commit: 77n, prepare: 77n } })).position).toBe(77n);
  });

  it('hands out binary data as a plain Uint8Array', () => {
    const event = toPortEvent(recorded({ isJson: false, data: Buffer.from([5, 6]) }));

    expect(event.data).toEqual(new Uint8Array([5, 6]));
    expect((event.data as Uint8Array).constructor).toBe(Uint8Array);
  });

  it('reads missing or non-object metadata as empty', () => {
    expect(toPortEvent(recorded({ metadata: undefined })).metadata).toEqual({});
    expect(toPortEvent(recorded({ metadata: new Uint8Array([1]) })).metadata).toEqual({});
    expect(toPortEvent(recorded({ metadata: [1, 2] })).metadata).toEqual({});
  });
});

describe('deliverableEvent', () => {
  it('passes ordinary events', () => {
    const event = recorded();
    expect(deliverableEvent({ event })).toBe(event);
  });

  it.each([
    ['a system event type', { event: recorded({ type: '$metadata' }) }],
    ['a link event', { event: recorded({ type: '$>' }) }],
    ['an event in a system stream', { event: recorded({ streamId: '$stats-127.0.0.1:2113' }) }],
    ['a resolved link', { event: recorded(), link: recorded({ type: '$>' }) }],
    ['a missing event', {}],
  ])('skips %s', (_name, resolved) => {
    expect(deliverableEvent(resolved as ResolvedEvent)).toBeUndefined();
  });
});

describe('matchesFilter', () => {
  const event = { streamId: 'amendment-12', type: 'AmendmentTabled' };

  it('matches stream name or event type prefixes', () => {
    expect(matchesFilter(event, undefined)).toBe(true);
    expect(matchesFilter(event, { on: 'streamName', prefixes: ['document-', 'amendment-'] })).toBe(
      true,
    );
    expect(matchesFilter(event, { on: 'streamName', prefixes: ['document-'] })).toBe(false);
    expect(matchesFilter(event, { on: 'eventType', prefixes: ['Amendment'] })).toBe(true);
    expect(matchesFilter(event, { on: 'eventType', prefixes: ['Document'] })).toBe(false);
  });

  it('matches nothing with no prefixes', () => {
    expect(matchesFilter(event, { on: 'eventType', prefixes: [] })).toBe(false);
  });
});

describe('toClientFilter', () => {
  it('builds the client’s prefix filters and reports checkpoints', async () => {
    const onCheckpoint = vi.fn();

    const byStream = toClientFilter({ on: 'streamName', prefixes: ['document-'] }, onCheckpoint);
    const byType = toClientFilter({ on: 'eventType', prefixes: ['Doc'] }, onCheckpoint);

    expect(byStream).toMatchObject({ filterOn: 'streamName', prefixes: ['document-'] });
    expect(byType).toMatchObject({ filterOn: 'eventType', prefixes: ['Doc'] });
    await byStream.checkpointReached?.({} as never, { commit: 9n, prepare: 9n });
    expect(onCheckpoint).toHaveBeenCalledWith({ commit: 9n, prepare: 9n });
  });
});

describe('commitPositionOf', () => {
  it("prefers the read's commit position, then the event's", () => {
    const withRead = { event: recorded(), commitPosition: 5n } as AllStreamResolvedEvent;
    const withEvent = {
      event: recorded({ position: { commit: 6n, prepare: 6n } }),
    } as AllStreamResolvedEvent;

    expect(commitPositionOf(withRead)).toBe(5n);
    expect(commitPositionOf(withEvent)).toBe(6n);
    expect(commitPositionOf({})).toBeUndefined();
  });
});
