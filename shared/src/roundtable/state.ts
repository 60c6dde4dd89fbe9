// A roundtable's lifecycle: scheduled (its draft paper edited, signed off, issued as versions)
// until concluded. `draft` counts what the co-chairs sign: coverage, background and questions;
// sign-offs hold only for the draft they were given on.
import { unreachable } from '../decider.js';
import type { RoundtableCoverage } from './commands.js';
import type { RoundtableEvent } from './events.js';
import type { PaperFile } from './paper.js';

export interface IssuedPaper {
  version: number;
  draft: number;
  recordPosition: string;
  files: readonly PaperFile[];
  signedOffBy: readonly string[];
  issuedBy: string;
  issuedAt: string;
}

interface RoundtableInfo {
  roundtableId: string;
  negotiationId: string;
  theme: string;
  coChairStakeholderIds: readonly [string, string];
  date: string;
  coverage: RoundtableCoverage;
  invitedStakeholderIds: readonly string[];
  background: string;
  guidingQuestions: readonly string[];
  /** 1 when scheduled, +1 for every change to coverage, background or questions. */
  draft: number;
  /** Co-chair delegations that signed off the current draft since the last issue. */
  signOffs: readonly string[];
  papers: readonly IssuedPaper[];
  scheduledAt: string;
}

export type RoundtableState =
  | { status: 'none' }
  | ({ status: 'scheduled' } & RoundtableInfo)
  | ({ status: 'concluded'; summary: string; concludedAt: string } & RoundtableInfo);

export type RoundtableStatus = RoundtableState['status'];

export const initialRoundtableState = (): RoundtableState => ({ status: 'none' });

export function evolveRoundtable(state: RoundtableState, event: RoundtableEvent): RoundtableState {
  if (event.type === 'RoundtableScheduled') {
    const { roundtableId, negotiationId, theme, date, coverage, invitedStakeholderIds } =
      event.data;
    const [first, second] = event.data.coChairStakeholderIds;
    return {
      status: 'scheduled',
      roundtableId,
      negotiationId,
      theme,
      coChairStakeholderIds: [first!, second!],
      date,
      coverage,
      invitedStakeholderIds,
      background: '',
      guidingQuestions: [],
      draft: 1,
      signOffs: [],
      papers: [],
      scheduledAt: event.data.scheduledAt,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'RoundtableCoverageChanged':
      return { ...state, coverage: event.data.coverage, draft: event.data.draft, signOffs: [] };
    case 'RoundtableDraftEdited': {
      const { background, guidingQuestions, draft } = event.data;
      return { ...state, background, guidingQuestions, draft, signOffs: [] };
    }
    case 'RoundtableDraftSigned':
      return event.data.draft === state.draft
        ? { ...state, signOffs: [...state.signOffs, event.data.stakeholderId] }
        : state;
    case 'RoundtablePaperIssued': {
      const { version, draft, recordPosition, files, signedOffBy, issuedBy, issuedAt } = event.data;
      const paper = { version, draft, recordPosition, files, signedOffBy, issuedBy, issuedAt };
      // Each version needs its own sign-offs: the next one may be generated from a newer record.
      return { ...state, papers: [...state.papers, paper], signOffs: [] };
    }
    case 'RoundtableConcluded':
      return {
        ...state,
        status: 'concluded',
        summary: event.data.summary,
        concludedAt: event.data.concludedAt,
      };
    default:
      return unreachable(event);
  }
}
