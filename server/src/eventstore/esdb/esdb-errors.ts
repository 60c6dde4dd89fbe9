/**
 * The one place client failures become the port's errors (errors.ts). Every call in the
 * adapter sends what it catches through `toPortError`; what is not a store condition the port
 * names (access denied, bad arguments, bugs) passes through unchanged.
 */
import {
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  convertToCommandError,
} from '@eventstore/db-client';
import {
  AppendTooLarge,
  EventStoreError,
  StoreUnavailable,
  StreamDeleted,
  WrongExpectedVersion,
} from '../errors.js';
import type { ExpectedRevision } from '../port.js';
import { fromClientCurrentRevision, fromClientExpectedRevision } from './esdb-conversions.js';

/** What the failed call knew, for errors whose client form lacks it. */
export interface ErrorContext {
  stream?: string;
  /** The expected revision the caller passed (client errors may only know a numeric code). */
  expected?: ExpectedRevision;
  /** The append's data and metadata bytes (the server reports only its limit). */
  appendSize?: number;
}

/** gRPC status codes meaning the server could not be reached or answer in time. */
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/** Socket and DNS failures, seen when cluster discovery talks HTTP to gossip endpoints. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Thrown by the client's cluster discovery when no gossip endpoint answers. */
const DISCOVERY_FAILED = /^Failed to discover after \d+ attempts/;

export function toPortError(error: unknown, context: ErrorContext = {}): unknown {
  if (!(error instanceof Error) || error instanceof EventStoreError) return error;
  const classified = classify(error);

  if (classified instanceof WrongExpectedVersionError) {
    return new WrongExpectedVersion(
      classified.streamName || (context.stream ?? ''),
      context.expected ?? fromClientExpectedRevision(classified.expectedVersion),
      fromClientCurrentRevision(classified.actualVersion),
    );
  }
  if (classified instanceof StreamDeletedError) {
    return new StreamDeleted(classified.streamName || (context.stream ?? ''));
  }
  if (classified instanceof MaxAppendSizeExceededError) {
    // -1: the server reports its limit, not how large the rejected append was.
    return new AppendTooLarge(
      context.stream ?? '',
      context.appendSize ?? -1,
      classified.maxAppendSize,
    );
  }
  if (isUnavailable(classified) || isUnavailable(error)) {
    return new StoreUnavailable(`EventStoreDB is unavailable: ${error.message}`, { cause: error });
  }
  return error;
}

/** The client's typed error for a raw gRPC error; the error itself when there is none. */
function classify(error: Error): Error {
  try {
    return convertToCommandError(error);
  } catch {
    // Some typed errors read metadata a malformed raw error lacks; classify by code instead.
    return error;
  }
}

function isUnavailable(error: Error): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof NotLeaderError ||
    // The server's own prepare/commit timeout (gRPC ABORTED): nothing was decided, retry later.
    error instanceof TimeoutError ||
    // Cancelled by the server, e.g. on shutdown or leader change; the client reconnects.
    error instanceof CancelledError
  ) {
    return true;
  }
  const code: unknown = (error as { code?: unknown }).code;
  if (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED) return true;
  if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return true;
  return DISCOVERY_FAILED.test(error.message);
}
