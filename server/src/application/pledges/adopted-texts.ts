/**
 * The adopted texts of a negotiation that pledges are made towards, each with its objectives
 * (shared's `objectivesOf`: headed sections, or operative paragraphs when there are no headings),
 * read from the text as adopted with the numbers its adopted revision published. An adopted
 * text never changes, so its objectives are computed once per document and kept.
 */
import {
  objectivesOf,
  paragraphLabels,
  type AdoptedTextView,
  type ObjectiveView,
} from '@accord/shared';
import type { EventStore } from '../../eventstore/port.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import { paragraphsAt } from '../../text/text-points.js';
import { documentAt } from '../brackets/document-history.js';

export interface AdoptedTexts {
  /** The negotiation's adopted texts, as of `upTo` when a horizon applies. */
  list(negotiationId: string, upTo?: bigint): Promise<AdoptedTextView[]>;
  /** One adopted text (as of `upTo`); undefined when the document is not adopted then. */
  get(documentId: string, upTo?: bigint): Promise<AdoptedTextView | undefined>;
}

interface Deps {
  store: EventStore;
  queries: Pick<ReadModelQueries, 'listDocuments' | 'getDocument'>;
}

export function createAdoptedTexts(deps: Deps): AdoptedTexts {
  const objectivesByDocument = new Map<string, Promise<ObjectiveView[]>>();

  async function computeObjectives(
    documentId: string,
    revisionLabel: string,
    textRevision: string,
  ) {
    const { state } = await documentAt(deps.store, documentId);
    const revision =
      state.status === 'none' ? undefined : state.revisions.find((r) => r.label === revisionLabel);
    const paragraphs = await paragraphsAt(deps.store, documentId, BigInt(textRevision));
    const labels = paragraphLabels(paragraphs, new Map(revision?.numbering ?? []));
    return objectivesOf(
      paragraphs.map((p) => ({
        id: p.id,
        kind: p.kind,
        label: labels.get(p.id) ?? null,
        text: p.text,
      })),
    );
  }

  function objectives(documentId: string, revisionLabel: string, textRevision: string) {
    let found = objectivesByDocument.get(documentId);
    if (!found) {
      found = computeObjectives(documentId, revisionLabel, textRevision);
      // A failed read is not kept: the next request tries again.
      found.catch(() => objectivesByDocument.delete(documentId));
      objectivesByDocument.set(documentId, found);
    }
    return found;
  }

  async function get(documentId: string, upTo?: bigint): Promise<AdoptedTextView | undefined> {
    const document = deps.queries.getDocument(documentId);
    if (!document?.adoption) return undefined;
    if (upTo !== undefined) {
      const { state } = await documentAt(deps.store, documentId, { upToPosition: upTo });
      if (state.status !== 'adopted') return undefined;
    }
    const { revisionLabel, textRevision, adoptedAt } = document.adoption;
    return {
      documentId,
      title: document.title,
      symbol: document.symbol,
      adoptedAt,
      objectives: await objectives(documentId, revisionLabel, textRevision),
    };
  }

  return {
    get,
    async list(negotiationId, upTo) {
      const adopted = deps.queries.listDocuments(negotiationId).filter((d) => d.adopted);
      const texts = await Promise.all(adopted.map((d) => get(d.documentId, upTo)));
      return texts.filter((t): t is AdoptedTextView => t !== undefined);
    },
  };
}
