/**
 * Reads through the client: the port's stream and `$all` reads, and the small look-ups that
 * appends, deletes and subscriptions need (a stream's last revision, the end of `$all`, the
 * position of an already written event).
 */
import { BACKWARDS, END, FORWARDS, StreamNotFoundError } from '@eventstore/db-client';
import type {
  AllStreamResolvedEvent,
  ReadAllOptions as ClientReadAllOptions,
  ReadStreamOptions as ClientReadStreamOptions,
  ResolvedEvent,
} from '@eventstore/db-client';
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../port.js';
import type { EsdbClient } from './esdb-client.js';
import {
  toClientPosition,
  toClientReadPosition,
  toClientReadRevision,
  toPortPosition,
} from './esdb-conversions.js';
import { toPortError } from './esdb-errors.js';
import { commitPositionOf, deliverableEvent, matchesFilter, toPortEvent } from './esdb-events.js';
import { iterateRead } from './streaming-read.js';

/** How far back from the end of `$all` to look for the original of an idempotent retry. */
const RETRY_POSITION_SEARCH_LIMIT = 10_000;

export interface EsdbReader {
  readStream(stream: string, options?: ReadStreamOptions): AsyncGenerator<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncGenerator<RecordedEvent>;
  /** The revision of the stream's last event, or 'no_stream' (missing or soft-deleted). */
  lastRevision(stream: string): Promise<bigint | 'no_stream'>;
  /** The commit position of the newest event in `$all`, system events included. */
  endOfAll(): Promise<bigint | undefined>;
  /** The position of an event already written, for an append answered without one. */
  positionOfWrite(stream: string, revision: bigint, id: string): Promise<bigint>;
}

export function createEsdbReader(client: EsdbClient, deadlineMs: number): EsdbReader {
  function rawStream(
    stream: string,
    options: ClientReadStreamOptions,
  ): AsyncGenerator<ResolvedEvent> {
    return iterateRead(
      client.readStream(stream, { ...options, deadline: deadlineMs }),
      deadlineMs,
      `EventStoreDB read of ${stream}`,
    );
  }

  function rawAll(options: ClientReadAllOptions): AsyncGenerator<AllStreamResolvedEvent> {
    return iterateRead(
      client.readAll({ ...options, deadline: deadlineMs }),
      deadlineMs,
      'EventStoreDB $all read',
    );
  }

  async function* readStream(
    stream: string,
    options: ReadStreamOptions = {},
  ): AsyncGenerator<RecordedEvent> {
    const direction = options.direction ?? 'forwards';
    const from = options.fromRevision ?? (direction === 'forwards' ? 'start' : 'end');
    if (options.maxCount !== undefined && options.maxCount <= 0) return;
    try {
      for await (const resolved of rawStream(stream, {
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        fromRevision: toClientReadRevision(from),
        ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
      })) {
        if (resolved.event !== undefined) yield toPortEvent(resolved.event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw toPortError(error, { stream });
    }
  }

  async function* readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    const direction = options.direction ?? 'forwards';
    const from = options.fromPosition ?? (direction === 'forwards' ? 'start' : 'end');
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (limit <= 0) return;
    let delivered = 0;
    // System events are dropped here and the v6 client cannot filter reads of $all, so the
    // server reads without a count and the read is cancelled once enough events passed.
    const accept = (resolved: AllStreamResolvedEvent): RecordedEvent | undefined => {
      const event = deliverableEvent(resolved);
      if (event === undefined || !matchesFilter(event, options.filter)) return undefined;
      return toPortEvent(event, commitPositionOf(resolved));
    };
    try {
      if (direction === 'backwards' && typeof from === 'bigint') {
        // The server reads $all backwards from *before* a position; the port includes it.
        for await (const resolved of rawAll({
          direction: FORWARDS,
          fromPosition: toClientPosition(from),
          maxCount: 1,
        })) {
          const event = commitPositionOf(resolved) === from ? accept(resolved) : undefined;
          if (event !== undefined) {
            yield event;
            delivered += 1;
          }
        }
        if (delivered >= limit) return;
      }
      for await (const resolved of rawAll({
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        fromPosition: toClientReadPosition(from),
      })) {
        const event = accept(resolved);
        if (event === undefined) continue;
        yield event;
        delivered += 1;
        if (delivered >= limit) return;
      }
    } catch (error) {
      throw toPortError(error);
    }
  }

  async function lastRevision(stream: string): Promise<bigint | 'no_stream'> {
    try {
      for await (const resolved of rawStream(stream, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        if (resolved.event !== undefined) return resolved.event.revision;
      }
      return 'no_stream';
    } catch (error) {
      if (error instanceof StreamNotFoundError) return 'no_stream';
      throw error;
    }
  }

  async function endOfAll(): Promise<bigint | undefined> {
    for await (const resolved of rawAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
      return commitPositionOf(resolved);
    }
    return undefined;
  }

  /**
   * Some servers answer an idempotent retry without a position. Then take the event's own
   * position if stream reads report one (newer servers), else find the event near the end of
   * `$all`, else the end of `$all`: an upper bound that is at least safe to wait for.
   */
  async function positionOfWrite(stream: string, revision: bigint, id: string): Promise<bigint> {
    try {
      for await (const resolved of rawStream(stream, { fromRevision: revision, maxCount: 1 })) {
        const position = toPortPosition(resolved.event?.position?.commit);
        if (position !== undefined) return position;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    let end: bigint | undefined;
    for await (const resolved of rawAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: RETRY_POSITION_SEARCH_LIMIT,
    })) {
      const position = commitPositionOf(resolved);
      end ??= position;
      const event = resolved.event;
      if (event?.id === id && event.streamId === stream && position !== undefined) return position;
    }
    return end ?? -1n;
  }

  return { readStream, readAll, lastRevision, endOfAll, positionOfWrite };
}
