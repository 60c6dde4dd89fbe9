// The one error mapping, fed with the client's real error classes and with raw gRPC errors
// built the way @grpc/grpc-js builds them; plus the revision and position conversions.
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  EventStoreDBClient,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import {
  AppendTooLarge,
  StoreUnavailable,
  StreamDeleted,
  WrongExpectedVersion,
} from '../errors.js';
import {
  DELETED_STREAM_TRUNCATE_BEFORE,
  fromClientCurrentRevision,
  fromClientExpectedRevision,
  fromClientStreamMetadata,
  normalizeConnectionString,
  toClientDeleteExpectedRevision,
  toClientExpectedRevision,
  toClientPosition,
  toClientReadPosition,
  toClientReadRevision,
  toClientStreamMetadata,
  toPortPosition,
} from './esdb-conversions.js';
import { toPortError } from './esdb-errors.js';
import { withDeadline } from './deadline.js';

/** The raw error type the client's constructors take (a grpc-js ServiceError). */
type ServiceError = Exclude<ConstructorParameters<typeof NotLeaderError>[0], undefined>;

const GRPC_STATUS_NAMES: Record<number, string> = {
  4: 'DEADLINE_EXCEEDED',
  7: 'PERMISSION_DENIED',
  9: 'FAILED_PRECONDITION',
  14: 'UNAVAILABLE',
};

/**
 * An error as @grpc/grpc-js's callErrorFromStatus makes it: an Error whose message is
 * "<code> <NAME>: <details>", with the status's numeric code, details and metadata on it.
 * Metadata is stood in for by its getMap(), the only part the client reads.
 */
function grpcError(code: number, details: string, metadata: Record<string, string> = {}) {
  const message = `${code} ${GRPC_STATUS_NAMES[code] ?? 'UNKNOWN'}: ${details}`;
  return Object.assign(new Error(message), {
    code,
    details,
    metadata: { getMap: () => ({ ...metadata }) },
  }) as unknown as ServiceError;
}

/** What the client throws when nothing listens on the server's port. */
const unreachable = () =>
  grpcError(
    14,
    'No connection established. Last error: Error: connect ECONNREFUSED 127.0.0.1:2113. Resolution note: ',
  );

describe('toPortError', () => {
  describe('WrongExpectedVersionError → WrongExpectedVersion', () => {
    it('keeps the stream and the actual revision, preferring the expected revision the caller passed', () => {
      const error = new WrongExpectedVersionError(undefined, {
        streamName: 'document-1',
        expected: 3n,
        current: 5n,
      });

      const mapped = toPortError(error, { stream: 'document-1', expected: 3n });

      expect(mapped).toBeInstanceOf(WrongExpectedVersion);
      expect(mapped).toMatchObject({ stream: 'document-1', expected: 3n, actual: 5n });
    });

    it("reports 'no_stream' as the actual revision when the client says the stream is missing", () => {
      const error = new WrongExpectedVersionError(undefined, {
        streamName: 'document-1',
        expected: 'stream_exists',
        current: 'no_stream',
      });

      expect(toPortError(error)).toMatchObject({
        stream: 'document-1',
        expected: 'stream_exists',
        actual: 'no_stream',
      });
    });

    it('decodes the numeric codes of a raw gRPC wrong-expected-version error', () => {
      const error = grpcError(9, 'WrongExpectedVersion', {
        exception: 'wrong-expected-version',
        'stream-name': 'amendment-7',
        'expected-version': '-1',
      });

      const mapped = toPortError(error);

      expect(mapped).toBeInstanceOf(WrongExpectedVersion);
      expect(mapped).toMatchObject({
        stream: 'amendment-7',
        expected: 'no_stream',
        actual: 'no_stream',
      });
    });

    it('takes the stream from the context when the client error has none', () => {
      const error = new WrongExpectedVersionError(undefined, {
        streamName: '',
        expected: 0n,
        current: 2n,
      });

      expect(toPortError(error, { stream: 'positions-3', expected: 0n })).toMatchObject({
        stream: 'positions-3',
        actual: 2n,
      });
    });
  });

  describe('StreamDeletedError → StreamDeleted', () => {
    it('maps the error the client builds from a batch append', () => {
      const mapped = toPortError(StreamDeletedError.fromStreamName('document-9'));

      expect(mapped).toBeInstanceOf(StreamDeleted);
      expect(mapped).toMatchObject({ stream: 'document-9' });
    });

    it('maps a raw gRPC stream-deleted error', () => {
      const error = grpcError(9, 'Stream deleted', {
        exception: 'stream-deleted',
        'stream-name': 'document-9',
      });

      expect(toPortError(error)).toEqual(new StreamDeleted('document-9'));
    });
  });

  describe('MaxAppendSizeExceededError → AppendTooLarge', () => {
    it('reports the size the adapter measured and the limit the server reported', () => {
      const error = MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576);

      const mapped = toPortError(error, { stream: 'doctext-1', appendSize: 2_000_000 });

      expect(mapped).toBeInstanceOf(AppendTooLarge);
      expect(mapped).toMatchObject({ stream: 'doctext-1', size: 2_000_000, limit: 1_048_576 });
    });

    it('marks the size unknown (-1) when the caller did not measure it', () => {
      const error = grpcError(9, 'Maximum append size exceeded', {
        exception: 'maximum-append-size-exceeded',
        'maximum-append-size': '1048576',
      });

      expect(toPortError(error, { stream: 'doctext-1' })).toMatchObject({
        size: -1,
        limit: 1_048_576,
      });
    });
  });

  describe('→ StoreUnavailable', () => {
    const notLeader = () =>
      new NotLeaderError(
        grpcError(5, 'Leader info available', {
          exception: 'not-leader',
          'leader-endpoint-host': '10.0.0.2',
          'leader-endpoint-port': '2113',
        }),
      );

    it.each([
      ['UnavailableError', () => new UnavailableError(unreachable())],
      ['DeadlineExceededError', () => new DeadlineExceededError()],
      ['NotLeaderError', notLeader],
      ['TimeoutError (server commit timeout)', () => new TimeoutError()],
      ['CancelledError (cancelled by the server)', () => new CancelledError()],
      ['raw gRPC UNAVAILABLE (code 14)', unreachable],
      ['raw gRPC DEADLINE_EXCEEDED (code 4)', () => grpcError(4, 'Deadline exceeded')],
      [
        'a refused connection',
        () =>
          Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2113'), {
            code: 'ECONNREFUSED',
            errno: -111,
            syscall: 'connect',
          }),
      ],
      ['failed cluster discovery', () => new Error('Failed to discover after 10 attempts.')],
    ])('maps %s, keeping it as the cause', (_name, make) => {
      const error = make();

      const mapped = toPortError(error);

      expect(mapped).toBeInstanceOf(StoreUnavailable);
      expect((mapped as StoreUnavailable).cause).toBe(error);
      expect((mapped as StoreUnavailable).code).toBe('store_unavailable');
    });

    it('maps a raw gRPC UNAVAILABLE even if the client cannot classify its metadata', () => {
      // not-leader without the leader's address makes the client's own conversion throw.
      const error = grpcError(14, 'Not leader', { exception: 'not-leader' });

      expect(toPortError(error)).toBeInstanceOf(StoreUnavailable);
    });

    it("maps the adapter's own client-side deadline", async () => {
      const never = new Promise<never>(() => undefined);

      const error = await withDeadline(never, 5, 'read').catch((e: unknown) => e);

      expect(error).toBeInstanceOf(DeadlineExceededError);
      expect(toPortError(error)).toBeInstanceOf(StoreUnavailable);
    });
  });

  describe('anything else passes through unchanged', () => {
    it.each([
      ['AccessDeniedError', () => new AccessDeniedError()],
      ['StreamNotFoundError', () => new StreamNotFoundError(undefined, 'document-1')],
      ['raw gRPC PERMISSION_DENIED (code 7)', () => grpcError(7, 'Access denied')],
      ['a TypeError', () => new TypeError('bug')],
      ['a port error', () => new WrongExpectedVersion('document-1', 1n, 2n)],
      ['a port StoreUnavailable', () => new StoreUnavailable('closed')],
    ])('%s', (_name, make) => {
      const error = make();

      expect(toPortError(error, { stream: 'document-1' })).toBe(error);
    });

    it('a thrown non-Error value', () => {
      expect(toPortError('Impossible situation')).toBe('Impossible situation');
    });
  });
});

describe('revision conversions', () => {
  it('maps each expected revision to the client constant or the bigint itself', () => {
    expect(toClientExpectedRevision('any')).toBe('any');
    expect(toClientExpectedRevision('no_stream')).toBe('no_stream');
    expect(toClientExpectedRevision('stream_exists')).toBe('stream_exists');
    expect(toClientExpectedRevision(41n)).toBe(41n);
    expect(toClientDeleteExpectedRevision('any')).toBe('any');
    expect(toClientDeleteExpectedRevision('no_stream')).toBe('no_stream');
    expect(toClientDeleteExpectedRevision(0n)).toBe(0n);
  });

  it("reads the server's numeric expected-version codes back", () => {
    expect(fromClientExpectedRevision(-1n)).toBe('no_stream');
    expect(fromClientExpectedRevision(-2n)).toBe('any');
    expect(fromClientExpectedRevision(-4n)).toBe('stream_exists');
    expect(fromClientExpectedRevision(7n)).toBe(7n);
    expect(fromClientExpectedRevision('no_stream')).toBe('no_stream');
  });

  it('reads the current revision, negative meaning no stream', () => {
    expect(fromClientCurrentRevision('no_stream')).toBe('no_stream');
    expect(fromClientCurrentRevision(-1n)).toBe('no_stream');
    expect(fromClientCurrentRevision(0n)).toBe(0n);
    expect(fromClientCurrentRevision(9n)).toBe(9n);
  });

  it('maps read revisions', () => {
    expect(toClientReadRevision('start')).toBe('start');
    expect(toClientReadRevision('end')).toBe('end');
    expect(toClientReadRevision(12n)).toBe(12n);
  });
});

describe('position conversions', () => {
  it('treats absent, negative and max-int sentinel positions as unknown', () => {
    expect(toPortPosition(undefined)).toBeUndefined();
    expect(toPortPosition(-1n)).toBeUndefined();
    expect(toPortPosition(2n ** 64n - 1n)).toBeUndefined();
    expect(toPortPosition(2n ** 63n - 1n)).toBeUndefined();
  });

  it('keeps real commit positions', () => {
    expect(toPortPosition(0n)).toBe(0n);
    expect(toPortPosition(123_456n)).toBe(123_456n);
  });

  it('uses the commit position as the prepare position too', () => {
    expect(toClientPosition(42n)).toEqual({ commit: 42n, prepare: 42n });
    expect(toClientReadPosition(42n)).toEqual({ commit: 42n, prepare: 42n });
    expect(toClientReadPosition('start')).toBe('start');
    expect(toClientReadPosition('end')).toBe('end');
  });
});

describe('stream metadata conversions', () => {
  it('sends only the limits that are set, truncateBefore as a number', () => {
    expect(toClientStreamMetadata({})).toEqual({});
    expect(toClientStreamMetadata({ maxCount: 10, maxAge: 60, truncateBefore: 5n })).toEqual({
      maxCount: 10,
      maxAge: 60,
      truncateBefore: 5,
    });
  });

  it('refuses a truncateBefore JSON would round', () => {
    expect(() => toClientStreamMetadata({ truncateBefore: 2n ** 60n })).toThrow(RangeError);
  });

  it('reads the limits back and nothing else', () => {
    expect(fromClientStreamMetadata(undefined)).toEqual({});
    expect(
      fromClientStreamMetadata({ maxCount: 3, maxAge: 30, truncateBefore: 2, cacheControl: 5 }),
    ).toEqual({ maxCount: 3, maxAge: 30, truncateBefore: 2n });
  });

  it("reads a soft delete's long.MaxValue truncateBefore exactly, though JSON rounded it", () => {
    // What JSON.parse makes of the 9223372036854775807 the server stores.
    const parsed = Number(2n ** 63n - 1n);
    expect(fromClientStreamMetadata({ truncateBefore: parsed })).toEqual({
      truncateBefore: DELETED_STREAM_TRUNCATE_BEFORE,
    });
    expect(DELETED_STREAM_TRUNCATE_BEFORE).toBe(9223372036854775807n);
  });
});

describe('normalizeConnectionString', () => {
  it.each([
    ['kurrentdb://localhost:2113?tls=false', 'esdb://localhost:2113?tls=false'],
    ['kdb://localhost:2113?tls=false', 'esdb://localhost:2113?tls=false'],
    ['KurrentDB+discover://cluster.local:2113', 'esdb+discover://cluster.local:2113'],
    ['esdb://localhost:2113?tls=false', 'esdb://localhost:2113?tls=false'],
    ['esdb+discover://a:2113,b:2113', 'esdb+discover://a:2113,b:2113'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeConnectionString(input)).toBe(expected);
  });

  it('gives a string the v6 client parses', async () => {
    const client = EventStoreDBClient.connectionString(
      normalizeConnectionString('kurrentdb://localhost:2113?tls=false'),
    );

    await client.dispose();
  });
});
