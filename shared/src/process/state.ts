// A document's process: its deadlines and every silence procedure, oldest first. At most one
// silence runs at a time; earlier ones stay in the record with their breaks and outcome.
import { unreachable } from '../decider.js';
import type {
  DeadlineKind,
  ProcessEvent,
  SilenceOutcome,
  SilenceOutcomeProblem,
} from './events.js';

export interface Deadline {
  deadline: string;
  timeZone: string;
  setBy: string;
  setAt: string;
}

export interface SilenceBreak {
  stakeholderId: string;
  userId: string;
  statement: string;
  brokenAt: string;
}

export interface SilenceRecord {
  silenceId: string;
  /** Null: the whole text. */
  paragraphIds: string[] | null;
  until: string;
  timeZone: string;
  note: string;
  startedBy: { userId: string; stakeholderId: string };
  startedAt: string;
  /** In the order they were made; the first one ended the silence. */
  breaks: SilenceBreak[];
  /** Null while the silence runs. */
  ended: { outcome: SilenceOutcome; reason: string; endedAt: string } | null;
  /** What an adopted silence did to the document, once the server has carried it out. */
  result: {
    adoptedRevisionLabel: string | null;
    agreedParagraphIds: string[];
    problems: SilenceOutcomeProblem[];
    recordedAt: string;
  } | null;
}

export interface ProcessState {
  documentId: string | null;
  deadlines: Partial<Record<DeadlineKind, Deadline>>;
  silences: SilenceRecord[];
}

export const initialProcessState = (): ProcessState => ({
  documentId: null,
  deadlines: {},
  silences: [],
});

/** The silence under way, if any. */
export const runningSilence = (state: ProcessState): SilenceRecord | undefined => {
  const last = state.silences.at(-1);
  return last && last.ended === null ? last : undefined;
};

/** Whether the deadline of `kind` is set and `now` (UTC ISO) is at or past it. */
export function deadlinePassed(state: ProcessState, kind: DeadlineKind, now: string): boolean {
  const deadline = state.deadlines[kind];
  return deadline !== undefined && Date.parse(now) >= Date.parse(deadline.deadline);
}

export function evolveProcess(state: ProcessState, event: ProcessEvent): ProcessState {
  const documentId = state.documentId ?? event.data.documentId;
  switch (event.type) {
    case 'DeadlineSet': {
      const { kind, deadline, timeZone, setBy, setAt } = event.data;
      return {
        ...state,
        documentId,
        deadlines: { ...state.deadlines, [kind]: { deadline, timeZone, setBy, setAt } },
      };
    }
    case 'DeadlineCleared': {
      const deadlines = { ...state.deadlines };
      delete deadlines[event.data.kind];
      return { ...state, documentId, deadlines };
    }
    case 'SilenceStarted': {
      const { silenceId, paragraphIds, until, timeZone, note, startedBy, startedAt } = event.data;
      const silence: SilenceRecord = {
        silenceId,
        paragraphIds,
        until,
        timeZone,
        note,
        startedBy,
        startedAt,
        breaks: [],
        ended: null,
        result: null,
      };
      return { ...state, documentId, silences: [...state.silences, silence] };
    }
    case 'SilenceBroken': {
      const { brokenBy, statement, brokenAt } = event.data;
      const item: SilenceBreak = { ...brokenBy, statement, brokenAt };
      return updateSilence(state, event.data.silenceId, (s) => ({
        ...s,
        breaks: [...s.breaks, item],
      }));
    }
    case 'SilenceEnded': {
      const { outcome, reason, endedAt } = event.data;
      return updateSilence(state, event.data.silenceId, (s) => ({
        ...s,
        ended: { outcome, reason, endedAt },
      }));
    }
    case 'SilenceOutcomeRecorded': {
      const { adoptedRevisionLabel, agreedParagraphIds, problems, recordedAt } = event.data;
      return updateSilence(state, event.data.silenceId, (s) => ({
        ...s,
        result: { adoptedRevisionLabel, agreedParagraphIds, problems, recordedAt },
      }));
    }
    default:
      return unreachable(event);
  }
}

function updateSilence(
  state: ProcessState,
  silenceId: string,
  change: (silence: SilenceRecord) => SilenceRecord,
): ProcessState {
  return {
    ...state,
    silences: state.silences.map((s) => (s.silenceId === silenceId ? change(s) : s)),
  };
}
