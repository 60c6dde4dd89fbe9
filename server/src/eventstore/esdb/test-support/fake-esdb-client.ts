/**
 * An in-memory stand-in for the part of `@eventstore/db-client` the adapter uses, answering
 * the way the server does where it matters to the adapter: StreamNotFound for missing
 * streams, `$all` read forwards from a position inclusively and backwards exclusively, the
 * max-int sentinel as the position of stream reads, subscriptions as Transforms that emit
 * 'confirmation' and 'caughtUp'.
 */
import { Readable, Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import { StreamNotFoundError } from '@eventstore/db-client';
import type {
  AllStreamResolvedEvent,
  AppendResult,
  AppendToStreamOptions,
  DeleteStreamOptions,
  EventData,
  GetStreamMetadataResult,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  StreamMetadata,
  StreamingRead,
  SubscribeToAllOptions,
  SubscribeToStreamOptions,
} from '@eventstore/db-client';
import type { EsdbClient } from '../esdb-client.js';

export type SubscriptionMessage<Item> =
  { item: Item } | { confirmation: true } | { caughtUp: true } | { checkpoint: bigint };

/** Like the client's Subscription: server messages in, events out, control messages as events. */
export class FakeSubscription<Item> extends Transform {
  unsubscribed = false;
  onCheckpoint: ((position: bigint) => void) | undefined;

  constructor() {
    super({ objectMode: true });
  }

  override _transform(
    message: SubscriptionMessage<Item>,
    _encoding: string,
    next: TransformCallback,
  ): void {
    if ('confirmation' in message) this.emit('confirmation');
    if ('caughtUp' in message) this.emit('caughtUp');
    if ('checkpoint' in message) this.onCheckpoint?.(message.checkpoint);
    if ('item' in message) return next(null, message.item);
    next();
  }

  send(...messages: Array<SubscriptionMessage<Item>>): void {
    for (const message of messages) this.write(message);
  }

  unsubscribe(): Promise<void> {
    this.unsubscribed = true;
    return Promise.resolve();
  }
}

/** A finished streaming read: the items, then the end or a failure. */
export function fakeRead<E>(items: readonly E[], failure?: Error): StreamingRead<E> {
  const readable = new Readable({ objectMode: true, read: () => undefined });
  for (const item of items) readable.push(item);
  if (failure === undefined) readable.push(null);
  else setImmediate(() => readable.destroy(failure));
  return Object.assign(readable, { cancel: () => Promise.resolve() });
}

/** The sentinel EventStoreDB puts in the position of events read from a stream. */
const NO_POSITION = 2n ** 64n - 1n;

export function storedEvent(
  streamId: string,
  revision: bigint,
  position: bigint,
  type = 'Edited',
  id = `00000000-0000-4000-8000-${position.toString().padStart(12, '0')}`,
): AllStreamResolvedEvent {
  return {
    event: {
      streamId,
      id,
      isJson: true,
      revision,
      type,
      created: new Date(0),
      data: { n: Number(position) },
      metadata: undefined,
      position: { commit: position, prepare: position },
    },
    commitPosition: position,
  };
}

export class FakeEsdbClient {
  /** Every event in `$all` order. */
  readonly all: AllStreamResolvedEvent[] = [];
  readonly calls: Array<{ method: string; args: unknown[] }> = [];
  readonly streamSubscriptions: Array<FakeSubscription<ResolvedEvent>> = [];
  readonly allSubscriptions: Array<FakeSubscription<AllStreamResolvedEvent>> = [];
  /** Streams that answer reads with StreamDeleted and the like. */
  readonly failingStreams = new Map<string, Error>();
  appendAnswer: (stream: string, events: EventData[]) => Promise<AppendResult> = (stream, events) =>
    Promise.resolve(this.#append(stream, events));
  allFailure: Error | undefined;
  metadata: StreamMetadata | undefined;
  disposed = false;

  get client(): EsdbClient {
    return this as unknown as EsdbClient;
  }

  callsOf(method: string): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args);
  }

  appendToStream(stream: string, events: EventData[], options: AppendToStreamOptions) {
    this.calls.push({ method: 'appendToStream', args: [stream, events, options] });
    return this.appendAnswer(stream, events);
  }

  readStream(stream: string, options: ReadStreamOptions = {}): StreamingRead<ResolvedEvent> {
    this.calls.push({ method: 'readStream', args: [stream, options] });
    const failure = this.failingStreams.get(stream);
    if (failure !== undefined) return fakeRead([], failure);
    const events = this.all
      .filter((resolved) => resolved.event?.streamId === stream)
      // Stream reads carry no commit position and the sentinel as the event's position.
      .map(({ event }) => ({
        event: { ...event!, position: { commit: NO_POSITION, prepare: NO_POSITION } },
      }));
    if (events.length === 0) return fakeRead([], new StreamNotFoundError(undefined, stream));
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const selected = events.filter(({ event }) => {
      if (typeof from !== 'bigint') return true;
      return backwards ? event.revision <= from : event.revision >= from;
    });
    if (backwards) selected.reverse();
    return fakeRead(selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)));
  }

  readAll(options: ReadAllOptions = {}): StreamingRead<AllStreamResolvedEvent> {
    this.calls.push({ method: 'readAll', args: [options] });
    if (this.allFailure !== undefined) return fakeRead([], this.allFailure);
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    const selected = this.all.filter(({ commitPosition }) => {
      if (typeof from === 'string') return true;
      // As the server: forwards from a position includes it, backwards starts before it.
      return backwards ? commitPosition! < from.commit : commitPosition! >= from.commit;
    });
    if (backwards) selected.reverse();
    return fakeRead(selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)));
  }

  subscribeToStream(stream: string, options: SubscribeToStreamOptions) {
    this.calls.push({ method: 'subscribeToStream', args: [stream, options] });
    const subscription = new FakeSubscription<ResolvedEvent>();
    this.streamSubscriptions.push(subscription);
    return subscription;
  }

  subscribeToAll(options: SubscribeToAllOptions) {
    this.calls.push({ method: 'subscribeToAll', args: [options] });
    const subscription = new FakeSubscription<AllStreamResolvedEvent>();
    const filter = options.filter;
    if (filter?.checkpointReached !== undefined) {
      subscription.onCheckpoint = (position) =>
        void filter.checkpointReached?.(subscription, { commit: position, prepare: position });
    }
    this.allSubscriptions.push(subscription);
    return subscription;
  }

  getStreamMetadata(streamName: string): Promise<GetStreamMetadataResult> {
    this.calls.push({ method: 'getStreamMetadata', args: [streamName] });
    return Promise.resolve({ streamName, metadata: this.metadata });
  }

  setStreamMetadata(stream: string, metadata: StreamMetadata, options: unknown) {
    this.calls.push({ method: 'setStreamMetadata', args: [stream, metadata, options] });
    this.metadata = metadata;
    return Promise.resolve({ success: true, nextExpectedRevision: 0n });
  }

  deleteStream(stream: string, options: DeleteStreamOptions) {
    this.calls.push({ method: 'deleteStream', args: [stream, options] });
    return Promise.resolve({});
  }

  tombstoneStream(stream: string, options: DeleteStreamOptions) {
    this.calls.push({ method: 'tombstoneStream', args: [stream, options] });
    return Promise.resolve({});
  }

  dispose(): Promise<void> {
    this.disposed = true;
    return Promise.resolve();
  }

  /** Appends as the server does (no expectation check): next revision and commit position. */
  #append(stream: string, events: EventData[]): AppendResult {
    let revision = -1n;
    for (const resolved of this.all) {
      if (resolved.event?.streamId === stream) revision = resolved.event.revision;
    }
    let position = this.all.at(-1)?.commitPosition ?? 0n;
    for (const event of events) {
      revision += 1n;
      position += 100n;
      this.all.push(storedEvent(stream, revision, position, event.type, event.id));
    }
    return {
      success: true,
      nextExpectedRevision: revision,
      position: { commit: position, prepare: position },
    };
  }
}
