/**
 * The part of `@eventstore/db-client`'s client the adapter uses, named once so the adapter's
 * modules and the tests' stand-in agree on it.
 */
import type { EventStoreDBClient } from '@eventstore/db-client';

export type EsdbClient = Pick<
  EventStoreDBClient,
  | 'appendToStream'
  | 'readStream'
  | 'readAll'
  | 'subscribeToStream'
  | 'subscribeToAll'
  | 'getStreamMetadata'
  | 'setStreamMetadata'
  | 'deleteStream'
  | 'tombstoneStream'
  | 'dispose'
>;
