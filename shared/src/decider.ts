// The shape every aggregate takes (ARCHITECTURE.md, "The path of a command") and the errors a
// decider throws. Each error has a stable `code` that the server maps, in one place, to HTTP
// problem details, socket.io acknowledgements and websocket close codes.

/** Pure: the server folds a stream with `evolve`, calls `decide`, and appends the result. */
export interface Decider<Command, Event, State> {
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
  initialState: () => State;
}

/** Folds events into state from the decider's initial state. */
export const foldEvents = <Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: Iterable<Event>,
): State => {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
};

export type DomainErrorCode = 'forbidden' | 'not_found' | 'conflict' | 'invalid';

export interface DomainErrorDetails {
  /**
   * A stable, machine-readable refinement of the code (e.g. `'invitation-expired'`), so the
   * client can explain the refusal in the user's language without parsing `message`.
   */
  reason?: string;
}

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  readonly reason: string | undefined;

  constructor(message: string, details: DomainErrorDetails = {}) {
    super(message);
    this.reason = details.reason;
  }
}

/** The actor's role does not allow this, or the actor is not the owner (sponsor, author). */
export class Forbidden extends DomainError {
  readonly code = 'forbidden';
  override readonly name = 'Forbidden';
}

/** The aggregate, or something the command names inside it, does not exist. */
export class NotFound extends DomainError {
  readonly code = 'not_found';
  override readonly name = 'NotFound';
}

/** The command clashes with the current state (duplicate, already decided, adopted, …). */
export class Conflict extends DomainError {
  readonly code = 'conflict';
  override readonly name: string = 'Conflict';
}

/** A lifecycle step that the current status does not allow, e.g. accepting a withdrawn amendment. */
export class IllegalTransition extends Conflict {
  override readonly name = 'IllegalTransition';

  constructor(
    readonly from: string,
    readonly attempted: string,
    details: DomainErrorDetails = {},
  ) {
    super(`Cannot ${attempted} when ${from}`, {
      reason: details.reason ?? `illegal-transition`,
    });
  }
}

/** The command is well-formed but makes no sense for the domain (e.g. a role that does not fit). */
export class Invalid extends DomainError {
  readonly code = 'invalid';
  override readonly name = 'Invalid';
}

/** HTTP status per code; the server's problem+json mapping reads this table. */
export const domainErrorStatus = {
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 422,
} as const satisfies Record<DomainErrorCode, number>;

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

/** Ends an exhaustive switch: a new command or event that is not handled fails to compile. */
export function unreachable(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
