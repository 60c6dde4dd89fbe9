// Where a roundtable's paper stands and what the user may do about it: the co-chairs write and
// sign off the current draft, and once both have, the chair or secretariat issues the next version.
import { actsForCoChair, can } from '@accord/shared';
import type { Actor, StakeholderRef } from '../api/types.js';
import type { Roundtable, RoundtableSignOff } from './roundtable-api.js';

export interface SignOffState {
  /** Each co-chair with its sign-off on the current draft, if given. */
  coChairs: { stakeholder: StakeholderRef; signOff: RoundtableSignOff | undefined }[];
  /** Co-chairs that have not signed off the current draft yet. */
  waitingFor: StakeholderRef[];
  /** The user speaks for a co-chair delegation (may write the background and sign off). */
  coChair: boolean;
  mayEdit: boolean;
  /** The user's co-chair has not signed the current draft yet. */
  maySignOff: boolean;
  /** The user may issue papers (chair, secretariat). */
  mayIssue: boolean;
  /** Both co-chairs signed off the current draft. */
  ready: boolean;
  nextVersion: number;
}

export function signOffState(roundtable: Roundtable, you: Actor): SignOffState {
  const open = roundtable.status === 'scheduled';
  const coChairStakeholderIds = roundtable.coChairs.map((c) => c.stakeholderId);
  const coChair = actsForCoChair({ coChairStakeholderIds }, you);
  const coChairs = roundtable.coChairs.map((stakeholder) => ({
    stakeholder,
    signOff: roundtable.signOffs.find((s) => s.stakeholderId === stakeholder.stakeholderId),
  }));
  const waitingFor = coChairs.filter((c) => !c.signOff).map((c) => c.stakeholder);
  const signedByYours = coChairs.some(
    (c) => c.stakeholder.stakeholderId === you.stakeholderId && c.signOff,
  );
  return {
    coChairs,
    waitingFor,
    coChair,
    mayEdit: open && coChair,
    maySignOff: open && coChair && !signedByYours,
    mayIssue: open && can(you.role, 'roundtable.issuePaper'),
    ready: waitingFor.length === 0,
    nextVersion: roundtable.papers.reduce((max, p) => Math.max(max, p.version), 0) + 1,
  };
}
