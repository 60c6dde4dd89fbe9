/**
 * Who may open a negotiation. Opening one makes the opener its secretariat, so it is kept to the
 * operators named at start (ACCORD_OPERATORS, see config.ts); everyone else takes part by
 * invitation only. Edges (the REST route) ask here before they send OpenNegotiation.
 */
import { normaliseEmail } from '@accord/shared';
import { ForbiddenError } from '../errors.js';

export interface OperatorPolicy {
  isOperator(email: string): boolean;
  /** Refuses with `operator-only` unless the e-mail is an operator's. */
  assertMayOpenNegotiation(email: string): void;
}

export function createOperatorPolicy(operatorEmails: readonly string[]): OperatorPolicy {
  const operators = new Set(operatorEmails.map(normaliseEmail));
  const isOperator = (email: string) => operators.has(normaliseEmail(email));
  return {
    isOperator,
    assertMayOpenNegotiation(email) {
      if (isOperator(email)) return;
      throw new ForbiddenError('operator-only', 'Only an operator may open a negotiation', {
        detail:
          'Ask the people who run this server to open it, or to add your e-mail to ACCORD_OPERATORS.',
      });
    },
  };
}
