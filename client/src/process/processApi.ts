// The REST calls of a document's process (deadlines and the silence procedure), typed by the
// contracts in @accord/shared; a live `process` change notice tells the banner to reload.
import { processContracts as process, type DeadlineKind } from '@accord/shared';
import { call } from '../api/call.js';

export const processApi = {
  get: (documentId: string) => call(process.getProcess, { params: { documentId } }),
  setDeadline: (documentId: string, kind: DeadlineKind, deadline: string, timeZone: string) =>
    call(process.setDeadline, { params: { documentId, kind }, body: { deadline, timeZone } }),
  clearDeadline: (documentId: string, kind: DeadlineKind) =>
    call(process.clearDeadline, { params: { documentId, kind } }),
  startSilence: (
    documentId: string,
    body: { paragraphIds: string[] | null; until: string; timeZone: string; note: string },
  ) => call(process.startSilence, { params: { documentId }, body }),
  withdrawSilence: (documentId: string, silenceId: string, reason: string) =>
    call(process.withdrawSilence, { params: { documentId, silenceId }, body: { reason } }),
  breakSilence: (documentId: string, silenceId: string, statement: string) =>
    call(process.breakSilence, { params: { documentId, silenceId }, body: { statement } }),
};

/** The kind of live change notice the server sends when a document's process changed. */
export const PROCESS_NOTICE_KIND = 'process';
