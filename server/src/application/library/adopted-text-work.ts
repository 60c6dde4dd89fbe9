/**
 * Reactor work: a document adopted here joins the agreed-language library. When DocumentAdopted
 * is in the log, the text as adopted (the paragraphs at the adopted revision's text, with the
 * numbers that revision published) is added as a library text on behalf of the chair who
 * adopted it. Once: the library text's id and the command's id are derived from the document,
 * so work delivered again after a restart is recognised (the text exists) and appends nothing.
 */
import { isDomainError, type Actor, type UiLanguage } from '@accord/shared';
import type { CommandService } from '../../commands/command-service.js';
import { derivedId } from '../../commands/event-ids.js';
import type { EventStore, RecordedEvent } from '../../eventstore/port.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import { paragraphsAt } from '../../text/text-points.js';
import { documentAt } from '../brackets/document-history.js';
import type { ReactorWork } from '../reactors/reactor.js';

interface Deps {
  store: EventStore;
  commands: CommandService;
  queries: Pick<ReadModelQueries, 'getMembership'>;
  /** The language texts adopted here are in (the documents' language is not recorded yet). */
  language?: UiLanguage;
}

/** The library text id of a document adopted here. */
export const adoptedLibraryTextId = (documentId: string): string =>
  derivedId(documentId, 'library-text');

export function adoptedTextWork(deps: Deps): ReactorWork {
  return {
    name: 'library-adopted-text',
    filter: { on: 'eventType', prefixes: ['DocumentAdopted'] },
    describe: (event) => ({ documentId: (event.data as { documentId?: unknown }).documentId }),
    async handle(event: RecordedEvent) {
      const { documentId, revisionLabel, textRevision, adoptedBy, adoptedAt } = event.data as {
        documentId: string;
        revisionLabel: string;
        textRevision: string;
        adoptedBy: string;
        adoptedAt: string;
      };
      const { state } = await documentAt(deps.store, documentId);
      if (state.status === 'none') return;
      const revision = state.revisions.find((r) => r.label === revisionLabel);
      const labels = new Map(revision?.numbering ?? []);
      const paragraphs = (await paragraphsAt(deps.store, documentId, BigInt(textRevision)))
        .filter((p) => p.kind !== 'heading' && p.text.trim() !== '')
        .map((p, index) => ({ ref: labels.get(p.id) ?? `¶ ${index + 1}`, text: p.text.trim() }));
      if (paragraphs.length === 0) return;
      const stakeholderId =
        (event.metadata.stakeholderId as string | undefined) ??
        deps.queries.getMembership(state.negotiationId, adoptedBy)?.stakeholderId;
      if (!stakeholderId) return;
      const actor: Actor = { userId: adoptedBy, stakeholderId, role: 'chair' };
      try {
        await deps.commands.execute({
          type: 'AddLibraryText',
          data: {
            libraryTextId: adoptedLibraryTextId(documentId),
            negotiationId: state.negotiationId,
            source: 'adopted',
            documentId,
            revisionLabel,
            title: state.title.slice(0, 300),
            symbol: state.symbol.trim() === '' ? null : state.symbol.slice(0, 80),
            adoptedOn: adoptedAt.slice(0, 10),
            language: deps.language ?? 'en',
            paragraphs,
          },
          meta: { commandId: derivedId(documentId, 'library-add'), actor, now: adoptedAt },
        });
      } catch (error) {
        // Already in the library: this is work delivered again.
        if (isDomainError(error) && error.reason === 'library-text-exists') return;
        throw error;
      }
    },
  };
}
