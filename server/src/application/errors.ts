/**
 * The errors the application layer (and the edges below HTTP) refuse with. They say what went
 * wrong in the application's terms (a kind, a stable code, a human title) and nothing about
 * transport: the HTTP edge (`http/problem.ts`) maps each kind to a status and the code to a
 * problem type, the CLI prints the title and detail.
 *
 *   throw new NotFoundError('Amendment not found');
 *   throw new ConflictError('anchor-lost', 'The words … are no longer in the text', { detail });
 */

/** What kind of refusal: decides the HTTP status at the edge, and nothing else does. */
export type ApplicationErrorKind =
  | 'bad-request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'gone'
  | 'too-large'
  | 'invalid-input'
  | 'rate-limited'
  | 'internal'
  | 'unavailable';

/** A field the request got wrong: where (e.g. `body.range`) and why. */
export interface FieldError {
  path: string;
  message: string;
}

export interface ApplicationErrorDetails {
  /** A sentence on what to do about it. */
  detail?: string;
  /** Field-level errors, for invalid input. */
  errors?: FieldError[];
  /** Extra machine-readable facts a client may use (e.g. the action and role refused). */
  extensions?: Record<string, unknown>;
}

export class ApplicationError extends Error {
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly extensions: Record<string, unknown> | undefined;

  constructor(
    readonly kind: ApplicationErrorKind,
    /** Stable, kebab-case: clients and tests rely on it (`urn:accord:problem:<code>` over HTTP). */
    readonly code: string,
    readonly title: string,
    details: ApplicationErrorDetails = {},
  ) {
    super(details.detail ?? title);
    this.name = new.target.name;
    this.detail = details.detail;
    this.errors = details.errors;
    this.extensions = details.extensions;
  }
}

export const isApplicationError = (error: unknown): error is ApplicationError =>
  error instanceof ApplicationError;

/** The request cannot be understood at all (not a field-level problem). */
export class BadRequestError extends ApplicationError {
  constructor(code: string, title: string, details?: ApplicationErrorDetails) {
    super('bad-request', code, title, details);
  }
}

export class UnauthenticatedError extends ApplicationError {
  constructor(code: string, title: string, details?: ApplicationErrorDetails) {
    super('unauthenticated', code, title, details);
  }
}

export class ForbiddenError extends ApplicationError {
  constructor(code: string, title: string, details?: ApplicationErrorDetails) {
    super('forbidden', code, title, details);
  }
}

/** Nothing with that id that the caller may see; the code defaults to `not-found`. */
export class NotFoundError extends ApplicationError {
  constructor(title: string, details?: ApplicationErrorDetails & { code?: string }) {
    super('not-found', details?.code ?? 'not-found', title, details);
  }
}

/** The request is valid but the record's current state refuses it. */
export class ConflictError extends ApplicationError {
  constructor(code: string, title: string, details?: ApplicationErrorDetails) {
    super('conflict', code, title, details);
  }
}

export class GoneError extends ApplicationError {
  constructor(code: string, title: string, details?: ApplicationErrorDetails) {
    super('gone', code, title, details);
  }
}

export class TooLargeError extends ApplicationError {
  constructor(code: string, title: string, details?: ApplicationErrorDetails) {
    super('too-large', code, title, details);
  }
}

/** Well-formed but wrong: a field names something that does not exist, a range is off, … */
export class InvalidInputError extends ApplicationError {
  constructor(code: string, title: string, details?: ApplicationErrorDetails) {
    super('invalid-input', code, title, details);
  }

  /** One wrong field, the common case. */
  static field(code: string, title: string, path: string, message: string, detail?: string) {
    return new InvalidInputError(code, title, {
      ...(detail === undefined ? {} : { detail }),
      errors: [{ path, message }],
    });
  }
}

export class RateLimitedError extends ApplicationError {
  constructor(code: string, title: string, details?: ApplicationErrorDetails) {
    super('rate-limited', code, title, details);
  }
}

/** Something the server holds is broken; the code says what, the detail is safe to show. */
export class InternalError extends ApplicationError {
  constructor(code: string, title: string, details?: ApplicationErrorDetails) {
    super('internal', code, title, details);
  }
}

/** A dependency cannot do the work now; trying again later may succeed. */
export class UnavailableError extends ApplicationError {
  constructor(code: string, title: string, details?: ApplicationErrorDetails) {
    super('unavailable', code, title, details);
  }
}
