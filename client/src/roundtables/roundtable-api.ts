// The roundtable endpoints the app calls, typed by the roundtable contracts in @accord/shared
// (the JSON they answer with is defined there once), kept beside the roundtable screens.
import {
  roundtableContracts as roundtables,
  type EndpointInput,
  type RoundtableCoverage,
  type RoundtablePaperFormat,
} from '@accord/shared';
import { call, fileUrl } from '../api/call.js';

export type {
  RoundtablePaperView as RoundtablePaper,
  RoundtableSignOffView as RoundtableSignOff,
  RoundtableView as Roundtable,
} from '@accord/shared';

export type ScheduleRoundtableBody = NonNullable<
  EndpointInput<typeof roundtables.scheduleRoundtable>['body']
>;

export const roundtableApi = {
  list: (negotiationId: string) => call(roundtables.listRoundtables, { params: { negotiationId } }),
  get: (roundtableId: string) => call(roundtables.getRoundtable, { params: { roundtableId } }),
  schedule: (negotiationId: string, body: ScheduleRoundtableBody) =>
    call(roundtables.scheduleRoundtable, { params: { negotiationId }, body }),
  editDraft: (roundtableId: string, body: { background: string; guidingQuestions: string[] }) =>
    call(roundtables.editDraft, { params: { roundtableId }, body }),
  changeCoverage: (roundtableId: string, coverage: RoundtableCoverage) =>
    call(roundtables.changeCoverage, { params: { roundtableId }, body: coverage }),
  signOff: (roundtableId: string, draft: number) =>
    call(roundtables.signOff, { params: { roundtableId }, body: { draft } }),
  issue: (roundtableId: string, draft: number) =>
    call(roundtables.issuePaper, { params: { roundtableId }, body: { draft } }),
  conclude: (roundtableId: string, summary: string) =>
    call(roundtables.concludeRoundtable, { params: { roundtableId }, body: { summary } }),
};

/** An issued file, byte for byte as circulated. */
export const paperUrl = (roundtableId: string, version: number, format: RoundtablePaperFormat) =>
  fileUrl(roundtables.downloadPaper, { params: { roundtableId, version }, query: { format } });

/** The current draft rendered now (not recorded). */
export const previewUrl = (roundtableId: string, format: RoundtablePaperFormat) =>
  fileUrl(roundtables.previewPaper, { params: { roundtableId }, query: { format } });

/** Whether a change notice concerns a negotiation's roundtables. */
export const isRoundtableNotice = (n: { kind: string; eventType: string }) =>
  n.kind === 'roundtable' || n.eventType.startsWith('Roundtable');
