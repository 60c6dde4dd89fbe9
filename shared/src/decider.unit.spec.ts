import { describe, expect, it } from 'vitest';
import {
  Conflict,
  DomainError,
  Forbidden,
  IllegalTransition,
  Invalid,
  NotFound,
  domainErrorStatus,
  isDomainError,
} from './decider.js';

describe('domain errors', () => {
  it('carry stable codes that map to HTTP statuses', () => {
    const errors = [new Forbidden('x'), new NotFound('x'), new Conflict('x'), new Invalid('x')];
    expect(errors.map((e) => [e.code, domainErrorStatus[e.code]])).toEqual([
      ['forbidden', 403],
      ['not_found', 404],
      ['conflict', 409],
      ['invalid', 422],
    ]);
  });

  it('make an illegal transition a conflict with a reason', () => {
    const error = new IllegalTransition('the amendment is withdrawn', 'accept', {
      reason: 'amendment-withdrawn',
    });
    expect(error).toBeInstanceOf(Conflict);
    expect(error).toBeInstanceOf(DomainError);
    expect(isDomainError(error)).toBe(true);
    expect(error.code).toBe('conflict');
    expect(error.reason).toBe('amendment-withdrawn');
    expect(error.name).toBe('IllegalTransition');
    expect(error.message).toBe('Cannot accept when the amendment is withdrawn');
  });

  it('tell domain errors from other errors', () => {
    expect(isDomainError(new Error('boom'))).toBe(false);
  });
});
