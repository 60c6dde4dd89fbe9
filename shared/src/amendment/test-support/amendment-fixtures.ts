// What the amendment decider's specs share: the people, a proposal, and a command builder.
import type { DomainError } from '../../decider.js';
import { actor, metaFor, uuid } from '../../test-support/fixtures.js';
import type { AmendmentCommand } from '../commands.js';
import type { ProposalInput } from '../proposal.js';

export const withReason = (reason: string) => (e: DomainError) => e.reason === reason;

export const documentId = uuid(2);
export const paragraphId = uuid(300);
export const KENYA = uuid(12);
export const NORWAY = uuid(13);
export const MEXICO = uuid(17);

export const kenyanDelegate = actor(uuid(101), KENYA, 'delegate');
export const norwegianDelegate = actor(uuid(102), NORWAY, 'delegate');
/** The chair, from Mexico's delegation. */
export const chair = actor(uuid(106), MEXICO, 'chair');

export const replace: ProposalInput = {
  kind: 'replace',
  anchor: { start: 'AQID', end: 'BAUG' },
  originalText: 'shall',
  proposedText: 'should',
};

export const command = <T extends AmendmentCommand['type']>(
  type: T,
  data: Extract<AmendmentCommand, { type: T }>['data'],
  by = kenyanDelegate,
) => ({ type, data, meta: metaFor(by) }) as AmendmentCommand;
