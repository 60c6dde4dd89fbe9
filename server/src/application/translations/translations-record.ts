/**
 * A document's `translations-<documentId>` stream folded with the shared `evolveTranslations`.
 * One stream per document holds every language: a few events per paragraph and language, small
 * enough to read whole on each request.
 */
import {
  evolveTranslations,
  initialTranslationsState,
  translationEventSchemas,
  translationsStream,
  type TranslationsState,
} from '@accord/shared';
import type { EventStore } from '../../eventstore/port.js';
import { foldStream } from '../fold-stream.js';

export const translationsNow = (
  store: EventStore,
  documentId: string,
): Promise<TranslationsState> =>
  foldStream(
    store,
    translationsStream(documentId),
    translationEventSchemas,
    evolveTranslations,
    initialTranslationsState(),
  );
