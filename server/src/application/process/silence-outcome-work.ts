/**
 * Reactor work: an adopted silence becomes the document's outcome. For the whole text, the
 * document is adopted at its latest issued revision; for listed paragraphs, each is agreed ad
 * ref. Then what was done (and what could not be) is recorded on the process stream with
 * SilenceOutcomeRecorded, which everyone reads in the process view.
 *
 * Once: every command's id is derived from the silence id, so work delivered again after a
 * restart is answered with what it appended the first time, and the outcome, once recorded,
 * short-circuits it. When adoption cannot happen the silence stays adopted — the room did not
 * object — but the record says why the document was not changed:
 * - `no-revision`: nothing has been issued, so there is no text to adopt (the chair issues one
 *   and adopts it by hand);
 * - the decider's reason when it refuses (`document-adopted`, `paragraph-has-brackets`, …);
 * - `paragraph-gone`: a listed paragraph is no longer in the text.
 * Failures of the store or the text are thrown, so the reactor retries them.
 */
import {
  isDomainError,
  type AccordCommand,
  type Actor,
  type SilenceOutcomeProblem,
  type SilenceRecord,
} from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import { derivedId } from '../../commands/event-ids.js';
import type { EventStore, RecordedEvent } from '../../eventstore/port.js';
import { documentAt } from '../brackets/document-history.js';
import type { DocumentText } from '../ports.js';
import type { ReactorWork } from '../reactors/reactor.js';
import { processAt } from './process-record.js';

interface Deps {
  store: EventStore;
  commands: CommandService;
  text: Pick<DocumentText, 'paragraphs'>;
}

export function silenceOutcomeWork(deps: Deps): ReactorWork {
  return {
    name: 'silence-outcome',
    filter: { on: 'eventType', prefixes: ['SilenceEnded'] },
    describe: (event) => {
      const { documentId, silenceId } = event.data as { documentId?: unknown; silenceId?: unknown };
      return { documentId, silenceId };
    },
    async handle(event: RecordedEvent) {
      const { documentId, silenceId, outcome } = event.data as {
        documentId: string;
        silenceId: string;
        outcome: string;
      };
      if (outcome !== 'adopted') return;
      const silence = (await processAt(deps.store, documentId)).silences.find(
        (s) => s.silenceId === silenceId,
      );
      if (!silence || silence.result) return;
      await carryOut(deps, documentId, silence);
    },
  };
}

async function carryOut(deps: Deps, documentId: string, silence: SilenceRecord): Promise<void> {
  const actor: Actor = { ...silence.startedBy, role: 'chair' };
  const now = new Date().toISOString();
  const meta = (step: string) => ({ commandId: derivedId(silence.silenceId, step), actor, now });
  const problems: SilenceOutcomeProblem[] = [];
  /** Runs a command; a refusal by the domain becomes a problem on the record, not a retry. */
  const attempt = async (command: AccordCommand, paragraphId: string | null) => {
    try {
      return await deps.commands.execute(command);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      problems.push({ paragraphId, reason: error.reason ?? error.code, detail: error.message });
      return undefined;
    }
  };

  let adoptedRevisionLabel: string | null = null;
  const agreedParagraphIds: string[] = [];
  if (silence.paragraphIds === null) {
    const { state } = await documentAt(deps.store, documentId);
    const latest = state.status === 'none' ? undefined : state.revisions.at(-1);
    if (!latest) {
      problems.push({
        paragraphId: null,
        reason: 'no-revision',
        detail: 'No revision had been issued, so there was no text to adopt.',
      });
    } else {
      const result = await attempt(
        {
          type: 'AdoptDocument',
          data: { documentId, revisionLabel: latest.label },
          meta: meta('adopt'),
        },
        null,
      );
      const adopted = result?.events.find((e) => e.type === 'DocumentAdopted');
      if (adopted) adoptedRevisionLabel = adopted.data.revisionLabel;
    }
  } else {
    const present = new Set((await deps.text.paragraphs(documentId)).map((p) => p.id));
    for (const paragraphId of silence.paragraphIds) {
      if (!present.has(paragraphId)) {
        problems.push({
          paragraphId,
          reason: 'paragraph-gone',
          detail: 'The paragraph is no longer in the text.',
        });
        continue;
      }
      const result = await attempt(
        {
          type: 'SetParagraphStatus',
          data: {
            documentId,
            paragraphId,
            status: 'agreed-ad-ref',
            reason: `Agreed under the silence procedure that ended ${silence.until}.`,
          },
          meta: meta(`agree:${paragraphId}`),
        },
        paragraphId,
      );
      if (result) agreedParagraphIds.push(paragraphId);
    }
  }
  await deps.commands.execute({
    type: 'RecordSilenceOutcome',
    data: {
      documentId,
      silenceId: silence.silenceId,
      adoptedRevisionLabel,
      agreedParagraphIds,
      problems,
    },
    meta: meta('outcome'),
  });
}
