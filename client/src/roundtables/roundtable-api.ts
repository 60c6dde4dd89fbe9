// The roundtable routes the app calls (server/src/api/roundtable-routes.ts) and the JSON they
// answer with (server/src/readmodels/queries/roundtables.ts), kept beside the roundtable screens.
import type { PaperFile, RoundtableCoverage, RoundtablePaperFormat } from '@accord/shared';
import { request } from '../api/http.js';
import type { CommandResult, StakeholderRef } from '../api/types.js';

export interface RoundtablePaper {
  roundtableId: string;
  version: number;
  draft: number;
  recordPosition: string;
  files: PaperFile[];
  signedOffBy: StakeholderRef[];
  issuedBy: string;
  issuedAt: string;
}

export interface RoundtableSignOff {
  stakeholderId: string;
  userId: string;
  at: string;
  stakeholder: StakeholderRef;
}

export interface Roundtable {
  roundtableId: string;
  negotiationId: string;
  documentId: string;
  theme: string;
  /** YYYY-MM-DD */
  date: string;
  status: 'scheduled' | 'concluded';
  coChairs: StakeholderRef[];
  coverage: RoundtableCoverage;
  invited: StakeholderRef[];
  background: string;
  guidingQuestions: string[];
  draft: number;
  signOffs: RoundtableSignOff[];
  readyToIssue: boolean;
  papers: RoundtablePaper[];
  summary: string | null;
  scheduledBy: string;
  scheduledAt: string;
  concludedBy: string | null;
  concludedAt: string | null;
  updatedAt: string;
}

export interface ScheduleRoundtableBody {
  theme: string;
  coChairStakeholderIds: [string, string];
  date: string;
  coverage: RoundtableCoverage;
  invitedStakeholderIds: string[];
}

const enc = encodeURIComponent;

export const roundtableApi = {
  list: (negotiationId: string) =>
    request<Roundtable[]>('GET', `/negotiations/${enc(negotiationId)}/roundtables`),
  get: (roundtableId: string) => request<Roundtable>('GET', `/roundtables/${enc(roundtableId)}`),
  schedule: (negotiationId: string, body: ScheduleRoundtableBody) =>
    request<{ roundtableId: string } & CommandResult>(
      'POST',
      `/negotiations/${enc(negotiationId)}/roundtables`,
      body,
    ),
  editDraft: (roundtableId: string, body: { background: string; guidingQuestions: string[] }) =>
    request<CommandResult>('PUT', `/roundtables/${enc(roundtableId)}/draft`, body),
  changeCoverage: (roundtableId: string, coverage: RoundtableCoverage) =>
    request<CommandResult>('PUT', `/roundtables/${enc(roundtableId)}/coverage`, coverage),
  signOff: (roundtableId: string, draft: number) =>
    request<CommandResult>('POST', `/roundtables/${enc(roundtableId)}/sign-off`, { draft }),
  issue: (roundtableId: string, draft: number) =>
    request<{ roundtableId: string; version: number } & CommandResult>(
      'POST',
      `/roundtables/${enc(roundtableId)}/papers`,
      { draft },
    ),
  conclude: (roundtableId: string, summary: string) =>
    request<CommandResult>('POST', `/roundtables/${enc(roundtableId)}/conclude`, { summary }),
};

/** An issued file, byte for byte as circulated. */
export const paperUrl = (roundtableId: string, version: number, format: RoundtablePaperFormat) =>
  `/api/roundtables/${enc(roundtableId)}/papers/${version}?format=${format}`;

/** The current draft rendered now (not recorded). */
export const previewUrl = (roundtableId: string, format: RoundtablePaperFormat) =>
  `/api/roundtables/${enc(roundtableId)}/paper-preview?format=${format}`;

/** Whether a change notice concerns a negotiation's roundtables. */
export const isRoundtableNotice = (n: { kind: string; eventType: string }) =>
  n.kind === 'roundtable' || n.eventType.startsWith('Roundtable');
