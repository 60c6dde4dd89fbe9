// Decides commands on a roundtable. The chair and secretariat schedule it, change what it covers,
// issue paper versions and conclude it; members acting for the two co-chair delegations write the
// background and guiding questions and sign off the draft. A version is issued only when both
// co-chairs signed off the draft as it stands. The server checks what needs other streams (that
// the co-chairs are delegations of the negotiation, that the paragraphs exist).
import {
  Conflict,
  Forbidden,
  IllegalTransition,
  Invalid,
  NotFound,
  unreachable,
  type Decider,
} from '../decider.js';
import type { Actor } from '../messages.js';
import { assertCan } from '../permissions.js';
import type {
  ChangeRoundtableCoverage,
  ConcludeRoundtable,
  EditRoundtableDraft,
  IssueRoundtablePaper,
  RoundtableCommand,
  RoundtableCoverage,
  ScheduleRoundtable,
  SignOffRoundtablePaper,
} from './commands.js';
import type { RoundtableEvent } from './events.js';
import { evolveRoundtable, initialRoundtableState, type RoundtableState } from './state.js';

type Scheduled = Extract<RoundtableState, { status: 'scheduled' }>;

export function decideRoundtable(
  command: RoundtableCommand,
  state: RoundtableState,
): RoundtableEvent[] {
  switch (command.type) {
    case 'ScheduleRoundtable':
      return schedule(command, state);
    case 'ChangeRoundtableCoverage':
      return changeCoverage(command, state);
    case 'EditRoundtableDraft':
      return editDraft(command, state);
    case 'SignOffRoundtablePaper':
      return signOff(command, state);
    case 'IssueRoundtablePaper':
      return issue(command, state);
    case 'ConcludeRoundtable':
      return conclude(command, state);
    default:
      return unreachable(command);
  }
}

export const roundtableDecider: Decider<RoundtableCommand, RoundtableEvent, RoundtableState> = {
  decide: decideRoundtable,
  evolve: evolveRoundtable,
  initialState: initialRoundtableState,
};

/** Whether the actor speaks for one of the co-chair delegations (as its delegate or as a chair). */
export function actsForCoChair(
  state: { coChairStakeholderIds: readonly string[] },
  actor: Actor,
): boolean {
  return (
    (actor.role === 'delegate' || actor.role === 'chair') &&
    state.coChairStakeholderIds.includes(actor.stakeholderId)
  );
}

/** Both co-chairs have signed off the current draft: a version may be issued. */
export const readyToIssue = (state: {
  coChairStakeholderIds: readonly string[];
  signOffs: readonly string[];
}) => state.coChairStakeholderIds.every((id) => state.signOffs.includes(id));

function schedule(command: ScheduleRoundtable, state: RoundtableState): RoundtableEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'roundtable.schedule');
  if (state.status !== 'none') {
    throw new Conflict('This roundtable has already been scheduled', {
      reason: 'roundtable-exists',
    });
  }
  const data = command.data;
  if (data.coChairStakeholderIds.length !== 2 || !distinct(data.coChairStakeholderIds)) {
    throw new Invalid('A roundtable has exactly two co-chairs from different delegations', {
      reason: 'two-co-chairs',
    });
  }
  return [
    {
      type: 'RoundtableScheduled',
      data: {
        roundtableId: data.roundtableId,
        negotiationId: data.negotiationId,
        theme: data.theme,
        coChairStakeholderIds: [...data.coChairStakeholderIds],
        date: data.date,
        coverage: data.coverage,
        invitedStakeholderIds: [...data.invitedStakeholderIds],
        scheduledBy: actor.userId,
        scheduledAt: now,
      },
    },
  ];
}

function changeCoverage(
  command: ChangeRoundtableCoverage,
  state: RoundtableState,
): RoundtableEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'roundtable.schedule');
  const roundtable = requireScheduled(state, command.data.roundtableId, 'change the coverage');
  const { coverage } = command.data;
  if (sameCoverage(coverage, roundtable.coverage)) return [];
  return [
    {
      type: 'RoundtableCoverageChanged',
      data: {
        roundtableId: roundtable.roundtableId,
        coverage,
        draft: roundtable.draft + 1,
        changedBy: actor.userId,
        changedAt: now,
      },
    },
  ];
}

function editDraft(command: EditRoundtableDraft, state: RoundtableState): RoundtableEvent[] {
  const { actor, now } = command.meta;
  const roundtable = requireScheduled(state, command.data.roundtableId, 'edit the paper');
  assertCoChair(roundtable, actor, 'write the background and guiding questions');
  const { background, guidingQuestions } = command.data;
  if (
    background === roundtable.background &&
    sameList(guidingQuestions, roundtable.guidingQuestions)
  ) {
    return [];
  }
  return [
    {
      type: 'RoundtableDraftEdited',
      data: {
        roundtableId: roundtable.roundtableId,
        background,
        guidingQuestions: [...guidingQuestions],
        draft: roundtable.draft + 1,
        stakeholderId: actor.stakeholderId,
        editedBy: actor.userId,
        editedAt: now,
      },
    },
  ];
}

function signOff(command: SignOffRoundtablePaper, state: RoundtableState): RoundtableEvent[] {
  const { actor, now } = command.meta;
  const roundtable = requireScheduled(state, command.data.roundtableId, 'sign off');
  assertCoChair(roundtable, actor, 'sign off the paper');
  assertCurrentDraft(roundtable, command.data.draft);
  if (roundtable.background.trim() === '' || roundtable.guidingQuestions.length === 0) {
    throw new Invalid('Write the background and at least one guiding question first', {
      reason: 'draft-incomplete',
    });
  }
  if (roundtable.signOffs.includes(actor.stakeholderId)) return [];
  return [
    {
      type: 'RoundtableDraftSigned',
      data: {
        roundtableId: roundtable.roundtableId,
        draft: roundtable.draft,
        stakeholderId: actor.stakeholderId,
        signedOffBy: actor.userId,
        signedOffAt: now,
      },
    },
  ];
}

function issue(command: IssueRoundtablePaper, state: RoundtableState): RoundtableEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'roundtable.issuePaper');
  const roundtable = requireScheduled(state, command.data.roundtableId, 'issue a paper');
  assertCurrentDraft(roundtable, command.data.draft);
  if (!readyToIssue(roundtable)) {
    throw new Conflict('Both co-chairs must sign off the current draft before it is issued', {
      reason: 'sign-off-missing',
    });
  }
  const next = roundtable.papers.length + 1;
  if (command.data.version !== next) {
    throw new Conflict(`The next version is ${next}`, { reason: 'version-taken' });
  }
  const last = roundtable.papers.at(-1);
  if (last && BigInt(command.data.recordPosition) < BigInt(last.recordPosition)) {
    throw new Invalid('A paper cannot be generated from an older record than the last one', {
      reason: 'record-position-older',
    });
  }
  return [
    {
      type: 'RoundtablePaperIssued',
      data: {
        roundtableId: roundtable.roundtableId,
        version: next,
        draft: roundtable.draft,
        recordPosition: command.data.recordPosition,
        files: command.data.files.map((f) => ({ ...f })),
        signedOffBy: [...roundtable.coChairStakeholderIds],
        issuedBy: actor.userId,
        issuedAt: now,
      },
    },
  ];
}

function conclude(command: ConcludeRoundtable, state: RoundtableState): RoundtableEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'roundtable.schedule');
  const roundtable = requireScheduled(state, command.data.roundtableId, 'conclude');
  return [
    {
      type: 'RoundtableConcluded',
      data: {
        roundtableId: roundtable.roundtableId,
        summary: command.data.summary,
        concludedBy: actor.userId,
        concludedAt: now,
      },
    },
  ];
}

function requireScheduled(
  state: RoundtableState,
  roundtableId: string,
  attempted: string,
): Scheduled {
  if (state.status === 'none')
    throw new NotFound('No such roundtable', { reason: 'unknown-roundtable' });
  if (state.roundtableId !== roundtableId) {
    throw new Invalid('The command names another roundtable', { reason: 'wrong-aggregate' });
  }
  if (state.status !== 'scheduled') {
    throw new IllegalTransition(`the roundtable is ${state.status}`, attempted, {
      reason: `roundtable-${state.status}`,
    });
  }
  return state;
}

function assertCoChair(roundtable: Scheduled, actor: Actor, attempted: string): void {
  if (!actsForCoChair(roundtable, actor)) {
    throw new Forbidden(`Only the co-chair delegations may ${attempted}`, {
      reason: 'not-a-co-chair',
    });
  }
}

function assertCurrentDraft(roundtable: Scheduled, draft: number): void {
  if (draft !== roundtable.draft) {
    throw new Conflict(`The draft has changed since (now draft ${roundtable.draft})`, {
      reason: 'draft-changed',
    });
  }
}

const distinct = (ids: readonly string[]) => new Set(ids).size === ids.length;

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const sameCoverage = (a: RoundtableCoverage, b: RoundtableCoverage) =>
  a.documentId === b.documentId && sameList(a.paragraphIds, b.paragraphIds);
