/**
 * The reactor work that carries brackets' and options' decisions into the text, once each:
 * - BracketedWordsDeleted: the bracket's words are deleted;
 * - OptionAdded: a paragraphs set gets the option's new paragraph after the set's last one; an
 *   inline set gets the words after the previous option's, and RecordOptionPlacement records
 *   where they went;
 * - OptionChosen: the other options are struck (inline words deleted, paragraphs deleted).
 *
 * Idempotent by event, as the amendment-text work is by amendment: the text's update that does
 * the work names it (`metadata.workId`, the event's id), written in the same append as the
 * change, so before doing anything the work looks for that update after the event. An inline
 * option interrupted after its words were written finds their anchors in that update and still
 * records the placement.
 */
import {
  docTextStream,
  parseStoredEvent,
  roleSchema,
  type Actor,
  type DocumentEvent,
  type OptionSetState,
  type PartyRef,
} from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import { derivedId } from '../../commands/event-ids.js';
import { occurredAtOf } from '../../eventstore/occurred-at.js';
import type { EventStore, RecordedEvent } from '../../eventstore/port.js';
import type { DocumentText, TextEdit, WordsAnchor } from '../ports.js';
import type { ReactorWork } from '../reactors/reactor.js';
import { documentAt } from './document-history.js';

export const BRACKET_TEXT_REACTOR = 'bracket-text';

export interface BracketTextDeps {
  store: EventStore;
  commands: CommandService;
  text: Pick<DocumentText, 'applyTextWork' | 'findTextWork'>;
}

type Handled = Extract<
  DocumentEvent,
  { type: 'BracketedWordsDeleted' | 'OptionAdded' | 'OptionChosen' }
>;

function handled(event: RecordedEvent): Handled {
  const parsed = parseStoredEvent({ type: event.type, data: event.data, metadata: event.metadata });
  if (
    parsed.type !== 'BracketedWordsDeleted' &&
    parsed.type !== 'OptionAdded' &&
    parsed.type !== 'OptionChosen'
  ) {
    throw new Error(`The bracket-text reactor was given a ${parsed.type} event`);
  }
  return parsed;
}

/** The party who decided, acting in the role the event's metadata recorded. */
function actorOf(event: RecordedEvent, party: PartyRef): Actor {
  const role = roleSchema.safeParse(event.metadata.role);
  return { ...party, role: role.success ? role.data : 'delegate' };
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

/** The paragraphs scope's new paragraph goes after the last paragraph of the options before it. */
function paragraphAfter(set: OptionSetState, optionId: string): string {
  const index = set.options.findIndex((o) => o.optionId === optionId);
  const before = set.options.slice(0, index === -1 ? undefined : index);
  return before.flatMap((o) => (o.paragraphId ? [o.paragraphId] : [])).at(-1) ?? set.paragraphId;
}

/** Inline: the anchor of the nearest option before this one whose words are placed. */
function anchorBefore(set: OptionSetState, optionId: string): WordsAnchor | null {
  const index = set.options.findIndex((o) => o.optionId === optionId);
  const before = set.options.slice(0, index === -1 ? undefined : index);
  return before.flatMap((o) => (o.anchor ? [o.anchor] : [])).at(-1) ?? null;
}

/** What the event asks of the text, given the document as it stands now. */
function editsFor(
  event: Handled,
  set: OptionSetState | undefined,
  bracketAnchor: WordsAnchor | undefined,
): TextEdit[] {
  switch (event.type) {
    case 'BracketedWordsDeleted':
      return bracketAnchor ? [{ kind: 'delete-words', anchor: bracketAnchor }] : [];
    case 'OptionAdded': {
      const { optionId, words, noText, paragraphId, kind } = event.data;
      if (!set || noText) return [];
      if (set.scope === 'paragraphs') {
        if (paragraphId === null || kind === null) return [];
        return [
          {
            kind: 'insert-paragraph-after',
            afterParagraphId: paragraphAfter(set, optionId),
            paragraph: { id: paragraphId, kind, text: words },
          },
        ];
      }
      const anchor = anchorBefore(set, optionId);
      return anchor
        ? [{ kind: 'insert-words-after', anchor, paragraphId: set.paragraphId, words }]
        : [];
    }
    case 'OptionChosen': {
      if (!set) return [];
      const others = set.options.filter((o) => o.optionId !== event.data.optionId);
      return others.flatMap((o): TextEdit[] => {
        if (set.scope === 'inline')
          return o.anchor ? [{ kind: 'delete-words', anchor: o.anchor }] : [];
        return o.paragraphId ? [{ kind: 'delete-paragraph', paragraphId: o.paragraphId }] : [];
      });
    }
  }
}

const partyOf = (event: Handled): PartyRef => {
  switch (event.type) {
    case 'BracketedWordsDeleted':
      return event.data.deletedBy;
    case 'OptionAdded':
      return event.data.proposedBy;
    case 'OptionChosen':
      return event.data.chosenBy;
  }
};

export function bracketTextWork(deps: BracketTextDeps): ReactorWork {
  const { store, commands, text } = deps;

  /** Inline options: records where the reactor wrote the words (the decider ignores a repeat). */
  const recordPlacement = async (
    recorded: RecordedEvent,
    event: Extract<Handled, { type: 'OptionAdded' }>,
    anchor: WordsAnchor,
  ) => {
    const { documentId, optionSetId, optionId } = event.data;
    await commands.execute({
      type: 'RecordOptionPlacement',
      data: { documentId, optionSetId, optionId, anchor },
      meta: {
        commandId: derivedId(recorded.id, 'option-placed'),
        actor: actorOf(recorded, event.data.proposedBy),
        now: occurredAtOf(recorded).iso,
      },
    });
  };

  return {
    name: BRACKET_TEXT_REACTOR,
    filter: {
      on: 'eventType',
      prefixes: ['BracketedWordsDeleted', 'OptionAdded', 'OptionChosen'],
    },
    describe: (event) => {
      const data = event.data as { bracketId?: unknown; optionSetId?: unknown; optionId?: unknown };
      return {
        eventType: event.type,
        bracketId: data.bracketId,
        optionSetId: data.optionSetId,
        optionId: data.optionId,
        eventId: event.id,
      };
    },
    async handle(recorded) {
      const event = handled(recorded);
      const { documentId } = event.data;
      const workId = recorded.id;
      const { state } = await documentAt(store, documentId);
      if (state.status === 'none') throw new Error(`Document ${documentId} has no stream`);
      const set =
        event.type === 'BracketedWordsDeleted'
          ? undefined
          : state.optionSets[event.data.optionSetId];
      const placedOption =
        event.type === 'OptionAdded'
          ? set?.options.find((o) => o.optionId === event.data.optionId)
          : undefined;

      const done = await text.findTextWork(documentId, workId, recorded.position!);
      if (done) {
        // The words are in; only an inline placement may still be unrecorded.
        const anchor = done.placed[0];
        if (
          event.type === 'OptionAdded' &&
          set?.scope === 'inline' &&
          anchor &&
          !placedOption?.anchor
        ) {
          await recordPlacement(recorded, event, anchor);
        }
        return;
      }
      const bracketAnchor =
        event.type === 'BracketedWordsDeleted'
          ? state.brackets[event.data.bracketId]?.anchor
          : undefined;
      const edits = editsFor(event, set, bracketAnchor);
      if (edits.length === 0) return;
      // Dated with the decision, but never before the text's latest update (time travel).
      const decidedAt = occurredAtOf(recorded);
      const latest = await lastTextUpdate(store, documentId);
      const at =
        latest !== undefined && latest > decidedAt.ms
          ? new Date(latest).toISOString()
          : decidedAt.iso;
      const { placed } = await text.applyTextWork(
        documentId,
        { workId, by: actorOf(recorded, partyOf(event)), at },
        edits,
      );
      const anchor = placed[0];
      if (event.type === 'OptionAdded' && set?.scope === 'inline' && anchor) {
        await recordPlacement(recorded, event, anchor);
      }
    },
  };
}
