// Decides commands on a document's process. The chair sets and clears deadlines and starts or
// withdraws a silence; a delegation breaks it, in writing, before its deadline; the server's
// scheduler expires it at the deadline (adopted, once) and records what the adoption did.
import {
  Conflict,
  IllegalTransition,
  Invalid,
  NotFound,
  unreachable,
  type Decider,
} from '../decider.js';
import { assertCan } from '../permissions.js';
import type {
  BreakSilence,
  ClearDeadline,
  ExpireSilence,
  ProcessCommand,
  RecordSilenceOutcome,
  SetDeadline,
  StartSilence,
  WithdrawSilence,
} from './commands.js';
import type { ProcessEvent } from './events.js';
import {
  evolveProcess,
  initialProcessState,
  runningSilence,
  type ProcessState,
  type SilenceRecord,
} from './state.js';

export function decideProcess(command: ProcessCommand, state: ProcessState): ProcessEvent[] {
  if (state.documentId !== null && state.documentId !== command.data.documentId) {
    throw new Invalid('The command names another document', { reason: 'wrong-aggregate' });
  }
  switch (command.type) {
    case 'SetDeadline':
      return setDeadline(command, state);
    case 'ClearDeadline':
      return clearDeadline(command, state);
    case 'StartSilence':
      return startSilence(command, state);
    case 'WithdrawSilence':
      return withdrawSilence(command, state);
    case 'BreakSilence':
      return breakSilence(command, state);
    case 'ExpireSilence':
      return expireSilence(command, state);
    case 'RecordSilenceOutcome':
      return recordOutcome(command, state);
    default:
      return unreachable(command);
  }
}

export const processDecider: Decider<ProcessCommand, ProcessEvent, ProcessState> = {
  decide: decideProcess,
  evolve: evolveProcess,
  initialState: initialProcessState,
};

const isAfter = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

function setDeadline(command: SetDeadline, state: ProcessState): ProcessEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'deadline.set');
  const { documentId, kind, deadline, timeZone } = command.data;
  if (!isAfter(deadline, now)) {
    throw new Invalid('A deadline must be in the future', { reason: 'deadline-in-past' });
  }
  const current = state.deadlines[kind];
  if (current && current.deadline === deadline && current.timeZone === timeZone) return [];
  return [
    {
      type: 'DeadlineSet',
      data: { documentId, kind, deadline, timeZone, setBy: actor.userId, setAt: now },
    },
  ];
}

function clearDeadline(command: ClearDeadline, state: ProcessState): ProcessEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'deadline.set');
  const { documentId, kind } = command.data;
  if (!state.deadlines[kind]) return [];
  return [
    {
      type: 'DeadlineCleared',
      data: { documentId, kind, clearedBy: actor.userId, clearedAt: now },
    },
  ];
}

function startSilence(command: StartSilence, state: ProcessState): ProcessEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'silence.start');
  const { documentId, silenceId, paragraphIds, until, timeZone, note } = command.data;
  if (state.silences.some((s) => s.silenceId === silenceId)) {
    throw new Conflict('This silence procedure was already started', { reason: 'silence-exists' });
  }
  if (runningSilence(state)) {
    throw new Conflict('A silence procedure is already under way on this document', {
      reason: 'silence-running',
    });
  }
  if (!isAfter(until, now)) {
    throw new Invalid('A silence procedure must end in the future', { reason: 'deadline-in-past' });
  }
  const unique = paragraphIds === null ? null : [...new Set(paragraphIds)];
  return [
    {
      type: 'SilenceStarted',
      data: {
        documentId,
        silenceId,
        paragraphIds: unique,
        until,
        timeZone,
        note,
        startedBy: { userId: actor.userId, stakeholderId: actor.stakeholderId },
        startedAt: now,
      },
    },
  ];
}

function withdrawSilence(command: WithdrawSilence, state: ProcessState): ProcessEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'silence.withdraw');
  const { documentId, silenceId, reason } = command.data;
  const silence = requireSilence(state, silenceId);
  if (silence.ended) {
    throw new IllegalTransition(
      `the silence procedure ended (${silence.ended.outcome})`,
      'withdraw',
      {
        reason: 'silence-ended',
      },
    );
  }
  return [
    {
      type: 'SilenceEnded',
      data: { documentId, silenceId, outcome: 'withdrawn', reason, endedAt: now },
    },
  ];
}

/**
 * The first break ends the silence. Until the original deadline other delegations may still
 * put their own break on the record (delegations often break silence together), which adds a
 * statement but ends nothing again.
 */
function breakSilence(command: BreakSilence, state: ProcessState): ProcessEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'silence.break');
  const { documentId, silenceId, statement } = command.data;
  const silence = requireSilence(state, silenceId);
  if (!isAfter(silence.until, now)) {
    throw new Conflict('The silence procedure’s deadline has passed', {
      reason: 'deadline-passed',
    });
  }
  if (silence.ended && silence.ended.outcome !== 'broken') {
    throw new IllegalTransition(`the silence procedure ended (${silence.ended.outcome})`, 'break', {
      reason: 'silence-ended',
    });
  }
  if (silence.breaks.some((b) => b.stakeholderId === actor.stakeholderId)) {
    throw new Conflict('Your delegation has already broken this silence', {
      reason: 'already-broken',
    });
  }
  const broken: ProcessEvent = {
    type: 'SilenceBroken',
    data: {
      documentId,
      silenceId,
      statement,
      brokenBy: { userId: actor.userId, stakeholderId: actor.stakeholderId },
      brokenAt: now,
    },
  };
  if (silence.ended) return [broken];
  return [
    broken,
    {
      type: 'SilenceEnded',
      data: { documentId, silenceId, outcome: 'broken', reason: '', endedAt: now },
    },
  ];
}

/**
 * The scheduler's step at the deadline. Repeating it changes nothing (a silence already ended,
 * by a break, a withdrawal or an earlier expiry, stays as it ended), so several nodes or a
 * restart may all try it and the record still says "adopted" once.
 */
function expireSilence(command: ExpireSilence, state: ProcessState): ProcessEvent[] {
  const { now } = command.meta;
  const { documentId, silenceId } = command.data;
  const silence = requireSilence(state, silenceId);
  if (silence.ended) return [];
  if (isAfter(silence.until, now)) {
    throw new Conflict('The silence procedure has not reached its deadline', {
      reason: 'silence-not-due',
    });
  }
  return [
    {
      type: 'SilenceEnded',
      data: { documentId, silenceId, outcome: 'adopted', reason: '', endedAt: now },
    },
  ];
}

function recordOutcome(command: RecordSilenceOutcome, state: ProcessState): ProcessEvent[] {
  const { actor, now } = command.meta;
  assertCan(actor.role, 'silence.start');
  const { documentId, silenceId, adoptedRevisionLabel, agreedParagraphIds, problems } =
    command.data;
  const silence = requireSilence(state, silenceId);
  if (silence.ended?.outcome !== 'adopted') {
    throw new Conflict('Only an adopted silence has an outcome to record', {
      reason: 'silence-not-adopted',
    });
  }
  if (silence.result) return [];
  return [
    {
      type: 'SilenceOutcomeRecorded',
      data: {
        documentId,
        silenceId,
        adoptedRevisionLabel,
        agreedParagraphIds,
        problems,
        recordedAt: now,
      },
    },
  ];
}

function requireSilence(state: ProcessState, silenceId: string): SilenceRecord {
  const silence = state.silences.find((s) => s.silenceId === silenceId);
  if (!silence) throw new NotFound('No such silence procedure', { reason: 'unknown-silence' });
  return silence;
}
