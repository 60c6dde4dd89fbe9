/**
 * RFC 9457 problem details: every error the API returns has this shape, a stable `type`
 * per kind of error, and is produced in one place (`toProblem`).
 */
import { domainErrorStatus, EventParseError, isDomainError } from '@accord/shared';
import type { Response } from 'express';
import {
  ApplicationError,
  isApplicationError,
  type ApplicationErrorKind,
} from '../application/errors.js';
import {
  AppendTooLarge,
  StoreUnavailable,
  StreamDeleted,
  WrongExpectedVersion,
} from '../eventstore/errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Field-level validation errors, for 422. */
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

export const problemType = (code: string): string => `urn:accord:problem:${code}`;

/** HTTP status of each kind of application error: decided here, at the edge, and nowhere else. */
const statusOfKind: Record<ApplicationErrorKind, number> = {
  'bad-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  'too-large': 413,
  'invalid-input': 422,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
};

const kindOfStatus = (status: number): ApplicationErrorKind =>
  (Object.entries(statusOfKind).find(([, known]) => known === status)?.[0] as
    ApplicationErrorKind | undefined) ?? (status < 500 ? 'bad-request' : 'internal');

/**
 * An error that already knows its HTTP problem: only the HTTP edge (this folder) throws these.
 * It is an ApplicationError too, so code that reports refusals (the CLI) treats it alike.
 */
export class HttpProblem extends ApplicationError {
  constructor(readonly problem: Problem) {
    super(
      kindOfStatus(problem.status),
      problem.type.replace(/^urn:accord:problem:/, ''),
      problem.title,
      problem.detail === undefined ? {} : { detail: problem.detail },
    );
    this.name = 'HttpProblem';
  }

  static of(
    status: number,
    code: string,
    title: string,
    detail?: string,
    extra?: Record<string, unknown>,
  ): HttpProblem {
    return new HttpProblem({
      type: problemType(code),
      title,
      status,
      ...(detail ? { detail } : {}),
      ...extra,
    });
  }
}

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  limit?: number;
}

const isBodyParserError = (e: unknown): e is Error & BodyParserError =>
  e instanceof Error &&
  typeof (e as BodyParserError).type === 'string' &&
  typeof (e as BodyParserError).status === 'number';

/** Maps any thrown value to a problem; unknown errors become a 500 without internals. */
export function toProblem(error: unknown): Problem {
  if (error instanceof HttpProblem) return error.problem;
  if (isApplicationError(error)) {
    return {
      ...error.extensions,
      type: problemType(error.code),
      title: error.title,
      status: statusOfKind[error.kind],
      ...(error.detail ? { detail: error.detail } : {}),
      ...(error.errors ? { errors: error.errors } : {}),
    };
  }
  if (isDomainError(error)) {
    return {
      type: problemType(error.code.replace('_', '-')),
      title: error.message,
      status: domainErrorStatus[error.code],
      ...(error.reason ? { reason: error.reason } : {}),
    };
  }
  if (error instanceof EventParseError) {
    return { type: problemType('internal'), title: 'Internal server error', status: 500 };
  }
  if (error instanceof WrongExpectedVersion) {
    return {
      type: problemType('concurrency-conflict'),
      title: 'Someone else changed this at the same time',
      status: 409,
      detail: 'Reload and try again.',
    };
  }
  if (error instanceof StreamDeleted) {
    return { type: problemType('gone'), title: 'This record has been deleted', status: 410 };
  }
  if (error instanceof AppendTooLarge) {
    return {
      type: problemType('too-large'),
      title: 'The change is too large to record',
      status: 413,
      detail: error.message,
    };
  }
  if (error instanceof StoreUnavailable) {
    return {
      type: problemType('store-unavailable'),
      title: 'The event store is unavailable',
      status: 503,
      detail: 'Try again shortly.',
    };
  }
  if (isBodyParserError(error)) {
    if (error.type === 'entity.too.large') {
      return {
        type: problemType('body-too-large'),
        title: 'Request body too large',
        status: 413,
        detail: `The limit is ${error.limit ?? '?'} bytes.`,
      };
    }
    if (error.type === 'entity.parse.failed') {
      return {
        type: problemType('malformed-json'),
        title: 'Request body is not valid JSON',
        status: 400,
      };
    }
    return {
      type: problemType('bad-request'),
      title: 'Bad request',
      status: error.status ?? 400,
      detail: error.type,
    };
  }
  // A path parameter that is not percent-encoded UTF-8 (e.g. `%ED%A0%80`): express's router
  // throws the URIError of decodeURIComponent; it is the client's mistake, not ours.
  if (error instanceof URIError) {
    return {
      type: problemType('malformed-url'),
      title: 'The URL is not validly percent-encoded',
      status: 400,
    };
  }
  return { type: problemType('internal'), title: 'Internal server error', status: 500 };
}

/**
 * The problem for an error Node's HTTP parser raised before there was a request to answer (the
 * server's 'clientError' event): `code` is Node's, e.g. HPE_HEADER_OVERFLOW when the request
 * line and headers pass `maxHeaderBytes`.
 */
export function clientErrorProblem(code: string | undefined, maxHeaderBytes: number): Problem {
  switch (code ?? 'unknown') {
    case 'HPE_HEADER_OVERFLOW':
      return {
        type: problemType('headers-too-large'),
        title: 'Request line and headers too large',
        status: 431,
        detail: `The request line and headers together may be at most ${maxHeaderBytes} bytes.`,
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return {
        type: problemType('chunk-extensions-too-large'),
        title: 'Chunk extensions too large',
        status: 413,
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        type: problemType('request-timeout'),
        title: 'The request took too long to arrive',
        status: 408,
      };
    default:
      return {
        type: problemType('malformed-request'),
        title: 'The request is not valid HTTP',
        status: 400,
      };
  }
}

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}
