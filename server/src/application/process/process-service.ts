/**
 * A document's process as the edges use it: the chair's deadlines and silence procedures, a
 * delegation's break, the view everyone reads, and the guard that refuses amendments and
 * positions after their deadline. Commands go to the `process-<documentId>` stream; starting a
 * silence also hands it to the scheduler, so its deadline is armed before the request answers.
 *
 *   await process.startSilence({ documentId, silenceId, paragraphIds: null, until, … }, meta);
 *   await process.assertBeforeDeadline(documentId, 'amendments', meta.now);   // 409 once passed
 */
import {
  runningSilence,
  type CommandMeta,
  type DeadlineKind,
  type ProcessState,
  type ProcessView,
  type SilenceRecord,
  type SilenceView,
  type StakeholderView,
} from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import type { EventStore } from '../../eventstore/port.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import type { DocumentText } from '../ports.js';
import { stakeholderRefs } from '../stakeholder-refs.js';
import { processAt } from './process-record.js';

export interface StartSilenceInput {
  documentId: string;
  silenceId: string;
  paragraphIds: string[] | null;
  until: string;
  timeZone: string;
  note: string;
}

type Done = Promise<{ position: bigint | undefined }>;

/**
 * The process's part of the chair's decision queue, across a negotiation's documents: deadlines
 * still ahead (soonest first), silences under way, and silences broken (latest first) with the
 * statements to follow up.
 */
export interface ProcessQueue {
  deadlinesAhead: { documentId: string; kind: DeadlineKind; deadline: string; timeZone: string }[];
  silencesRunning: { documentId: string; silence: SilenceView }[];
  silencesBroken: { documentId: string; silence: SilenceView }[];
}

export interface ProcessService {
  view(documentId: string, now?: Date): Promise<ProcessView>;
  queue(negotiationId: string, now?: Date): Promise<ProcessQueue>;
  setDeadline(
    documentId: string,
    kind: DeadlineKind,
    deadline: string,
    timeZone: string,
    meta: CommandMeta,
  ): Done;
  clearDeadline(documentId: string, kind: DeadlineKind, meta: CommandMeta): Done;
  startSilence(input: StartSilenceInput, meta: CommandMeta): Done;
  withdrawSilence(documentId: string, silenceId: string, reason: string, meta: CommandMeta): Done;
  breakSilence(documentId: string, silenceId: string, statement: string, meta: CommandMeta): Done;
  /** Refuses (409 `deadline-passed`) once the document's deadline of `kind` has passed. */
  assertBeforeDeadline(documentId: string, kind: DeadlineKind, now: string): Promise<void>;
}

const kindWords: Record<DeadlineKind, { noun: string; verb: string }> = {
  amendments: { noun: 'amendments', verb: 'No amendment can be tabled' },
  positions: { noun: 'positions', verb: 'No position can be stated' },
};

export function createProcessService(deps: {
  commands: CommandService;
  store: EventStore;
  queries: Pick<ReadModelQueries, 'getDocument' | 'listStakeholders' | 'listDocuments'>;
  text: Pick<DocumentText, 'paragraphs'>;
  /** Arms the deadline of a silence just started (the scheduler also sees it in the log). */
  scheduleSilence(documentId: string, silence: SilenceRecord): void;
}): ProcessService {
  const { commands } = deps;
  const run = async (command: Parameters<CommandService['execute']>[0]) => ({
    position: (await commands.execute(command)).position,
  });

  const service: ProcessService = {
    async view(documentId, now = new Date()) {
      const document = deps.queries.getDocument(documentId);
      if (!document) throw new NotFoundError('Document not found');
      const stakeholders = new Map(
        deps.queries.listStakeholders(document.negotiationId).map((s) => [s.stakeholderId, s]),
      );
      return toView(documentId, await processAt(deps.store, documentId), stakeholders, now);
    },

    async queue(negotiationId, now = new Date()) {
      const queue: ProcessQueue = { deadlinesAhead: [], silencesRunning: [], silencesBroken: [] };
      for (const { documentId } of deps.queries.listDocuments(negotiationId)) {
        const view = await service.view(documentId, now);
        for (const d of view.deadlines) {
          if (!d.passed) queue.deadlinesAhead.push({ documentId, ...d });
        }
        if (view.silence) queue.silencesRunning.push({ documentId, silence: view.silence });
        for (const silence of view.silences) {
          if (silence.status === 'broken') queue.silencesBroken.push({ documentId, silence });
        }
      }
      queue.deadlinesAhead.sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline));
      queue.silencesBroken.sort(
        (a, b) => Date.parse(b.silence.endedAt ?? '') - Date.parse(a.silence.endedAt ?? ''),
      );
      return queue;
    },

    setDeadline: (documentId, kind, deadline, timeZone, meta) =>
      run({ type: 'SetDeadline', data: { documentId, kind, deadline, timeZone }, meta }),

    clearDeadline: (documentId, kind, meta) =>
      run({ type: 'ClearDeadline', data: { documentId, kind }, meta }),

    async startSilence(input, meta) {
      if (input.paragraphIds !== null) {
        const known = new Set((await deps.text.paragraphs(input.documentId)).map((p) => p.id));
        const unknown = input.paragraphIds.filter((id) => !known.has(id));
        if (unknown.length > 0) {
          throw InvalidInputError.field(
            'unknown-paragraph',
            'No such paragraph in this document',
            'body.paragraphIds',
            `not in the document: ${unknown.join(', ')}`,
          );
        }
      }
      const result = await run({ type: 'StartSilence', data: input, meta });
      const started = (await processAt(deps.store, input.documentId)).silences.find(
        (s) => s.silenceId === input.silenceId,
      );
      if (started && started.ended === null) deps.scheduleSilence(input.documentId, started);
      return result;
    },

    withdrawSilence: (documentId, silenceId, reason, meta) =>
      run({ type: 'WithdrawSilence', data: { documentId, silenceId, reason }, meta }),

    breakSilence: (documentId, silenceId, statement, meta) =>
      run({ type: 'BreakSilence', data: { documentId, silenceId, statement }, meta }),

    async assertBeforeDeadline(documentId, kind, now) {
      const deadline = (await processAt(deps.store, documentId)).deadlines[kind];
      if (!deadline || Date.parse(now) < Date.parse(deadline.deadline)) return;
      const words = kindWords[kind];
      throw new ConflictError('deadline-passed', `The deadline for ${words.noun} has passed`, {
        detail: `${words.verb} on this document after ${deadline.deadline} (the chair set it in ${deadline.timeZone}).`,
        extensions: { kind, deadline: deadline.deadline, timeZone: deadline.timeZone },
      });
    },
  };
  return service;
}

function toView(
  documentId: string,
  state: ProcessState,
  stakeholders: ReadonlyMap<string, StakeholderView>,
  now: Date,
): ProcessView {
  const ref = stakeholderRefs(stakeholders.values());
  const silence = (s: SilenceRecord): SilenceView => ({
    silenceId: s.silenceId,
    paragraphIds: s.paragraphIds,
    until: s.until,
    timeZone: s.timeZone,
    note: s.note,
    startedBy: ref(s.startedBy.stakeholderId),
    startedAt: s.startedAt,
    status: s.ended?.outcome ?? 'running',
    endedAt: s.ended?.endedAt ?? null,
    reason: s.ended?.reason ?? '',
    breaks: s.breaks.map((b) => ({
      stakeholder: ref(b.stakeholderId),
      statement: b.statement,
      brokenAt: b.brokenAt,
    })),
    result: s.result
      ? {
          adoptedRevisionLabel: s.result.adoptedRevisionLabel,
          agreedParagraphIds: s.result.agreedParagraphIds,
          problems: s.result.problems,
        }
      : null,
  });
  const running = runningSilence(state);
  return {
    documentId,
    now: now.toISOString(),
    deadlines: (['amendments', 'positions'] as const).flatMap((kind) => {
      const d = state.deadlines[kind];
      return d
        ? [
            {
              kind,
              deadline: d.deadline,
              timeZone: d.timeZone,
              setAt: d.setAt,
              passed: now.getTime() >= Date.parse(d.deadline),
            },
          ]
        : [];
    }),
    silence: running ? silence(running) : null,
    silences: state.silences.map(silence).reverse(),
  };
}
