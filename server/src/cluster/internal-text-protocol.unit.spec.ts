// Errors thrown on a document's owner cross to the calling node as the same class, code and
// details, so the API answers exactly as one node would; the schemas refuse malformed calls.
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  UnavailableError,
} from '../application/errors.js';
import { StoreUnavailable } from '../eventstore/errors.js';
import { toProblem } from '../http/problem.js';
import {
  decodeError,
  encodeError,
  failedAnswerSchema,
  textCalls,
  textRequestSchema,
} from './internal-text-protocol.js';

/** Through JSON and the answer's schema, as over the wire. */
const acrossTheWire = (error: unknown) => {
  const body = JSON.parse(JSON.stringify({ status: 500, error: encodeError(error) })) as unknown;
  return decodeError(failedAnswerSchema.parse(body).error);
};

describe('errors across the wire', () => {
  it.each([
    new ConflictError('anchor-lost', 'The words are gone', { detail: 'Revise it.' }),
    new NotFoundError('Amendment not found'),
    new NotFoundError('No such paragraph', { code: 'paragraph-not-found' }),
    InvalidInputError.field('invalid-range', 'Not in the paragraph', 'body.range', 'outside'),
    new UnavailableError('busy', 'Try later', { extensions: { retryAfter: 2 } }),
  ])('$code comes back as the same class with the same problem', (error) => {
    const back = acrossTheWire(error);
    expect(back.constructor).toBe(error.constructor);
    expect(toProblem(back)).toEqual(toProblem(error));
    expect(back.message).toBe(error.message);
  });

  it('keeps a store outage a 503, a range error a range error, and anything else a 500', () => {
    expect(acrossTheWire(new StoreUnavailable('down'))).toBeInstanceOf(StoreUnavailable);
    expect(toProblem(acrossTheWire(new StoreUnavailable('down'))).status).toBe(503);
    expect(acrossTheWire(new RangeError('off'))).toBeInstanceOf(RangeError);
    expect(toProblem(acrossTheWire(new TypeError('boom'))).status).toBe(500);
  });
});

describe('call schemas', () => {
  it('accepts a well-formed call and refuses a malformed one', () => {
    const work = {
      work: {
        workId: 'w1',
        by: { userId: 'u1', stakeholderId: 's1', role: 'chair' },
      },
      edits: [{ kind: 'delete-paragraph', paragraphId: 'p1' }],
    };
    expect(textCalls.applyTextWork.args.safeParse(work).success).toBe(true);
    expect(
      textCalls.applyTextWork.args.safeParse({ ...work, edits: [{ kind: 'rewrite-everything' }] })
        .success,
    ).toBe(false);
    expect(textCalls.anchor.args.safeParse({ paragraphId: 'p1', start: -1, end: 2 }).success).toBe(
      false,
    );
    expect(
      textRequestSchema.safeParse({ documentId: 'd', args: {}, readModelsAt: '12' }).success,
    ).toBe(true);
    expect(
      textRequestSchema.safeParse({ documentId: 'd', args: {}, readModelsAt: '-1' }).success,
    ).toBe(false);
  });
});
