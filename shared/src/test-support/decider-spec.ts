// Given/when/then for deciders, in vitest:
//
//   DeciderSpecification.for(amendmentDecider)
//     .given([tabled, withdrawn]).when(accept).thenThrows(IllegalTransition);
import { expect } from 'vitest';
import { foldEvents, type Decider } from '../decider.js';

type ErrorClass = abstract new (...args: never[]) => Error;
type ErrorCheck = ErrorClass | ((error: unknown) => boolean);

export interface Given<Command, Event> {
  when(command: Command): Then<Event>;
}

export interface Then<Event> {
  /** The decider returns exactly these events (deep equality, in order). */
  then(expected: readonly Event[]): void;
  /** The command is accepted but changes nothing (a repeat of what is already so). */
  thenNothingHappens(): void;
  /** The decider throws an instance of the class (and, if given, the error passes `check`). */
  thenThrows<E extends Error>(
    expected: abstract new (...args: never[]) => E,
    check?: (error: E) => boolean,
  ): void;
  thenThrows(predicate: (error: unknown) => boolean): void;
}

const isErrorClass = (value: ErrorCheck): value is ErrorClass =>
  typeof value === 'function' && (value.prototype as unknown) instanceof Error;

export const DeciderSpecification = {
  for<Command, Event, State>(decider: Decider<Command, Event, State>) {
    return {
      given(events: readonly Event[]): Given<Command, Event> {
        return {
          when(command: Command): Then<Event> {
            const run = () => decider.decide(command, foldEvents(decider, events));
            return {
              then(expected) {
                const actual = run();
                expect(actual).toEqual(expected);
                // What decide emits must also fold: catches events that evolve cannot take.
                expect(() => foldEvents(decider, [...events, ...actual])).not.toThrow();
              },
              thenNothingHappens() {
                expect(run()).toEqual([]);
              },
              thenThrows(expected: ErrorCheck, check?: (error: never) => boolean) {
                let thrown: unknown;
                try {
                  run();
                } catch (error) {
                  thrown = error;
                }
                expect(thrown, 'expected the command to be refused').toBeDefined();
                if (isErrorClass(expected)) {
                  expect(thrown).toBeInstanceOf(expected);
                  if (check) expect(check(thrown as never), 'error check').toBe(true);
                } else {
                  expect(expected(thrown), 'error predicate').toBe(true);
                }
              },
            };
          },
        };
      },
    };
  },
};
