/**
 * The burn-down of a document's language versions, day by day: the original's paragraphs at
 * each day's end (the text as of that time) and the translation events, handed to the shared
 * `translationBurndown`. Reads only; at most a month of days, each one text load.
 *
 *   const days = await translationBurndownOf({ store, queries }, documentId, new Date());
 */
import {
  burndownDays,
  endOfDay,
  targetLanguages,
  translationBurndown,
  translationEventSchemas,
  translationsStream,
  type BurndownDay,
  type TranslationEvent,
} from '@accord/shared';
import type { EventStore } from '../../eventstore/port.js';
import type { ReadModelQueries } from '../../readmodels/queries.js';
import { foldStream } from '../fold-stream.js';
import { paragraphsAt, textRevisionAtTime } from '../../text/text-points.js';

/** Every translation event of the document, in stream order. */
const translationEvents = (store: EventStore, documentId: string) =>
  foldStream<TranslationEvent, TranslationEvent[]>(
    store,
    translationsStream(documentId),
    translationEventSchemas,
    (events, event) => [...events, event],
    [],
  );

export async function translationBurndownOf(
  deps: { store: EventStore; queries: Pick<ReadModelQueries, 'getDocument'> },
  documentId: string,
  now: Date,
): Promise<BurndownDay[]> {
  const document = deps.queries.getDocument(documentId);
  if (!document) return [];
  const days = burndownDays(document.createdAt, now.toISOString());
  const withText = await Promise.all(
    days.map(async (day) => {
      const revision = await textRevisionAtTime(deps.store, documentId, Date.parse(endOfDay(day)));
      return { day, original: await paragraphsAt(deps.store, documentId, revision) };
    }),
  );
  return translationBurndown(
    withText,
    await translationEvents(deps.store, documentId),
    targetLanguages(),
  );
}
