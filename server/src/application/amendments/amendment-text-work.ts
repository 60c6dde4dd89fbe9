/**
 * The reactor work that brings an accepted amendment's words into the text: for every
 * `AmendmentAccepted` in the log, apply the amendment to its document's text, once. A
 * sub-amendment's acceptance is skipped: its words revise its parent, which reaches the text when
 * the parent is accepted.
 *
 * Idempotent by the accepted amendment: the text's update that applies an amendment names it
 * (`metadata.amendmentId` on the `doctext` event, written in the same append as the words), so
 * before applying, the work looks for such an update in the document's text after the
 * acceptance. Found: the words are there already and nothing is done. That check and the
 * words are one fact in one stream, so no crash can leave them disagreeing.
 *
 * The words are dated with the chair's decision (what the record says happened), but never
 * before the text's latest update, so the text's own times stay in order for time travel.
 */
import {
  docTextStream,
  parseStoredEvent,
  roleSchema,
  type Actor,
  type AccordEvent,
} from '@accord/shared';
import { occurredAtOf } from '../../eventstore/occurred-at.js';
import type { EventStore, RecordedEvent } from '../../eventstore/port.js';
import type { DocumentText } from '../ports.js';
import type { ReactorWork } from '../reactors/reactor.js';

export const AMENDMENT_TEXT_REACTOR = 'amendment-text';

export interface AmendmentTextDeps {
  store: EventStore;
  text: Pick<DocumentText, 'applyAmendment'>;
  /** The amendment's document, from the read models. */
  documentOf(amendmentId: string): string | undefined;
  /** Resolves once the read models have applied the log up to `position`. */
  waitForReadModels(position: bigint): Promise<void>;
}

type Accepted = Extract<AccordEvent, { type: 'AmendmentAccepted' }>;

function accepted(event: RecordedEvent): Accepted['data'] {
  const parsed = parseStoredEvent({ type: event.type, data: event.data, metadata: event.metadata });
  if (parsed.type !== 'AmendmentAccepted') {
    throw new Error(`The amendment-text reactor was given a ${parsed.type} event`);
  }
  return parsed.data;
}

/** Whether an update of the document's text after `since` applied this amendment. */
export async function amendmentInText(
  store: EventStore,
  documentId: string,
  amendmentId: string,
  since: bigint,
): Promise<boolean> {
  const stream = docTextStream(documentId);
  for await (const event of store.readAll({
    fromPosition: since,
    filter: { on: 'streamName', prefixes: [stream] },
  })) {
    if (event.streamId === stream && event.metadata.amendmentId === amendmentId) return true;
  }
  return false;
}

/** When the text's latest update happened (ms), or undefined for a text without updates. */
async function lastTextUpdate(store: EventStore, documentId: string): Promise<number | undefined> {
  for await (const last of store.readStream(docTextStream(documentId), {
    direction: 'backwards',
    maxCount: 1,
  }))
    return occurredAtOf(last).ms;
  return undefined;
}

/** The chair who decided, as the event's metadata recorded them acting. */
function decidingChair(event: RecordedEvent, decidedBy: string): Actor {
  const role = roleSchema.safeParse(event.metadata.role);
  const stakeholderId = event.metadata.stakeholderId;
  return {
    userId: decidedBy,
    stakeholderId: typeof stakeholderId === 'string' ? stakeholderId : '',
    role: role.success ? role.data : 'chair',
  };
}

export function amendmentTextWork(deps: AmendmentTextDeps): ReactorWork {
  const { store, text } = deps;
  return {
    name: AMENDMENT_TEXT_REACTOR,
    filter: { on: 'eventType', prefixes: ['AmendmentAccepted'] },
    describe: (event) => {
      const data = event.data as { amendmentId?: unknown };
      return { amendmentId: data.amendmentId, eventId: event.id };
    },
    async handle(event) {
      const position = event.position!;
      const { amendmentId, decidedBy, parentAmendmentId } = accepted(event);
      // A sub-amendment's words went into its parent's proposal, not into the text.
      if (parentAmendmentId !== undefined) return;
      // The amendment's latest wording must be in the read models before it is applied.
      await deps.waitForReadModels(position);
      const documentId = deps.documentOf(amendmentId);
      if (documentId === undefined)
        throw new Error(`Amendment ${amendmentId} is not in the read models`);
      if (await amendmentInText(store, documentId, amendmentId, position)) return;
      const decidedAt = occurredAtOf(event);
      const latest = await lastTextUpdate(store, documentId);
      const at =
        latest !== undefined && latest > decidedAt.ms
          ? new Date(latest).toISOString()
          : decidedAt.iso;
      await text.applyAmendment(documentId, amendmentId, decidingChair(event, decidedBy), at);
    },
  };
}
