/**
 * The event store's errors. Every adapter turns its own failures into these, so code above
 * the port handles one set of errors whichever store runs.
 */
import type { ExpectedRevision } from './port.js';

export type EventStoreErrorCode =
  'wrong_expected_version' | 'stream_deleted' | 'append_too_large' | 'store_unavailable';

export abstract class EventStoreError extends Error {
  abstract readonly code: EventStoreErrorCode;
}

/** The stream was not where the caller expected: someone else wrote first. */
export class WrongExpectedVersion extends EventStoreError {
  readonly code = 'wrong_expected_version';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or 'no_stream' when it does not exist. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${stream}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedVersion';
  }
}

/** The stream was tombstoned (hard-deleted): it can be neither read nor written. */
export class StreamDeleted extends EventStoreError {
  readonly code = 'stream_deleted';
  constructor(readonly stream: string) {
    super(`Stream ${stream} has been deleted`);
    this.name = 'StreamDeleted';
  }
}

/** One append may not exceed MAX_APPEND_SIZE bytes of data and metadata. */
export class AppendTooLarge extends EventStoreError {
  readonly code = 'append_too_large';
  constructor(
    readonly stream: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`Append to ${stream} is ${size} bytes, over the limit of ${limit}`);
    this.name = 'AppendTooLarge';
  }
}

/** The store cannot be reached or has been closed; the operation may be retried later. */
export class StoreUnavailable extends EventStoreError {
  readonly code = 'store_unavailable';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailable';
  }
}
